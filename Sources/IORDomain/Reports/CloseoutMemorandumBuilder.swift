import IORStore

/// Builds the close-out memorandum to the Assistant Director for Enforcement that ends a
/// review: its dates, its findings, where each deficiency's corrective action stands, and why
/// the review was closed out with corrective actions not completed, when it was.
enum CloseoutMemorandumBuilder {
  /// Whom the memorandum is addressed to.
  static let addressee = "Assistant Director for Enforcement, Enforcement and Removal Operations"
  /// Whom it is from.
  static let sender = "287(g) Headquarters Unit, Enforcement and Removal Operations"

  /// The memorandum of the context's review; a draft until the review is closed out.
  static func build(_ context: ReportContext) -> ReportDocument {
    var sections = [
      addressSection(context),
      datesSection(context.review),
      findingsSection(context.review),
      statusSection(context),
    ]
    if let section = openActionsSection(context) { sections.append(section) }
    sections.append(closingSection(context))
    return ReportDocument(
      document: .closeout, marking: context.marking, subtitle: context.partner.name,
      draft: context.review.closedOut == nil ? context.draftLine + ", not closed out" : nil,
      sections: sections)
  }

  private static func addressSection(_ context: ReportContext) -> ReportSection {
    let review = context.review
    let fields = [
      ReportField(key: "for", label: "MEMORANDUM FOR", value: .text(addressee)),
      ReportField(key: "from", label: "FROM", value: .text(sender)),
      ReportField(
        key: "subject", label: "SUBJECT",
        value: .text("Close-out of the WSO Internal Oversight Review of " + context.partner.name)),
      ReportField(key: "date", label: "DATE", value: .date(review.closedOut, absent: "DRAFT")),
    ]
    let verb = review.closedOut == nil ? "will close out" : "closes out"
    let purpose =
      "This memorandum \(verb) the \(context.reviewType) WSO Internal Oversight Review"
      + " of \(context.partner.name) (review \(review.id)), inspected on \(review.inspection)"
      + (review.npm.map { " by National Program Manager " + $0 } ?? "") + "."
    return ReportSection(
      key: "memorandum", title: nil, blocks: [.fields(fields), .paragraph(purpose, key: "purpose")])
  }

  private static func datesSection(_ review: Review) -> ReportSection {
    let fields = [
      ReportField(
        key: "requestSent", label: "Request form sent",
        value: .date(review.requestSent, absent: "not recorded")),
      ReportField(key: "inspection", label: "Inspection", value: .date(review.inspection)),
      ReportField(
        key: "reportIssued", label: "Findings report issued",
        value: .date(review.reportIssued, absent: "not issued")),
      ReportField(
        key: "planAccepted", label: "Corrective action plan accepted",
        value: .date(review.planAccepted, absent: "not accepted")),
      ReportField(
        key: "closedOut", label: "Closed out",
        value: .date(review.closedOut, absent: "not closed out")),
    ]
    return ReportSection(key: "dates", title: "Review dates", blocks: [.fields(fields)])
  }

  private static func findingsSection(_ review: Review) -> ReportSection {
    let open = review.openDeficiencies.count
    let fields = [
      ReportField(
        key: "deficiencies", label: "Deficiencies",
        value: .number(review.deficiencies.count)),
      ReportField(
        key: "concerns", label: "Areas of concern", value: .number(review.concerns.count)),
      ReportField(
        key: "correctedDeficiencies", label: "Deficiencies corrected",
        value: .number(review.deficiencies.count - open)),
      ReportField(
        key: "openDeficiencies", label: "Deficiencies not yet corrected",
        value: .number(open)),
    ]
    return ReportSection(
      key: "findings", title: "Findings", blocks: [.fields(fields)],
      json: [
        "openDeficiencyIds": .array(review.openDeficiencies.map { .string($0.id) }),
        "closeoutReason": .optional(review.closeoutReason),
      ])
  }

  private static func statusSection(_ context: ReportContext) -> ReportSection {
    let rows = context.review.deficiencies.map { finding in
      ReportTable.Row(cells: [
        .text(finding.id), .text(finding.title), .text(context.actionStatus(of: finding).words),
      ])
    }
    let table = ReportTable(
      columns: [("id", "Deficiency"), ("title", "Title"), ("status", "Corrective action")],
      rows: rows)
    let blocks: [ReportBlock] =
      rows.isEmpty
      ? [.paragraph("The review found no deficiencies."), .table(key: "deficiencies", table)]
      : [.table(key: "deficiencies", table)]
    return ReportSection(
      key: "correctiveActions", title: "Corrective action status", blocks: blocks)
  }

  // The reason is shown whenever one is on record; without one, a draft with open deficiencies
  // says what must happen before it can be signed.
  private static func openActionsSection(_ context: ReportContext) -> ReportSection? {
    let review = context.review
    let open = review.openDeficiencies
    let json: [String: JSONValue] = ["openDeficiencyIds": .array(open.map { .string($0.id) })]
    if let reason = review.closeoutReason {
      let lead =
        "The review is closed out with corrective actions not completed for "
        + FindingsReportBuilder.count(open.count, "deficiency", "deficiencies")
        + (open.isEmpty ? "" : " (" + open.map(\.id).joined(separator: ", ") + ")")
        + ". The reason given:"
      return ReportSection(
        key: "openAtCloseout", title: "Closed out with corrective actions not completed",
        blocks: [.paragraph(lead), .paragraph(reason, key: "reason")], json: json)
    }
    guard review.closedOut == nil, !open.isEmpty else { return nil }
    let ids = open.map(\.id).joined(separator: ", ")
    let notice =
      "Before this review can be closed out, " + (open.count == 1 ? ids : "each of " + ids)
      + " needs a completed corrective action, or the reason for closing out without one must"
      + " be recorded."
    return ReportSection(
      key: "openAtCloseout", title: "Open corrective actions", blocks: [.notice(notice)],
      json: json)
  }

  private static func closingSection(_ context: ReportContext) -> ReportSection {
    let review = context.review
    let text =
      review.closedOut == nil
      ? "Once signed, this memorandum ends the review; the next review of the partner is due"
        + " two years after this inspection, by \(review.inspection.adding(years: 2))."
      : "This memorandum ends the review. The next review of the partner is due two years after"
        + " this inspection, by \(review.inspection.adding(years: 2))."
    let preparer = ReportField(
      key: "preparedBy", label: "Prepared by", value: .text(review.npm, absent: "not assigned"))
    return ReportSection(
      key: "closing", title: nil, blocks: [.paragraph(text, key: "text"), .fields([preparer])])
  }
}
