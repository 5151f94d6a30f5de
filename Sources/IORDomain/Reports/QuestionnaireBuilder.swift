import IORStore

/// Builds the WSO-IOR Questionnaire: the standard questions by role, each with the answer
/// recorded in the review, and the answers to checklist steps in an appendix.
enum QuestionnaireBuilder {
  /// The questionnaire of the context's review.
  static func build(_ context: ReportContext) -> ReportDocument {
    var sections = [
      ReportSection(
        key: "review", title: "Review",
        blocks: [.paragraph(introduction(context)), .fields(context.reviewFields())])
    ]
    sections.append(
      ReportSection(
        key: "questionnaire", title: nil,
        blocks: [.group(key: "roles", Role.allCases.map { roleSection($0, context) })]))
    sections.append(checklistSection(context.review))
    return ReportDocument(
      document: .questionnaire, marking: context.marking, subtitle: context.partner.name,
      draft: nil, sections: sections)
  }

  // Before the findings report an unanswered question is still to be asked, so it gets a line
  // to write the answer on; afterwards it was not asked, and the document says so.
  private static func unanswered(_ review: Review) -> ReportValue {
    review.stage < .reportIssued ? .blank : .absent("not asked")
  }

  private static func introduction(_ context: ReportContext) -> String {
    let answered = QuestionBank.all.filter { context.review.answers[$0.id] != nil }.count
    return "Standard questions asked of the WSOs, the FPM, the SDDO, the field office POC and"
      + " the AFOD/DFOD. \(answered) of \(QuestionBank.all.count) questions answered as of"
      + " \(context.today)."
  }

  private static func roleSection(_ role: Role, _ context: ReportContext) -> ReportSection {
    let questions = QuestionBank.questions(for: role).map { questionSection($0, context.review) }
    return ReportSection(
      key: role.rawValue, title: role.title, blocks: [.group(key: "questions", questions)],
      json: ["role": .string(role.rawValue), "title": .string(role.title)])
  }

  private static func questionSection(_ question: Question, _ review: Review) -> ReportSection {
    let answer = review.answers[question.id]
    let fields = [
      ReportField(
        key: "answer", label: "Answer",
        value: answer.map { .text($0.text) } ?? unanswered(review)),
      ReportField(
        key: "recorded", label: "Recorded",
        value: answer.map { .date($0.recorded) } ?? .absent("not recorded")),
    ]
    return ReportSection(
      key: question.id, title: question.id + " (" + question.topic + ")",
      blocks: [.paragraph(question.text), .fields(answer == nil ? [fields[0]] : fields)],
      json: [
        "id": .string(question.id), "topic": .string(question.topic),
        "question": .string(question.text), "recorded": .optional(answer?.recorded.description),
      ])
  }

  // Answers recorded against ids the bank does not hold come from checklist scripts.
  private static func checklistSection(_ review: Review) -> ReportSection {
    let steps = review.answers.keys.filter { QuestionBank.question(id: $0) == nil }.sorted()
    let rows = steps.compactMap { id in
      review.answers[id].map { answer in
        ReportTable.Row(cells: [.text(id), .text(answer.text), .date(answer.recorded)])
      }
    }
    let table = ReportTable(
      columns: [("id", "Step"), ("answer", "Answer"), ("recorded", "Recorded")], rows: rows)
    let lead =
      rows.isEmpty
      ? "No checklist step has been answered in this review."
      : "Answers recorded by checklist steps, by step id."
    let blocks: [ReportBlock] = [.paragraph(lead), .table(key: "steps", table)]
    return ReportSection(key: "checklist", title: "Appendix: Checklist steps", blocks: blocks)
  }
}
