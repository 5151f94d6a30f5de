import IORStore

extension Workspace {
  /// The kinds of record `remove` takes.
  public static let removableKinds = [
    "finding", "action", "officer", "visit", "meeting", "complaint", "review",
  ]

  /// Removes a record entered by mistake. Ids are never reused: the next finding after removing
  /// D2 is still D3.
  /// - Returns: a description of what was removed.
  public func remove(
    _ kind: String, id: String, review reviewID: String?, partner partnerID: String?
  )
    throws -> String
  {
    switch kind {
    case "finding", "action":
      guard let reviewID else {
        throw DomainError.notRemovable("no review is open; open review ID first")
      }
      return try removeFromReview(kind, id: id, review: reviewID)
    case "review":
      return try removeReview(id)
    default:
      guard let partnerID else {
        throw DomainError.notRemovable(
          "no partner is open; open partner ID first, or give partner=ID")
      }
      return try removeFromPartner(kind, id: id, partner: partnerID)
    }
  }

  private func removeFromReview(_ kind: String, id: String, review reviewID: String) throws
    -> String
  {
    var review = try openForChange(reviewID)
    if kind == "finding" {
      let index = try findingIndex(id, in: review)
      let finding = review.findings[index]
      let actions = review.actions(for: finding.id)
      if !actions.isEmpty {
        throw DomainError.notRemovable(
          "\(finding.id) has corrective actions (\(actions.map(\.id).joined(separator: ", ")));"
            + " remove them first")
      }
      review.findings.remove(at: index)
      try save(review)
      if finding.kind == .deficiency { try markRepeatFindings(partner: review.partner) }
      return "\(finding.id) \"\(finding.title)\""
    }
    guard let index = review.actions.firstIndex(where: { $0.id.lowercased() == id.lowercased() })
    else {
      throw DomainError.unknownAction(id, review: review.id, known: review.actions.map(\.id))
    }
    let action = review.actions.remove(at: index)
    try save(review)
    return "\(action.id) (for \(action.finding))"
  }

  private func removeReview(_ id: String) throws -> String {
    let review = try review(id)
    guard review.stage == .planned else {
      throw DomainError.notRemovable(
        "review '\(id)' is \(review.stage.title); only a review still planned can be removed")
    }
    try transaction.delete(review.key)
    try markRepeatFindings(partner: review.partner)
    return "review \(id)"
  }

  private func removeFromPartner(_ kind: String, id: String, partner partnerID: String) throws
    -> String
  {
    var partner = try partner(partnerID)
    let match = { (candidate: String) in candidate.lowercased() == id.lowercased() }
    var removed: String?
    switch kind {
    case "officer":
      if let index = partner.officers.firstIndex(where: { match($0.id) }) {
        removed = "officer \(partner.officers.remove(at: index).id)"
      }
    case "visit":
      if let index = partner.visits.firstIndex(where: { match($0.id) }) {
        removed = "site visit \(partner.visits.remove(at: index).id)"
      }
    case "meeting":
      if let index = partner.meetings.firstIndex(where: { match($0.id) }) {
        removed = "steering committee meeting \(partner.meetings.remove(at: index).id)"
      }
    case "complaint":
      if let index = partner.complaints.firstIndex(where: { match($0.reference) }) {
        removed = "complaint \(partner.complaints.remove(at: index).reference)"
      }
    default:
      throw DomainError.unknownField(kind, of: "remove", known: Self.removableKinds)
    }
    guard let removed else {
      throw DomainError.unknownRecord(kind: kind, id: id, partner: partner.id)
    }
    try save(partner)
    return removed
  }
}
