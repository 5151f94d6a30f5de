import IORStore

/// What every document builder works from, and the wording the documents share.
struct ReportContext: Sendable {
  var review: Review
  var partner: Partner
  var marking: String
  var today: LocalDate

  /// The review's type as written in a document: `program`, or `focus (area)`.
  var reviewType: String {
    switch review.kind {
    case .program: "program"
    case .focus: review.focus.map { "focus (\($0))" } ?? "focus"
    }
  }

  /// The `DRAFT as of` line for a document not yet final.
  var draftLine: String { "DRAFT as of \(today)" }

  /// The fields that open most documents: who and what the review is.
  func reviewFields(mark: FieldMark = .none) -> [ReportField] {
    [
      ReportField(key: "partner", label: "Partner", value: .text(partner.name), mark: mark),
      ReportField(key: "partnerId", label: "Partner id", value: .text(partner.id), mark: mark),
      ReportField(
        key: "state", label: "State", value: .text(partner.state, absent: "not on record"),
        mark: mark),
      ReportField(
        key: "fieldOffice", label: "Field office",
        value: .text(partner.fieldOffice, absent: "not on record"), mark: mark),
      ReportField(key: "review", label: "Review", value: .text(review.id), mark: mark),
      ReportField(key: "type", label: "Review type", value: .text(reviewType), mark: mark),
      ReportField(
        key: "inspection", label: "Inspection date", value: .date(review.inspection), mark: mark),
      ReportField(
        key: "npm", label: "NPM", value: .text(review.npm, absent: "not assigned"), mark: mark),
    ]
  }

  /// `D1. Warrant served without supervisory review`.
  func heading(of finding: Finding) -> String {
    finding.id + ". " + finding.title
  }

  /// The citation with the MOA section's title when known: `MOA Article V (Supervision of WSOs)`.
  func citation(of finding: Finding) -> ReportValue {
    guard let citation = finding.citation else { return .absent("no citation on record") }
    guard let title = finding.citationTitle else { return .text(citation) }
    return .text(citation + " (" + title + ")")
  }

  /// `Repeat finding (see lake-so-2023/D1).` for a finding repeated from an earlier review.
  func repeatNote(of finding: Finding) -> String? {
    finding.repeatOf.map { "Repeat finding (see \($0))." }
  }

  /// The members a finding carries in JSON besides what its fields show.
  func json(of finding: Finding) -> [String: JSONValue] {
    [
      "id": .string(finding.id), "title": .string(finding.title),
      "citation": .optional(finding.citation), "citationTitle": .optional(finding.citationTitle),
      "repeatOf": .optional(finding.repeatOf),
    ]
  }

  /// Whether a deficiency's corrective actions are all done, in words and as a JSON status.
  func actionStatus(of finding: Finding) -> (words: String, key: String) {
    let actions = review.actions(for: finding.id)
    if actions.isEmpty { return ("no corrective action yet", "none") }
    let done = actions.filter { $0.completed != nil }
    if done.count == actions.count {
      let last = done.compactMap(\.completed).max().map { " " + $0.description } ?? ""
      return ("completed" + last, "completed")
    }
    let target =
      actions.filter { $0.completed == nil }.compactMap(\.due).min()
      .map { "; target " + $0.description } ?? ""
    return ("open (\(done.count) of \(actions.count) completed\(target))", "open")
  }
}
