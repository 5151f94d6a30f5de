import Foundation
import IORDomain
import Testing

@Suite("The MOA outline")
struct MOAOutlineTests {
  static let sampleText = """
    # The fictional 2020 WSO MOA, shortened.
    version: 2020 WSO MOA

    Article I: Purpose
    Article II: Authority
    Article V: Supervision of WSOs
    Article XII: Costs and Expenditures
    Appendix A: Points of Contact
    Appendix B: Complaint Procedures
    """

  static func sample() throws -> MOAOutline {
    try MOAOutline.parse(text: sampleText)
  }

  // MARK: Reading and writing the text format

  @Test("the text format reads into a version and sections in order")
  func parsesSample() throws {
    let outline = try Self.sample()
    #expect(outline.version == "2020 WSO MOA")
    #expect(outline.sections.count == 6)
    let supervision = MOASection(kind: .article, number: "V", title: "Supervision of WSOs")
    #expect(outline.sections[2] == supervision)
    #expect(outline.sections[5].reference == "MOA Appendix B")
  }

  @Test("rendering and parsing again gives the same outline")
  func roundTrip() throws {
    let outline = try Self.sample()
    let rendered = outline.render()
    #expect(try MOAOutline.parse(text: rendered) == outline)
    #expect(rendered.hasPrefix("version: 2020 WSO MOA\n"))
    #expect(rendered.contains("\nAppendix B: Complaint Procedures\n"))
  }

  @Test("arabic article numbers and lowercase words are written back canonically")
  func normalizesNumbers() throws {
    let text = "version: X\narticle 5: Supervision\nappendix c: Forms"
    let outline = try MOAOutline.parse(text: text)
    #expect(outline.sections.map(\.reference) == ["MOA Article V", "MOA Appendix C"])
    #expect(outline.render() == "version: X\nArticle V: Supervision\nAppendix C: Forms\n")
  }

  @Test("Windows line endings, spaces and comments do not change the outline")
  func toleratesLayout() throws {
    let text = "# header\r\n  version:  2020 WSO MOA  \r\n\r\nArticle I :  Purpose \r\n"
    let purpose = MOASection(kind: .article, number: "I", title: "Purpose")
    let expected = MOAOutline(version: "2020 WSO MOA", sections: [purpose])
    #expect(try MOAOutline.parse(text: text) == expected)
  }

  @Test("a section's reference is canonical even when built with an arabic number")
  func referenceIsCanonical() {
    let article = MOASection(kind: .article, number: "14", title: "Liability")
    let appendix = MOASection(kind: .appendix, number: "b", title: "Complaints")
    #expect(article.reference == "MOA Article XIV")
    #expect(appendix.reference == "MOA Appendix B")
  }

  @Test(
    "the example outlines shipped in docs/examples read, and differ in numbering",
    arguments: [
      ("moa-2020.txt", "2020 WSO MOA", "MOA Article V"),
      ("moa-2019.txt", "2019 WSO MOA", "MOA Article VI"),
    ]
  )
  func exampleOutlines(file: String, version: String, supervision: String) throws {
    // The examples live at the package root, two folders above this test file.
    let path = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("docs/examples/\(file)").path
    let outline = try MOAOutline.parse(text: String(contentsOfFile: path, encoding: .utf8))
    #expect(outline.version == version)
    #expect(outline.section(for: "Article 6")?.reference == "MOA Article VI")
    let supervisionSection = outline.sections.first { $0.title.hasPrefix("Supervision") }
    #expect(supervisionSection?.reference == supervision)
    #expect(try MOAOutline.parse(text: outline.render()) == outline)
  }

  // MARK: Mistakes in the text format

  @Test("a misspelt line is reported with its line number and the fix")
  func malformedLine() {
    let text = "version: 2020 WSO MOA\nArticle I: Purpose\nArtcle 2\nArticle III: Definitions"
    let error = #expect(throws: MOAOutlineError.self) { try MOAOutline.parse(text: text) }
    #expect(error == .malformedLine(line: 3, text: "Artcle 2"))
    #expect(
      error?.description
        == "line 3: expected 'Article N: Title' or 'Appendix X: Title', got 'Artcle 2'")
  }

  @Test(
    "a line that is not a well-formed section is malformed",
    arguments: [
      "Article V", "Article: Purpose", "Article V:", "Article IIII: Four", "Article 0: None",
      "Appendix 2: Forms", "Appendix BB: Forms", "Section 3: Scope", "Article V B: Two numbers",
      "Version 2: Forms",
    ]
  )
  func malformedSections(line: String) {
    let error = MOAOutlineError.malformedLine(line: 4, text: line)
    #expect(error.message.hasPrefix("line 4: expected 'Article N: Title'"))
    // Trailing spaces on the line are not part of the text the error quotes.
    let text = "# comment\n\nversion: 2020 WSO MOA\n\(line)  \t\n"
    #expect(throws: MOAOutlineError.malformedLine(line: 4, text: line)) {
      try MOAOutline.parse(text: text)
    }
  }

  @Test("a section listed twice is reported on its second line")
  func duplicateSection() {
    let text = "version: 2020 WSO MOA\nArticle V: Supervision\n\nArticle 5: Supervision again"
    let error = #expect(throws: MOAOutlineError.self) { try MOAOutline.parse(text: text) }
    #expect(error == .duplicateSection(line: 4, reference: "MOA Article V"))
    #expect(error?.description.contains("'MOA Article V' is listed twice") == true)
  }

  @Test("an outline without sections is empty", arguments: ["", "# nothing\n\n", "version: X"])
  func emptyOutline(text: String) {
    #expect(throws: MOAOutlineError.empty) { try MOAOutline.parse(text: text) }
  }

  @Test("the version must be given exactly once, with a name")
  func versionRules() {
    #expect(throws: MOAOutlineError.missingVersion) {
      try MOAOutline.parse(text: "Article I: Purpose")
    }
    #expect(throws: MOAOutlineError.duplicateVersion(line: 3)) {
      try MOAOutline.parse(text: "version: A\nArticle I: Purpose\nversion: B")
    }
    let error = #expect(throws: MOAOutlineError.self) {
      try MOAOutline.parse(text: "version:\nArticle I: Purpose")
    }
    #expect(error?.description == "line 1: the version needs a name, as in 'version: 2020 WSO MOA'")
  }

  @Test(
    "every error message is a lowercase sentence",
    arguments: [
      MOAOutlineError.malformedLine(line: 1, text: "x"), .duplicateSection(line: 2, reference: "y"),
      .duplicateVersion(line: 3), .missingVersion, .empty,
    ])
  func messagesAreLowercase(error: MOAOutlineError) {
    #expect(error.message.first?.isLowercase == true)
    #expect(error.message == error.description)
  }

  // MARK: Resolving citations

  @Test(
    "a citation resolves to the section it names",
    arguments: [
      ("MOA Article V", "MOA Article V"),
      ("Article V", "MOA Article V"),
      ("MOA Art. V", "MOA Article V"),
      ("art 5", "MOA Article V"),
      ("Article 5", "MOA Article V"),
      ("article xii", "MOA Article XII"),
      ("Art. 12", "MOA Article XII"),
      ("MOA Appendix B", "MOA Appendix B"),
      ("Appendix b", "MOA Appendix B"),
      ("App. B", "MOA Appendix B"),
      ("MOA Article V, paragraph 2", "MOA Article V"),
      ("MOA Article V.B", "MOA Article V"),
      ("Article V of the MOA", "MOA Article V"),
      ("Memorandum of Agreement, Article II", "MOA Article II"),
      ("ICE Policy 11064.3; MOA Article I", "MOA Article I"),
    ]
  )
  func resolvesCitation(citation: String, reference: String) throws {
    let outline = try Self.sample()
    #expect(outline.section(for: citation)?.reference == reference)
  }

  @Test(
    "a citation of a section the outline lacks, or of no section, resolves to nothing",
    arguments: [
      "MOA Article VI", "Article 6", "Appendix Z", "MOA Article Z", "MOA", "Article",
      "ICE Policy 11064.3", "ICE Policy 11064.3, Article 2", "Article 2 of ICE Policy 11064.3",
    ]
  )
  func unresolvedCitation(citation: String) throws {
    #expect(try Self.sample().section(for: citation) == nil)
  }

  @Test("an arabic article number in the outline answers a roman citation")
  func arabicOutlineMatchesRoman() {
    let outline = MOAOutline(
      version: "hand-built",
      sections: [MOASection(kind: .article, number: "5", title: "Supervision")])
    #expect(outline.section(for: "MOA Article V")?.title == "Supervision")
    #expect(outline.section(for: "Article 5")?.title == "Supervision")
  }

  // MARK: Classifying citations

  @Test(
    "a citation of an ICE policy or operational procedure does not cite the MOA",
    arguments: [
      "ICE Policy 11064.3", "ERO operational procedure for warrant service",
      "ICE Directive 11064.3, Article 2", "INA section 287(g)", "8 CFR 287.5", "",
      "Warrant served without supervisory review",
    ]
  )
  func nonMOACitation(citation: String) {
    #expect(Citation.moaReference(in: citation) == nil)
  }

  @Test(
    "a citation of the MOA gives its kind and normalized number",
    arguments: [
      ("MOA Article 14", MOASection.Kind.article, "XIV"),
      ("art. iv", .article, "IV"),
      ("MOA App. d", .appendix, "D"),
      ("appendix A, paragraph 3", .appendix, "A"),
    ]
  )
  func moaCitation(citation: String, kind: MOASection.Kind, number: String) {
    let reference = Citation.moaReference(in: citation)
    #expect(reference?.kind == kind)
    #expect(reference?.number == number)
  }

  @Test("a mistyped MOA citation still names the MOA")
  func namesMOA() {
    #expect(Citation.namesMOA("MOA Article Z"))
    #expect(Citation.namesMOA("memorandum of agreement"))
    #expect(!Citation.namesMOA("ICE Policy 11064.3"))
  }
}
