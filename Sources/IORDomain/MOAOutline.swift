/// One article or appendix of a partner's MOA.
public struct MOASection: Sendable, Equatable {
  /// Whether a section is an article of the MOA or one of its appendices.
  public enum Kind: String, Sendable {
    /// A numbered article: `Article V`.
    case article
    /// A lettered appendix: `Appendix B`.
    case appendix

    /// The word for the kind in citations and in the outline text: `Article` or `Appendix`.
    public var word: String {
      switch self {
      case .article: "Article"
      case .appendix: "Appendix"
      }
    }
  }

  /// Article or appendix.
  public var kind: Kind
  /// The roman numeral of an article (`V`) or the letter of an appendix (`B`).
  public var number: String
  /// The section's title in this MOA version, as in `Supervision of WSOs`.
  public var title: String

  /// Creates a section; an article numbered in arabic (`5`) still compares and cites as `V`.
  public init(kind: Kind, number: String, title: String) {
    self.kind = kind
    self.number = number
    self.title = title
  }

  /// The canonical citation of the section, as in `MOA Article V` or `MOA Appendix B`.
  public var reference: String {
    "MOA \(kind.word) \(canonicalNumber)"
  }

  /// The number as the outline format writes it: roman for articles, an uppercase letter for
  /// appendices; the number unchanged when it is neither.
  var canonicalNumber: String {
    SectionNumber.normalized(number, kind: kind) ?? number
  }
}

/// The articles and appendices of one partner's MOA version.
///
/// Numbering and titles differ between MOA versions, so the tool keeps each version's outline as
/// data and checks a deficiency's MOA citation against the partner's outline instead of trusting
/// fixed article numbers. The outline is plain text, one line a section:
///
/// ```
/// # comments and blank lines are ignored
/// version: 2020 WSO MOA
/// Article I: Purpose
/// Article II: Authority
/// Article V: Supervision of WSOs
/// Appendix A: Points of Contact
/// Appendix B: Complaint Procedures
/// ```
///
/// - `version:` names the MOA version and appears exactly once.
/// - An article is numbered with a roman numeral (`Article V`); an arabic number (`Article 5`) is
///   read as the same article and written back as a roman numeral.
/// - An appendix is lettered with one letter (`Appendix B`).
/// - Every section has a title after the colon, and no section may be listed twice.
/// - `Article` and `Appendix` are read in any case; `#` starts a comment only at a line's start.
public struct MOAOutline: Sendable, Equatable {
  /// The MOA version the outline belongs to, as in `2020 WSO MOA`.
  public var version: String
  /// The articles and appendices, in the order the outline lists them.
  public var sections: [MOASection]

  /// Creates an outline from sections already in hand.
  public init(version: String, sections: [MOASection]) {
    self.version = version
    self.sections = sections
  }

  /// Reads an outline from its text format.
  ///
  /// - Parameter text: The outline text, described in the type's documentation.
  /// - Throws: `MOAOutlineError` naming the 1-based line that is wrong.
  public static func parse(text: String) throws -> MOAOutline {
    var version: String?
    var sections: [MOASection] = []
    var seenReferences: Set<String> = []
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)

    for (index, rawLine) in lines.enumerated() {
      let lineNumber = index + 1
      let line = trimmed(rawLine)
      if line.isEmpty || line.hasPrefix("#") { continue }

      // The version line.
      if let value = versionValue(in: line) {
        guard !value.isEmpty else {
          throw MOAOutlineError.malformedLine(line: lineNumber, text: String(line))
        }
        guard version == nil else { throw MOAOutlineError.duplicateVersion(line: lineNumber) }
        version = String(value)
        continue
      }

      // An article or appendix line.
      guard let section = section(in: line) else {
        throw MOAOutlineError.malformedLine(line: lineNumber, text: String(line))
      }
      guard seenReferences.insert(section.reference).inserted else {
        throw MOAOutlineError.duplicateSection(line: lineNumber, reference: section.reference)
      }
      sections.append(section)
    }

    guard !sections.isEmpty else { throw MOAOutlineError.empty }
    guard let version else { throw MOAOutlineError.missingVersion }
    return MOAOutline(version: version, sections: sections)
  }

  /// Writes the outline in its text format, so that `parse(text: render())` gives it back.
  public func render() -> String {
    let sectionLines = sections.map { "\($0.kind.word) \($0.canonicalNumber): \($0.title)" }
    return (["version: \(version)"] + sectionLines).joined(separator: "\n") + "\n"
  }

  /// The section a citation names, or nil when it names none of this outline's sections.
  ///
  /// Accepts the ways people write a citation: `MOA Article V`, `Article V`, `MOA Art. V`,
  /// `art 5` (arabic and roman numbers name the same article), `MOA Appendix B`, `App. b`, in any
  /// case, with anything after the section (`MOA Article V, paragraph 2`, `MOA Article V.B`).
  public func section(for citation: String) -> MOASection? {
    guard let cited = Citation.moaReference(in: citation) else { return nil }
    return sections.first { $0.kind == cited.kind && $0.canonicalNumber == cited.number }
  }

  // The value after `version:`, or nil when the line is not a version line.
  private static func versionValue(in line: Substring) -> Substring? {
    guard let colon = line.firstIndex(of: ":") else { return nil }
    guard trimmed(line[..<colon]).lowercased() == "version" else { return nil }
    return trimmed(line[line.index(after: colon)...])
  }

  // `Article V: Title` or `Appendix B: Title`, or nil when the line is neither.
  private static func section(in line: Substring) -> MOASection? {
    guard let colon = line.firstIndex(of: ":") else { return nil }
    let head = line[..<colon].split(whereSeparator: \.isWhitespace)
    let title = trimmed(line[line.index(after: colon)...])
    guard head.count == 2, !title.isEmpty else { return nil }
    guard let kind = SectionNumber.kind(outlineWord: head[0]) else { return nil }
    guard let number = SectionNumber.normalized(head[1], kind: kind) else { return nil }
    return MOASection(kind: kind, number: number, title: String(title))
  }

  private static func trimmed(_ text: Substring) -> Substring {
    let start = text.drop(while: \.isWhitespace)
    var end = start.endIndex
    while end > start.startIndex, start[start.index(before: end)].isWhitespace {
      end = start.index(before: end)
    }
    return start[..<end]
  }
}

/// A mistake in an MOA outline's text, with the line it is on.
public enum MOAOutlineError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A line that is neither a comment, the version, an article nor an appendix.
  case malformedLine(line: Int, text: String)
  /// An article or appendix listed a second time (`Article 5` repeats `Article V`).
  case duplicateSection(line: Int, reference: String)
  /// A second `version:` line.
  case duplicateVersion(line: Int)
  /// Articles and appendices but no `version:` line.
  case missingVersion
  /// No article or appendix at all.
  case empty

  /// The mistake as a lowercase sentence that says how to put it right.
  public var message: String {
    switch self {
    case .malformedLine(let line, let text) where Self.isEmptyVersionLine(text):
      "line \(line): the version needs a name, as in 'version: 2020 WSO MOA'"
    case .malformedLine(let line, let text):
      "line \(line): expected 'Article N: Title' or 'Appendix X: Title', got '\(text)'"
    case .duplicateSection(let line, let reference):
      "line \(line): '\(reference)' is listed twice; remove or renumber one of them"
    case .duplicateVersion(let line):
      "line \(line): the version is given twice; keep one 'version:' line"
    case .missingVersion:
      "the outline has no version; add a line such as 'version: 2020 WSO MOA'"
    case .empty:
      "the outline lists no articles or appendices; add lines such as 'Article I: Purpose'"
    }
  }

  /// The same sentence as `message`.
  public var description: String { message }

  // `version:` with nothing after it, the one malformed line whose fix is not a section.
  private static func isEmptyVersionLine(_ text: String) -> Bool {
    let words = text.lowercased().split { $0 == ":" || $0.isWhitespace }
    return words == ["version"] && text.contains(":")
  }
}

// Section keywords and numbers, shared by the outline format and citations.
enum SectionNumber {
  static func kind(outlineWord word: Substring) -> MOASection.Kind? {
    MOASection.Kind(rawValue: word.lowercased())
  }

  static func kind(citationWord word: String) -> MOASection.Kind? {
    switch word {
    case "article", "art": .article
    case "appendix", "app", "appx": .appendix
    default: nil
    }
  }

  /// The canonical number: a roman numeral for an article, one uppercase letter for an appendix.
  static func normalized(_ text: some StringProtocol, kind: MOASection.Kind) -> String? {
    switch kind {
    case .article: articleNumber(text)
    case .appendix: appendixLetter(text)
    }
  }

  private static func articleNumber(_ text: some StringProtocol) -> String? {
    if let value = Int(text) { return RomanNumeral.numeral(for: value) }
    let numeral = text.uppercased()
    guard let value = RomanNumeral.value(of: numeral) else { return nil }
    // Only the canonical spelling counts, so `IIII` is a typo rather than a second Article IV.
    return RomanNumeral.numeral(for: value) == numeral ? numeral : nil
  }

  private static func appendixLetter(_ text: some StringProtocol) -> String? {
    guard text.count == 1, let letter = text.first, letter.isASCII, letter.isLetter else {
      return nil
    }
    return letter.uppercased()
  }
}

// Roman numerals from 1 to 3999, the range the subtractive notation can write.
private enum RomanNumeral {
  private static let symbols: [(numeral: String, value: Int)] = [
    ("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90),
    ("L", 50), ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1),
  ]

  static func numeral(for value: Int) -> String? {
    guard (1...3999).contains(value) else { return nil }
    var remaining = value
    var numeral = ""
    for symbol in symbols {
      while remaining >= symbol.value {
        numeral += symbol.numeral
        remaining -= symbol.value
      }
    }
    return numeral
  }

  static func value(of numeral: String) -> Int? {
    let digitValues: [Character: Int] = [
      "I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000,
    ]
    let values = numeral.compactMap { digitValues[$0] }
    guard !values.isEmpty, values.count == numeral.count else { return nil }

    // A digit smaller than the one after it is subtracted, as in IV and XC.
    var total = 0
    for (index, value) in values.enumerated() {
      let next = index + 1 < values.count ? values[index + 1] : 0
      total += value < next ? -value : value
    }
    return total
  }
}
