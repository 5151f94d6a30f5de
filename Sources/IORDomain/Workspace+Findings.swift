import IORStore

extension Workspace {
  /// Records an answer to a questionnaire question or a checklist step.
  /// - Returns: the answer it replaced, if any.
  @discardableResult
  public func answer(review id: String, question: String, text: String, checklist: Bool = false)
    throws -> Answer?
  {
    var review = try openForChange(id)
    let questionID = question.lowercased()
    if !checklist && QuestionBank.question(id: questionID) == nil {
      throw DomainError.unknownQuestion(
        question, suggestion: Suggestion.closest(to: question, in: QuestionBank.all.map(\.id)))
    }
    try DocumentID.validate(questionID)
    let previous = review.answers[questionID]
    review.answers[questionID] = Answer(text: try FieldValue.text("answer", text), recorded: today)
    try save(review)
    return previous
  }

  /// Records a deficiency (with its citation) or an area of concern.
  public func addFinding(
    review id: String, kind: Finding.Kind, title: String, citation: String?,
    detail: String?, recommendation: String?, answers: [String]
  ) throws -> Finding {
    var review = try openForChange(id)
    var finding = Finding(
      id: try review.nextID(kind == .deficiency ? "D" : "C"), kind: kind,
      title: try FieldValue.text("title", title))
    finding.detail = detail.flatMap(FieldValue.optionalText)
    finding.recommendation = recommendation.flatMap(FieldValue.optionalText)
    finding.answers = try checkedAnswers(answers)
    if kind == .deficiency {
      try cite(&finding, citation, review: review)
    } else if let citation = citation.flatMap(FieldValue.optionalText) {
      warnings.append(
        "an area of concern violates no written rule; citation '\(citation)' kept as a note")
      finding.citation = citation
    }
    review.findings.append(finding)
    try save(review)
    guard kind == .deficiency else { return finding }
    try markRepeatFindings(partner: review.partner, except: "\(review.id)/\(finding.id)")
    return try self.finding(finding.id, in: review.id)
  }

  /// A finding as this transaction now holds it (with its repeat mark).
  private func finding(_ findingID: String, in reviewID: String) throws -> Finding {
    let review = try review(reviewID)
    return review.findings[try findingIndex(findingID, in: review)]
  }

  private func checkedAnswers(_ ids: [String]) throws -> [String] {
    try ids.map { id in
      guard let question = QuestionBank.question(id: id) else {
        throw DomainError.unknownQuestion(
          id, suggestion: Suggestion.closest(to: id, in: QuestionBank.all.map(\.id)))
      }
      return question.id
    }
  }

  /// Sets a deficiency's citation: refused unless it names an MOA article or appendix, an ICE
  /// policy or an operational procedure; checked against the partner's MOA outline when one is
  /// on record, and completed with the article's title. Its repeat mark is derived afterwards,
  /// from the whole partner (`markRepeatFindings`).
  func cite(_ finding: inout Finding, _ citation: String?, review: Review) throws {
    guard let text = citation.flatMap(FieldValue.optionalText) else {
      throw DomainError.citationRequired
    }
    guard Citation.namesRule(text) else { throw DomainError.citationNamesNoRule(text) }
    finding.citation = text
    finding.citationTitle = nil
    let partner = try partner(review.partner)
    let reference = Citation.moaReference(in: text)
    if let outline = partner.moaOutline, reference != nil || Citation.namesMOA(text) {
      guard let section = outline.section(for: text) else {
        throw DomainError.citationNotInOutline(
          text, outline: outline.version, known: outline.sections.map(\.reference))
      }
      finding.citation = section.reference + Self.remainder(of: text)
      finding.citationTitle = section.title
    } else if reference == nil && Citation.namesMOA(text) {
      throw DomainError.invalidValue(
        field: "cite", value: text,
        expected: "a citation of an MOA article or appendix (MOA Article V, MOA Appendix B)")
    }
  }

  private static func remainder(of citation: String) -> String {
    // Keeps what the NPM wrote after the section ("MOA Art. 5, paragraph 2" -> ", paragraph 2").
    guard let comma = citation.firstIndex(where: { $0 == "," || $0 == ";" }) else { return "" }
    return String(citation[comma...])
  }

  /// The fields `set finding` accepts.
  public static let findingFields = ["title", "cite", "detail", "recommendation", "answers"]

  /// Changes a finding.
  public func setFinding(review id: String, finding findingID: String, fields: [(String, String)])
    throws -> Finding
  {
    var review = try openForChange(id)
    let index = try findingIndex(findingID, in: review)
    var finding = review.findings[index]
    for (field, value) in fields {
      switch field {
      case "title": finding.title = try FieldValue.text(field, value)
      case "cite":
        if finding.kind == .deficiency {
          try cite(&finding, value, review: review)
        } else {
          finding.citation = FieldValue.optionalText(value)
        }
      case "detail": finding.detail = FieldValue.optionalText(value)
      case "recommendation": finding.recommendation = FieldValue.optionalText(value)
      case "answers":
        finding.answers = try checkedAnswers(
          value.split(separator: ",").map { String($0).trimmingSpaces })
      default: throw DomainError.unknownField(field, of: "a finding", known: Self.findingFields)
      }
    }
    review.findings[index] = finding
    try save(review)
    guard finding.kind == .deficiency, fields.contains(where: { $0.0 == "cite" }) else {
      return finding
    }
    try markRepeatFindings(partner: review.partner, except: "\(review.id)/\(finding.id)")
    return try self.finding(finding.id, in: review.id)
  }

  func findingIndex(_ findingID: String, in review: Review) throws -> Int {
    guard
      let index = review.findings.firstIndex(where: { $0.id.lowercased() == findingID.lowercased() }
      )
    else {
      throw DomainError.unknownFinding(
        findingID, review: review.id, known: review.findings.map(\.id))
    }
    return index
  }

  /// Adds a step to the corrective action plan of a deficiency.
  public func addAction(
    review id: String, finding findingID: String, plan: String, owner: String?, due: String?,
    agree: String?
  ) throws -> CorrectiveAction {
    var review = try openForChange(id)
    let finding = review.findings[try findingIndex(findingID, in: review)]
    guard finding.kind == .deficiency else { throw DomainError.actionForConcern(finding.id) }
    let action = CorrectiveAction(
      id: try review.nextID("A"), finding: finding.id, plan: try FieldValue.text("plan", plan),
      owner: owner.flatMap(FieldValue.optionalText),
      due: try FieldValue.optionalDate("due", due),
      agree: try agree.map { (text) throws(DomainError) in try FieldValue.yesNo("agree", text) })
    if let due = action.due, due < review.inspection {
      warnings.append("target date \(due) is before the inspection (\(review.inspection))")
    }
    review.actions.append(action)
    try save(review)
    return action
  }

  /// The fields `set action` accepts.
  public static let actionFields = ["plan", "owner", "due", "agree", "completed"]

  /// Changes a corrective action (`completed=2025-10-01`).
  public func setAction(review id: String, action actionID: String, fields: [(String, String)])
    throws -> CorrectiveAction
  {
    var review = try openForChange(id)
    guard
      let index = review.actions.firstIndex(where: { $0.id.lowercased() == actionID.lowercased() })
    else {
      throw DomainError.unknownAction(actionID, review: review.id, known: review.actions.map(\.id))
    }
    var action = review.actions[index]
    for (field, value) in fields {
      switch field {
      case "plan": action.plan = try FieldValue.text(field, value)
      case "owner": action.owner = FieldValue.optionalText(value)
      case "due": action.due = try FieldValue.optionalDate(field, value)
      case "agree": action.agree = try FieldValue.yesNo(field, value)
      case "completed":
        action.completed = try FieldValue.optionalDate(field, value)
        if let completed = action.completed {
          try require(
            completed >= review.inspection, "record \(action.id) as completed",
            "\(completed) is before the inspection (\(review.inspection))")
          try requireHappened(completed, "record \(action.id) as completed")
        }
      default:
        throw DomainError.unknownField(field, of: "a corrective action", known: Self.actionFields)
      }
    }
    review.actions[index] = action
    try save(review)
    return action
  }
}
