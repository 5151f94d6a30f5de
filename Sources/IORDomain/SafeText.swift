/// Makes free text from the store safe to print, so that a name typed or hand-edited into a
/// document can never move the cursor, recolour the terminal or break a Markdown table.
///
/// Appropriate wherever stored text (names, titles, owners, plans) is written into `table` or
/// `md` output. JSON and CSV quote their strings by their own rules and need none of this.
public enum SafeText {
  /// `text` with every C0 control character, DEL and C1 control character written as a
  /// visible `\xHH` escape, and every bidirectional override or isolate as `\u{HHHH}`, so an
  /// ANSI escape sequence prints as `\x1B[31m` and does nothing.
  public static func terminal(_ text: String) -> String {
    rewritten(text, lineBreak: nil, keepsTabs: false, backslashed: [])
  }

  /// `text` safe for the terminal with its line breaks and tabs kept (a CR LF pair, or a lone
  /// CR, is one line break): for free text shown whole, such as `echo` or a finding's detail.
  /// Every other control character is escaped as `terminal(_:)` does.
  public static func multiline(_ text: String) -> String {
    rewritten(text, lineBreak: "\n", keepsTabs: true, backslashed: [])
  }

  /// `text` safe inside one Markdown table cell or heading: a line break becomes `<br>`;
  /// Markdown's inline syntax and HTML (`\` `|` `*` `_` `` ` `` `[` `]` `<` `>` `&` `~` `#`) is
  /// backslash-escaped, so a name cannot add a column, format text or carry markup; every other
  /// control character is escaped as `terminal(_:)` does.
  public static func markdownCell(_ text: String) -> String {
    rewritten(text, lineBreak: "<br>", keepsTabs: false, backslashed: markdownSyntax)
  }

  private static let markdownSyntax: Set<Unicode.Scalar> = [
    "|", "\\", "*", "_", "`", "[", "]", "<", ">", "&", "~", "#",
  ]

  /// `text` with each line break (LF, CR LF or CR) written as `lineBreak` (escaped when nil),
  /// tabs kept or escaped, each scalar of `backslashed` after a backslash, and every other
  /// control character escaped. Text that needs none of it is returned as it is.
  private static func rewritten(
    _ text: String, lineBreak: String?, keepsTabs: Bool, backslashed: Set<Unicode.Scalar>
  ) -> String {
    guard text.unicodeScalars.contains(where: { needsEscape($0) || backslashed.contains($0) })
    else { return text }
    // Built as scalars: appending to `String.unicodeScalars` copies the string every time.
    var out = String.UnicodeScalarView()
    var previousWasCarriageReturn = false
    for scalar in text.unicodeScalars {
      defer { previousWasCarriageReturn = scalar == "\r" }
      if let lineBreak, scalar == "\n" || scalar == "\r" {
        // The LF of a CR LF pair was written with its CR.
        if !(scalar == "\n" && previousWasCarriageReturn) {
          out.append(contentsOf: lineBreak.unicodeScalars)
        }
      } else if scalar == "\t" && keepsTabs {
        out.append(scalar)
      } else if backslashed.contains(scalar) {
        out.append("\\")
        out.append(scalar)
      } else if needsEscape(scalar) {
        out.append(contentsOf: escape(scalar).unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  /// True for the scalars a terminal or a viewer would act on rather than show.
  static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: return true
    // Bidirectional embeddings, overrides and isolates reorder what follows them on screen.
    case 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  private static func escape(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    if scalar.value <= 0xFF {
      return "\\x" + (hex.count < 2 ? "0" : "") + hex
    }
    return "\\u{" + hex + "}"
  }
}
