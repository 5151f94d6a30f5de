import IORDomain
import IORStore

extension CommandTable {
  static let scriptCommands: [CommandSpec] = [
    .command(
      "run", group: "Scripts", summary: "run a script of commands",
      details: "The path is relative to the running script's folder (or the current folder at"
        + " the prompt). name=value pairs set the script's parameters. Scripts may run other"
        + " scripts, up to \(Session.maximumScriptDepth) deep; a script that runs itself is"
        + " refused.",
      positionals: [.required("file", .file)], options: [.optional("fields", .fields([]))],
      examples: ["run scripts/biennial-review.ior review=lake-so-2025"],
      takesRest: true, locksStore: false
    ) { invocation in
      try invocation.session.runScript(
        path: try invocation.required("file"), arguments: try scriptArguments(invocation))
    },
    .command(
      "param", group: "Scripts", summary: "declare a script parameter, with a default",
      details: "A parameter without a value and without a default is asked for at a terminal,"
        + " and is an error in batch.",
      positionals: [.required("name", .word), .optional("default", .text)],
      examples: ["param review", "param fy 2025"], locksStore: false
    ) { invocation in
      try invocation.session.declareParameter(
        try invocation.required("name"), default: invocation.value("default"))
    },
    .command(
      "let", group: "Scripts", summary: "set a variable: let name=value, used as $name",
      options: [.optional("fields", .fields([]))], examples: ["let fy=2025", "echo $fy"],
      takesRest: true, locksStore: false
    ) { invocation in
      guard !invocation.fields.isEmpty else {
        throw ShellError.missingValue(command: "let", name: "name=value")
      }
      for (name, value) in invocation.fields { invocation.session.setVariable(name, value) }
    },
    .command(
      "echo", group: "Scripts", summary: "print text", examples: ["echo \"Checking $review\""],
      takesRest: true, locksStore: false
    ) { invocation in
      invocation.print(SafeText.multiline(invocation.rest.joined(separator: " ")))
    },
    .command(
      "ask", group: "Scripts",
      summary: "checklist step: ask a question and record the answer in the open review",
      details: "At a terminal the question is asked (an answer already recorded is shown; Enter"
        + " keeps it). In batch the answer comes from --answers FILE; without one, a recorded"
        + " answer is kept and a missing one is an error naming the question.",
      positionals: [.required("id", .word), .required("question", .text)],
      options: [.optional("choices", .word), .optional("review", .reviewID)],
      examples: [
        "ask wso-3 \"How is each warrant checked before service?\"",
        "ask req-returned \"Did the request form come back complete?\" choices=yes,no,na",
      ],
      context: .review, locksStore: false, run: Checklist.ask),
    .command(
      "check", group: "Scripts", summary: "checklist step: a named check over the open review",
      details: "Fails the run with exit code 2 when it does not hold. Checks: "
        + Checklist.names.joined(separator: ", ") + ".",
      positionals: [.required("name", .checkName)], options: [.optional("review", .reviewID)],
      examples: ["check deficiencies-cited", "check actions-complete"], context: .review,
      run: Checklist.check),
  ]

  @MainActor
  private static func scriptArguments(_ invocation: Invocation) throws -> [String: String] {
    var arguments: [String: String] = [:]
    for word in invocation.rest {
      throw ShellError.unexpectedValue(command: "run", value: word)
    }
    for (name, value) in invocation.fields { arguments[name] = value }
    return arguments
  }
}
