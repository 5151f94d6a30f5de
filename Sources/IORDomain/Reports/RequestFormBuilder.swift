/// Builds the WSO-IOR Request Form the NPM sends to the FPM, SDDO or field office POC 4 to 6
/// weeks before the inspection.
///
/// The NPM's own fields (the guidance's highlighted areas) are filled from the store and marked
/// `npm`; what HQ already has on record is prefilled and marked for the field to confirm; the
/// rest is left blank for the field office.
enum RequestFormBuilder {
  /// Days the field office is given to return the form after it is sent.
  static let daysToReturn = 14
  /// Days before the inspection the NPM needs the form back to prepare.
  static let daysBeforeInspection = 14
  /// Blank rows under each table for the field office to add to.
  static let blankRows = 3

  /// The date the form is to come back by: two weeks after it is sent, but never later than
  /// two weeks before the inspection. Sent 4 to 6 weeks ahead, as the guidance asks, that is
  /// always the two weeks after sending; sent late, the NPM still gets two weeks to prepare.
  /// A form not yet sent counts from `today`, the day it is being prepared to go out.
  static func returnBy(_ review: Review, today: LocalDate) -> LocalDate {
    let sent = review.requestSent ?? today
    return min(
      sent.adding(days: daysToReturn),
      review.inspection.adding(days: -daysBeforeInspection))
  }

  /// The request form of the context's review.
  static func build(_ context: ReportContext) -> ReportDocument {
    let asOf = context.review.requestSent ?? context.today
    let firstYear = context.review.fiscalYear.advanced(by: -2)
    return ReportDocument(
      document: .request, marking: context.marking, subtitle: context.partner.name, draft: nil,
      sections: [
        npmSection(context),
        programSection(context, asOf: asOf),
        rosterSection(context.partner, asOf: asOf),
        warrantsSection(context),
        meetingsSection(context.partner, since: firstYear.start, asOf: asOf),
        complaintsSection(context.partner, since: firstYear.start),
        proceduresSection(),
        contactsSection(context.partner),
        completedBySection(),
      ])
  }

  // MARK: Completed by the NPM

  private static func npmSection(_ context: ReportContext) -> ReportSection {
    let review = context.review
    let partner = context.partner
    let returnDate = returnBy(review, today: context.today)
    let npm = review.npm ?? "the 287(g) HQ NPM"
    let introduction =
      "Please complete this form and return it to \(npm) by \(returnDate),"
      + " with copies of the records it asks for. Fields marked ▶ [NPM] were completed by the"
      + " NPM before sending. Values marked \"\(FieldMark.onRecordNote)\" come from HQ records:"
      + " confirm each one or correct it. Blank lines and rows are for the field office."
    var fields = context.reviewFields(mark: .npm)
    fields += [
      ReportField(
        key: "requestSent", label: "Request sent",
        value: .date(review.requestSent, absent: "not sent yet"), mark: .npm),
      ReportField(key: "returnBy", label: "Return by", value: .date(returnDate), mark: .npm),
      ReportField(
        key: "fpm", label: "FPM/POC", value: person(partner.fpmName, partner.fpmTitle),
        mark: .npm),
      ReportField(
        key: "sddo", label: "SDDO", value: .text(partner.sddo, absent: "not on record"),
        mark: .npm),
    ]
    return ReportSection(
      key: "review", title: "Review", blocks: [.paragraph(introduction), .fields(fields)])
  }

  private static func person(_ name: String?, _ title: String?) -> ReportValue {
    guard let name else { return .absent("not on record") }
    return .text(title.map { name + ", " + $0 } ?? name)
  }

  // MARK: Completed by the field office

  private static func programSection(_ context: ReportContext, asOf: LocalDate) -> ReportSection {
    let partner = context.partner
    let officers = partner.currentOfficers(on: asOf).count
    let fields = [
      recorded(
        key: "moaSigned", label: "Initial MOA signed", partner.moaSigned.map(ReportValue.date)),
      recorded(key: "currentWSOs", label: "Number of current WSOs", .number(officers)),
    ]
    return ReportSection(key: "program", title: "Program", blocks: [.fields(fields)])
  }

  private static func rosterSection(_ partner: Partner, asOf: LocalDate) -> ReportSection {
    let rows = partner.currentOfficers(on: asOf).map { officer in
      ReportTable.Row(
        cells: [
          .text(officer.name), .date(officer.authorized),
          officer.trained.map(ReportValue.date) ?? .blank,
        ],
        mark: .onRecord)
    }
    let table = ReportTable(
      columns: [("name", "WSO"), ("authorized", "Authorized"), ("trained", "Training completed")],
      rows: rows, blankRows: blankRows)
    let instruction =
      "List every WSO authorized today with the date of the ICE authorization"
      + " and of the last WSO training completed; strike out any who no longer serve."
    return ReportSection(
      key: "roster", title: "Current WSO roster",
      blocks: [.paragraph(instruction), .table(key: "officers", table)])
  }

  private static func warrantsSection(_ context: ReportContext) -> ReportSection {
    let current = context.review.fiscalYear
    let rows = (-2...0).map { offset in
      let year = current.advanced(by: offset)
      let label = year.description + (offset == 0 ? " (to date)" : "")
      guard let count = context.partner.warrantsServed[year.year] else {
        return ReportTable.Row(cells: [.text(label), .blank])
      }
      return ReportTable.Row(cells: [.text(label), .number(count)], mark: .onRecord)
    }
    let table = ReportTable(
      columns: [("fiscalYear", "Fiscal year"), ("count", "Warrants served")],
      rows: rows)
    return ReportSection(
      key: "warrants", title: "Warrants served in the last three fiscal years",
      blocks: [.table(key: "fiscalYears", table)])
  }

  private static func meetingsSection(_ partner: Partner, since start: LocalDate, asOf: LocalDate)
    -> ReportSection
  {
    let fields = [
      recorded(
        key: "lastHeld", label: "Last meeting held",
        partner.lastMeeting(onOrBefore: asOf).map(ReportValue.date)),
      recorded(
        key: "nextScheduled", label: "Next meeting scheduled",
        partner.nextMeeting(after: asOf).map(ReportValue.date)),
    ]
    let rows = partner.meetings.filter { $0.date >= start && $0.date <= asOf }.map { meeting in
      ReportTable.Row(cells: [.date(meeting.date), .blank], mark: .onRecord)
    }
    let table = ReportTable(
      columns: [("date", "Date held"), ("minutes", "Minutes attached (yes/no)")], rows: rows,
      blankRows: blankRows)
    return ReportSection(
      key: "steeringCommittee", title: "Steering committee",
      blocks: [.fields(fields), .table(key: "meetings", table)])
  }

  private static func complaintsSection(_ partner: Partner, since start: LocalDate)
    -> ReportSection
  {
    let rows = partner.complaints.filter { $0.date >= start }.map { complaint in
      ReportTable.Row(
        cells: [
          .date(complaint.date), .text(complaint.reference),
          complaint.summary.map(ReportValue.text) ?? .blank,
          complaint.disposition.map { .text($0.rawValue) } ?? .blank,
        ], mark: .onRecord)
    }
    let table = ReportTable(
      columns: [
        ("date", "Date"), ("reference", "Reference"), ("summary", "Summary"),
        ("disposition", "Disposition"),
      ],
      rows: rows, blankRows: blankRows)
    let instruction =
      "List every complaint about the WSO program received since \(start) and"
      + " how it was reported to the 287(g) HQ unit for referral to CRCL."
    return ReportSection(
      key: "complaints", title: "Complaints",
      blocks: [.paragraph(instruction), .table(key: "complaints", table)])
  }

  private static func proceduresSection() -> ReportSection {
    let table = ReportTable(
      columns: [
        ("procedure", "Written procedure"), ("revised", "Issued or last revised"),
        ("attached", "Attached (yes/no)"),
      ],
      rows: [], blankRows: blankRows + 1)
    let instruction =
      "List the partner's written local procedures for the WSO program (receiving"
      + " and serving warrants, custody transfer, complaints, records) and attach a copy of each."
    return ReportSection(
      key: "procedures", title: "Written local procedures",
      blocks: [.paragraph(instruction), .table(key: "procedures", table)])
  }

  private static func contactsSection(_ partner: Partner) -> ReportSection {
    let known: [(String, String?)] = [("FPM/POC", partner.fpmName), ("SDDO", partner.sddo)]
    let unknown = ["AFOD/DFOD", "Partner WSO program coordinator", "WSO supervisor"]
    let rows =
      known.map { role, name in
        ReportTable.Row(
          cells: [.text(role), name.map(ReportValue.text) ?? .blank, .blank, .blank],
          mark: name == nil ? .none : .onRecord)
      } + unknown.map { ReportTable.Row(cells: [.text($0), .blank, .blank, .blank]) }
    let table = ReportTable(
      columns: [
        ("role", "Role"), ("name", "Name"), ("telephone", "Telephone"),
        ("email", "Email"),
      ],
      rows: rows)
    return ReportSection(
      key: "contacts", title: "Points of contact", blocks: [.table(key: "contacts", table)])
  }

  private static func completedBySection() -> ReportSection {
    let fields = [
      ("name", "Name"), ("title", "Title"), ("telephone", "Telephone"),
      ("date", "Date"),
    ].map { ReportField(key: $0.0, label: $0.1, value: .blank, mark: .field) }
    return ReportSection(key: "completedBy", title: "Completed by", blocks: [.fields(fields)])
  }

  // A field prefilled from the store for confirmation, or blank for the field office.
  private static func recorded(key: String, label: String, _ value: ReportValue?) -> ReportField {
    ReportField(
      key: key, label: label, value: value ?? .blank,
      mark: value == nil ? .field : .onRecord)
  }
}
