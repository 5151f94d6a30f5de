import IORDomain
import IORStore

/// `undo` and `log`: the journal as users see it.
@MainActor
enum Undo {
  static func run(_ invocation: Invocation) throws {
    let session = invocation.session
    if session.runTransaction != nil {
      throw ShellError.refused("undo cannot run inside an --atomic or --dry-run run")
    }
    let sequence = try invocation.value("transaction").map { text -> Int in
      guard let number = Int(text) else {
        throw ShellError.invalidValue(value: text, expected: "a transaction number (log)")
      }
      return number
    }
    let target = try session.store.undoCandidate(sequence: sequence)
    if session.options.interactive, session.options.confirm, let ask = session.ask {
      let answer = ask(
        "undo #\(target.sequence) '\(SafeText.terminal(target.command))'"
          + " of \(target.time)? [y/N] ")
      guard let answer, ["y", "yes"].contains(answer.lowercased()) else {
        invocation.note("nothing undone")
        return
      }
    }
    let (reverted, _) = try session.store.undo(
      sequence: target.sequence, command: invocation.source)
    let paths = reverted.changes.map(\.key.path).joined(separator: ", ")
    invocation.note(
      "undid #\(reverted.sequence) '\(SafeText.terminal(reverted.command))' (\(paths))")
  }

  static func verify(_ invocation: Invocation) throws {
    let report = try invocation.session.store.verify()
    let console = invocation.session.console
    for line in report.chainBreaks {
      console.out("journal.jsonl:\(line): hash chain broken here\n")
    }
    for line in report.damagedJournalLines {
      console.out("journal.jsonl:\(line): not a journal entry\n")
    }
    for line in report.brokenSeals {
      console.out("journal.jsonl:\(line): changed since it was written (its own hash differs)\n")
    }
    for line in report.missingSeals {
      console.out(
        "journal.jsonl:\(line): has no hash of its own though an earlier line has one"
          + " (its hash was removed, or an older ior wrote it)\n")
    }
    for folder in report.linkedFolders {
      console.out("\(folder): is a symbolic link, which ior does not follow\n")
    }
    for path in report.changedOutside { console.out("\(path): changed outside ior\n") }
    for path in report.unjournaled {
      console.out("\(path): not in the journal (written outside ior)\n")
    }
    for path in report.missing { console.out("\(path): missing (the journal says it exists)\n") }
    for damage in report.damaged { console.out(SafeText.terminal(damage.description) + "\n") }
    if report.unsealedLines > 0 {
      console.out(
        "note: journal.jsonl: \(report.unsealedLines) lines written by an older ior have no hash"
          + " of their own; each is covered only by the next line's prev\n")
    }
    console.out(
      "verified \(report.entries) journal entries and \(report.documents) documents: "
        + (report.isClean ? "all good" : "problems found") + "\n")
    if !report.isClean {
      throw ShellError.verificationFailed(problems: report.problemCount)
    }
  }

  static func log(_ invocation: Invocation) throws {
    let limit = invocation.value("limit").flatMap(Int.init) ?? 20
    var table = OutputTable(["seq:#", "time", "user", "command", "undoes", "documents"])
    for entry in try invocation.session.store.journal(limit: limit) {
      table.add([
        .int(entry.sequence), .string(entry.time), .string(entry.user), .string(entry.command),
        .optional(entry.undoes), .array(entry.changes.map { .string($0.key.path) }),
      ])
    }
    invocation.session.console.out(table.render(invocation.format))
  }
}

extension Invocation {
  /// The output format: `format=`, else the session's default, else table.
  var format: String {
    options["format"] ?? session.options.format ?? "table"
  }
}
