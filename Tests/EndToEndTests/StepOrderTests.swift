import Foundation
import Testing

/// The order of a review's dated steps, and dates that cannot be yet: each rule both ways, the
/// refusal with its message and nothing written, the allowed case recorded.
@Suite("Dated steps come in order, and none after today")
struct StepOrderTests {
  /// "Today" for every run here.
  static let today = "2025-12-01"

  /// lake-so with officer O1 (authorized 2024-01-15) and lake-so-2025, inspected 2025-05-12,
  /// after running `steps` in the open review.
  static func review(_ steps: String = "") throws -> IOR {
    let ior = try IOR(today: today)
    try ior.succeed(
      """
      add partner lake-so name="Lake County Sheriff's Office"
      add officer "Pat Doe" authorized=2024-01-15
      new review lake-so type=program date=2025-05-12
      \(steps)
      """)
    return ior
  }

  /// Runs `command` with lake-so-2025 (and so lake-so) open: refused with `message`, nothing
  /// written.
  static func refused(
    _ ior: IOR, _ command: String, _ message: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let before = try ior.snapshot()
    let run = try ior.commands("open review lake-so-2025; " + command)
    #expect(run.status == 1, run.comment, sourceLocation: sourceLocation)
    #expect(run.stderr.contains(message), run.comment, sourceLocation: sourceLocation)
    #expect(try ior.snapshot() == before, "\(command) wrote", sourceLocation: sourceLocation)
  }

  /// The review's stored value of `member`.
  static func stored(_ ior: IOR, _ member: String) throws -> String? {
    try ior.document("reviews/lake-so-2025.json")[member] as? String
  }

  // MARK: The request form

  @Test("the request form is sent once, on or before the inspection")
  func sendRequest() throws {
    let ior = try Self.review()
    try Self.refused(
      ior, "send request 2025-05-13",
      "cannot send the request form: 2025-05-13 is after the inspection (2025-05-12)")
    try ior.succeed("open review lake-so-2025; send request 2025-05-12")
    #expect(try Self.stored(ior, "requestSent") == "2025-05-12")
    try Self.refused(
      ior, "send request 2025-04-07", "cannot send the request form: it was sent on 2025-05-12")
  }

  @Test("the request form's return is refused after the findings report, allowed before it")
  func receiveAfterReport() throws {
    let ior = try Self.review("send request 2025-04-07; issue report 2025-06-02")
    try Self.refused(
      ior, "receive request 2025-06-10",
      "cannot record the request form's return: 2025-06-10 is after the findings report was"
        + " issued (2025-06-02)")
    try ior.succeed("open review lake-so-2025; receive request 2025-04-25")
    #expect(try Self.stored(ior, "requestReceived") == "2025-04-25")
  }

  // MARK: The report, the plan and the close-out

  @Test("the findings report is issued on or after the inspection")
  func issueBeforeInspection() throws {
    let ior = try Self.review()
    try Self.refused(
      ior, "issue report 2025-05-11",
      "cannot issue the findings report: 2025-05-11 is before the inspection (2025-05-12)")
    try ior.succeed("open review lake-so-2025; issue report 2025-05-12")
    #expect(try Self.stored(ior, "reportIssued") == "2025-05-12")
  }

  @Test(
    "the plan and the close-out wait for the findings report",
    arguments: [
      (
        "accept plan 2025-07-15",
        "cannot accept the corrective action plan: the findings report is not issued yet"
      ),
      ("closeout 2025-11-20", "cannot close out: the findings report is not issued yet"),
    ])
  func beforeReport(command: String, message: String) throws {
    let ior = try Self.review()
    try Self.refused(ior, command, message)
    try ior.succeed("open review lake-so-2025; issue report 2025-06-02; \(command)")
  }

  @Test(
    "the plan and the close-out are refused dated before the report",
    arguments: ["accept plan 2025-06-01", "closeout 2025-06-01"])
  func datedBeforeReport(command: String) throws {
    let ior = try Self.review("issue report 2025-06-02")
    try Self.refused(ior, command, "2025-06-01 is before the report was issued (2025-06-02)")
  }

  // MARK: Nothing after today

  @Test(
    "a step dated after today is refused; dated today it is recorded",
    arguments: [
      ("issue report", "", "cannot issue the findings report"),
      ("closeout", "issue report 2025-06-02", "cannot close out"),
      ("accept plan", "issue report 2025-06-02", "cannot accept the corrective action plan"),
      ("add visit", "", "cannot record a site visit"),
      ("add meeting", "", "cannot record a steering committee meeting held"),
    ])
  func afterToday(command: String, before: String, message: String) throws {
    let ior = try Self.review(before)
    try Self.refused(
      ior, "\(command) 2025-12-02",
      "\(message): 2025-12-02 is after today (2025-12-01); record it once it has happened")
    try ior.succeed("open review lake-so-2025; \(command) \(Self.today)")
  }

  @Test("the request form's return cannot be recorded before it happened")
  func receiveAfterToday() throws {
    let ior = try Self.review()
    try ior.succeed("new review lake-so type=program date=2026-01-12")
    let run = try ior.commands("open review lake-so-2026; send request 2025-12-02")
    #expect(run.status == 1)
    #expect(run.stderr.contains("2025-12-02 is after today (2025-12-01)"), run.comment)
    try ior.succeed("open review lake-so-2026; send request 2025-12-01")
    let late = try ior.commands("open review lake-so-2026; receive request 2025-12-05")
    #expect(late.status == 1)
    #expect(late.stderr.contains("2025-12-05 is after today"), late.comment)
  }

  // MARK: Moving the inspection

  @Test("the inspection cannot move before the request form went out; on or after it, it can")
  func inspectionBeforeRequest() throws {
    let ior = try Self.review("send request 2025-04-07")
    try Self.refused(
      ior, "set review date=2025-04-06",
      "cannot move the inspection to 2025-04-06: the request form went out on 2025-04-07")
    let moved = try ior.succeed("open review lake-so-2025; set review date=2025-05-19")
    #expect(try Self.stored(ior, "inspection") == "2025-05-19")
    #expect(moved.stderr.isEmpty, "42 days after the request form: in its window")
  }

  @Test("an inspection moved to another year keeps the review's id, and says so")
  func inspectionToAnotherYear() throws {
    let ior = try Self.review()
    let run = try ior.succeed("open review lake-so-2025; set review date=2026-01-13")
    #expect(run.stderr.contains("review 'lake-so-2025' keeps its id"), run.comment)
    #expect(run.stderr.contains("now in 2026, FY2026"), run.comment)
    #expect(try Self.stored(ior, "inspection") == "2026-01-13")
    let listed = try ior.succeed("list reviews fy=2026")
    #expect(listed.stdout.contains("lake-so-2025"), listed.comment)
  }

  // MARK: Officers and corrective actions

  @Test("an officer's end is on or after the authorization")
  func officerEndedBeforeAuthorized() throws {
    let ior = try Self.review()
    try Self.refused(
      ior, "set officer O1 status=inactive ended=2024-01-14",
      "ended '2024-01-14' is not on or after the officer's authorization (2024-01-15)")
    try Self.refused(
      ior, "set officer O1 status=inactive ended=2024-06-30 authorized=2024-07-01",
      "is not on or after the officer's authorization (2024-07-01)")
    try ior.succeed("open partner lake-so; set officer O1 status=inactive ended=2024-01-15")
    let officer = (try ior.document("partners/lake-so.json")["officers"] as? [[String: Any]])?
      .first
    #expect(officer?["ended"] as? String == "2024-01-15")
  }

  @Test("a corrective action is completed on or after the inspection, and not after today")
  func actionCompleted() throws {
    let ior = try Self.review(
      "add deficiency \"x\" cite=\"MOA Article V\"; add action D1 \"Retrain\" due=2025-09-01")
    try Self.refused(
      ior, "set action A1 completed=2025-05-11",
      "cannot record A1 as completed: 2025-05-11 is before the inspection (2025-05-12)")
    try Self.refused(
      ior, "set action A1 completed=2025-12-02",
      "cannot record A1 as completed: 2025-12-02 is after today (2025-12-01)")
    try ior.succeed("open review lake-so-2025; set action A1 completed=2025-05-12")
    let action = (try ior.document("reviews/lake-so-2025.json")["actions"] as? [[String: Any]])?
      .first
    #expect(action?["completed"] as? String == "2025-05-12")
  }
}
