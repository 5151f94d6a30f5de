import IORStore

/// The NPM's annual summary of every WSO partner for one fiscal year, with exactly the fields
/// of the guidance, each taken as it stood on 30 September of that year (the "as-of" date).
///
/// Appropriate for `summary fy N`: build it once from every partner and review, then render it
/// as `json`, `csv()`, `markdown(marking:)` or `table()`. A value not on record stays nil and
/// is shown as not recorded, never as 0 or an invented date.
public struct AnnualSummary: Sendable, Equatable {
  /// FY N, the year summarized.
  public var fiscalYear: FiscalYear
  /// The three fiscal years the multi-year figures cover, oldest first: N-2, N-1, N.
  public var years: [FiscalYear]
  /// One summary per partner, in partner id order.
  public var partners: [PartnerSummary]

  /// 30 September of N: every dated fact is taken as it stood that day.
  public var asOf: LocalDate { fiscalYear.end }

  /// Summarizes `partners` (optionally only the one with id `partnerID`) for `fiscalYear`.
  ///
  /// Left out: a partner terminated with its MOA ended before FY N-2 began, and a partner
  /// whose MOA was signed after the as-of date (not yet a partner then). Reviews are grouped
  /// by partner once, so the work grows with the number of records, not their product.
  public static func build(
    fiscalYear: FiscalYear, partners: [Partner], reviews: [Review], only partnerID: String? = nil
  ) -> AnnualSummary {
    var builder = Builder(fiscalYear: fiscalYear, only: partnerID)
    for review in reviews { builder.add(review) }
    for partner in partners { builder.add(partner) }
    return builder.summary
  }

  /// Builds the summary from documents handed over one at a time, every review before any
  /// partner, keeping only what the summary shows: appropriate for a national store, whose
  /// documents need not all be held at once.
  public struct Builder {
    let fiscalYear: FiscalYear
    let years: [FiscalYear]
    let partnerID: String?
    private var reviewsByPartner: [String: [(LocalDate, ReviewSummary)]] = [:]
    private var partners: [PartnerSummary] = []

    /// A builder for `fiscalYear`, of every partner or only the one with id `partnerID`.
    public init(fiscalYear: FiscalYear, only partnerID: String? = nil) {
      self.fiscalYear = fiscalYear
      self.years = (-2...0).map { fiscalYear.advanced(by: $0) }
      self.partnerID = partnerID
    }

    /// Takes in a review; only one inspected in FY N-2 to N is kept, as its summary.
    public mutating func add(_ review: Review) {
      guard review.inspection >= years[0].start, review.inspection <= fiscalYear.end,
        partnerID.map({ review.partner == $0 }) ?? true
      else { return }
      reviewsByPartner[review.partner, default: []].append(
        (review.inspection, ReviewSummary(review: review, asOf: fiscalYear.end)))
    }

    /// Takes in a partner, after every review.
    public mutating func add(_ partner: Partner) {
      guard partnerID.map({ partner.id == $0 }) ?? true,
        exclusionReason(for: partner, fiscalYear: fiscalYear) == nil
      else { return }
      let reviews = (reviewsByPartner.removeValue(forKey: partner.id) ?? [])
        .sorted { ($0.0, $0.1.id) < ($1.0, $1.1.id) }.map(\.1)
      partners.append(
        PartnerSummary(partner: partner, reviews: reviews, years: years, asOf: fiscalYear.end))
    }

    /// The summary of everything taken in, partners in id order.
    public var summary: AnnualSummary {
      AnnualSummary(
        fiscalYear: fiscalYear, years: years, partners: partners.sorted { $0.id < $1.id })
    }
  }

  /// Why `partner` is left out of the summary for `fiscalYear`, as a sentence fragment for
  /// people; nil when it is included. Lets the shell explain an empty `summary ... partner ID`.
  public static func exclusionReason(for partner: Partner, fiscalYear: FiscalYear) -> String? {
    let firstYear = fiscalYear.advanced(by: -2)
    if partner.status == .terminated, let ended = partner.ended, ended < firstYear.start {
      return "its MOA ended on \(ended), before \(firstYear) began"
    }
    if let signed = partner.moaSigned, signed > fiscalYear.end {
      return "its MOA was signed on \(signed), after \(fiscalYear.end)"
    }
    return nil
  }
}

/// One partner's entry in the annual summary. Every optional is nil when not on record.
public struct PartnerSummary: Sendable, Equatable {
  /// The partner's id.
  public var id: String
  /// The partner's name as recorded.
  public var name: String
  /// The FPM or field office POC's name.
  public var fpmName: String?
  /// The FPM or POC's title.
  public var fpmTitle: String?
  /// The assisting SDDO's name.
  public var sddo: String?
  /// WSOs authorized on or before the as-of date and not ended by then (none once the MOA
  /// ended); nil when the partner has no officer on record at all.
  public var currentWSOs: Int?
  /// The last NPM site visit on or before the as-of date.
  public var lastSiteVisit: LocalDate?
  /// The date the initial MOA was signed.
  public var moaSigned: LocalDate?
  /// The last steering committee meeting held on or before the as-of date.
  public var lastSteeringCommittee: LocalDate?
  /// The first steering committee date after the as-of date.
  public var nextSteeringCommittee: LocalDate?
  /// Warrants served in each of the three fiscal years, oldest first; nil when no figure was
  /// recorded for that year.
  public var warrantsServed: [Int?]
  /// The reviews inspected in FY N-2 to N, oldest inspection first.
  public var reviews: [ReviewSummary]
  /// Complaints reported to CRCL in each of the three fiscal years, oldest first: the count
  /// when the partner was a partner during that year, nil when it was not (and had none).
  public var crclComplaints: [Int?]

  /// The summary of `partner` as of `asOf`, from its reviews in the window (already summarized,
  /// oldest inspection first).
  init(partner: Partner, reviews: [ReviewSummary], years: [FiscalYear], asOf: LocalDate) {
    id = partner.id
    name = partner.name
    fpmName = partner.fpmName
    fpmTitle = partner.fpmTitle
    sddo = partner.sddo
    currentWSOs = Self.currentWSOs(of: partner, asOf: asOf)
    lastSiteVisit = partner.lastVisit(onOrBefore: asOf)
    moaSigned = partner.moaSigned
    lastSteeringCommittee = partner.lastMeeting(onOrBefore: asOf)
    nextSteeringCommittee = partner.nextMeeting(after: asOf)
    warrantsServed = years.map { partner.warrantsServed[$0.year] }
    self.reviews = reviews
    crclComplaints = Self.complaintCounts(of: partner, years: years)
  }

  /// WSOs serving on `asOf`: none once the partner's MOA has ended by then, whatever the
  /// officers' own records say; nil when no officer is on record at all.
  static func currentWSOs(of partner: Partner, asOf: LocalDate) -> Int? {
    guard !partner.officers.isEmpty else { return nil }
    if partner.status == .terminated, let ended = partner.ended, ended <= asOf { return 0 }
    return partner.currentOfficers(on: asOf).count
  }

  /// Complaints per fiscal year. A year with none counts 0 only when the partner was a partner
  /// during it (MOA signed by the year's end, or no MOA date on record, and not ended before
  /// the year began); otherwise there is nothing to count and the figure is nil.
  static func complaintCounts(of partner: Partner, years: [FiscalYear]) -> [Int?] {
    var counts = [Int](repeating: 0, count: years.count)
    for complaint in partner.complaints {
      if let index = years.firstIndex(where: { $0.contains(complaint.date) }) {
        counts[index] += 1
      }
    }
    return years.indices.map { index in
      counts[index] > 0 || isPartner(partner, during: years[index]) ? counts[index] : nil
    }
  }

  private static func isPartner(_ partner: Partner, during year: FiscalYear) -> Bool {
    if let signed = partner.moaSigned, signed > year.end { return false }
    if partner.status == .terminated, let ended = partner.ended, ended < year.start {
      return false
    }
    return true
  }
}

/// One internal oversight review as the annual summary reports it.
public struct ReviewSummary: Sendable, Equatable {
  /// The review's id.
  public var id: String
  /// The fiscal year of its inspection.
  public var fiscalYear: FiscalYear
  /// Program or focus.
  public var kind: Review.Kind
  /// The number of deficiencies on record.
  public var deficiencies: Int
  /// The number of areas of concern on record.
  public var areasOfConcern: Int
  /// The close-out date when the review was closed out on or before the as-of date; a later
  /// close-out had not happened yet as of then, so it is nil.
  public var closedOn: LocalDate?

  /// True when the review had been closed out by the as-of date.
  public var closedOut: Bool { closedOn != nil }

  init(review: Review, asOf: LocalDate) {
    id = review.id
    fiscalYear = review.fiscalYear
    kind = review.kind
    var deficiencies = 0
    for finding in review.findings where finding.kind == .deficiency { deficiencies += 1 }
    self.deficiencies = deficiencies
    areasOfConcern = review.findings.count - deficiencies
    closedOn = review.closedOut.flatMap { $0 <= asOf ? $0 : nil }
  }
}
