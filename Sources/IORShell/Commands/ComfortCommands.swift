import IORDomain
import IORStore

extension CommandTable {
  /// The session settings `set` takes.
  static let settingNames = ["format", "pager", "confirm", "color"]

  static let comfortCommands: [CommandSpec] = [
    .command(
      "remove", group: "Corrections",
      summary: "remove a record entered by mistake (journaled; undo brings it back)",
      details: "Kinds: finding and action (in the open review), officer, visit, meeting and"
        + " complaint (of the open partner), review (only one still planned). Asks for"
        + " confirmation at a terminal; in batch add --yes. Ids are never reused: after removing"
        + " D2 the next deficiency is still D3.",
      positionals: [
        .required("kind", .choice(Workspace.removableKinds)), .required("id", .word),
      ],
      options: [.optional("review", .reviewID), .optional("partner", .partnerID)],
      examples: [
        "remove finding C2", "remove officer O7 --yes", "remove review north-fork-so-2026",
      ],
      takesRest: true, locksStore: false, run: Corrections.remove),
    .command(
      "edit", group: "Corrections",
      summary: "edit long text (a finding, an action's plan, an answer) in $VISUAL or $EDITOR",
      details: "Opens the editor on the text: a finding's detail (field=title or"
        + " field=recommendation for those), an action's plan (field=owner), or the answer to a"
        + " question. Saving and leaving stores it, an empty text cancels. At a terminal"
        + " only; in scripts give the text as a value, or from a file: detail=@notes/d1.md.",
      positionals: [
        .required("kind", .choice(EditTarget.fields.map(\.kind))), .required("id", .word),
      ],
      options: [
        .optional("field", .choice(Array(Set(EditTarget.fields.flatMap(\.fields))).sorted())),
        .optional("review", .reviewID),
      ],
      examples: [
        "edit finding D1", "edit finding D1 field=recommendation", "edit action A1",
        "edit answer wso-3",
      ], context: .review,
      locksStore: false, run: Corrections.edit),
    .command(
      "set", group: "Session", summary: "change a session setting: format, pager, confirm, color",
      details: "format=table|json|csv|md is the default format of listings; pager=on|off pages"
        + " output taller than the terminal; confirm=on|off asks before remove and undo;"
        + " color=on|off colours error labels. Put them in the start-up file to keep them.",
      options: [.optional("fields", .fields(settingNames))],
      examples: ["set format=csv", "set pager=off"], locksStore: false, run: Corrections.set),
    .command(
      "show settings", group: "Session", summary: "show the session's settings",
      options: [.optional("format", .choice(OutputTable.formats))],
      examples: ["show settings", "show settings format=json"], locksStore: false,
      run: Corrections.showSettings),
  ]
}

/// Removing mistakes, editing long text, and session settings.
@MainActor
enum Corrections {
  static func remove(_ invocation: Invocation) throws {
    let session = invocation.session
    let kind = try invocation.required("kind")
    let id = try invocation.required("id")
    let yes = invocation.rest.contains("--yes") || session.options.assumeYes
    if let extra = invocation.rest.first(where: { $0 != "--yes" }) {
      throw ShellError.unexpectedValue(command: "remove", value: extra)
    }
    if !yes {
      guard session.options.interactive, let ask = session.ask else {
        throw ShellError.refused(
          "remove asks for confirmation; add --yes to remove \(kind) \(id) without a terminal")
      }
      if session.options.confirm {
        let answer = ask("remove \(kind) \(id)? [y/N] ") ?? ""
        guard ["y", "yes"].contains(answer.lowercased()) else {
          invocation.note("nothing removed")
          return
        }
      }
    }
    let review = kind == "finding" || kind == "action" ? try? invocation.reviewID() : nil
    let partner = try? invocation.partnerID()
    let removed = try session.store.reading {
      try invocation.workspace.remove(kind, id: id, review: review, partner: partner)
    }
    if kind == "review" && session.openReview == id { session.openReview = nil }
    invocation.note("removed \(SafeText.terminal(removed)) (undo brings it back)")
  }

  static func edit(_ invocation: Invocation) throws {
    let session = invocation.session
    guard session.options.interactive else {
      throw ShellError.noTerminal(
        "edit opens an editor; in a script give the text as a value (detail=@FILE reads a file)")
    }
    let reviewID = try invocation.reviewID()
    let review = try session.store.reading { try invocation.workspace.review(reviewID) }
    let target = try EditTarget(
      kind: try invocation.required("kind"), id: try invocation.required("id"),
      field: invocation.value("field"), review: review)
    let name = "\(review.id)-\(target.id)-\(target.field)"
    guard let text = try Editor.edit(target.current, name: name) else {
      invocation.note("empty text: nothing changed")
      return
    }
    try session.store.reading { try target.save(text, invocation.workspace) }
    invocation.note("updated the \(target.field) of \(target.id)")
  }

  static func set(_ invocation: Invocation) throws {
    let session = invocation.session
    guard !invocation.fields.isEmpty else {
      throw ShellError.missingValue(
        command: "set", name: "a setting (set format=csv) or a noun (set partner ...)")
    }
    for (name, value) in invocation.fields {
      switch name {
      case "format":
        try Session.check(value, as: .choice(OutputTable.formats), name: "format")
        session.options.format = value
      case "pager":
        session.options.pager = try onOff(name, value)
        if session.options.interactive {
          session.console.pager = session.options.pager ? session.options.pagerCommand : nil
        }
      case "confirm": session.options.confirm = try onOff(name, value)
      case "color": session.console.colorErrors = try onOff(name, value)
      default: break
      }
    }
  }

  private static func onOff(_ name: String, _ value: String) throws -> Bool {
    switch value.lowercased() {
    case "on", "yes", "true": return true
    case "off", "no", "false": return false
    default: throw ShellError.invalidValue(value: value, expected: "on or off (\(name))")
    }
  }

  static func showSettings(_ invocation: Invocation) throws {
    let session = invocation.session
    var table = OutputTable(["setting", "value"])
    table.add([.string("store"), .string(session.store.root)])
    table.add([.string("user"), .string(session.store.user)])
    table.add([.string("marking"), .string(session.marking)])
    table.add([.string("format"), .string(session.options.format ?? "table")])
    table.add([.string("pager"), .string(session.options.pager ? "on" : "off")])
    table.add([.string("confirm"), .string(session.options.confirm ? "on" : "off")])
    table.add([.string("color"), .string(session.console.colorErrors ? "on" : "off")])
    table.add([.string("today"), .string(session.options.today.description)])
    session.console.out(table.render(invocation.format))
  }
}
