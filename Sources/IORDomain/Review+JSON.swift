import IORStore

extension Review {
  /// Reads a review from its stored document.
  /// - Throws: `DomainError.damaged` naming the file and the member at fault.
  public init(document: Document) throws(DomainError) {
    let fields = DocumentFields(value: document.body, path: document.key.path)
    guard let kind = fields.string("type").flatMap(Kind.init(rawValue:)) else {
      throw fields.damaged("member \"type\" is not program or focus")
    }
    self.init(
      id: document.key.id, partner: try fields.requiredString("partner"), kind: kind,
      inspection: try fields.requiredDate("inspection"))
    focus = fields.string("focus")
    npm = fields.string("npm")
    requestSent = try fields.date("requestSent")
    requestReceived = try fields.date("requestReceived")
    reportIssued = try fields.date("reportIssued")
    planAccepted = try fields.date("planAccepted")
    closedOut = try fields.date("closedOut")
    closeoutReason = fields.string("closeoutReason")
    for (question, answer) in fields.value["answers"]?.objectValue ?? [:] {
      let item = DocumentFields(value: answer, path: fields.path)
      answers[question] = Answer(
        text: try item.requiredString("text"), recorded: try item.requiredDate("recorded"))
    }
    findings = try fields.objects("findings").map(Self.finding)
    actions = try fields.objects("actions").map(Self.action)
    lastNumbers = try fields.counters("lastNumbers")
  }

  private static func finding(_ item: DocumentFields) throws(DomainError) -> Finding {
    guard let kind = item.string("kind").flatMap(Finding.Kind.init(rawValue:)) else {
      throw item.damaged("a finding's \"kind\" is not deficiency or concern")
    }
    return Finding(
      id: try item.requiredString("id"), kind: kind, title: try item.requiredString("title"),
      citation: item.string("citation"), citationTitle: item.string("citationTitle"),
      detail: item.string("detail"), recommendation: item.string("recommendation"),
      answers: item.strings("answers"), repeatOf: item.string("repeatOf"))
  }

  private static func action(_ item: DocumentFields) throws(DomainError) -> CorrectiveAction {
    CorrectiveAction(
      id: try item.requiredString("id"), finding: try item.requiredString("finding"),
      plan: try item.requiredString("plan"), owner: item.string("owner"),
      due: try item.date("due"), agree: item.bool("agree"), completed: try item.date("completed"))
  }

  /// The review as a stored document body (the store adds the envelope).
  public var json: JSONValue {
    var members = MemberList()
    members.set("partner", partner)
    members.set("type", kind.rawValue)
    members.set("focus", focus)
    members.set("inspection", inspection)
    members.set("npm", npm)
    members.set("stage", stage.rawValue)
    members.set("requestSent", requestSent)
    members.set("requestReceived", requestReceived)
    members.set("reportIssued", reportIssued)
    members.set("planAccepted", planAccepted)
    members.set("closedOut", closedOut)
    members.set("closeoutReason", closeoutReason)
    members.set(
      "answers",
      .object(
        answers.mapValues {
          .object(["text": .string($0.text), "recorded": .string($0.recorded.description)])
        }))
    members.set("findings", .array(findings.map(\.json)))
    members.set("actions", .array(actions.map(\.json)))
    members.set("lastNumbers", .object(lastNumbers.mapValues { .int($0) }))
    return members.json
  }
}

extension Finding {
  var json: JSONValue {
    var members = MemberList()
    members.set("id", id)
    members.set("kind", kind.rawValue)
    members.set("title", title)
    members.set("citation", citation)
    members.set("citationTitle", citationTitle)
    members.set("detail", detail)
    members.set("recommendation", recommendation)
    if !answers.isEmpty { members.set("answers", .array(answers.map { .string($0) })) }
    members.set("repeatOf", repeatOf)
    return members.json
  }
}

extension CorrectiveAction {
  var json: JSONValue {
    var members = MemberList()
    members.set("id", id)
    members.set("finding", finding)
    members.set("plan", plan)
    members.set("owner", owner)
    members.set("due", due)
    members.set("agree", agree)
    members.set("completed", completed)
    return members.json
  }
}
