import Foundation
import Testing

/// Review ids: the partner's id and the inspection year, a suffix when that is taken, and a
/// suggestion for an id that is not there.
@Suite("Review ids")
struct ReviewIDTests {
  @Test("an unknown review id gets the closest id as a suggestion; the right one opens")
  func unknownReview() throws {
    let ior = try WorkflowTests.seeded()
    let before = try ior.snapshot()
    let run = try ior.commands("open review lake-so-2024")
    #expect(run.status == 1, run.comment)
    #expect(
      run.stderr.contains("no review 'lake-so-2024'; did you mean 'lake-so-2025'? (list reviews)"),
      run.comment)
    #expect(try ior.snapshot() == before)
    try ior.succeed("open review lake-so-2025")
  }

  @Test("a second review in the same year gets -2, a third -3")
  func suffixWhenTaken() throws {
    let ior = try WorkflowTests.seeded()
    try ior.succeed("new review lake-so type=focus date=2025-09-08")
    try ior.succeed("new review lake-so type=focus date=2025-11-03")
    for id in ["lake-so-2025", "lake-so-2025-2", "lake-so-2025-3"] {
      #expect(try ior.document("reviews/\(id).json")["partner"] as? String == "lake-so", "\(id)")
    }
    #expect(
      try ior.document("reviews/lake-so-2025-2.json")["inspection"] as? String == "2025-09-08")
    let listed = try ior.succeed("list reviews partner=lake-so format=csv")
    let ids = listed.stdout.split(separator: "\n").dropFirst().map { $0.prefix { $0 != "," } }
    #expect(ids == ["lake-so-2025", "lake-so-2025-2", "lake-so-2025-3"], listed.comment)
  }
}
