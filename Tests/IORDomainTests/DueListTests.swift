import IORStore
import Testing

@testable import IORDomain

@Suite("What is due")
struct DueListTests {
  static let today = ymd("2025-06-15")

  static func due(_ partners: [Partner], _ reviews: [Review] = [], within: Int = 180)
    -> [DueItem]
  {
    DueList.items(partners: partners, reviews: reviews, today: today, within: within)
  }

  /// A review of `p` inspected `days` from today whose request form went out and whose report
  /// was issued, so that only what a test sets up is due.
  static func doneReview(_ id: String, inspected days: Int) -> Review {
    var review = Review(id: id, partner: "p", kind: .program, inspection: today.adding(days: days))
    review.requestSent = review.inspection.adding(days: -35)
    review.reportIssued = review.inspection.adding(days: 20)
    return review
  }

  // MARK: The biennial review

  @Test("a review two years after the last inspection is overdue once that date has passed")
  func reviewOverdue() throws {
    let last = Self.doneReview("p-2023", inspected: -776)
    let item = try #require(Self.due([SummaryFixture.partner("p")], [last]).first)
    #expect(item.kind == .reviewOverdue)
    #expect(item.date == last.inspection.adding(years: 2))
    #expect(item.daysLeft == -45)
    #expect(item.review == nil)
    #expect(item.action.hasPrefix("plan the overdue biennial review (last inspection"))
  }

  @Test(
    "a review is listed when it falls due within the window, and not a day beyond",
    arguments: [(180, true), (179, false), (400, true)])
  func reviewWindow(within: Int, listed: Bool) {
    let last = Review(id: "p-2023", partner: "p", kind: .program, inspection: ymd("2023-12-12"))
    var partner = SummaryFixture.partner("p")
    partner.moaSigned = ymd("2019-01-01")
    let items = Self.due([partner], [last], within: within).filter { $0.kind == .reviewDue }
    #expect(items.count == (listed ? 1 : 0))
    if listed { #expect(items.first?.daysLeft == 180 && items.first?.date == ymd("2025-12-12")) }
  }

  @Test("a review due today is due, not overdue")
  func reviewDueToday() {
    let items = Self.due([SummaryFixture.partner("p", moaSigned: "2023-06-15")])
    #expect(items.map(\.kind) == [.reviewDue])
    #expect(items.first?.daysLeft == 0)
  }

  @Test("with no review, the first is due two years after the MOA was signed")
  func reviewFromMOA() {
    let items = Self.due([SummaryFixture.partner("p", moaSigned: "2023-06-14")])
    #expect(items.map(\.kind) == [.reviewOverdue])
    #expect(items.first?.date == ymd("2025-06-14"))
    #expect(items.first?.action.contains("MOA signed 2023-06-14") == true)
  }

  @Test("a partner with neither an MOA date nor a review is listed as such")
  func reviewNothingOnRecord() {
    let items = Self.due([SummaryFixture.partner("p")])
    #expect(items.count == 1)
    #expect(items.first?.kind == .reviewDue)
    #expect(items.first?.date == Self.today)
    #expect(items.first?.action.contains("no MOA date or review on record") == true)
  }

  @Test(
    "a planned review on or before the due date stands in for the due review; a later one does not",
    arguments: [("2025-05-01", false), ("2025-07-01", false), ("2025-09-01", true)])
  func plannedReview(inspection: String, listed: Bool) {
    let partner = SummaryFixture.partner("p", moaSigned: "2023-07-01")
    var planned = Review(id: "p-2025", partner: "p", kind: .program, inspection: ymd(inspection))
    planned.requestSent = planned.inspection.adding(days: -40)
    planned.reportIssued = ymd(inspection) < Self.today ? Self.today : nil
    let reviewItems = Self.due([partner], [planned]).filter { $0.kind == .reviewDue }
    #expect(reviewItems.count == (listed ? 1 : 0))
    if listed {
      #expect(reviewItems.first?.action.contains("p-2025 is set for 2025-09-01") == true)
    }
  }

  @Test("terminated partners are left out of every kind of item")
  func terminatedLeftOut() {
    var partner = SummaryFixture.partner("p", moaSigned: "2015-01-01")
    partner.status = .terminated
    partner.officers = [SummaryFixture.officer("O1", authorized: "2020-01-01")]
    partner.scheduledMeetings = [ymd("2025-01-01")]
    let review = Review(id: "p-2025", partner: "p", kind: .program, inspection: ymd("2025-06-01"))
    #expect(Self.due([partner], [review]).isEmpty)
  }

  // MARK: Request forms and reports

  @Test(
    "the request form is listed while its 28-42-day window is open, and as missed after",
    arguments: [
      (43, nil), (42, .requestWindowOpen), (28, .requestWindowOpen), (27, .requestMissed),
      (-5, .requestMissed),
    ] as [(Int, DueItem.Kind?)])
  func requestWindow(daysAhead: Int, kind: DueItem.Kind?) {
    var review = Review(
      id: "p-2025", partner: "p", kind: .program, inspection: Self.today.adding(days: daysAhead))
    if daysAhead < -1 { review.reportIssued = nil }
    let items = Self.due([SummaryFixture.partner("p", moaSigned: "2025-01-01")], [review])
      .filter { $0.kind == .requestWindowOpen || $0.kind == .requestMissed }
    #expect(items.map(\.kind) == (kind.map { [$0] } ?? []))
    #expect(items.first.map(\.date) == kind.map { _ in review.inspection.adding(days: -28) })
    if kind == .requestWindowOpen {
      #expect(
        items.first?.action
          == "send the request form for p-2025 by \(review.inspection.adding(days: -28))")
    }
  }

  @Test(
    "a missed request form is to be sent now only while the inspection is ahead",
    arguments: [(27, true), (1, true), (0, false), (-5, false)])
  func missedRequestAdvice(daysAhead: Int, sendNow: Bool) throws {
    let review = Review(
      id: "p-2025", partner: "p", kind: .program, inspection: Self.today.adding(days: daysAhead))
    let items = Self.due([SummaryFixture.partner("p", moaSigned: "2025-01-01")], [review])
    let item = try #require(items.first { $0.kind == .requestMissed })
    #expect(item.action.contains("send it now") == sendNow, "\(item.action)")
    #expect(
      item.action.hasSuffix(
        "has come: record when it went out (send request DATE) or move the inspection"
          + " (set review date=DATE)") == !sendNow, "\(item.action)")
  }

  @Test("a request form already sent, or a review already reported, is not listed")
  func requestDone() {
    var sent = Review(
      id: "p-a", partner: "p", kind: .program, inspection: Self.today.adding(days: 30))
    sent.requestSent = Self.today
    var reported = Review(
      id: "p-b", partner: "p", kind: .focus, inspection: Self.today.adding(days: -10))
    reported.reportIssued = Self.today
    let items = Self.due([SummaryFixture.partner("p", moaSigned: "2025-01-01")], [sent, reported])
    #expect(!items.contains { $0.kind == .requestWindowOpen || $0.kind == .requestMissed })
  }

  @Test(
    "the findings report is late when not issued 30 days after the inspection",
    arguments: [(-31, true), (-30, false), (-100, true)])
  func reportLate(inspected: Int, late: Bool) {
    var review = Self.doneReview("p-2025", inspected: inspected)
    review.reportIssued = nil
    let items = Self.due([SummaryFixture.partner("p")], [review]).filter { $0.kind == .reportLate }
    #expect(items.count == (late ? 1 : 0))
    if late {
      #expect(items.first?.date == review.inspection.adding(days: DueList.reportDays))
      #expect(items.first?.review == "p-2025")
    }
  }

  // MARK: Corrective actions, training, meetings

  @Test("corrective actions past their target date and not completed are overdue")
  func actionOverdue() {
    var review = Self.doneReview("p-2025", inspected: -60)
    review.actions = [
      CorrectiveAction(
        id: "A1", finding: "D1", plan: "Retrain", owner: "Lt. K. Moore", due: ymd("2025-06-14")),
      CorrectiveAction(id: "A2", finding: "D1", plan: "Audit", due: Self.today),
      CorrectiveAction(
        id: "A3", finding: "D2", plan: "Fix", due: ymd("2025-01-01"), completed: ymd("2025-02-01")),
      CorrectiveAction(id: "A4", finding: "D2", plan: "No date"),
    ]
    var closed = review
    closed.id = "p-2024"
    closed.closedOut = ymd("2025-06-01")
    let items = Self.due([SummaryFixture.partner("p")], [review, closed]).filter {
      $0.kind == .actionOverdue
    }
    #expect(items.map(\.subject) == ["A1"])
    #expect(items.first?.review == "p-2025")
    #expect(items.first?.daysLeft == -1)
    #expect(items.first?.action.contains("with Lt. K. Moore") == true)
  }

  @Test(
    "an active officer's training lapses more than 365 days after the last (or authorization)",
    arguments: [
      (SummaryFixture.officer("O1", authorized: "2020-01-01", trained: "2024-06-14"), true),
      (SummaryFixture.officer("O1", authorized: "2020-01-01", trained: "2024-06-15"), false),
      (SummaryFixture.officer("O1", authorized: "2024-06-14"), true),
      (SummaryFixture.officer("O1", authorized: "2025-01-01"), false),
      (SummaryFixture.officer("O1", authorized: "2020-01-01", ended: "2025-06-15"), false),
      (SummaryFixture.officer("O1", authorized: "2020-01-01", ended: "2025-06-16"), true),
      (SummaryFixture.officer("O1", authorized: "2020-01-01", status: .inactive), false),
    ])
  func trainingLapsed(officer: Officer, lapsed: Bool) {
    var partner = SummaryFixture.partner("p")
    partner.officers = [officer]
    let items = Self.due([partner]).filter { $0.kind == .trainingLapsed }
    #expect(items.count == (lapsed ? 1 : 0))
    if lapsed {
      #expect(items.first?.subject == "O1")
      #expect(items.first?.date == (officer.trained ?? officer.authorized).adding(days: 365))
    }
  }

  @Test(
    "a scheduled meeting that passed is missed unless one was held since (30 days' grace before)",
    arguments: [
      ("2025-06-05", nil, true), ("2025-06-15", nil, false), ("2025-06-05", "2025-05-06", false),
      ("2025-06-05", "2025-05-05", true), ("2025-06-05", "2025-06-10", false),
    ] as [(String, String?, Bool)])
  func meetingMissed(scheduled: String, held: String?, missed: Bool) {
    var partner = SummaryFixture.partner("p")
    partner.scheduledMeetings = [ymd(scheduled)]
    partner.meetings = held.map { [SteeringCommitteeMeeting(id: "M1", date: ymd($0))] } ?? []
    let items = Self.due([partner]).filter { $0.kind == .meetingMissed }
    #expect(items.map(\.date) == (missed ? [ymd(scheduled)] : []))
  }

  // MARK: Order and formats

  @Test("items run from the most overdue to the latest, then by partner id")
  func ordering() {
    let partners = [
      SummaryFixture.partner("b", moaSigned: "2023-01-01"),
      SummaryFixture.partner("a", moaSigned: "2023-01-01"),
      SummaryFixture.partner("c", moaSigned: "2023-09-01"),
      SummaryFixture.partner("d", moaSigned: "2022-01-01"),
    ]
    let items = Self.due(partners)
    #expect(items.map(\.partner) == ["d", "a", "b", "c"])
    #expect(items.map(\.daysLeft) == [-531, -165, -165, 78])
  }

  static func sampleItem() -> DueItem {
    DueItem(
      kind: .reviewOverdue, partner: "lake-so", date: ymd("2025-06-03"), today: today,
      action: "plan the overdue biennial review (=last inspection 2023-06-03)")
  }

  @Test("the JSON has today, within and the items with kebab-case kinds")
  func json() throws {
    let json = DueList.json([Self.sampleItem()], today: Self.today, within: 90)
    let expected = try JSONParser.parse(
      """
      {"today": "2025-06-15", "within": 90, "items": [{"kind": "review-overdue",
        "partner": "lake-so", "review": null, "subject": null, "date": "2025-06-03",
        "daysLeft": -12,
        "action": "plan the overdue biennial review (=last inspection 2023-06-03)"}]}
      """)
    #expect(json == expected)
  }

  @Test("the CSV has the documented header and one row per item")
  func csv() {
    let text = DueList.csv([Self.sampleItem()])
    #expect(
      text == "kind,partner,review,subject,date,days_left,action\r\n"
        + "review-overdue,lake-so,,,2025-06-03,-12,"
        + "plan the overdue biennial review (=last inspection 2023-06-03)\r\n")
  }

  @Test("the table and the Markdown show every item and say when nothing is due")
  func tableAndMarkdown() {
    var item = Self.sampleItem()
    item.action = "retrain Pat" + String(Character("\u{1B}")) + "[2J Doe | x"
    let table = DueList.table([item])
    #expect(
      table.hasPrefix(
        "DATE        DAYS  PARTNER  TO DO\n2025-06-03   -12  lake-so  retrain Pat\\x1B[2J"))
    let markdown = DueList.markdown([item])
    #expect(
      markdown.contains(
        "| 2025-06-03 | -12 | review-overdue | lake-so | retrain Pat\\x1B\\[2J Doe \\| x |"))
    #expect(DueList.table([]) == "Nothing is due.\n")
  }
}

@Suite("What is due, at national scale")
struct DueListScaleTests {
  @Test("2,000 partners and 10,000 reviews are listed, each overdue partner once")
  func scale() {
    let partners = (0..<2000).map { SummaryFixture.partner("p\($0)", moaSigned: "2019-01-01") }
    let reviews = (0..<10_000).map {
      SummaryFixture.review(
        "r\($0)", partner: "p\($0 % 2000)", inspection: "2022-0\($0 % 9 + 1)-15")
    }
    // Speed at this scale is measured by bench/run.sh, never timed in a unit test.
    let items = DueList.items(
      partners: partners, reviews: reviews, today: ymd("2025-06-15"), within: 180)
    #expect(items.filter { $0.kind == .reviewOverdue }.count == 2000)
  }
}
