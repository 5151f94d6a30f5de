import IORStore

/// Everything the review domain refuses, named for the condition. Each description is a
/// lowercase sentence that says what was wrong and what would be right.
public enum DomainError: Error, Equatable, Sendable {
  case unknownPartner(String, suggestion: String?)
  case unknownReview(String, suggestion: String?)
  case unknownFinding(String, review: String, known: [String])
  case unknownAction(String, review: String, known: [String])
  case unknownOfficer(String, partner: String, known: [String])
  case unknownRecord(kind: String, id: String, partner: String)
  case unknownQuestion(String, suggestion: String?)
  case unknownField(String, of: String, known: [String])
  case partnerExists(String)
  case invalidValue(field: String, value: String, expected: String)
  case citationRequired
  case citationNamesNoRule(String)
  case citationNotInOutline(String, outline: String, known: [String])
  case reviewClosed(String)
  case actionForConcern(String)
  case stepOutOfOrder(step: String, reason: String)
  case closeoutBlocked(String)
  case damaged(DamagedDocument)
  case duplicateRecord(String)
  case notRemovable(String)
  case recordNumbersExhausted(prefix: String, owner: String, maximum: Int)
}

extension DomainError: CustomStringConvertible {
  /// The error as a sentence for people.
  public var description: String {
    switch self {
    case .unknownPartner(let id, let suggestion):
      return "no partner '\(id)'" + Self.didYouMean(suggestion) + " (list partners)"
    case .unknownReview(let id, let suggestion):
      return "no review '\(id)'" + Self.didYouMean(suggestion) + " (list reviews)"
    case .unknownFinding(let id, let review, let known):
      return "no finding '\(id)' in review '\(review)'" + Self.known(known, "findings")
    case .unknownAction(let id, let review, let known):
      return "no corrective action '\(id)' in review '\(review)'" + Self.known(known, "actions")
    case .unknownOfficer(let id, let partner, let known):
      return "no officer '\(id)' at partner '\(partner)'" + Self.known(known, "officers")
    case .unknownRecord(let kind, let id, let partner):
      return "no \(kind) '\(id)' at partner '\(partner)' (show partner)"
    case .unknownQuestion(let id, let suggestion):
      return "no question '\(id)'" + Self.didYouMean(suggestion) + " (questions)"
    case .unknownField(let field, let owner, let known):
      return "'\(field)' is not a field of \(owner); use one of: " + known.joined(separator: ", ")
    case .partnerExists(let id):
      return "partner '\(id)' already exists; use 'set partner \(id) ...' to change it"
    case .invalidValue(let field, let value, let expected):
      return "\(field) '\(value)' is not \(expected)"
    case .citationRequired:
      return "a deficiency needs its citation: cite=\"MOA Article V\", an ICE policy or an"
        + " operational procedure (an issue that breaks no written rule is an area of concern:"
        + " add concern)"
    case .citationNamesNoRule(let citation):
      return "'\(citation)' names no MOA article or appendix, ICE policy or operational"
        + " procedure; cite one, as in cite=\"MOA Article V\", cite=\"ICE Policy 11064.3\" or"
        + " cite=\"ERO WSO procedure 4.2\" (an issue that breaks no written rule is an area of"
        + " concern: add concern)"
    case .citationNotInOutline(let citation, let outline, let known):
      return "'\(citation)' is not in the partner's MOA outline (\(outline)); it has: "
        + known.joined(separator: ", ")
    case .reviewClosed(let id):
      return "review '\(id)' is closed out; its record can no longer change (undo reopens it)"
    case .actionForConcern(let id):
      return "'\(id)' is an area of concern; corrective actions are for deficiencies (D1, D2 ...)"
    case .stepOutOfOrder(let step, let reason):
      return "cannot \(step): \(reason)"
    case .closeoutBlocked(let detail):
      return
        "cannot close out: \(detail); complete them, or give reason=\"...\" to close out anyway"
    case .damaged(let damage):
      return "damaged document \(damage)"
    case .duplicateRecord(let detail):
      return detail
    case .notRemovable(let detail):
      return detail
    case .recordNumbersExhausted(let prefix, let owner, let maximum):
      return "\(owner) has used every id from \(prefix)1 to \(prefix)\(maximum); no more can be"
        + " added (if it has far fewer, its document's \"lastNumbers\" was edited: fix it)"
    }
  }

  private static func didYouMean(_ suggestion: String?) -> String {
    suggestion.map { "; did you mean '\($0)'?" } ?? ""
  }

  private static func known(_ ids: [String], _ noun: String) -> String {
    ids.isEmpty ? " (it has no \(noun) yet)" : "; it has " + ids.joined(separator: ", ")
  }
}
