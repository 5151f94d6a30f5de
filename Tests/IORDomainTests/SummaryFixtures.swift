import Testing

@testable import IORDomain

/// A date from `YYYY-MM-DD` text; records an issue (and gives 1970-01-01) for a bad literal.
func ymd(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> LocalDate {
  guard let date = LocalDate(text) else {
    Issue.record("bad date literal '\(text)'", sourceLocation: sourceLocation)
    return LocalDate(dayNumber: 0)
  }
  return date
}

/// Partners and reviews built by hand, with known answers, for the summary and due tests.
enum SummaryFixture {
  /// An officer authorized on `authorized`, optionally trained and ended.
  static func officer(
    _ id: String, authorized: String, trained: String? = nil, ended: String? = nil,
    status: Officer.Status = .active
  ) -> Officer {
    Officer(
      id: id, name: "Officer " + id, authorized: ymd(authorized), trained: trained.map { ymd($0) },
      status: status, ended: ended.map { ymd($0) })
  }

  /// A partner with only an id, a name and, when given, an MOA date.
  static func partner(_ id: String, moaSigned: String? = nil) -> Partner {
    var partner = Partner(id: id, name: "Partner " + id)
    partner.moaSigned = moaSigned.map { ymd($0) }
    return partner
  }

  /// A review inspected on `inspection` with `deficiencies` and `concerns` findings.
  static func review(
    _ id: String, partner: String, inspection: String, kind: Review.Kind = .program,
    deficiencies: Int = 0, concerns: Int = 0
  ) -> Review {
    var review = Review(id: id, partner: partner, kind: kind, inspection: ymd(inspection))
    // A fresh review is far from its counter limit, so nextID cannot fail here.
    for _ in 0..<deficiencies {
      let id = (try? review.nextID("D")) ?? "D?"
      review.findings.append(
        Finding(id: id, kind: .deficiency, title: "Deficiency " + id, citation: "MOA Article V"))
    }
    for _ in 0..<concerns {
      let id = (try? review.nextID("C")) ?? "C?"
      review.findings.append(Finding(id: id, kind: .concern, title: "Concern " + id))
    }
    return review
  }

  /// Lake County, the guidance example: every field of the summary on record for FY2025.
  static func lake() -> Partner {
    var partner = Partner(id: "lake-so", name: "Lake County Sheriff's Office")
    partner.fpmName = "A. Rivera"
    partner.fpmTitle = "Field Program Manager"
    partner.sddo = "J. Chen"
    partner.moaSigned = ymd("2019-05-01")
    partner.officers = (1...12).map { officer("O\($0)", authorized: "2020-01-15") }
    partner.officers.append(officer("O13", authorized: "2025-10-01"))
    partner.visits = [
      SiteVisit(id: "V1", date: ymd("2025-03-04")), SiteVisit(id: "V2", date: ymd("2025-10-01")),
    ]
    partner.meetings = [SteeringCommitteeMeeting(id: "M1", date: ymd("2025-02-11"))]
    partner.scheduledMeetings = [ymd("2025-02-11"), ymd("2025-11-12")]
    partner.warrantsServed = [2022: 11, 2023: 30, 2024: 37]
    partner.complaints = [
      Complaint(reference: "CRCL-24-0117", date: ymd("2024-03-02")),
      Complaint(reference: "CRCL-26-0001", date: ymd("2025-10-05")),
    ]
    return partner
  }

  /// Lake County's reviews: one in FY2025 with two deficiencies and one concern, one before
  /// the three-year window.
  static func lakeReviews() -> [Review] {
    [
      review(
        "lake-so-2025", partner: "lake-so", inspection: "2025-05-12", deficiencies: 2, concerns: 1),
      review("lake-so-2022", partner: "lake-so", inspection: "2022-09-30", deficiencies: 4),
    ]
  }
}
