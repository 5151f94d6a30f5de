import IORDomain
import IORLineEditor
import IORShell
import IORStore

/// The read-dispatch-report loop at a terminal.
@MainActor
struct InteractiveLoop {
  let session: Session
  let storePath: String
  let runStartupFile: Bool

  func run() -> ExitCode {
    installInterruptHandler()
    let session = self.session
    let editor = LineEditor(historyPath: Environment.historyPath()) { line, start, cursor in
      session.completions(line: line, wordStart: start, cursor: cursor)
    }
    session.ask = { prompt in
      switch editor.read(prompt: prompt) {
      case .line(let text): return text
      case .interrupted, .endOfInput: return nil
      }
    }
    session.interrupted = { takeInterrupt() }
    session.lineHistory = { editor.history }
    let state = session.store.exists ? "" : " (new: it is made on the first change)"
    session.console.note(
      "ior \(Version.current), store \(storePath)\(state). help lists commands; Ctrl-D leaves.")
    if session.options.pager { session.console.pager = session.options.pagerCommand }
    if runStartupFile { runStartup() }
    loop(editor)
    editor.close()
    return .success
  }

  private func loop(_ editor: LineEditor) {
    while !session.finished {
      switch editor.read(prompt: session.prompt) {
      case .endOfInput:
        session.console.note("")
        return
      case .interrupted:
        session.console.note("")
        continue
      case .line(let text):
        guard !text.trimmingSpaces.isEmpty else { continue }
        editor.remember(text)
        execute(text)
      }
    }
  }

  /// Runs the start-up file, as psql runs .psqlrc: an error is reported with its line and
  /// the shell starts all the same.
  private func runStartup() {
    let path = Environment.configPath()
    guard Launcher.exists(path) else { return }
    do {
      let lines = try StartupFile.lines(path)
      for (index, line) in lines.enumerated() {
        do {
          try session.runLine(line)
        } catch {
          session.console.error("\(path):\(index + 1): " + ErrorReport.message(for: error))
        }
      }
    } catch {
      session.console.error(ErrorReport.message(for: error))
    }
    session.console.flush()
  }

  private func execute(_ line: String) {
    session.console.rows = Terminal.rows()
    do {
      try session.runLine(line)
    } catch let located as LocatedError {
      session.console.error(located.message)
    } catch {
      session.console.error(ErrorReport.message(for: error))
    }
    session.console.flush()
  }
}

extension String {
  var trimmingSpaces: String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
