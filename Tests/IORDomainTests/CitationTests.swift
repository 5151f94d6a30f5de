import Foundation
import IORDomain
import Testing

/// What a deficiency may cite: an MOA article or appendix, an ICE policy or an operational
/// procedure, and nothing that names none of these.
@Suite("A deficiency's citation names a written rule")
struct CitationTests {
  @Test(
    "an MOA section, an ICE policy or an operational procedure is a citation",
    arguments: [
      "MOA Article V", "Article 5", "MOA Art. 5, paragraph 2", "MOA Appendix B", "app. b",
      "Memorandum of Agreement, Article V", "MOA Article Z", "ICE Policy 11064.3",
      "ICE policy: WSO training requirements", "ICE Directive 11072.1", "ERO WSO procedure 4.2",
      "ERO procedure: custody transfer log", "ERO WSO SOP 3", "PBNDS 2011, standard 2.1",
      "ICE Policy 1",
    ])
  func namesRule(citation: String) {
    #expect(Citation.namesRule(citation))
  }

  @Test(
    "text that names no MOA section, ICE policy or procedure is not a citation",
    arguments: [
      "blah", "see notes", "Warrant served without supervisory review", "8 CFR 287.5",
      "INA section 287(g)", "11064.3", "",
    ])
  func namesNoRule(citation: String) {
    #expect(!Citation.namesRule(citation))
  }

  /// The repository's root folder (this file is Tests/IORDomainTests/CitationTests.swift).
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Every `cite="..."` written out in a file (placeholders such as `cite="..."` left out).
  static func citations(in relative: String) throws -> [String] {
    let text = try String(
      contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    var found: [String] = []
    var rest = text[...]
    while let start = rest.range(of: "cite=\"") {
      rest = rest[start.upperBound...]
      guard let end = rest.firstIndex(of: "\"") else { break }
      let citation = String(rest[..<end])
      if citation != "..." && citation != "TEXT" && !citation.contains("\\") {
        found.append(citation)
      }
      rest = rest[end...].dropFirst()
    }
    return found
  }

  @Test("the citations of the scripts, the sample store's script and the docs are citations")
  func shippedCitations() throws {
    let files = [
      "scripts/biennial-review.ior", "scripts/sample/make-sample-store.ior", "README.md",
      "docs/workflow.md", "docs/scripting.md", "docs/commands.md", "docs/performance.md",
    ]
    var all: [String] = []
    for file in files { all += try Self.citations(in: file) }
    #expect(all.count > 15, "the scan found too few citations: \(all)")
    #expect(all.filter { !Citation.namesRule($0) } == [])
  }

  @Test("every deficiency in the sample store cites a written rule")
  func sampleStoreCitations() throws {
    let folder = Self.root.appendingPathComponent("store/reviews")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    var cited: [String] = []
    for name in names where name.hasSuffix(".json") {
      let data = try Data(contentsOf: folder.appendingPathComponent(name))
      let review = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      for finding in review["findings"] as? [[String: Any]] ?? []
      where finding["kind"] as? String == "deficiency" {
        cited.append(finding["citation"] as? String ?? "")
      }
    }
    #expect(cited.count > 10)
    #expect(cited.filter { !Citation.namesRule($0) } == [])
  }
}
