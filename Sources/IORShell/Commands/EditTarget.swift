import IORDomain

/// The free text `edit` opens in the editor: which record and field, the text it holds now,
/// and how the edited text is stored.
struct EditTarget {
  /// What `edit` can open, and the fields of each; the first field is the default.
  static let fields: [(kind: String, fields: [String])] = [
    ("finding", ["detail", "title", "recommendation"]),
    ("action", ["plan", "owner"]),
    ("answer", ["text"]),
  ]

  /// The record's id as stored (`D1`, `A2`, `wso-3`).
  let id: String
  /// The field being edited.
  let field: String
  /// Its text now (empty when none is recorded).
  let current: String
  /// Stores the edited text through the workspace.
  let save: (String, Workspace) throws -> Void

  /// The target `edit KIND ID [field=...]` names in `review`.
  /// - Throws: an unknown record or a field the kind does not have, with what it does have.
  init(kind: String, id typed: String, field: String?, review: Review) throws {
    let known = Self.fields.first { $0.kind == kind }?.fields ?? []
    let field = field ?? known.first ?? ""
    guard known.contains(field) else {
      throw DomainError.unknownField(field, of: "a " + kind, known: known)
    }
    self.field = field
    let reviewID = review.id
    switch kind {
    case "action":
      guard let action = review.actions.first(where: { $0.id.lowercased() == typed.lowercased() })
      else {
        throw DomainError.unknownAction(typed, review: reviewID, known: review.actions.map(\.id))
      }
      (id, current) = (action.id, field == "plan" ? action.plan : action.owner ?? "")
      save = { text, workspace in
        _ = try workspace.setAction(review: reviewID, action: action.id, fields: [(field, text)])
      }
    case "answer":
      // Checked before the editor opens, so no text is typed for a question that is not there.
      let question = typed.lowercased()
      guard QuestionBank.question(id: question) != nil || review.answers[question] != nil else {
        throw DomainError.unknownQuestion(
          typed, suggestion: Suggestion.closest(to: typed, in: QuestionBank.all.map(\.id)))
      }
      (id, current) = (question, review.answers[question]?.text ?? "")
      save = { text, workspace in
        _ = try workspace.answer(review: reviewID, question: question, text: text)
      }
    default:
      guard
        let finding = review.findings.first(where: { $0.id.lowercased() == typed.lowercased() })
      else {
        throw DomainError.unknownFinding(typed, review: reviewID, known: review.findings.map(\.id))
      }
      (id, current) = (finding.id, Self.text(of: finding, field))
      save = { text, workspace in
        _ = try workspace.setFinding(review: reviewID, finding: finding.id, fields: [(field, text)])
      }
    }
  }

  private static func text(of finding: Finding, _ field: String) -> String {
    switch field {
    case "title": return finding.title
    case "recommendation": return finding.recommendation ?? ""
    default: return finding.detail ?? ""
    }
  }
}
