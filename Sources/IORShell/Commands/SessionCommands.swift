import IORDomain
import IORStore

extension CommandTable {
  static let sessionCommands: [CommandSpec] = [
    .command(
      "help", group: "Session", summary: "list commands, or explain one",
      details: "help alone lists every command with one line each; help COMMAND shows its"
        + " syntax, what it does and examples; help --all shows every command in full.",
      examples: ["help", "help add deficiency", "help --all"], takesRest: true, locksStore: false
    ) { invocation in
      invocation.session.console.out(try Help.text(for: invocation.rest))
    },
    .command(
      "quit", group: "Session", summary: "leave the shell (also exit, Ctrl-D)", locksStore: false
    ) { invocation in invocation.session.finished = true },
    .command("exit", group: "Session", summary: "leave the shell", locksStore: false) {
      invocation in
      invocation.session.finished = true
    },
    .command("version", group: "Session", summary: "print ior's version", locksStore: false) {
      invocation in invocation.print("ior " + Version.current)
    },
    .command(
      "open partner", group: "Session", summary: "work on a partner: the prompt shows it",
      positionals: [.required("partner", .partnerID)], examples: ["open partner lake-so"]
    ) { invocation in
      let partner = try invocation.workspace.partner(try invocation.required("partner"))
      invocation.session.openPartner = partner.id
      invocation.session.openReview = nil
      invocation.note("partner \(partner.id): \(SafeText.terminal(partner.name))")
    },
    .command(
      "open review", group: "Session", summary: "work on a review (and its partner)",
      positionals: [.required("review", .reviewID)], examples: ["open review lake-so-2025"]
    ) { invocation in
      let review = try invocation.workspace.review(try invocation.required("review"))
      invocation.session.openReview = review.id
      invocation.session.openPartner = review.partner
      invocation.note("review \(review.id): \(review.kind.rawValue), \(review.stage.title)")
    },
    .command(
      "leave", group: "Session", summary: "close the open review, then the open partner",
      locksStore: false
    ) { invocation in
      let session = invocation.session
      if session.openReview != nil { session.openReview = nil } else { session.openPartner = nil }
    },
    .command(
      "undo", group: "Session", summary: "revert your last change, from the journal",
      details: "Reverts the newest change you made that is not yet undone, as a new journaled"
        + " change, and says what it reverted. Refused when someone changed the same document"
        + " since. Asks for confirmation when interactive. A number names a transaction from"
        + " 'log' instead.",
      positionals: [.optional("transaction", .count)], examples: ["undo", "undo 42"],
      locksStore: false, run: Undo.run),
    .command(
      "log", group: "Session", summary: "show the journal of changes, newest first",
      options: [.optional("limit", .count), .optional("format", .choice(OutputTable.formats))],
      examples: ["log", "log limit=50 format=csv"], run: Undo.log),
    .command(
      "verify", group: "Session",
      summary: "check the journal's hash chain and that no document was changed outside ior",
      details: "Names every break in the journal's hash chain, every document whose content is"
        + " not what the journal last recorded (edited by hand), every document the journal"
        + " does not know, every one missing, and every damaged file. Exits 65 when anything is"
        + " wrong. Changes nothing.",
      examples: ["verify"], run: Undo.verify),
    .command(
      "history", group: "Session", summary: "list the lines typed at the prompt",
      options: [.optional("format", .choice(OutputTable.formats))], locksStore: false
    ) { invocation in
      let lines = invocation.session.lineHistory()
      guard invocation.format == "table" else {
        var table = OutputTable(["number", "line"])
        for (index, line) in lines.enumerated() { table.add([.int(index + 1), .string(line)]) }
        invocation.session.console.out(table.render(invocation.format))
        return
      }
      for (index, line) in lines.enumerated() {
        invocation.print(String(index + 1).leftPadded(5) + "  " + SafeText.terminal(line))
      }
    },
  ]
}

/// The version printed by `version` and `--version`.
public enum Version {
  /// ior's version.
  public static let current = "0.1.0"
}

extension String {
  /// The text right-aligned in `width` columns.
  func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
