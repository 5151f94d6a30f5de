import IORDomain
import IORStore

extension CommandTable {
  static let findingCommands: [CommandSpec] = [
    .command(
      "questions", group: "Findings and corrective actions",
      summary: "list the standard questionnaire, answered or not",
      positionals: [.optional("role", .choice(Role.allCases.map(\.rawValue)))],
      options: [.optional("review", .reviewID), .optional("format", .choice(OutputTable.formats))],
      examples: ["questions", "questions wso"]
    ) { invocation in
      let review = try? invocation.workspace.review(try invocation.reviewID())
      var table = OutputTable(["id", "role", "topic", "question", "answered"])
      for question in QuestionBank.all {
        if let role = invocation.value("role"), question.role.rawValue != role { continue }
        let answered: JSONValue = review.map { .bool($0.answers[question.id] != nil) } ?? .null
        table.add([
          .string(question.id), .string(question.role.rawValue), .string(question.topic),
          .string(question.text), answered,
        ])
      }
      invocation.session.console.out(table.render(invocation.format))
    },
    .command(
      "answer", group: "Findings and corrective actions",
      summary: "record an answer to a questionnaire question in the open review",
      positionals: [.required("question", .questionID), .required("answer", .text)],
      options: [.optional("review", .reviewID)],
      examples: ["answer wso-3 \"Supervisor reviews each I-200 before service.\""], context: .review
    ) { invocation in
      let question = try invocation.required("question")
      let previous = try invocation.workspace.answer(
        review: try invocation.reviewID(), question: question,
        text: try invocation.required("answer"))
      invocation.note(
        previous == nil
          ? "recorded \(question.lowercased())" : "replaced the answer to \(question.lowercased())")
    },
    finding("add deficiency", .deficiency),
    finding("add concern", .concern),
    .command(
      "list findings", group: "Findings and corrective actions",
      summary: "list the open review's deficiencies and areas of concern",
      options: [.optional("review", .reviewID), .optional("format", .choice(OutputTable.formats))],
      context: .review
    ) { invocation in
      let review = try invocation.workspace.review(try invocation.reviewID())
      var table = OutputTable(["id", "kind", "title", "citation", "repeatOf:repeat of", "actions"])
      for finding in review.findings {
        table.add([
          .string(finding.id), .string(finding.kind.rawValue), .string(finding.title),
          .optional(finding.citation), .optional(finding.repeatOf),
          .array(review.actions(for: finding.id).map { .string($0.id) }),
        ])
      }
      invocation.session.console.out(table.render(invocation.format))
    },
    .command(
      "show finding", group: "Findings and corrective actions", summary: "show one finding in full",
      positionals: [.required("finding", .findingID)],
      options: [.optional("review", .reviewID), .optional("format", .choice(OutputTable.formats))],
      context: .review
    ) { invocation in
      let review = try invocation.workspace.review(try invocation.reviewID())
      let id = try invocation.required("finding")
      guard let finding = review.findings.first(where: { $0.id.lowercased() == id.lowercased() })
      else {
        throw DomainError.unknownFinding(id, review: review.id, known: review.findings.map(\.id))
      }
      invocation.session.console.out(
        ReviewCard.finding(finding, in: review).output(invocation.format))
    },
    .command(
      "set finding", group: "Findings and corrective actions", summary: "change a finding",
      details: "Fields: " + Workspace.findingFields.joined(separator: ", ") + ".",
      positionals: [.required("finding", .findingID)],
      options: [
        .optional("review", .reviewID), .optional("fields", .fields(Workspace.findingFields)),
      ],
      examples: ["set finding D1 detail=\"Two of five files lacked the supervisor's initials.\""],
      context: .review
    ) { invocation in
      let finding = try invocation.workspace.setFinding(
        review: try invocation.reviewID(), finding: try invocation.required("finding"),
        fields: invocation.fields)
      invocation.note("updated \(finding.id)")
    },
    .command(
      "add action", group: "Findings and corrective actions",
      summary: "add a corrective action for a deficiency",
      positionals: [
        .required("deficiency", .deficiencyID, ask: "deficiency (D1, D2 ...)"),
        .required("plan", .text, ask: "corrective action"),
      ],
      options: [
        .optional("owner", .text), .optional("due", .date),
        .optional("agree", .choice(["yes", "no"])),
        .optional("review", .reviewID),
      ],
      examples: [
        "add action D1 \"Retrain all WSOs on supervisory review\" owner=\"Lt. K. Moore\""
          + " due=2025-09-01"
      ],
      context: .review
    ) { invocation in
      let action = try invocation.workspace.addAction(
        review: try invocation.reviewID(), finding: try invocation.required("deficiency"),
        plan: try invocation.required("plan"), owner: invocation.value("owner"),
        due: invocation.value("due"), agree: invocation.value("agree"))
      invocation.note("added corrective action \(action.id) for \(action.finding)")
    },
    .command(
      "set action", group: "Findings and corrective actions", summary: "change a corrective action",
      details: "Fields: " + Workspace.actionFields.joined(separator: ", ") + ". Record completion"
        + " with completed=DATE.",
      positionals: [.required("action", .actionID)],
      options: [
        .optional("review", .reviewID), .optional("fields", .fields(Workspace.actionFields)),
      ],
      examples: ["set action A1 completed=2025-10-01"], context: .review
    ) { invocation in
      let action = try invocation.workspace.setAction(
        review: try invocation.reviewID(), action: try invocation.required("action"),
        fields: invocation.fields)
      invocation.note("updated \(action.id)" + (action.completed.map { ": completed \($0)" } ?? ""))
    },
    .command(
      "list actions", group: "Findings and corrective actions",
      summary: "list the open review's corrective action plan",
      options: [.optional("review", .reviewID), .optional("format", .choice(OutputTable.formats))],
      context: .review
    ) { invocation in
      let review = try invocation.workspace.review(try invocation.reviewID())
      var table = OutputTable(["id", "finding", "plan", "owner", "due", "agree", "completed"])
      for action in review.actions {
        table.add([
          .string(action.id), .string(action.finding), .string(action.plan),
          .optional(action.owner),
          .optional(action.due?.description), action.agree.map { .bool($0) } ?? .null,
          .optional(action.completed?.description),
        ])
      }
      invocation.session.console.out(table.render(invocation.format))
    },
  ]

  private static func answerIDs(_ text: String?) -> [String] {
    let parts: [Substring] = (text ?? "").split(separator: ",")
    let trimmed: [String] = parts.map { String($0).trimmingCharacters() }
    return trimmed.filter { !$0.isEmpty }
  }

  private static func finding(_ name: String, _ kind: Finding.Kind) -> CommandSpec {
    let isDeficiency = kind == .deficiency
    return .command(
      name, group: "Findings and corrective actions",
      summary: isDeficiency
        ? "record a deficiency with its citation (MOA article, ICE policy or procedure)"
        : "record an area of concern (breaks no written rule)",
      details: isDeficiency
        ? "A deficiency violates written policy linked to the MOA, ICE policy or an operational"
          + " procedure, so cite= is required. An MOA citation is checked against the partner's"
          + " MOA outline when one is on record; one that repeats a deficiency of the partner's"
          + " previous review is marked as a repeat finding."
        : "An area of concern violates no MOA term or written policy but may reduce the"
          + " program's effectiveness.",
      positionals: [
        .required("title", .text, ask: isDeficiency ? "deficiency" : "area of concern")
      ],
      options: (isDeficiency
        ? [Parameter.required("cite", .text, ask: "citation (e.g. MOA Article V)")] : [])
        + [
          .optional("detail", .text), .optional("recommendation", .text),
          .optional("answers", .word),
          .optional("review", .reviewID),
        ],
      examples: isDeficiency
        ? ["add deficiency \"Warrant served without supervisory review\" cite=\"MOA Article V\""]
        : ["add concern \"Roster of WSOs kept on paper only\""],
      context: .review
    ) { invocation in
      let answers = answerIDs(invocation.value("answers"))
      let finding = try invocation.workspace.addFinding(
        review: try invocation.reviewID(), kind: kind, title: try invocation.required("title"),
        citation: invocation.value("cite"), detail: invocation.value("detail"),
        recommendation: invocation.value("recommendation"), answers: answers)
      var note = "added \(finding.id)"
      if let title = finding.citationTitle, let citation = finding.citation {
        note += ": \(SafeText.terminal(citation)) (\(SafeText.terminal(title)))"
      }
      if let repeatOf = finding.repeatOf { note += "; repeat finding of \(repeatOf)" }
      invocation.note(note)
    }
  }
}
