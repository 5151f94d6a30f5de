import IORStore

/// Builds the corrective action plan: for each deficiency, whether the partner agrees, what is
/// done about it, who is responsible, by when, and whether it is done.
enum CorrectiveActionPlanBuilder {
  /// The plan of the context's review; a draft until HQ accepts it.
  static func build(_ context: ReportContext) -> ReportDocument {
    let review = context.review
    let header =
      context.reviewFields() + [
        ReportField(
          key: "reportIssued", label: "Findings report issued",
          value: .date(review.reportIssued, absent: "not issued")),
        ReportField(
          key: "planAccepted", label: "Plan accepted",
          value: .date(review.planAccepted, absent: "not accepted yet")),
      ]
    return ReportDocument(
      document: .cap, marking: context.marking, subtitle: context.partner.name,
      draft: review.planAccepted == nil ? context.draftLine : nil,
      sections: [
        ReportSection(key: "review", title: "Review", blocks: [.fields(header)]),
        summarySection(review),
        ReportSection(
          key: "plan", title: "Corrective actions by deficiency",
          blocks: planBlocks(context)),
      ])
  }

  private static func summarySection(_ review: Review) -> ReportSection {
    let actions = review.actions.filter { action in
      review.deficiencies.contains { $0.id == action.finding }
    }
    let completed = actions.filter { $0.completed != nil }.count
    let uncovered = review.deficiencies.filter { review.actions(for: $0.id).isEmpty }.count
    let fields = [
      ReportField(
        key: "deficiencies", label: "Deficiencies",
        value: .number(review.deficiencies.count)),
      ReportField(key: "actions", label: "Corrective actions", value: .number(actions.count)),
      ReportField(key: "completed", label: "Completed", value: .number(completed)),
      ReportField(key: "open", label: "Open", value: .number(actions.count - completed)),
      ReportField(
        key: "withoutAction", label: "Deficiencies without an action",
        value: .number(uncovered)),
    ]
    return ReportSection(key: "summary", title: "Summary", blocks: [.fields(fields)])
  }

  private static func planBlocks(_ context: ReportContext) -> [ReportBlock] {
    let items = context.review.deficiencies.map { deficiencySection($0, context) }
    guard items.isEmpty else { return [.group(key: "deficiencies", items)] }
    return [
      .paragraph("The findings report lists no deficiencies, so no corrective action is due."),
      .group(key: "deficiencies", []),
    ]
  }

  private static func deficiencySection(_ finding: Finding, _ context: ReportContext)
    -> ReportSection
  {
    let actions = context.review.actions(for: finding.id)
    var blocks: [ReportBlock] = [
      .fields([
        ReportField(key: "citationText", label: "Citation", value: context.citation(of: finding)),
        ReportField(
          key: "status", label: "Status",
          value: .text(context.actionStatus(of: finding).words)),
      ])
    ]
    if actions.isEmpty { blocks.append(.notice("No corrective action yet.")) }
    blocks.append(.group(key: "actions", actions.map(actionSection)))
    var json = context.json(of: finding)
    json["actionStatus"] = .string(context.actionStatus(of: finding).key)
    return ReportSection(
      key: finding.id, title: context.heading(of: finding), blocks: blocks, json: json)
  }

  // Each action is its own small block of fields: the plan text is often long, and a table
  // of six columns would not survive 78 columns of plain text.
  private static func actionSection(_ action: CorrectiveAction) -> ReportSection {
    let position: ReportValue =
      action.agree.map { .choice($0, $0 ? "agrees" : "disagrees") }
      ?? .absent("not stated")
    let fields = [
      ReportField(key: "agree", label: "Partner's position", value: position),
      ReportField(key: "plan", label: "Action", value: .text(action.plan)),
      ReportField(
        key: "owner", label: "Responsible", value: .text(action.owner, absent: "not named")),
      ReportField(key: "due", label: "Target date", value: .date(action.due, absent: "not set")),
      ReportField(
        key: "completed", label: "Completed",
        value: action.completed.map(ReportValue.date) ?? .absent("open")),
    ]
    return ReportSection(
      key: action.id, title: "Action " + action.id, blocks: [.fields(fields)],
      json: ["id": .string(action.id)])
  }
}
