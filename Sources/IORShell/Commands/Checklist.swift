import IORDomain
import IORStore

/// The checklist steps of scripts: `ask` records an answer, `check` tests the open review.
@MainActor
enum Checklist {
  /// A named check: nil when it holds, else what is wrong.
  typealias Check = (Review, Partner) -> String?

  static let checks: [(String, Check)] = [
    (
      "deficiencies-cited",
      { review, _ in
        list(
          review.deficiencies.filter { ($0.citation ?? "").isEmpty }.map(\.id), "without a citation"
        )
      }
    ),
    (
      "actions-planned",
      { review, _ in
        list(
          review.deficiencies.filter { review.actions(for: $0.id).isEmpty }.map(\.id),
          "without a corrective action")
      }
    ),
    (
      "actions-complete",
      { review, _ in
        list(review.openDeficiencies.map(\.id), "without a completed corrective action")
      }
    ),
    (
      "request-sent",
      { review, _ in
        review.requestSent == nil ? "the request form has not been sent (send request DATE)" : nil
      }
    ),
    (
      "request-in-window",
      { review, _ in
        guard let sent = review.requestSent else { return "the request form has not been sent" }
        let lead = sent.days(until: review.inspection)
        return Workspace.requestWindow.contains(lead)
          ? nil : "the request form went out \(lead) days before the inspection, not 28 to 42"
      }
    ),
    (
      "request-returned",
      { review, _ in
        review.requestReceived == nil
          ? "the request form has not come back (receive request DATE)" : nil
      }
    ),
    (
      "npm-fields",
      { review, partner in
        var missing: [String] = []
        if partner.fpmName == nil { missing.append("FPM/POC name (set partner fpm=...)") }
        if partner.fpmTitle == nil { missing.append("FPM/POC title (set partner fpm-title=...)") }
        if partner.sddo == nil { missing.append("SDDO (set partner sddo=...)") }
        if partner.moaSigned == nil {
          missing.append("MOA signed date (set partner moa-signed=...)")
        }
        if review.npm == nil { missing.append("the review's NPM (set review npm=...)") }
        return missing.isEmpty ? nil : "missing " + missing.joined(separator: ", ")
      }
    ),
    (
      "questionnaire-complete",
      { review, _ in
        let open = QuestionBank.all.filter { review.answers[$0.id] == nil }.map(\.id)
        return open.isEmpty
          ? nil
          : "\(open.count) questions not answered: " + open.prefix(8).joined(separator: ", ")
            + (open.count > 8 ? " ..." : "")
      }
    ),
    (
      "report-issued",
      { review, _ in
        review.reportIssued == nil
          ? "the findings report has not been issued (issue report DATE)" : nil
      }
    ),
    ("closed-out", { review, _ in review.closedOut == nil ? "the review is not closed out" : nil }),
  ]

  /// The names of every check.
  static var names: [String] { checks.map(\.0) }

  private static func list(_ ids: [String], _ what: String) -> String? {
    ids.isEmpty ? nil : ids.joined(separator: ", ") + " " + what
  }

  static func check(_ invocation: Invocation) throws {
    let name = try invocation.required("name")
    guard let check = checks.first(where: { $0.0 == name })?.1 else {
      throw ShellError.unknownCheck(name, suggestion: Suggestion.closest(to: name, in: names))
    }
    let review = try invocation.workspace.review(try invocation.reviewID())
    let partner = try invocation.workspace.partner(review.partner)
    if let failure = check(review, partner) {
      throw ShellError.checkFailed(name: name, detail: failure)
    }
    invocation.note("ok: \(name)")
  }

  static func ask(_ invocation: Invocation) throws {
    let session = invocation.session
    let id = try invocation.required("id").lowercased()
    let question = try invocation.required("question")
    let choices = (invocation.value("choices") ?? "").split(separator: ",").map(String.init)
    let reviewID = try invocation.reviewID()
    let recorded = try session.store.reading { try invocation.workspace.review(reviewID) }.answers[
      id]
    guard let answer = try answer(id, question, choices, recorded: recorded?.text, session) else {
      invocation.note("kept the answer to \(id)")
      return
    }
    if !choices.isEmpty && !choices.contains(answer.lowercased()) {
      throw ShellError.invalidValue(
        value: answer, expected: "an answer to \(id): one of \(choices.joined(separator: ", "))")
    }
    _ = try session.store.reading {
      try invocation.workspace.answer(review: reviewID, question: id, text: answer, checklist: true)
    }
  }

  /// The new answer, or nil to keep the recorded one.
  private static func answer(
    _ id: String, _ question: String, _ choices: [String], recorded: String?, _ session: Session
  ) throws -> String? {
    if let given = session.options.answers[id] { return given }
    guard session.options.interactive, let ask = session.ask else {
      if recorded != nil { return nil }
      throw ShellError.missingAnswer(id)
    }
    // The line editor shows a one-line prompt, so the question is printed above it.
    var question = "\(id): \(SafeText.terminal(question))"
    if !choices.isEmpty { question += " [\(choices.joined(separator: "/"))]" }
    if let recorded { question += "\n  recorded: \(SafeText.terminal(recorded)) (Enter keeps it)" }
    while true {
      session.console.note(question)
      guard let line = ask("> ") else { throw ShellError.interrupted }
      let text = line.trimmingCharacters()
      if text.isEmpty && recorded != nil { return nil }
      if text.isEmpty { continue }
      if choices.isEmpty || choices.contains(text.lowercased()) { return text }
      session.console.error("answer one of: " + choices.joined(separator: ", "))
    }
  }
}
