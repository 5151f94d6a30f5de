/// Text helpers shared by the renderers: making store text safe to show, and wrapping it.
enum ReportText {
  /// `text` with every control character shown as a visible escape (`\x1B`).
  ///
  /// Store text is typed by people and may be pasted from anywhere: a raw escape sequence would
  /// drive the terminal it is printed on, and bidirectional overrides can make text read
  /// differently from what it holds. Line breaks are kept (a CR LF pair becomes one line break),
  /// and a tab becomes a space so columns stay where they are.
  static func visible(_ text: String) -> String {
    var out = ""
    out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    var previousWasCarriageReturn = false
    for scalar in text.unicodeScalars {
      defer { previousWasCarriageReturn = scalar == "\r" }
      switch scalar {
      case "\n" where previousWasCarriageReturn:
        // The CR before it was written as a line break already.
        continue
      case "\n", "\r": out.append("\n")
      case "\t": out.append(" ")
      default:
        if needsEscape(scalar) {
          out.append(escape(scalar))
        } else {
          out.append(String(scalar))
        }
      }
    }
    return out
  }

  /// `visible(text)` on one line: line breaks become spaces, for labels, cells and headings.
  static func inline(_ text: String) -> String {
    visible(text).split(separator: "\n", omittingEmptySubsequences: false)
      .joined(separator: " ")
  }

  /// The lines of `visible(text)`, for paragraphs that keep the author's line breaks.
  static func lines(_ text: String) -> [String] {
    visible(text).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: true
    // Bidirectional embeddings, overrides and isolates.
    case 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  private static func escape(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    if scalar.value <= 0xFF {
      return "\\x" + (hex.count < 2 ? "0" : "") + hex
    }
    return "\\u{" + hex + "}"
  }

  /// `text` broken into lines of at most `width` characters at spaces; a word longer than a
  /// line is cut. An empty text gives one empty line.
  static func wrap(_ text: String, width: Int) -> [String] {
    let limit = max(width, 1)
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      var word = word
      if !current.isEmpty, current.count + 1 + word.count <= limit {
        current += " " + word
        continue
      }
      if !current.isEmpty { lines.append(current) }
      while word.count > limit {
        lines.append(String(word.prefix(limit)))
        word = word.dropFirst(limit)
      }
      current = String(word)
    }
    lines.append(current)
    return lines
  }

  /// `text` wrapped to `width`, the first line after `lead` and the rest indented by `hang`
  /// spaces, so a list item's or a field's continuation lines line up under its text.
  static func wrap(_ text: String, width: Int, lead: String, hang: Int) -> [String] {
    let wrapped = wrap(text, width: width - hang)
    let indent = String(repeating: " ", count: hang)
    if lead.count > hang {
      // The lead does not fit its column: it gets a line of its own.
      return [trimmingTrailingSpaces(lead)] + wrapped.map { trimmingTrailingSpaces(indent + $0) }
    }
    return wrapped.enumerated().map { index, line in
      let prefix =
        index == 0
        ? lead + String(repeating: " ", count: max(hang - lead.count, 0))
        : indent
      return trimmingTrailingSpaces(prefix + line)
    }
  }

  /// `line` without spaces at its end.
  static func trimmingTrailingSpaces(_ line: String) -> String {
    var result = Substring(line)
    while result.last == " " { result = result.dropLast() }
    return String(result)
  }
}
