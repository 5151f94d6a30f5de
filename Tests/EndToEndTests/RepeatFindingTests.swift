import Foundation
import Testing

/// Repeat-finding marks stay true to the store: whatever changes the earlier review, the order
/// of the reviews or the findings, the later review's marks (on disk, in `list findings` and in
/// the findings report) follow in the same change, and `undo` takes them back with it.
@Suite("Repeat findings follow every change they depend on")
struct RepeatFindingTests {
  /// lake-so-2025 (D1 cites MOA Article V) and lake-so-2027 (D1 cites MOA Article V, so a
  /// repeat finding of lake-so-2025/D1); no outline, so citations are kept as typed.
  static func twoReviews() throws -> IOR {
    let ior = try IOR(today: "2027-06-01")
    try ior.succeed(
      """
      add partner lake-so name="Lake County Sheriff's Office"
      new review lake-so type=program date=2025-05-12
      add deficiency "Served without supervisory review" cite="MOA Article V"
      new review lake-so type=program date=2027-05-10
      add deficiency "Served without supervisory review again" cite="MOA Article V"
      """)
    #expect(try mark(ior, "lake-so-2027") == "lake-so-2025/D1")
    return ior
  }

  /// The stored repeat mark of the first finding of a review.
  static func mark(_ ior: IOR, _ review: String, finding index: Int = 0) throws -> String? {
    let findings = try ior.document("reviews/\(review).json")["findings"] as? [[String: Any]]
    return findings?[index]["repeatOf"] as? String
  }

  /// The "Repeat findings" line of the review's findings report, as plain text.
  static func reportedRepeats(_ ior: IOR, _ review: String) throws -> String {
    let report = try ior.succeed("open review \(review); report findings format=text")
    let line = report.stdout.split(separator: "\n").first { $0.contains("Repeat findings") }
    return line.map { $0.split(separator: " ").joined(separator: " ") } ?? ""
  }

  @Test("re-citing the earlier deficiency clears the later mark, and citing it back restores it")
  func earlierCitationChanged() throws {
    let ior = try Self.twoReviews()
    let changed = try ior.succeed(
      "open review lake-so-2025; set finding D1 cite=\"MOA Article VI\"")
    #expect(try Self.mark(ior, "lake-so-2027") == nil)
    #expect(
      changed.stderr.contains("lake-so-2027: D1 is no longer a repeat finding"), changed.comment)
    #expect(try Self.reportedRepeats(ior, "lake-so-2027") == "Repeat findings: 0")
    let listed = try ior.succeed("open review lake-so-2027; list findings")
    #expect(!listed.stdout.contains("lake-so-2025/D1"), listed.comment)

    try ior.succeed("open review lake-so-2025; set finding D1 cite=\"MOA Art. 5, paragraph 2\"")
    #expect(try Self.mark(ior, "lake-so-2027") == "lake-so-2025/D1")
    #expect(try Self.reportedRepeats(ior, "lake-so-2027") == "Repeat findings: 1")
  }

  @Test("removing the earlier deficiency leaves no reference to it")
  func earlierFindingRemoved() throws {
    let ior = try Self.twoReviews()
    let removed = try ior.run(["--yes", "-c", "open review lake-so-2025; remove finding D1"])
    #expect(removed.status == 0, removed.comment)
    #expect(try Self.mark(ior, "lake-so-2027") == nil)
    let report = try ior.succeed("open review lake-so-2027; report findings format=md")
    #expect(!report.stdout.contains("lake-so-2025/D1"), report.comment)
    #expect(try Self.reportedRepeats(ior, "lake-so-2027") == "Repeat findings: 0")
  }

  @Test("moving an inspection date reorders the reviews, and the marks follow")
  func inspectionMoved() throws {
    let ior = try Self.twoReviews()
    // lake-so-2025 now comes after lake-so-2027: it repeats that review, not the other way.
    try ior.succeed("open review lake-so-2025; set review date=2027-05-20")
    #expect(try Self.mark(ior, "lake-so-2027") == nil)
    #expect(try Self.mark(ior, "lake-so-2025") == "lake-so-2027/D1")
    try ior.succeed("open review lake-so-2025; set review date=2025-05-12")
    #expect(try Self.mark(ior, "lake-so-2027") == "lake-so-2025/D1")
    #expect(try Self.mark(ior, "lake-so-2025") == nil)
  }

  @Test("reviews entered out of date order are marked as if entered in order")
  func enteredOutOfOrder() throws {
    let ior = try IOR(today: "2027-06-01")
    try ior.succeed(
      """
      add partner lake-so name="Lake"
      new review lake-so type=program date=2027-05-10
      add deficiency "Later" cite="MOA Appendix B"
      new review lake-so type=program date=2025-05-12
      add deficiency "Earlier" cite="MOA Appendix B"
      """)
    #expect(try Self.mark(ior, "lake-so-2027") == "lake-so-2025/D1")
    #expect(try Self.mark(ior, "lake-so-2025") == nil)
  }

  @Test("a review planned in between becomes the previous review; removing it restores the mark")
  func reviewInBetween() throws {
    let ior = try Self.twoReviews()
    try ior.succeed("new review lake-so type=focus date=2026-05-04")
    #expect(try Self.mark(ior, "lake-so-2027") == nil, "lake-so-2026 has no deficiency")

    try ior.succeed("open review lake-so-2026; add deficiency \"Middle\" cite=\"MOA Article V\"")
    #expect(try Self.mark(ior, "lake-so-2026") == "lake-so-2025/D1")
    #expect(try Self.mark(ior, "lake-so-2027") == "lake-so-2026/D1")

    let removed = try ior.run(
      ["--yes", "-c", "open review lake-so-2026; remove finding D1; remove review lake-so-2026"])
    #expect(removed.status == 0, removed.comment)
    #expect(try Self.mark(ior, "lake-so-2027") == "lake-so-2025/D1")
  }

  @Test("undo takes the later review's mark back with the change that moved it")
  func undoRestoresTheMark() throws {
    let ior = try Self.twoReviews()
    try ior.succeed("open review lake-so-2025; set finding D1 cite=\"ICE Policy 11064.3\"")
    #expect(try Self.mark(ior, "lake-so-2027") == nil)
    try ior.succeed("undo")
    #expect(try Self.mark(ior, "lake-so-2027") == "lake-so-2025/D1")
    let verified = try ior.succeed("verify")
    #expect(verified.stdout.contains("all good"), verified.comment)
  }

  @Test("a closed-out later review is re-marked too: the mark is derived, not recorded")
  func closedReviewFollows() throws {
    let ior = try Self.twoReviews()
    try ior.succeed(
      "open review lake-so-2027; issue report 2027-05-20;"
        + " closeout 2027-05-25 reason=\"Plan moot: test\"")
    try ior.succeed("open review lake-so-2025; set finding D1 cite=\"MOA Article IX\"")
    #expect(try Self.mark(ior, "lake-so-2027") == nil)
    #expect(try ior.document("reviews/lake-so-2027.json")["closedOut"] as? String == "2027-05-25")
  }
}
