/// Reads citations: does a deficiency's citation name an article or appendix of the MOA, or an
/// ICE policy or operational procedure?
public enum Citation {
  /// The article or appendix of the MOA a citation names, or nil when it names none.
  ///
  /// Articles come back as roman numerals (`Article 5` gives `V`), appendices as uppercase
  /// letters. A bare `Article V` is read as the MOA's, unless the citation names another document
  /// (`ICE Policy 11064.3, Article 2`) without tying the article to the MOA.
  public static func moaReference(
    in citation: String
  ) -> (kind: MOASection.Kind, number: String)? {
    let words = CitationWords(citation).words
    let namesOtherDocument = words.contains { otherDocumentWords.contains($0) }

    for index in words.indices.dropLast() {
      guard let kind = SectionNumber.kind(citationWord: words[index]) else { continue }
      guard let number = SectionNumber.normalized(words[index + 1], kind: kind) else { continue }
      if !namesOtherDocument || isTiedToMOA(words, keywordAt: index) {
        return (kind, number)
      }
    }
    return nil
  }

  /// Whether a citation names the MOA at all, even when its article or appendix cannot be read.
  ///
  /// Appropriate for telling a mistyped MOA citation (`MOA Article Z`) from a citation of an ICE
  /// policy, so that the mistake is reported instead of the text being taken as a policy.
  public static func namesMOA(_ citation: String) -> Bool {
    CitationWords(citation).words.contains("moa")
  }

  /// Whether a citation names what a deficiency must cite: an article or appendix of the MOA,
  /// an ICE policy or an operational procedure.
  ///
  /// Appropriate for refusing a citation that names no written rule at all (`blah`, `see
  /// notes`): `MOA Article V`, `Article 5`, `ICE Policy 11064.3`, `ICE Directive 11072.1` and
  /// `ERO WSO procedure 4.2` pass; a statute or regulation alone (`8 CFR 287.5`) does not, as
  /// the guidance links a deficiency to the MOA, ICE policy or an operational procedure.
  public static func namesRule(_ citation: String) -> Bool {
    if moaReference(in: citation) != nil { return true }
    let words = CitationWords(citation).words
    return words.contains { $0 == "moa" || ruleWords.contains($0) }
  }

  // Words that name an ICE policy or an operational procedure.
  private static let ruleWords: Set<String> = [
    "policy", "policies", "directive", "directives", "procedure", "procedures", "sop", "sops",
    "handbook", "manual", "standard", "standards", "pbnds", "memorandum", "memo", "guidance",
  ]

  // Words that show a citation names a document other than the MOA.
  private static let otherDocumentWords: Set<String> = ruleWords.union([
    "ina", "cfr", "usc", "act", "law", "statute", "constitution",
  ])

  // `MOA Article V`, or `Article V of the MOA`.
  private static func isTiedToMOA(_ words: [String], keywordAt index: Int) -> Bool {
    if index > 0, words[index - 1] == "moa" { return true }
    let following = words.dropFirst(index + 2).prefix(3)
    guard following.first == "of" || following.first == "in" else { return false }
    return following.dropFirst().prefix(2).contains("moa")
  }
}

// A citation as lowercase words, with `memorandum of agreement` read as `moa`.
private struct CitationWords {
  let words: [String]

  init(_ citation: String) {
    let raw = citation.lowercased()
      .split { !Self.isWordCharacter($0) }
      .map(String.init)
    var words: [String] = []
    var index = 0
    while index < raw.count {
      if raw[index...].starts(with: ["memorandum", "of", "agreement"]) {
        words.append("moa")
        index += 3
      } else {
        words.append(raw[index])
        index += 1
      }
    }
    self.words = words
  }

  /// A letter or a digit. Citations are nearly always ASCII, where a range check answers
  /// without the Unicode property tables that made marking repeat findings slow.
  private static func isWordCharacter(_ character: Character) -> Bool {
    if let ascii = character.asciiValue {
      return (0x30...0x39).contains(ascii) || (0x61...0x7A).contains(ascii)
        || (0x41...0x5A).contains(ascii)
    }
    return character.isLetter || character.isNumber
  }
}
