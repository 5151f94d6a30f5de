import IORStore

/// Builds the WSO-IOR Findings Report: the review's deficiencies, each with its citation, and
/// its areas of concern.
enum FindingsReportBuilder {
  /// The findings report of the context's review; a draft until the report is issued.
  static func build(_ context: ReportContext) -> ReportDocument {
    let review = context.review
    let reportDate: ReportValue =
      review.reportIssued.map(ReportValue.date)
      ?? .absent("draft, not issued")
    let header =
      context.reviewFields()
      + [ReportField(key: "reportDate", label: "Report date", value: reportDate)]
    return ReportDocument(
      document: .findings, marking: context.marking, subtitle: context.partner.name,
      draft: review.reportIssued == nil ? context.draftLine : nil,
      sections: [
        ReportSection(key: "review", title: "Review", blocks: [.fields(header)]),
        summarySection(review),
        findingsSection(
          key: "deficiencies", title: "Deficiencies", review.deficiencies, context,
          none: "No deficiencies were found."),
        findingsSection(
          key: "concerns", title: "Areas of concern", review.concerns, context,
          none: "No areas of concern were found."),
        closingSection(context),
      ])
  }

  private static func summarySection(_ review: Review) -> ReportSection {
    let repeats = review.deficiencies.filter { $0.repeatOf != nil }.count
    let fields = [
      ReportField(
        key: "deficiencies", label: "Deficiencies", value: .number(review.deficiencies.count)),
      ReportField(key: "repeatFindings", label: "Repeat findings", value: .number(repeats)),
      ReportField(
        key: "concerns", label: "Areas of concern", value: .number(review.concerns.count)),
    ]
    let definitions =
      "A deficiency violates written policy and is linked to a term of the MOA,"
      + " an ICE policy or an operational procedure. An area of concern violates neither but may"
      + " reduce the effectiveness of the program."
    return ReportSection(
      key: "summary", title: "Summary", blocks: [.fields(fields), .paragraph(definitions)])
  }

  private static func findingsSection(
    key: String, title: String, _ findings: [Finding], _ context: ReportContext, none: String
  ) -> ReportSection {
    let items = findings.map { findingSection($0, context) }
    let blocks: [ReportBlock] =
      items.isEmpty
      ? [.paragraph(none), .group(key: "items", [])] : [.group(key: "items", items)]
    return ReportSection(key: key, title: title, blocks: blocks)
  }

  private static func findingSection(_ finding: Finding, _ context: ReportContext)
    -> ReportSection
  {
    var blocks: [ReportBlock] = []
    if let note = context.repeatNote(of: finding) { blocks.append(.notice(note)) }
    var fields: [ReportField] = []
    if finding.kind == .deficiency {
      fields.append(
        ReportField(key: "citationText", label: "Citation", value: context.citation(of: finding)))
    }
    fields += [
      ReportField(
        key: "detail", label: "Finding",
        value: .text(finding.detail, absent: "no detail recorded")),
      ReportField(
        key: "recommendation", label: "Recommendation",
        value: .text(finding.recommendation, absent: "none recorded")),
    ]
    blocks.append(.fields(fields))
    // The lead paragraph also keeps a Markdown list from running on into the fields above.
    blocks.append(
      .paragraph(
        finding.answers.isEmpty ? "No supporting answers are cited." : "Supporting answers:"))
    blocks.append(.list(key: "supportingAnswers", finding.answers.map { support($0, context) }))
    return ReportSection(
      key: finding.id, title: context.heading(of: finding), blocks: blocks,
      json: context.json(of: finding))
  }

  // A supporting answer as `wso-5 (supervision): <answer>`, so the report stands on its own.
  private static func support(_ id: String, _ context: ReportContext) -> String {
    let topic = QuestionBank.question(id: id).map { " (" + $0.topic + ")" } ?? ""
    let answer = context.review.answers[id]?.text ?? "no answer recorded"
    return id + topic + ": " + answer
  }

  private static func closingSection(_ context: ReportContext) -> ReportSection {
    let review = context.review
    let deficiencies = count(review.deficiencies.count, "deficiency", "deficiencies")
    let concerns = count(review.concerns.count, "area of concern", "areas of concern")
    let text =
      "This report sets out \(deficiencies) and \(concerns) found in the \(context.reviewType)"
      + " review of \(context.partner.name) inspected on \(review.inspection). HQ 287(g) may"
      + " request a corrective action plan that answers each deficiency."
    return ReportSection(key: "closing", title: nil, blocks: [.paragraph(text, key: "text")])
  }

  /// `1 deficiency`, `2 deficiencies`.
  static func count(_ number: Int, _ one: String, _ many: String) -> String {
    "\(number) " + (number == 1 ? one : many)
  }
}
