import IORDomain
import IORLineEditor
import IORShell
import IORStore

#if canImport(Glibc)
  import Glibc
#endif

/// Opens the store, makes the session, and runs it the way the command line asked.
@MainActor
struct Launcher {
  let arguments: Arguments

  static func initialize(_ path: String, marking: String) -> Never {
    do {
      let store = try Store(root: path, user: Environment.userName(nil))
      if store.exists {
        Terminal.writeError("ior: '\(path)' is a store already\n")
        exit(ExitCode.commandFailed.rawValue)
      }
      try store.createIfNeeded(marking: marking)
      Terminal.writeOut("made a new store at \(path) (marking: \(marking))\n")
      exit(0)
    } catch {
      Terminal.writeError("ior: \(error)\n")
      exit(ExitCode.commandFailed.rawValue)
    }
  }

  func run() -> ExitCode {
    let interactive =
      arguments.command == nil && arguments.file == nil
      && Terminal.inputIsTerminal && Terminal.outputIsTerminal
    let path = arguments.store ?? Environment.value("IOR_STORE") ?? Environment.defaultStorePath()
    let user = Environment.userName(arguments.user)
    if let given = arguments.user, Environment.isBlank(given) {
      Terminal.writeError("ior: warning: --user is empty; the journal records '\(user)'\n")
    }
    let store: Store
    do {
      store = try Store(root: path, user: user)
    } catch {
      return report(error, interactive: false)
    }
    for note in store.takeRecoveryNotes() { Terminal.writeError("ior: warning: \(note)\n") }
    let session: Session
    do {
      session = try makeSession(store, interactive: interactive)
    } catch {
      return report(error, interactive: false)
    }
    if interactive {
      return InteractiveLoop(session: session, storePath: path, runStartupFile: !arguments.noRC)
        .run()
    }
    return runBatch(session)
  }

  private func makeSession(_ store: Store, interactive: Bool) throws -> Session {
    var options = SessionOptions(
      today: LocalDate.today(environment: Environment.all()),
      workingDirectory: Environment.workingDirectory())
    options.interactive = interactive
    options.dryRun = arguments.dryRun
    options.atomic = arguments.atomic
    options.keepGoing = arguments.keepGoing
    options.format = arguments.format
    options.assumeYes = arguments.assumeYes
    options.pager = !arguments.noPager
    options.pagerCommand = Environment.value("PAGER") ?? "less -FRX"
    if let fixed = Environment.value("IOR_TODAY"), LocalDate(fixed) == nil {
      throw UsageError(
        message: "IOR_TODAY='\(fixed)' is not a date (YYYY-MM-DD); unset it for today")
    }
    if let format = arguments.format, !["table", "json", "csv", "md"].contains(format) {
      throw UsageError(message: "--format takes table, json, csv or md, not '\(format)'")
    }
    if let answersFile = arguments.answersFile {
      options.answers = try AnswersFile.read(answersFile)
    }
    let color = interactive && Terminal.errorIsTerminal && Environment.value("NO_COLOR") == nil
    let console = Console(colorErrors: color)
    console.outputIsTerminal = Terminal.outputIsTerminal
    let session = Session(store: store, console: console, options: options)
    if Terminal.errorIsTerminal { Self.showProgress(of: store) }
    session.variables = arguments.parameters
    return session
  }

  private func runBatch(_ session: Session) -> ExitCode {
    do {
      let code: ExitCode
      let name: String
      if let command = arguments.command {
        name = "-c"
        code = try session.runLines(Session.lines(of: command), name: "-c")
      } else if let file = arguments.file, CommandTable.verbs.contains(file), !Launcher.exists(file)
      {
        throw UsageError(message: "no script '\(file)'; to run a command, use -c: ior -c '\(file)'")
      } else if let file = arguments.file {
        name = "run " + file
        code = try session.runScript(path: file, arguments: arguments.parameters)
      } else {
        name = "stdin"
        code = try session.runLines(name: "stdin") { readLine(strippingNewline: true) }
      }
      try session.finishRun(command: name)
      session.console.flush()
      return code
    } catch {
      session.console.flush()
      return report(error, interactive: false)
    }
  }

  /// Long scans report how far they are on standard error, at a terminal only (interactive or
  /// not): results on standard output never carry it.
  private static func showProgress(of store: Store) {
    // IOR_PROGRESS_DELAY (seconds) lets tests see the line on a small store.
    let delay = Environment.value("IOR_PROGRESS_DELAY").flatMap(Double.init) ?? 1
    let progress = ProgressLine(delay: delay)
    store.progress = { label, done, total in
      MainActor.assumeIsolated { progress.update("reading " + label, done, total) }
    }
  }

  static func exists(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0
  }

  private func report(_ error: any Error, interactive: Bool) -> ExitCode {
    if let usage = error as? UsageError {
      Terminal.writeError("ior: \(usage.message)\n")
      return .usage
    }
    if let located = error as? LocatedError {
      Terminal.writeError("ior: \(located.message)\n")
      return located.exitCode
    }
    Terminal.writeError("ior: \(ErrorReport.message(for: error))\n")
    return ErrorReport.exitCode(for: error)
  }
}
