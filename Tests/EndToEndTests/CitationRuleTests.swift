import Foundation
import Testing

/// A deficiency is refused unless its citation names an MOA article or appendix, an ICE policy
/// or an operational procedure, through `add deficiency` and `set finding` alike.
@Suite("A deficiency's citation names a written rule, through the shell")
struct CitationRuleTests {
  static let message =
    "names no MOA article or appendix, ICE policy or operational procedure; cite one, as in"
    + " cite=\"MOA Article V\", cite=\"ICE Policy 11064.3\" or cite=\"ERO WSO procedure 4.2\""

  @Test(
    "a citation naming no rule is refused, and nothing is written",
    arguments: ["blah", "see notes"])
  func refused(citation: String) throws {
    let ior = try WorkflowTests.seeded()
    let before = try ior.snapshot()
    let run = try ior.commands(
      "open review lake-so-2025; add deficiency \"Warrant served early\" cite=\"\(citation)\"")
    #expect(run.status == 1, run.comment)
    #expect(run.stderr.contains("'\(citation)' " + Self.message), run.comment)
    #expect(try ior.snapshot() == before)
  }

  @Test(
    "a citation of the MOA, an ICE policy or a procedure is recorded",
    arguments: ["MOA Article V", "ICE Policy 11064.3", "ERO WSO procedure 4.2"])
  func accepted(citation: String) throws {
    let ior = try WorkflowTests.seeded()
    try ior.succeed(
      "open review lake-so-2025; add deficiency \"Warrant served early\" cite=\"\(citation)\"")
    let findings = try ior.document("reviews/lake-so-2025.json")["findings"] as? [[String: Any]]
    #expect(findings?.first?["citation"] as? String == citation)
  }

  @Test("set finding cite= on a deficiency is held to the same rule; an area of concern is not")
  func setFinding() throws {
    let ior = try WorkflowTests.seeded()
    try ior.succeed(
      "open review lake-so-2025; add deficiency \"x\" cite=\"MOA Article V\"; add concern \"y\"")
    let before = try ior.snapshot()
    let run = try ior.commands("open review lake-so-2025; set finding D1 cite=blah")
    #expect(run.status == 1, run.comment)
    #expect(run.stderr.contains("'blah' " + Self.message), run.comment)
    #expect(try ior.snapshot() == before)
    try ior.succeed("open review lake-so-2025; set finding C1 cite=\"a note, not a rule\"")
  }
}
