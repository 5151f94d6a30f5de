import IORDomain
import IORStore

/// How a session runs: what the command line and the terminal decided.
public struct SessionOptions: Sendable {
  /// True when a person is at a terminal (prompts, questions, confirmations).
  public var interactive = false
  /// Run everything, write nothing, print diffs of what would change.
  public var dryRun = false
  /// The whole run is one transaction.
  public var atomic = false
  /// Go on after a failing command.
  public var keepGoing = false
  /// The default output format for listings.
  public var format: String?
  /// Checklist answers for batch runs, by question id.
  public var answers: [String: String] = [:]
  /// The day taken as today.
  public var today: LocalDate
  /// The current folder, for relative script paths typed interactively.
  public var workingDirectory: String
  /// `--yes`: destructive commands run without asking.
  public var assumeYes = false
  /// Ask before removing or undoing at a terminal (`set confirm=off` turns it off).
  public var confirm = true
  /// Page long output at a terminal (`set pager=off`, `--no-pager`).
  public var pager = true
  /// The pager to use: `$PAGER`, else `less -FRX`.
  public var pagerCommand = "less -FRX"

  /// Options for a run on `today` in `workingDirectory`.
  public init(today: LocalDate, workingDirectory: String) {
    self.today = today
    self.workingDirectory = workingDirectory
  }
}

/// One shell session over one store: the open partner and review, variables, the running
/// scripts, and the transaction each command runs in.
@MainActor
public final class Session {
  /// The store every command works on.
  public let store: Store
  /// Where output goes.
  public let console: Console
  /// How this session runs.
  public var options: SessionOptions
  /// The partner commands work on by default.
  public var openPartner: String?
  /// The review commands work on by default.
  public var openReview: String?
  /// Variables set with `let` at the prompt or passed on the command line.
  public var variables: [String: String] = [:]
  /// Asks a person for a line (interactive only); nil when there is no terminal.
  public var ask: ((String) -> String?)?
  /// True when Ctrl-C arrived since the last call.
  public var interrupted: () -> Bool = { false }
  /// The lines typed in earlier sessions and this one, for `history`.
  public var lineHistory: () -> [String] = { [] }
  /// Set by `quit` and `exit`.
  public var finished = false
  /// Confirmations of the running command, printed once its changes are committed.
  var pendingNotes: [String] = []

  var frames: [ScriptFrame] = []
  /// `file:line` of each line running now, outermost first, for `--keep-going` reports.
  var runningLines: [String] = []
  /// The exit code of the first command that failed under `--keep-going`.
  var firstFailure: ExitCode?
  var transaction: Transaction
  /// The domain operations of the current command.
  public private(set) var workspace: Workspace
  /// The one transaction of an `--atomic` or `--dry-run` run.
  let runTransaction: Transaction?

  /// A session on `store`.
  public init(store: Store, console: Console, options: SessionOptions) {
    self.store = store
    self.console = console
    self.options = options
    runTransaction = options.atomic || options.dryRun ? Transaction(store: store) : nil
    transaction = runTransaction ?? Transaction(store: store)
    workspace = Workspace(transaction: transaction, today: options.today)
  }

  /// The prompt that shows where the session stands: `ior lake-so-2025> `.
  public var prompt: String {
    if let openReview { return "ior \(openReview)> " }
    if let openPartner { return "ior \(openPartner)> " }
    return "ior> "
  }

  /// The store's handling marking (default CUI).
  public var marking: String {
    (try? store.settings()["marking"]?.stringValue) ?? "CUI"
  }

  /// Starts the transaction of one command.
  func beginCommand() {
    pendingNotes.removeAll()
    transaction = runTransaction ?? Transaction(store: store)
    workspace = Workspace(transaction: transaction, today: options.today)
  }

  /// Ends a command: prints its warnings and commits what it changed, unless the whole run
  /// is one transaction.
  func endCommand(source: String) throws {
    for warning in workspace.warnings { console.warning(SafeText.terminal(warning)) }
    workspace.warnings.removeAll()
    if runTransaction == nil { try transaction.commit(command: source) }
    for note in store.takeRecoveryNotes() { console.warning(SafeText.terminal(note)) }
    for note in pendingNotes { console.note(note) }
    pendingNotes.removeAll()
  }

  /// Commits an `--atomic` run, or prints what a `--dry-run` would have changed.
  public func finishRun(command: String) throws {
    guard let runTransaction else { return }
    if options.dryRun {
      printDryRunDiffs(runTransaction)
      runTransaction.reset()
    } else {
      try store.commit(runTransaction.changes, command: command)
      runTransaction.reset()
    }
    console.flush()
  }

  private func printDryRunDiffs(_ transaction: Transaction) {
    for change in transaction.changes {
      let before = transaction.original(change.key).map { JSONWriter.pretty($0.body) } ?? ""
      var after = ""
      if var body = change.body {
        body["id"] = .string(change.key.id)
        body["revision"] = .int((change.baseRevision ?? 0) + 1)
        body["schemaVersion"] = .int(store.schemaVersion)
        after = JSONWriter.pretty(body)
      }
      console.out(UnifiedDiff.render(path: change.key.path, before: before, after: after))
    }
  }
}

/// One running script: where it is, and its variables.
struct ScriptFrame {
  var path: String
  var directory: String
  var line: Int
  var variables: [String: String]
  /// The variables the script read or declared, so that a parameter passed to it and never
  /// used (a misspelt `reveiw=`) can be pointed out.
  var used: Set<String> = []
}
