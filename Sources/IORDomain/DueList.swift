/// One thing an NPM needs to do, with the date it is or was due.
public struct DueItem: Sendable, Equatable {
  /// What kind of work is due. The raw value is the kebab-case name JSON and CSV use.
  public enum Kind: String, Sendable, CaseIterable {
    case reviewDue = "review-due", reviewOverdue = "review-overdue"
    case requestWindowOpen = "request-window-open", requestMissed = "request-missed"
    case reportLate = "report-late", actionOverdue = "action-overdue"
    case trainingLapsed = "training-lapsed", meetingMissed = "meeting-missed"

    /// The order of kinds on the same day for the same partner: the review first, then its
    /// steps, then officers and meetings.
    var rank: Int {
      switch self {
      case .reviewOverdue: return 0
      case .reviewDue: return 1
      case .requestMissed: return 2
      case .requestWindowOpen: return 3
      case .reportLate: return 4
      case .actionOverdue: return 5
      case .trainingLapsed: return 6
      case .meetingMissed: return 7
      }
    }
  }

  /// What kind of work it is.
  public var kind: Kind
  /// The partner's id.
  public var partner: String
  /// The review it concerns, when it concerns one.
  public var review: String?
  /// The finding, corrective action or officer id it concerns, when it concerns one.
  public var subject: String?
  /// When it is or was due.
  public var date: LocalDate
  /// Days from today to `date`; negative when overdue.
  public var daysLeft: Int
  /// What to do, as a sentence fragment ("send the request form for lake-so-2025 by ...").
  public var action: String

  /// An item; `daysLeft` is counted from `today` to `date`.
  public init(
    kind: Kind, partner: String, review: String? = nil, subject: String? = nil,
    date: LocalDate, today: LocalDate, action: String
  ) {
    self.kind = kind
    self.partner = partner
    self.review = review
    self.subject = subject
    self.date = date
    self.daysLeft = today.days(until: date)
    self.action = action
  }
}

/// What needs doing across every partner and review, most urgent first: biennial reviews due
/// or overdue, request forms to send or missed, late findings reports, overdue corrective
/// actions, lapsed WSO training and missed steering committee meetings.
///
/// Appropriate for `due` and for a daily cron run. Terminated partners, and reviews of a
/// partner not in `partners`, are left out.
public enum DueList {
  /// The default look-ahead for biennial reviews, in days.
  public static let defaultWithin = 180
  /// Years between biennial reviews.
  public static let reviewInterval = 2
  /// The findings report is late when not issued this many days after the inspection.
  public static let reportDays = 30
  /// A WSO's training has lapsed when the last (or, with none, the authorization) is more than
  /// this many days before today.
  public static let trainingDays = 365
  /// A held meeting up to this many days before a scheduled date still counts as that meeting
  /// (it was brought forward); any meeting held later counts too.
  public static let meetingToleranceDays = 30

  /// Everything due for `partners` as of `today`; biennial reviews only when due within
  /// `days` days (or overdue). Sorted by date, most overdue first, then partner id.
  public static func items(
    partners: [Partner], reviews: [Review], today: LocalDate, within days: Int
  ) -> [DueItem] {
    var builder = Builder(today: today, within: days)
    for review in reviews { builder.add(review) }
    for partner in partners { builder.add(partner) }
    return builder.items
  }

  /// Builds the list from documents handed over one at a time, every review before any
  /// partner, keeping of each review only its dates and its own items: appropriate for a
  /// national store.
  public struct Builder {
    let today: LocalDate
    let within: Int
    private var reviewsByPartner: [String: [ReviewDates]] = [:]
    private var reviewItemsByPartner: [String: [DueItem]] = [:]
    private var collected: [DueItem] = []

    /// A builder of what is due on `today`, looking `within` days ahead.
    public init(today: LocalDate, within: Int) {
      self.today = today
      self.within = within
    }

    /// Takes in a review.
    public mutating func add(_ review: Review) {
      reviewsByPartner[review.partner, default: []].append(
        ReviewDates(id: review.id, inspection: review.inspection, underWay: isUnderWay(review)))
      let items = reviewItems(review, today: today)
      if !items.isEmpty { reviewItemsByPartner[review.partner, default: []] += items }
    }

    /// Takes in a partner, after every review; a terminated partner owes nothing.
    public mutating func add(_ partner: Partner) {
      let reviews = reviewsByPartner.removeValue(forKey: partner.id) ?? []
      let items = reviewItemsByPartner.removeValue(forKey: partner.id) ?? []
      guard partner.status != .terminated else { return }
      if let item = reviewItem(partner, reviews, today: today, within: within) {
        collected.append(item)
      }
      collected += items
      collected += trainingItems(partner, today: today)
      collected += meetingItems(partner, today: today)
    }

    /// Everything taken in that is due, most urgent first.
    public var items: [DueItem] { collected.sorted(by: isMoreUrgent) }
  }

  /// What the biennial review item needs of each of a partner's reviews.
  struct ReviewDates {
    var id: String
    var inspection: LocalDate
    /// Not yet past fieldwork.
    var underWay: Bool
  }

  /// Earlier date first (all items share `today`, so `daysLeft` orders them), then partner,
  /// kind, review and subject, so the order never depends on the order of the input.
  static func isMoreUrgent(_ left: DueItem, _ right: DueItem) -> Bool {
    if left.daysLeft != right.daysLeft { return left.daysLeft < right.daysLeft }
    if left.partner != right.partner { return left.partner < right.partner }
    if left.kind != right.kind { return left.kind.rank < right.kind.rank }
    if left.review != right.review { return idLess(left.review ?? "", right.review ?? "") }
    return idLess(left.subject ?? "", right.subject ?? "")
  }

  /// Orders record ids by their number when they share a prefix (`O2` before `O10`).
  static func idLess(_ left: String, _ right: String) -> Bool {
    let leftParts = numberedParts(left)
    let rightParts = numberedParts(right)
    guard leftParts.prefix == rightParts.prefix, let leftNumber = leftParts.number,
      let rightNumber = rightParts.number, leftNumber != rightNumber
    else { return left < right }
    return leftNumber < rightNumber
  }

  private static func numberedParts(_ id: String) -> (prefix: Substring, number: Int?) {
    let digits = id.reversed().prefix { $0.isASCII && $0.isNumber }.count
    guard digits > 0, digits < 18 else { return (Substring(id), nil) }
    return (id.dropLast(digits), Int(id.suffix(digits)))
  }

  // MARK: The biennial review

  /// The review due two years after the last inspection on or before today (any stage), or
  /// after the MOA was signed; nil when outside the window, or when a review still to be
  /// inspected (planned, request sent or fieldwork) is set for the due date or earlier.
  static func reviewItem(
    _ partner: Partner, _ reviews: [ReviewDates], today: LocalDate, within: Int
  ) -> DueItem? {
    let last = reviews.filter { $0.inspection <= today }.map(\.inspection).max()
    // Reviews still to be inspected: the next review, when one is already planned.
    let planned = reviews.filter { $0.inspection > today && $0.underWay }
    guard let base = last ?? partner.moaSigned else {
      guard planned.isEmpty else { return nil }
      return DueItem(
        kind: .reviewDue, partner: partner.id, date: today, today: today,
        action: "record the MOA signing date or plan a review: no MOA date or review on record")
    }
    let due = base.adding(years: reviewInterval)
    let daysLeft = today.days(until: due)
    guard daysLeft <= within else { return nil }
    if planned.contains(where: { $0.inspection <= due }) { return nil }
    let since = last.map { "last inspection \($0)" } ?? "MOA signed \(base)"
    var action = daysLeft < 0 ? "plan the overdue biennial review" : "plan the biennial review"
    action += " (\(since); due \(due))"
    if let late = planned.min(by: { $0.inspection < $1.inspection }) {
      action += "; \(late.id) is set for \(late.inspection), after the due date"
    }
    return DueItem(
      kind: daysLeft < 0 ? .reviewOverdue : .reviewDue, partner: partner.id, date: due,
      today: today, action: action)
  }

  /// A review not yet past fieldwork: planned, request form sent, or fieldwork.
  static func isUnderWay(_ review: Review) -> Bool {
    review.stage < .reportIssued
  }

  // MARK: One review's next steps

  static func reviewItems(_ review: Review, today: LocalDate) -> [DueItem] {
    var items: [DueItem] = []
    if let item = requestItem(review, today: today) { items.append(item) }
    if let item = reportItem(review, today: today) { items.append(item) }
    items += actionItems(review, today: today)
    return items
  }

  /// The request form, when its 28-42-day window is open now or has closed with it unsent.
  static func requestItem(_ review: Review, today: LocalDate) -> DueItem? {
    guard review.requestSent == nil, review.stage < .reportIssued else { return nil }
    let window = Workspace.requestWindow
    let daysBefore = today.days(until: review.inspection)
    let lastDay = review.inspection.adding(days: -window.lowerBound)
    if window.contains(daysBefore) {
      return DueItem(
        kind: .requestWindowOpen, partner: review.partner, review: review.id, date: lastDay,
        today: today, action: "send the request form for \(review.id) by \(lastDay)")
    }
    guard daysBefore < window.lowerBound else { return nil }
    // Once the inspection date has come, sending the form is no longer the way out.
    let action =
      daysBefore > 0
      ? "request form for \(review.id) not sent; its window closed \(lastDay)"
        + " (inspection \(review.inspection)): send it now or move the inspection"
      : "request form for \(review.id) not sent, and its inspection date"
        + " (\(review.inspection)) has come: record when it went out (send request DATE) or move"
        + " the inspection (set review date=DATE)"
    return DueItem(
      kind: .requestMissed, partner: review.partner, review: review.id, date: lastDay,
      today: today, action: action)
  }

  /// The findings report, when not issued `reportDays` days after the inspection.
  static func reportItem(_ review: Review, today: LocalDate) -> DueItem? {
    guard review.reportIssued == nil, review.closedOut == nil else { return nil }
    let due = review.inspection.adding(days: reportDays)
    guard due < today else { return nil }
    return DueItem(
      kind: .reportLate, partner: review.partner, review: review.id, date: due, today: today,
      action: "issue the findings report for \(review.id) (inspection \(review.inspection))")
  }

  /// Corrective actions past their target date and not completed, in a review not closed out.
  static func actionItems(_ review: Review, today: LocalDate) -> [DueItem] {
    guard review.closedOut == nil else { return [] }
    return review.actions.compactMap { action in
      guard action.completed == nil, let due = action.due, due < today else { return nil }
      let owner = action.owner.map { " with \($0)" } ?? ""
      return DueItem(
        kind: .actionOverdue, partner: review.partner, review: review.id, subject: action.id,
        date: due, today: today,
        action: "follow up corrective action \(action.id) for \(action.finding) in"
          + " \(review.id)\(owner) (target \(due))")
    }
  }

  // MARK: Officers and meetings

  /// Active officers, not ended, whose last training (or authorization) is over a year old.
  static func trainingItems(_ partner: Partner, today: LocalDate) -> [DueItem] {
    partner.officers.compactMap { officer in
      guard officer.status == .active, officer.authorized <= today,
        officer.ended.map({ $0 > today }) ?? true
      else { return nil }
      let last = officer.trained ?? officer.authorized
      let due = last.adding(days: trainingDays)
      guard due < today else { return nil }
      let basis =
        officer.trained.map { "last trained \($0)" }
        ?? "authorized \(officer.authorized), no training on record"
      return DueItem(
        kind: .trainingLapsed, partner: partner.id, subject: officer.id, date: due, today: today,
        action: "retrain \(officer.name) (\(officer.id)): \(basis)")
    }
  }

  /// Scheduled steering committee dates that have passed with no meeting held since
  /// (`meetingToleranceDays` before the date, or any time after it).
  static func meetingItems(_ partner: Partner, today: LocalDate) -> [DueItem] {
    let lastHeld = partner.meetings.map(\.date).max()
    return Set(partner.scheduledMeetings).sorted().compactMap { scheduled in
      guard scheduled < today else { return nil }
      if let lastHeld, lastHeld >= scheduled.adding(days: -meetingToleranceDays) { return nil }
      return DueItem(
        kind: .meetingMissed, partner: partner.id, date: scheduled, today: today,
        action: "record the steering committee meeting scheduled for \(scheduled),"
          + " or schedule the next one")
    }
  }
}
