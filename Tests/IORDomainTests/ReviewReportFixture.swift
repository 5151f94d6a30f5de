@testable import IORDomain

/// The fictional partner and review the report tests render: Harbor County Sheriff's Office,
/// reviewed in May 2025, with one repeat deficiency corrected, one open, and an area of concern.
enum ReviewReportFixture {
  static let today = date("2025-10-01")

  static func date(_ text: String) -> LocalDate {
    LocalDate(text) ?? LocalDate(dayNumber: 0)
  }

  static var partner: Partner {
    var partner = Partner(id: "harbor-so", name: "Harbor County Sheriff's Office")
    partner.state = "WA"
    partner.fieldOffice = "Seattle"
    partner.fpmName = "M. Okafor"
    partner.fpmTitle = "Field Program Manager"
    partner.sddo = "R. Lindqvist"
    partner.moaSigned = date("2020-03-02")
    partner.officers = [
      Officer(
        id: "O1", name: "Dana Whitfield", authorized: date("2021-02-01"),
        trained: date("2021-01-20")),
      Officer(id: "O2", name: "Lee Park", authorized: date("2023-06-12"), trained: nil),
      Officer(
        id: "O3", name: "Sam Ortiz", authorized: date("2021-02-01"),
        trained: date("2021-01-20"), status: .inactive, ended: date("2024-08-30")),
    ]
    partner.meetings = [
      SteeringCommitteeMeeting(id: "M1", date: date("2022-09-20")),
      SteeringCommitteeMeeting(id: "M2", date: date("2024-02-13")),
      SteeringCommitteeMeeting(id: "M3", date: date("2025-03-18")),
    ]
    partner.scheduledMeetings = [date("2025-09-16")]
    partner.warrantsServed = [2023: 41, 2024: 37]
    partner.complaints = [
      Complaint(
        reference: "CRCL-24-0117", date: date("2024-11-02"), disposition: .referred,
        summary: "Warrant said to be served before the release paperwork was complete.")
    ]
    return partner
  }

  static var review: Review {
    var review = Review(
      id: "harbor-so-2025", partner: "harbor-so", kind: .program, inspection: date("2025-05-12"))
    review.npm = "T. Alvarez"
    review.requestSent = date("2025-04-07")
    review.requestReceived = date("2025-04-21")
    review.reportIssued = date("2025-06-02")
    review.planAccepted = date("2025-07-15")
    review.answers = answers
    review.findings = findings
    review.actions = actions
    return review
  }

  private static var answers: [String: Answer] {
    [
      "wso-5": Answer(
        text: "The SDDO reviews each warrant by email before service; the email is not always"
          + " kept.", recorded: date("2025-05-12")),
      "sddo-1": Answer(
        text: "I review the I-200 by email. On weekends the review sometimes comes after"
          + " service.", recorded: date("2025-05-12")),
      "fpm-2": Answer(
        text: "A spreadsheet of training dates; two WSOs are past due for refresher training.",
        recorded: date("2025-05-13")),
      "chk-roster-posted": Answer(
        text: "Yes, posted at the booking desk.", recorded: date("2025-05-12")),
      "chk-warrant-log": Answer(
        text: "Kept in the jail management system.", recorded: date("2025-05-12")),
    ]
  }

  private static var findings: [Finding] {
    [
      Finding(
        id: "D1", kind: .deficiency, title: "Warrant served without supervisory review",
        citation: "MOA Article V", citationTitle: "Supervision of WSOs",
        detail: "Two of the five warrants sampled for FY2025 were served before the SDDO's"
          + " review was recorded.",
        recommendation: "Record the SDDO's review of each warrant before it is served and keep"
          + " the record with the served warrant.",
        answers: ["wso-5", "sddo-1"], repeatOf: "harbor-so-2023/D2"),
      Finding(
        id: "D2", kind: .deficiency, title: "Refresher training not completed on time",
        citation: "ICE policy: WSO training requirements", citationTitle: nil,
        detail: "Two of the three WSOs were past due for refresher training.",
        recommendation: nil, answers: ["fpm-2"], repeatOf: nil),
      Finding(
        id: "C1", kind: .concern, title: "Roster of WSOs kept on paper only", citation: nil,
        citationTitle: nil,
        detail: "The roster is a paper list at the booking desk; the field office copy was"
          + " three months old.",
        recommendation: "Keep the roster electronically and send it to the field office after"
          + " every change.",
        answers: [], repeatOf: nil),
    ]
  }

  private static var actions: [CorrectiveAction] {
    [
      CorrectiveAction(
        id: "A1", finding: "D1", plan: "Retrain all WSOs on supervisory review before service",
        owner: "Lt. K. Moore", due: date("2025-09-01"), agree: true,
        completed: date("2025-08-22")),
      CorrectiveAction(
        id: "A2", finding: "D2", plan: "Schedule refresher training for every WSO past due",
        owner: "Sgt. J. Ames", due: date("2025-12-01"), agree: false, completed: nil),
    ]
  }

  /// The review with store text chosen to break each format: markup, quotes, control
  /// characters and bidirectional overrides.
  static var hostileReview: Review {
    var review = review
    review.npm = "T. \"Alvarez\" & 'co'"
    review.findings[0].title = "<script>alert(1)</script> | *bold* \u{1B}[31mred\u{1B}[0m"
    review.findings[0].detail = "line one\r\nline\ttwo \u{7}\u{7F}\u{9B}2J \u{202E}txt.exe"
    review.findings[2].title = "<img src=http://example.invalid/x.png onerror=alert(1)>"
    review.answers["wso-5"]?.text = "</td></tr></table><script>alert('x')</script>\u{0}"
    review.closeoutReason = "Reason with <b>markup</b>\u{1B}]0;title\u{7}"
    return review
  }

  /// The partner with a hostile name.
  static var hostilePartner: Partner {
    var partner = partner
    partner.name = "Harbor <i>County</i> & \"Sons\"\u{1B}[2J"
    return partner
  }
}
