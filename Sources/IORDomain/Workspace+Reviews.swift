import IORStore

extension Workspace {
  /// The earliest and latest number of days before the inspection the request form goes out.
  public static let requestWindow = 28...42

  /// Creates a planned review of a partner. Its id is the partner's id and the inspection
  /// year, with `-2`, `-3` ... when that is taken.
  public func newReview(partner partnerID: String, type: String, date: String, npm: String?)
    throws -> Review
  {
    let partner = try partner(partnerID)
    let kind = try FieldValue.choice("type", type, as: Review.Kind.self)
    let inspection = try FieldValue.date("date", date)
    if partner.status == .terminated {
      throw DomainError.stepOutOfOrder(
        step: "plan a review", reason: "partner '\(partner.id)' is terminated (its MOA ended)")
    }
    let base = "\(partner.id)-\(inspection.year)"
    var id = base
    var suffix = 2
    while try transaction.read(DocumentKey(Review.collection, id)) != nil {
      id = "\(base)-\(suffix)"
      suffix += 1
    }
    try DocumentID.validate(id)
    var review = Review(id: id, partner: partner.id, kind: kind, inspection: inspection)
    review.npm = npm.flatMap(FieldValue.optionalText)
    try save(review)
    // A review planned between two others is the later one's previous review now.
    try markRepeatFindings(partner: partner.id)
    return review
  }

  /// The fields `set review` accepts.
  public static let reviewFields = ["npm", "focus", "date", "type"]

  /// Changes review fields before it is closed. A new inspection date must not come before
  /// the request form went out; one in another year keeps the review's id (ids never change,
  /// as other reviews and the journal name them) and says so.
  public func setReview(_ id: String, fields: [(String, String)]) throws -> Review {
    var review = try openForChange(id)
    let inspection = review.inspection
    for (field, value) in fields {
      switch field {
      case "npm": review.npm = FieldValue.optionalText(value)
      case "focus": review.focus = FieldValue.optionalText(value)
      case "type": review.kind = try FieldValue.choice(field, value, as: Review.Kind.self)
      case "date":
        guard review.stage < .reportIssued else {
          throw DomainError.stepOutOfOrder(
            step: "move the inspection date", reason: "the findings report is already issued")
        }
        review.inspection = try FieldValue.date(field, value)
      default: throw DomainError.unknownField(field, of: "a review", known: Self.reviewFields)
      }
    }
    guard review.inspection != inspection else {
      try save(review)
      return review
    }
    try checkMovedInspection(review, from: inspection)
    try save(review)
    try markRepeatFindings(partner: review.partner)
    return review
  }

  private func checkMovedInspection(_ review: Review, from old: LocalDate) throws {
    let day = review.inspection
    if let sent = review.requestSent {
      try require(
        day >= sent, "move the inspection to \(day)",
        "the request form went out on \(sent), after it (undo the send request first, or"
          + " choose a date on or after \(sent))")
      warnIfOutsideWindow(sent: sent, inspection: day)
    }
    if day.year != old.year {
      warnings.append(
        "review '\(review.id)' keeps its id (ids never change); its inspection is now in"
          + " \(day.year), FY\(review.fiscalYear.year)")
    }
  }

  /// A review that may still change: not closed out.
  func openForChange(_ id: String) throws -> Review {
    let review = try review(id)
    if review.closedOut != nil { throw DomainError.reviewClosed(id) }
    return review
  }

  /// Records that the request form went out; warns outside the 28-42-day window.
  public func sendRequest(review id: String, date: String) throws -> Review {
    var review = try openForChange(id)
    let day = try FieldValue.date("date", date)
    try require(
      review.requestSent == nil, "send the request form",
      "it was sent on \(review.requestSent.map(\.description) ?? "")")
    try require(
      day <= review.inspection, "send the request form",
      "\(day) is after the inspection (\(review.inspection))")
    try requireHappened(day, "send the request form")
    warnIfOutsideWindow(sent: day, inspection: review.inspection)
    review.requestSent = day
    try save(review)
    return review
  }

  /// Records that the completed request form came back.
  public func receiveRequest(review id: String, date: String) throws -> Review {
    var review = try openForChange(id)
    let day = try FieldValue.date("date", date)
    guard let sent = review.requestSent else {
      throw DomainError.stepOutOfOrder(
        step: "record the request form's return", reason: "it has not been sent (send request DATE)"
      )
    }
    try require(
      review.requestReceived == nil, "record the request form's return",
      "it came back on \(review.requestReceived.map(\.description) ?? "")")
    try require(
      day >= sent, "record the request form's return", "\(day) is before it was sent (\(sent))")
    if let issued = review.reportIssued {
      try require(
        day <= issued, "record the request form's return",
        "\(day) is after the findings report was issued (\(issued))")
    }
    try requireHappened(day, "record the request form's return")
    review.requestReceived = day
    try save(review)
    return review
  }

  /// Records that the findings report was issued.
  public func issueReport(review id: String, date: String) throws -> Review {
    var review = try openForChange(id)
    let day = try FieldValue.date("date", date)
    try require(
      review.reportIssued == nil, "issue the findings report",
      "it was issued on \(review.reportIssued.map(\.description) ?? "")")
    try require(
      day >= review.inspection, "issue the findings report",
      "\(day) is before the inspection (\(review.inspection))")
    try requireHappened(day, "issue the findings report")
    if review.requestSent == nil {
      warnings.append("no request form was recorded as sent for this review")
    }
    review.reportIssued = day
    try save(review)
    return review
  }

  /// Records HQ's acceptance of the corrective action plan.
  public func acceptPlan(review id: String, date: String) throws -> Review {
    var review = try openForChange(id)
    let day = try FieldValue.date("date", date)
    guard let issued = review.reportIssued else {
      throw DomainError.stepOutOfOrder(
        step: "accept the corrective action plan",
        reason: "the findings report is not issued yet (issue report DATE)")
    }
    try require(
      review.planAccepted == nil, "accept the corrective action plan",
      "it was accepted on \(review.planAccepted.map(\.description) ?? "")")
    try require(
      day >= issued, "accept the corrective action plan",
      "\(day) is before the report was issued (\(issued))")
    try requireHappened(day, "accept the corrective action plan")
    review.planAccepted = day
    try save(review)
    return review
  }

  /// Closes the review out; refused while a deficiency has no completed corrective action,
  /// unless `reason` says why (it is recorded).
  public func closeout(review id: String, date: String, reason: String?) throws -> Review {
    var review = try openForChange(id)
    let day = try FieldValue.date("date", date)
    guard let issued = review.reportIssued else {
      throw DomainError.stepOutOfOrder(
        step: "close out", reason: "the findings report is not issued yet (issue report DATE)")
    }
    try require(day >= issued, "close out", "\(day) is before the report was issued (\(issued))")
    try requireHappened(day, "close out")
    let reasonText = reason.flatMap(FieldValue.optionalText)
    let open = review.openDeficiencies
    if !open.isEmpty && reasonText == nil {
      let list = open.map { finding in
        review.actions(for: finding.id).isEmpty
          ? "\(finding.id) has no corrective action"
          : "\(finding.id) has a corrective action not completed"
      }
      throw DomainError.closeoutBlocked(list.joined(separator: ", "))
    }
    review.closedOut = day
    review.closeoutReason = reasonText
    try save(review)
    return review
  }

  func require(_ condition: Bool, _ step: String, _ reason: @autoclosure () -> String) throws {
    if !condition { throw DomainError.stepOutOfOrder(step: step, reason: reason()) }
  }

  /// Refuses a step dated after today: a step is recorded once it has happened.
  func requireHappened(_ day: LocalDate, _ step: String, hint: String? = nil) throws {
    try require(
      day <= today, step,
      "\(day) is after today (\(today)); record it once it has happened" + (hint ?? ""))
  }

  private func warnIfOutsideWindow(sent: LocalDate, inspection: LocalDate) {
    let lead = sent.days(until: inspection)
    guard !Self.requestWindow.contains(lead) else { return }
    warnings.append(
      "the request form went out \(lead) days before the inspection; the guidance says 4 to 6"
        + " weeks (28 to 42 days: \(inspection.adding(days: -42)) to"
        + " \(inspection.adding(days: -28)))")
  }
}
