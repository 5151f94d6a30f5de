import IORStore
import Testing

@testable import IORDomain

@Suite("The annual summary")
struct AnnualSummaryTests {
  static let fy2025 = FiscalYear(2025)

  static func summary(_ partners: [Partner], _ reviews: [Review] = []) -> AnnualSummary {
    AnnualSummary.build(fiscalYear: fy2025, partners: partners, reviews: reviews)
  }

  static func only(_ partner: Partner, _ reviews: [Review] = []) throws -> PartnerSummary {
    try #require(summary([partner], reviews).partners.first)
  }

  // MARK: Fields and their as-of rules

  @Test("the JSON holds exactly the guidance's fields in the documented shape")
  func jsonShape() throws {
    let built = Self.summary([SummaryFixture.lake()], SummaryFixture.lakeReviews())
    let expected = try JSONParser.parse(
      """
      {"fy": 2025, "asOf": "2025-09-30", "partners": [{
        "id": "lake-so", "name": "Lake County Sheriff's Office",
        "fpm": {"name": "A. Rivera", "title": "Field Program Manager"}, "sddo": "J. Chen",
        "currentWSOs": 12, "lastSiteVisit": "2025-03-04", "moaSigned": "2019-05-01",
        "lastSteeringCommittee": "2025-02-11", "nextSteeringCommittee": "2025-11-12",
        "warrantsServed": {"2023": 30, "2024": 37, "2025": null},
        "reviews": [{"id": "lake-so-2025", "fy": 2025, "type": "program", "deficiencies": 2,
                     "areasOfConcern": 1, "closedOut": false, "closedOn": null}],
        "crclComplaints": {"2023": 0, "2024": 1, "2025": 0}}]}
      """)
    #expect(built.json == expected)
    #expect(
      JSONWriter.pretty(built.json).hasPrefix("{\n  \"asOf\": \"2025-09-30\",\n  \"fy\": 2025,"))
  }

  @Test(
    "a site visit on 30 September counts; one on 1 October does not",
    arguments: [("2025-09-30", "2025-09-30"), ("2025-10-01", "2025-03-04")])
  func visitCutOff(visit: String, expected: String) throws {
    var partner = SummaryFixture.partner("p")
    partner.visits = [
      SiteVisit(id: "V1", date: ymd("2025-03-04")), SiteVisit(id: "V2", date: ymd(visit)),
    ]
    #expect(try Self.only(partner).lastSiteVisit == ymd(expected))
  }

  @Test(
    "an officer ended on 30 September is not current; one ended on 1 October is",
    arguments: [
      (nil, "2025-09-30", 0), (nil, "2025-10-01", 1), (nil, nil, 1), ("2025-09-30", nil, 1),
      ("2025-10-01", nil, 0),
    ] as [(String?, String?, Int)])
  func officerCutOff(authorized: String?, ended: String?, expected: Int) throws {
    var partner = SummaryFixture.partner("p")
    partner.officers = [
      SummaryFixture.officer("O1", authorized: authorized ?? "2021-06-01", ended: ended)
    ]
    #expect(try Self.only(partner).currentWSOs == expected)
  }

  @Test(
    "a partner whose MOA ended by 30 September has no current WSO; one ended after has its own",
    arguments: [("2025-09-30", 0), ("2024-03-01", 0), ("2025-10-01", 1)])
  func terminatedPartnerOfficers(ended: String, expected: Int) throws {
    var partner = SummaryFixture.partner("p", moaSigned: "2019-01-01")
    partner.officers = [SummaryFixture.officer("O1", authorized: "2021-06-01")]
    partner.status = .terminated
    partner.ended = ymd(ended)
    #expect(try Self.only(partner).currentWSOs == expected)
  }

  @Test("steering committee: the last held by 30 September, the next scheduled after it")
  func meetings() throws {
    var partner = SummaryFixture.partner("p")
    partner.meetings = [
      SteeringCommitteeMeeting(id: "M1", date: ymd("2025-04-01")),
      SteeringCommitteeMeeting(id: "M2", date: ymd("2025-09-30")),
      SteeringCommitteeMeeting(id: "M3", date: ymd("2025-10-20")),
    ]
    partner.scheduledMeetings = [ymd("2025-09-30"), ymd("2026-01-15"), ymd("2025-10-14")]
    let summary = try Self.only(partner)
    #expect(summary.lastSteeringCommittee == ymd("2025-09-30"))
    #expect(summary.nextSteeringCommittee == ymd("2025-10-14"))
  }

  @Test("a partner with nothing on record shows every value as null, never 0 or a date")
  func notRecordedIsNull() throws {
    let partner = Partner(id: "bare", name: "Bare County Jail")
    let json = try #require(Self.summary([partner]).json["partners"]?.arrayValue?.first)
    for member in [
      "fpm", "sddo", "currentWSOs", "lastSiteVisit", "moaSigned", "lastSteeringCommittee",
      "nextSteeringCommittee",
    ] {
      #expect(json[member] == .null, "\(member)")
    }
    #expect(json["warrantsServed"] == .object(["2023": .null, "2024": .null, "2025": .null]))
    #expect(json["reviews"] == .array([]))
  }

  @Test("the FPM is an object with a null member when only the title is on record")
  func fpmTitleOnly() throws {
    var partner = SummaryFixture.partner("p")
    partner.fpmTitle = "Field Office POC"
    let json = try #require(Self.summary([partner]).json["partners"]?.arrayValue?.first)
    #expect(json["fpm"] == .object(["name": .null, "title": "Field Office POC"]))
  }

  @Test(
    "complaints count 0 in a year the partner was a partner, null in a year it was not",
    arguments: [
      (nil, nil, [0, 0, 0]), ("2019-05-01", nil, [0, 0, 0]), ("2024-03-01", nil, [nil, 0, 0]),
      ("2024-09-30", nil, [nil, 0, 0]), ("2024-10-01", nil, [nil, nil, 0]),
      ("2019-05-01", "2023-12-01", [0, 0, nil]), ("2019-05-01", "2024-10-01", [0, 0, 0]),
    ] as [(String?, String?, [Int?])])
  func complaintZeroOrNull(moaSigned: String?, ended: String?, expected: [Int?]) throws {
    var partner = SummaryFixture.partner("p", moaSigned: moaSigned)
    if let ended {
      partner.status = .terminated
      partner.ended = ymd(ended)
    }
    #expect(try Self.only(partner).crclComplaints == expected)
  }

  @Test("complaints are counted in the fiscal year of their date, none after 30 September")
  func complaintsByYear() throws {
    var partner = SummaryFixture.partner("p", moaSigned: "2024-06-01")
    partner.complaints = ["2022-10-01", "2023-09-30", "2023-10-01", "2025-09-30", "2025-10-01"]
      .enumerated().map { Complaint(reference: "C\($0.offset)", date: ymd($0.element)) }
    // A complaint from before the MOA is still counted: the record says it happened.
    #expect(try Self.only(partner).crclComplaints == [2, 1, 1])
  }

  @Test("reviews inspected in FY N-2 to N are listed, oldest first; others are not")
  func reviewWindow() throws {
    let reviews = [
      SummaryFixture.review("p-4", partner: "p", inspection: "2025-10-01"),
      SummaryFixture.review(
        "p-3", partner: "p", inspection: "2025-09-30", kind: .focus, concerns: 2),
      SummaryFixture.review("p-2", partner: "p", inspection: "2022-10-01", deficiencies: 1),
      SummaryFixture.review("p-1", partner: "p", inspection: "2022-09-30"),
      SummaryFixture.review("q-1", partner: "q", inspection: "2024-01-10"),
    ]
    let summary = try Self.only(SummaryFixture.partner("p"), reviews)
    #expect(summary.reviews.map(\.id) == ["p-2", "p-3"])
    #expect(summary.reviews.map(\.fiscalYear.year) == [2023, 2025])
    #expect(summary.reviews.map(\.kind) == [.program, .focus])
    #expect(summary.reviews.map(\.deficiencies) == [1, 0])
    #expect(summary.reviews.map(\.areasOfConcern) == [0, 2])
  }

  @Test(
    "a review closed out after 30 September was not closed out as of then",
    arguments: [("2025-09-30", true), ("2025-10-01", false), (nil, false)] as [(String?, Bool)])
  func closedOutCutOff(closedOut: String?, closed: Bool) throws {
    var review = SummaryFixture.review("p-2025", partner: "p", inspection: "2025-01-10")
    review.closedOut = closedOut.map { ymd($0) }
    let line = try #require(try Self.only(SummaryFixture.partner("p"), [review]).reviews.first)
    #expect(line.closedOut == closed)
    #expect(line.closedOn == (closed ? closedOut.map { ymd($0) } : nil))
  }

  // MARK: Which partners

  @Test("partners are sorted by id; terminated before FY N-2 and not yet signed are left out")
  func partnerSelection() {
    var endedBefore = SummaryFixture.partner("e-before")
    endedBefore.status = .terminated
    endedBefore.ended = ymd("2022-09-30")
    var endedInWindow = SummaryFixture.partner("e-in")
    endedInWindow.status = .terminated
    endedInWindow.ended = ymd("2022-10-01")
    var terminatedNoDate = SummaryFixture.partner("e-nodate")
    terminatedNoDate.status = .terminated
    let partners = [
      SummaryFixture.partner("z-signed", moaSigned: "2025-09-30"),
      SummaryFixture.partner("m-later", moaSigned: "2025-10-01"),
      endedBefore, endedInWindow, terminatedNoDate, SummaryFixture.partner("a-none"),
    ]
    let summary = Self.summary(partners)
    #expect(summary.partners.map(\.id) == ["a-none", "e-in", "e-nodate", "z-signed"])
    #expect(AnnualSummary.exclusionReason(for: endedBefore, fiscalYear: Self.fy2025) != nil)
    #expect(
      AnnualSummary.exclusionReason(for: partners[1], fiscalYear: Self.fy2025)
        == "its MOA was signed on 2025-10-01, after 2025-09-30")
  }

  @Test("one partner can be asked for by id")
  func onePartner() {
    let partners = [
      SummaryFixture.partner("a"), SummaryFixture.partner("b"), SummaryFixture.partner("c"),
    ]
    let summary = AnnualSummary.build(
      fiscalYear: Self.fy2025, partners: partners, reviews: [], only: "b")
    #expect(summary.partners.map(\.id) == ["b"])
  }

  @Test("2,000 partners and 10,000 reviews build, each review under its partner")
  func scale() {
    let partners = (0..<2000).map { SummaryFixture.partner("p\($0)", moaSigned: "2019-01-01") }
    let reviews = (0..<10_000).map {
      SummaryFixture.review(
        "r\($0)", partner: "p\($0 % 2000)", inspection: "2024-0\($0 % 9 + 1)-15")
    }
    // Speed at this scale is measured by bench/run.sh, never timed in a unit test.
    let summary = AnnualSummary.build(
      fiscalYear: Self.fy2025, partners: partners, reviews: reviews)
    #expect(summary.partners.count == 2000)
    #expect(summary.partners.allSatisfy { $0.reviews.count == 5 })
  }
}
