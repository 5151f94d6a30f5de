import IORDomain
import IORStore

extension CommandTable {
  static let reviewCommands: [CommandSpec] = [
    .command(
      "new review", group: "Reviews", summary: "plan a review of a partner and open it",
      details: "Its id is the partner's id and the inspection year (lake-so-2025), with -2, -3"
        + " when taken. The request form goes out 28 to 42 days before the inspection date.",
      positionals: [.optional("partner", .partnerID)],
      options: [
        .required(
          "type", .choice(Review.Kind.allCases.map(\.rawValue)), ask: "type (program or focus)"),
        .required("date", .date, ask: "inspection date (YYYY-MM-DD)"), .optional("npm", .text),
        .optional("focus", .text),
      ],
      examples: ["new review lake-so type=program date=2025-05-12 npm=\"R. Osei\""],
      context: .partner
    ) { invocation in
      let workspace = invocation.workspace
      var review = try workspace.newReview(
        partner: try invocation.partnerID(), type: try invocation.required("type"),
        date: try invocation.required("date"), npm: invocation.value("npm"))
      if let focus = invocation.value("focus") {
        review = try workspace.setReview(review.id, fields: [("focus", focus)])
      }
      invocation.session.openReview = review.id
      invocation.session.openPartner = review.partner
      let inspection = review.inspection
      invocation.note(
        "created review \(review.id); send the request form between \(inspection.adding(days: -42))"
          + " and \(inspection.adding(days: -28))")
    },
    .command(
      "set review", group: "Reviews", summary: "change the open review's NPM, focus, type or date",
      options: [
        .optional("review", .reviewID), .optional("fields", .fields(Workspace.reviewFields)),
      ],
      examples: ["set review npm=\"R. Osei\"", "set review date=2025-05-19"], context: .review
    ) { invocation in
      let review = try invocation.workspace.setReview(
        try invocation.reviewID(), fields: invocation.fields)
      invocation.note("updated review \(review.id)")
    },
    step(
      "send request", "record that the request form went out (warns outside 28-42 days)",
      example: "send request 2025-04-07"
    ) { workspace, id, date, _ in
      try workspace.sendRequest(review: id, date: date)
    },
    step(
      "receive request", "record that the completed request form came back",
      example: "receive request 2025-04-25"
    ) { workspace, id, date, _ in
      try workspace.receiveRequest(review: id, date: date)
    },
    step(
      "issue report", "record that the findings report was issued",
      example: "issue report 2025-06-02"
    ) { workspace, id, date, _ in
      try workspace.issueReport(review: id, date: date)
    },
    step(
      "accept plan", "record HQ's acceptance of the corrective action plan",
      example: "accept plan 2025-07-15"
    ) { workspace, id, date, _ in
      try workspace.acceptPlan(review: id, date: date)
    },
    step(
      "closeout",
      "close the review out (refused while corrective actions are open, unless"
        + " reason= says why)", example: "closeout 2025-11-20", reason: true
    ) { workspace, id, date, reason in
      try workspace.closeout(review: id, date: date, reason: reason)
    },
    .command(
      "list reviews", group: "Reviews", summary: "list reviews, one line each",
      options: [
        .optional("partner", .partnerID),
        .optional("stage", .choice(Review.Stage.allCases.map(\.rawValue))),
        .optional("fy", .fiscalYear), .optional("format", .choice(OutputTable.formats)),
      ],
      examples: ["list reviews", "list reviews partner=lake-so", "list reviews fy=2025 format=csv"]
    ) { invocation in
      let reviews: [Review]
      if let partner = invocation.value("partner") {
        _ = try invocation.workspace.partner(partner)
        reviews = try invocation.workspace.reviews(of: partner)
      } else {
        let all = try invocation.workspace.allReviews()
        reportDamaged(all.damaged, invocation)
        reviews = all.reviews
      }
      var table = OutputTable([
        "id", "partner", "type", "inspection", "fy", "stage", "deficiencies:D", "areasOfConcern:C",
      ])
      for review in reviews {
        if let stage = invocation.value("stage"), review.stage.rawValue != stage { continue }
        if let fy = invocation.value("fy"),
          "FY" + String(review.fiscalYear.year) != "FY" + fy.filter(\.isNumber)
        {
          continue
        }
        table.add([
          .string(review.id), .string(review.partner), .string(review.kind.rawValue),
          .string(review.inspection.description), .int(review.fiscalYear.year),
          .string(review.stage.rawValue),
          .int(review.deficiencies.count), .int(review.concerns.count),
        ])
      }
      invocation.session.console.out(table.render(invocation.format))
    },
    .command(
      "show review", group: "Reviews", summary: "show a review's dates, findings and plan",
      details: "format=json gives the review's whole document; csv and md give the card's"
        + " fields as field,value rows.",
      positionals: [.optional("review", .reviewID)],
      options: [.optional("format", .choice(OutputTable.formats))],
      context: .review
    ) { invocation in
      let id = try invocation.value("review") ?? invocation.reviewID()
      let review = try invocation.workspace.review(id)
      if invocation.format == "json" {
        invocation.session.console.out(JSONWriter.pretty(review.json))
      } else {
        invocation.session.console.out(ReviewCard.render(review).output(invocation.format))
      }
    },
    .command(
      "status", group: "Reviews", summary: "where the open review stands and what it needs next",
      options: [.optional("review", .reviewID), .optional("format", .choice(OutputTable.formats))],
      context: .review
    ) { invocation in
      let review = try invocation.workspace.review(try invocation.reviewID())
      invocation.session.console.out(
        ReviewCard.statusCard(review, today: invocation.session.options.today)
          .output(invocation.format))
    },
  ]

  /// A dated lifecycle step of the open review.
  private static func step(
    _ name: String, _ summary: String, example: String, reason: Bool = false,
    _ perform: @escaping @MainActor @Sendable (Workspace, String, String, String?) throws -> Review
  ) -> CommandSpec {
    .command(
      name, group: "Reviews", summary: summary, positionals: [.required("date", .date)],
      options: [.optional("review", .reviewID)] + (reason ? [.optional("reason", .text)] : []),
      examples: [example], context: .review
    ) { invocation in
      let review = try perform(
        invocation.workspace, try invocation.reviewID(), try invocation.required("date"),
        invocation.value("reason"))
      invocation.note("review \(review.id): \(review.stage.title)")
    }
  }
}

extension ReviewCard {
  /// The `status` card: the stage, how far the inspection is from today (`in 12 days`, `24 days
  /// ago`), the findings and what the review needs next. A review whose inspection date has
  /// come with no request form sent is told to record the form or move the inspection, not to
  /// send the form in a window long closed.
  static func statusCard(_ review: Review, today: LocalDate) -> Card {
    var card = Card()
    card.heading("\(review.id): \(review.stage.title)")
    card.row("inspection", "\(review.inspection) (\(review.inspection.distance(from: today)))")
    card.row(
      "findings",
      count(review.deficiencies.count, "deficiency", "deficiencies") + ", "
        + count(review.concerns.count, "area of concern", "areas of concern"))
    card.row("questionnaire", "\(review.answers.count) answers recorded")
    card.section("next")
    let steps =
      review.stage == .planned && review.inspection <= today
      ? [
        "the inspection date (\(review.inspection)) has come with no request form sent: record"
          + " when it went out (send request DATE) or move the inspection (set review date=DATE)"
      ]
      : nextSteps(review, today: today)
    for step in steps { card.line(step) }
    return card
  }
}
