import IORDomain
import IORStore

/// One run of a command: its checked values and the session it runs in.
@MainActor
public struct Invocation {
  /// The command being run.
  public let spec: CommandSpec
  /// The session (open context, store, output).
  public let session: Session
  /// Positional values by parameter name.
  public var values: [String: String]
  /// Option values by name, and free `key=value` fields in order.
  public var options: [String: String]
  /// Free fields in the order typed (set partner ...).
  public var fields: [(String, String)]
  /// Extra positional words (for commands that take the rest).
  public var rest: [String]
  /// The command's text as typed, for the journal.
  public let source: String

  /// A positional value or option by name.
  public func value(_ name: String) -> String? {
    values[name] ?? options[name]
  }

  /// A value the spec marks as required (binding has checked it is there).
  public func required(_ name: String) throws -> String {
    guard let value = value(name) else {
      throw ShellError.missingValue(command: spec.name, name: name)
    }
    return value
  }

  /// The workspace of the current transaction.
  public var workspace: Workspace { session.workspace }

  /// The open review's id, or the `review=` option.
  public func reviewID() throws -> String {
    if let id = options["review"] { return id }
    guard let id = session.openReview else { throw ShellError.noOpenReview }
    return id
  }

  /// The partner named by value `partner`, else the open partner.
  public func partnerID() throws -> String {
    if let id = values["partner"] ?? options["partner"] { return id }
    guard let id = session.openPartner else { throw ShellError.noOpenPartner }
    return id
  }

  /// Writes a line of results to standard output.
  public func print(_ text: String) {
    session.console.out(text + "\n")
  }

  /// Confirms what a command did, on standard error and only at a terminal: batch runs stay
  /// quiet on success, as sqlite3 does, so cron mails only failures.
  public func note(_ text: String) {
    // Held until the command's changes are committed: a confirmation must never appear for a
    // change that then failed to commit.
    if session.options.interactive { session.pendingNotes.append(text) }
  }
}
