import Foundation
import Testing

/// How `status`, `show partner` and `due` speak of dates that have passed: days ago rather than
/// negative days ahead, a passed steering committee date as passed, and a request form whose
/// inspection has come without it.
@Suite("Passed dates said as what they are")
struct DatesSaidTests {
  /// lake-so, with a review inspected on 2025-10-08, seen on `today`.
  static func store(today: String) throws -> IOR {
    let ior = try IOR(today: today)
    try ior.succeed(
      """
      add partner lake-so name="Lake County Sheriff's Office"
      new review lake-so type=program date=2025-10-08
      """)
    return ior
  }

  @Test(
    "status says how far the inspection is, forward or back",
    arguments: [
      ("2025-11-01", "2025-10-08 (24 days ago)"), ("2025-10-07", "2025-10-08 (in 1 day)"),
      ("2025-10-08", "2025-10-08 (today)"), ("2025-09-01", "2025-10-08 (in 37 days)"),
    ])
  func statusDistance(today: String, shown: String) throws {
    let ior = try Self.store(today: today)
    let run = try ior.succeed("open review lake-so-2025; status")
    #expect(run.stdout.contains("inspection:") && run.stdout.contains(shown), run.comment)
    #expect(!run.stdout.contains("days from today"), run.comment)
  }

  @Test("a planned review whose inspection has come is told to record the form or move the date")
  func statusAfterInspection() throws {
    let after = try Self.store(today: "2025-11-01").succeed("open review lake-so-2025; status")
    #expect(after.stdout.contains("has come with no request form sent"), after.comment)
    #expect(after.stdout.contains("set review date=DATE"), after.comment)
    #expect(!after.stdout.contains("send the request form between"), after.comment)

    let before = try Self.store(today: "2025-08-01").succeed("open review lake-so-2025; status")
    #expect(before.stdout.contains("send the request form between 2025-08-27 and 2025-09-10"))
  }

  @Test("due tells a missed request form to go out now only while the inspection is ahead")
  func dueForMissedRequest() throws {
    let ahead = try Self.store(today: "2025-09-20").succeed("due")
    #expect(ahead.stdout.contains("send it now or move the inspection"), ahead.comment)

    let passed = try Self.store(today: "2025-10-20").succeed("due")
    #expect(!passed.stdout.contains("send it now"), passed.comment)
    #expect(
      passed.stdout.contains(
        "inspection date (2025-10-08) has come: record when it went out (send request DATE) or"
          + " move the inspection (set review date=DATE)"), passed.comment)
  }

  @Test("a passed steering committee date shows as passed, until a meeting is recorded")
  func passedMeeting() throws {
    let ior = try Self.store(today: "2025-11-01")
    try ior.succeed("open partner lake-so; set partner next-meeting=2025-08-12")
    let missed = try ior.succeed("show partner lake-so")
    #expect(
      missed.stdout.contains(
        "next steering committee:   2025-08-12 (passed; no meeting recorded since)"),
      missed.comment)

    try ior.succeed("open partner lake-so; add meeting 2025-08-14")
    let held = try ior.succeed("show partner lake-so")
    #expect(held.stdout.contains("next steering committee:   not recorded"), held.comment)
    #expect(held.stdout.contains("last steering committee:   2025-08-14"), held.comment)

    try ior.succeed("open partner lake-so; set partner next-meeting=2026-02-10")
    let ahead = try ior.succeed("show partner lake-so")
    #expect(ahead.stdout.contains("next steering committee:   2026-02-10\n"), ahead.comment)
  }

  @Test("the summary keeps its as-of rule: no next meeting after 30 September means none")
  func summaryAsOf() throws {
    let ior = try Self.store(today: "2025-11-01")
    try ior.succeed("open partner lake-so; set partner next-meeting=2025-08-12")
    let summary = try ior.succeed("summary fy 2025 format=json")
    #expect(summary.stdout.contains("\"nextSteeringCommittee\": null"), summary.comment)
  }
}
