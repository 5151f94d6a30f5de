import Foundation
import Testing

/// A review from the partner's creation to its close-out, through the built `ior`, in the
/// command forms of PRODUCT.md ("How people talk to it"), and each rule the tool knows, both
/// allowed and refused.
@Suite("A review, from the partner's creation to its close-out")
struct WorkflowTests {
  /// The forms of PRODUCT.md exactly as written there, in the order of the work.
  static let review = [
    "add partner lake-so name=\"Lake County Sheriff's Office\" state=FL",
    "set partner fpm=\"A. Rivera\" fpm-title=\"Field Program Manager\" sddo=\"J. Chen\""
      + " moa-signed=2019-05-01",
    "add officer \"Pat Doe\" authorized=2024-01-15",
    "add visit 2025-03-04",
    "add meeting 2025-02-11",
    "set partner next-meeting=2025-08-12",
    "set warrants fy=2024 count=37",
    "add complaint 2024-11-02 ref=CRCL-24-0117",
    "new review lake-so type=program date=2025-05-12",
    "send request 2025-04-07",
    "answer wso-3 \"Supervisor reviews each I-200 before service.\"",
    "add deficiency \"Warrant served without supervisory review\" cite=\"MOA Article V\"",
    "add concern \"Roster of WSOs kept on paper only\"",
    "add action D1 \"Retrain all WSOs on supervisory review\" owner=\"Lt. K. Moore\""
      + " due=2025-09-01",
    "issue report 2025-06-02",
    "set action A1 completed=2025-10-01",
    "accept plan 2025-07-15",
    "closeout 2025-11-20",
  ]

  /// A store with partner lake-so (the 2020 MOA outline on record) and its review
  /// lake-so-2025, inspected 2025-05-12, open for findings.
  static func seeded() throws -> IOR {
    let ior = try IOR()
    _ = try ior.copyOutline()
    try ior.succeed(
      """
      add partner lake-so name="Lake County Sheriff's Office" state=FL
      load outline moa-2020.txt
      new review lake-so type=program date=2025-05-12
      """)
    return ior
  }

  // MARK: The whole review

  @Test("a whole review runs from creation to close-out, and the store holds it")
  func wholeReview() throws {
    let ior = try IOR()
    let run = try ior.run([], stdin: Self.review.joined(separator: "\n") + "\n")
    #expect(run.status == 0, run.comment)
    #expect(run.stdout.isEmpty, "a batch run is quiet on success")

    // The partner's program dynamics, as the documents on disk hold them.
    let partner = try ior.document("partners/lake-so.json")
    #expect(partner["name"] as? String == "Lake County Sheriff's Office")
    #expect(partner["state"] as? String == "FL")
    #expect(partner["sddo"] as? String == "J. Chen")
    #expect(partner["moaSigned"] as? String == "2019-05-01")
    let fpm = partner["fpm"] as? [String: Any]
    #expect(fpm?["name"] as? String == "A. Rivera")
    #expect(fpm?["title"] as? String == "Field Program Manager")
    let officers = partner["officers"] as? [[String: Any]] ?? []
    #expect(officers.map { $0["name"] as? String } == ["Pat Doe"])
    #expect(officers.first?["authorized"] as? String == "2024-01-15")
    #expect((partner["visits"] as? [[String: Any]])?.first?["date"] as? String == "2025-03-04")
    #expect((partner["meetings"] as? [[String: Any]])?.first?["date"] as? String == "2025-02-11")
    #expect(partner["scheduledMeetings"] as? [String] == ["2025-08-12"])
    #expect((partner["warrantsServed"] as? [String: Any])?["2024"] as? Int == 37)
    let complaint = (partner["complaints"] as? [[String: Any]])?.first
    #expect(complaint?["ref"] as? String == "CRCL-24-0117")
    #expect(complaint?["date"] as? String == "2024-11-02")

    // The review, every step of it.
    let review = try ior.document("reviews/lake-so-2025.json")
    #expect(review["partner"] as? String == "lake-so")
    #expect(review["type"] as? String == "program")
    #expect(review["inspection"] as? String == "2025-05-12")
    #expect(review["requestSent"] as? String == "2025-04-07")
    #expect(review["reportIssued"] as? String == "2025-06-02")
    #expect(review["planAccepted"] as? String == "2025-07-15")
    #expect(review["closedOut"] as? String == "2025-11-20")
    let answer = (review["answers"] as? [String: Any])?["wso-3"] as? [String: Any]
    #expect(answer?["text"] as? String == "Supervisor reviews each I-200 before service.")
    let findings = review["findings"] as? [[String: Any]] ?? []
    #expect(findings.map { $0["id"] as? String } == ["D1", "C1"])
    #expect(findings.first?["kind"] as? String == "deficiency")
    #expect(findings.first?["citation"] as? String == "MOA Article V")
    #expect(findings.last?["title"] as? String == "Roster of WSOs kept on paper only")
    let action = (review["actions"] as? [[String: Any]])?.first
    #expect(action?["finding"] as? String == "D1")
    #expect(action?["owner"] as? String == "Lt. K. Moore")
    #expect(action?["due"] as? String == "2025-09-01")
    #expect(action?["completed"] as? String == "2025-10-01")

    // Every change is journaled, one line a command.
    #expect(try ior.journalLines().count == Self.review.count)
  }

  @Test("the reports, summaries and listings of a finished review")
  func outputs() throws {
    let ior = try IOR()
    try #require(try ior.run([], stdin: Self.review.joined(separator: "\n")).status == 0)

    let findings = try ior.succeed("open review lake-so-2025; report findings format=md")
    #expect(findings.stdout.contains("# WSO-IOR Findings Report"))
    #expect(findings.stdout.contains("### D1. Warrant served without supervisory review"))
    #expect(findings.stdout.contains("### C1. Roster of WSOs kept on paper only"))

    let summary = try ior.succeed("summary fy 2025")
    #expect(summary.stdout.contains("Annual summary FY2025, as of 2025-09-30"))
    #expect(summary.stdout.contains("A. Rivera"))
    #expect(summary.stdout.contains("lake-so-2025"))

    // As of 30 September 2025 the review (closed out in November) was still open.
    let csv = try ior.succeed("summary fy 2025 format=csv")
    let rows = csv.stdout.split(whereSeparator: \.isNewline).map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    try #require(rows.count == 2, csv.comment)
    let row = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
    #expect(row["id"] == "lake-so")
    #expect(row["fpm_name"] == "A. Rivera")
    #expect(row["sddo"] == "J. Chen")
    #expect(row["current_wsos"] == "1")
    #expect(row["last_site_visit"] == "2025-03-04")
    #expect(row["moa_signed"] == "2019-05-01")
    #expect(row["last_steering_committee"] == "2025-02-11")
    #expect(row["warrants_fy2024"] == "37")
    #expect(row["complaints_fy2025"] == "1", "2024-11-02 falls in FY2025")
    #expect(row["reviews_detail"] == "lake-so-2025 program D1 C1 open")

    let due = try ior.succeed("due")
    #expect(due.stdout.contains("lake-so"))
    #expect(due.stdout.contains("Pat Doe"), "an officer with no training on record is due")

    let partners = try ior.succeed("list partners")
    #expect(partners.stdout.contains("lake-so  Lake County Sheriff's Office"))

    let help = try ior.succeed("help add deficiency")
    #expect(help.stdout.hasPrefix("add deficiency \"TITLE\" cite="))
    #expect(help.stdout.contains("cite= is required"))
  }

  @Test("open review, open partner and leave set and clear what commands work on")
  func openAndLeave() throws {
    let ior = try Self.seeded()
    try ior.succeed("open review lake-so-2025; status; leave; show partner")
    let noReview = try ior.commands("open review lake-so-2025; leave; status")
    #expect(noReview.status == 1)
    #expect(noReview.stderr.contains("-c:1: no review is open"), noReview.comment)
    let noPartner = try ior.commands("open partner lake-so; show partner; leave; show partner")
    #expect(noPartner.status == 1)
    #expect(noPartner.stdout.contains("lake-so: Lake County Sheriff's Office"))
    #expect(noPartner.stderr.contains("no partner is open"), noPartner.comment)
  }

  // MARK: A deficiency carries its citation

  @Test("a deficiency without a citation is refused, and nothing is written")
  func deficiencyWithoutCitation() throws {
    let ior = try Self.seeded()
    let before = try ior.snapshot()

    let missing = try ior.commands("open review lake-so-2025; add deficiency \"No supervisor\"")
    #expect(missing.status == 64, missing.comment)
    #expect(missing.stderr.contains("'add deficiency' needs cite"), missing.comment)
    let empty = try ior.commands(
      "open review lake-so-2025; add deficiency \"No supervisor\" cite=\"\"")
    #expect(empty.status == 1, empty.comment)
    #expect(empty.stderr.contains("a deficiency needs its citation"), empty.comment)

    #expect(try ior.snapshot() == before, "the store changed although the command was refused")
  }

  @Test(
    "an MOA citation on the partner's outline is recorded with its title",
    arguments: [
      ("MOA Article V", "MOA Article V", "Supervision of Warrant Service Officers"),
      (
        "MOA Art. 5, paragraph 2", "MOA Article V, paragraph 2",
        "Supervision of Warrant Service Officers"
      ),
      ("MOA Appendix B", "MOA Appendix B", "Complaint Procedure"),
    ])
  func citationOnOutline(typed: String, recorded: String, title: String) throws {
    let ior = try Self.seeded()
    try ior.succeed("open review lake-so-2025; add deficiency \"Finding\" cite=\"\(typed)\"")
    let finding = try #require(
      (try ior.document("reviews/lake-so-2025.json")["findings"] as? [[String: Any]])?.first)
    #expect(finding["citation"] as? String == recorded)
    #expect(finding["citationTitle"] as? String == title)
    let shown = try ior.succeed("open review lake-so-2025; show finding D1")
    #expect(shown.stdout.contains("\(recorded) (\(title))"), shown.comment)
  }

  @Test("an MOA citation not on the partner's outline is refused, naming the outline")
  func citationNotOnOutline() throws {
    let ior = try Self.seeded()
    let before = try ior.snapshot()
    let run = try ior.commands(
      "open review lake-so-2025; add deficiency \"x\" cite=\"MOA Article XX\"")
    #expect(run.status == 1)
    #expect(
      run.stderr.contains("'MOA Article XX' is not in the partner's MOA outline (2020 WSO MOA)"),
      run.comment)
    #expect(run.stderr.contains("MOA Article XVI"), "the message lists what the outline has")
    #expect(try ior.snapshot() == before)
  }

  @Test("without an outline on record an MOA citation is kept as written")
  func citationWithoutOutline() throws {
    let ior = try IOR()
    try ior.succeed(
      "add partner lake-so name=\"Lake\"; new review lake-so type=focus date=2025-05-12;"
        + " add deficiency \"x\" cite=\"MOA Article XX\"")
    let findings = try ior.document("reviews/lake-so-2025.json")["findings"] as? [[String: Any]]
    let finding = findings?.first
    #expect(finding?["citation"] as? String == "MOA Article XX")
    #expect(finding?["citationTitle"] == nil)
  }

  // MARK: Repeat findings

  @Test(
    "a deficiency citing what the previous review cited is a repeat finding",
    arguments: [("MOA Article V", "lake-so-2025/D1"), ("MOA Article VIII", nil)])
  func repeatFinding(citation: String, repeatOf: String?) throws {
    let ior = try Self.seeded()
    try ior.succeed(
      """
      open review lake-so-2025
      add deficiency "Warrant served without supervisory review" cite="MOA Article V"
      new review lake-so type=program date=2027-05-10
      add deficiency "Again" cite="\(citation)"
      """)
    let findings = try ior.document("reviews/lake-so-2027.json")["findings"] as? [[String: Any]]
    let finding = findings?.first
    #expect(finding?["repeatOf"] as? String == repeatOf)
    let listed = try ior.succeed("open review lake-so-2027; list findings")
    #expect(listed.stdout.contains("lake-so-2025/D1") == (repeatOf != nil), listed.comment)
  }

  // MARK: Close-out

  @Test("close-out is refused while a deficiency has no completed corrective action")
  func closeoutRefused() throws {
    let ior = try Self.seeded()
    try ior.succeed(
      "open review lake-so-2025; add deficiency \"x\" cite=\"MOA Article V\";"
        + " issue report 2025-06-02")
    let none = try ior.commands("open review lake-so-2025; closeout 2025-11-20")
    #expect(none.status == 1)
    #expect(none.stderr.contains("cannot close out: D1 has no corrective action"), none.comment)

    try ior.succeed("open review lake-so-2025; add action D1 \"Retrain\" due=2025-09-01")
    let before = try ior.snapshot()
    let open = try ior.commands("open review lake-so-2025; closeout 2025-11-20")
    #expect(open.status == 1)
    #expect(open.stderr.contains("D1 has a corrective action not completed"), open.comment)
    #expect(try ior.document("reviews/lake-so-2025.json")["closedOut"] == nil)
    #expect(try ior.snapshot() == before)
  }

  @Test("close-out with reason= goes through, and the reason is recorded and reported")
  func closeoutWithReason() throws {
    let ior = try Self.seeded()
    let reason = "Partner terminated the MOA before the plan was complete"
    try ior.succeed(
      """
      open review lake-so-2025
      add deficiency "x" cite="MOA Article V"
      issue report 2025-06-02
      closeout 2025-11-20 reason="\(reason)"
      """)
    let review = try ior.document("reviews/lake-so-2025.json")
    #expect(review["closedOut"] as? String == "2025-11-20")
    #expect(review["closeoutReason"] as? String == reason)
    let memo = try ior.succeed("open review lake-so-2025; report closeout")
    let flattened = memo.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(flattened.contains(reason), memo.comment)
  }

  // MARK: The request form's window

  @Test(
    "a request form sent outside 28-42 days warns but is recorded",
    arguments: [
      ("2025-04-20", true), ("2025-03-01", true), ("2025-04-07", false),
      ("2025-03-31", false), ("2025-04-14", false),
    ])
  func requestWindow(sent: String, warns: Bool) throws {
    let ior = try Self.seeded()
    let run = try ior.succeed("open review lake-so-2025; send request \(sent)")
    #expect(run.stderr.contains("warning:") == warns, run.comment)
    if warns { #expect(run.stderr.contains("28 to 42 days")) }
    #expect(try ior.document("reviews/lake-so-2025.json")["requestSent"] as? String == sent)
  }

  // MARK: Values, ids and the order of steps

  @Test(
    "a date that does not exist is refused", arguments: ["2025-02-30", "2025-13-01", "2025-4-7"])
  func invalidDate(date: String) throws {
    let ior = try Self.seeded()
    let before = try ior.snapshot()
    let run = try ior.commands("open partner lake-so; add visit \(date)")
    #expect(run.status == 1)
    #expect(run.stderr.contains("'\(date)' is not a date (YYYY-MM-DD)"), run.comment)
    #expect(try ior.snapshot() == before)
  }

  @Test(
    "a date far out of the program's years, or a record dated after today, is refused",
    arguments: [
      ("add officer \"X\" authorized=0001-01-01", "is not a date from 1990 to 2100"),
      ("set partner moa-signed=9999-12-31", "is not a date from 1990 to 2100"),
      ("set partner moa-signed=2099-12-31", "after today"),
      ("add complaint 2099-07-01 ref=CRCL-99-1", "after today"),
      ("add officer \"X\" authorized=2099-01-15", "after today"),
    ])
  func implausibleDate(command: String, message: String) throws {
    let ior = try Self.seeded()
    let before = try ior.snapshot()
    let run = try ior.commands("open partner lake-so; \(command)")
    #expect(run.status == 1, run.comment)
    #expect(run.stderr.contains(message), run.comment)
    #expect(try ior.snapshot() == before)
  }

  @Test("a leap day is a date")
  func leapDay() throws {
    let ior = try Self.seeded()
    try ior.succeed("open partner lake-so; add visit 2024-02-29")
    let visits = try ior.document("partners/lake-so.json")["visits"] as? [[String: Any]]
    #expect(visits?.first?["date"] as? String == "2024-02-29")
  }

  @Test("a finding is refused once the review is closed out, and taken before")
  func findingOnClosedReview() throws {
    let ior = try Self.seeded()
    try ior.succeed("open review lake-so-2025; add concern \"Before close-out\"")
    try ior.succeed("open review lake-so-2025; issue report 2025-06-02; closeout 2025-11-20")
    let before = try ior.snapshot()
    let run = try ior.commands("open review lake-so-2025; add concern \"After close-out\"")
    #expect(run.status == 1)
    #expect(run.stderr.contains("review 'lake-so-2025' is closed out"), run.comment)
    #expect(try ior.snapshot() == before)
  }

  @Test("a corrective action is for a deficiency, not an area of concern")
  func actionForConcern() throws {
    let ior = try Self.seeded()
    try ior.succeed(
      "open review lake-so-2025; add concern \"Paper roster\";"
        + " add deficiency \"x\" cite=\"MOA Article V\"")
    let run = try ior.commands("open review lake-so-2025; add action C1 \"Digitize the roster\"")
    #expect(run.status == 1)
    #expect(run.stderr.contains("'C1' is an area of concern"), run.comment)
    try ior.succeed("open review lake-so-2025; add action D1 \"Retrain\"")
    let actions = try ior.document("reviews/lake-so-2025.json")["actions"] as? [[String: Any]]
    #expect(actions?.map { $0["finding"] as? String } == ["D1"])
  }

  @Test("an unknown partner id gets a suggestion; the right one opens")
  func unknownPartner() throws {
    let ior = try Self.seeded()
    let run = try ior.commands("open partner lake-co")
    #expect(run.status == 1)
    #expect(run.stderr.contains("no partner 'lake-co'; did you mean 'lake-so'?"), run.comment)
    try ior.succeed("open partner lake-so")
  }

  @Test("a second partner with the same id is refused; another id is taken")
  func duplicatePartner() throws {
    let ior = try Self.seeded()
    let before = try ior.snapshot()
    let run = try ior.commands("add partner lake-so name=\"Another Lake\"")
    #expect(run.status == 1)
    #expect(run.stderr.contains("partner 'lake-so' already exists"), run.comment)
    #expect(try ior.snapshot() == before)
    let kept = try ior.document("partners/lake-so.json")
    #expect(kept["name"] as? String == "Lake County Sheriff's Office")
    try ior.succeed("add partner lake-pd name=\"Lake Police\"")
    #expect(try ior.document("partners/lake-pd.json")["name"] as? String == "Lake Police")
  }

  @Test("a step out of order is refused: the request form comes back after it went out")
  func stepOutOfOrder() throws {
    let ior = try Self.seeded()
    let before = try ior.snapshot()
    let run = try ior.commands("open review lake-so-2025; receive request 2025-04-25")
    #expect(run.status == 1)
    #expect(run.stderr.contains("cannot record the request form's return: it has not been sent"))
    #expect(try ior.snapshot() == before)
    try ior.succeed("open review lake-so-2025; send request 2025-04-07; receive request 2025-04-25")
    let review = try ior.document("reviews/lake-so-2025.json")
    #expect(review["requestReceived"] as? String == "2025-04-25")
  }
}
