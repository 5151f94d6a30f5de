import CLineEditShim

/// Reads lines from a terminal with editing, history and completion (libedit).
///
/// libedit keeps one global editing state, so only one `LineEditor` should exist at a time;
/// the most recently created (or reading) one answers Tab completion.
@MainActor public final class LineEditor {
  /// Upper bound on remembered lines, so the history file cannot grow without limit.
  private static let historyLimit = 1000

  /// The editor whose completer answers Tab: libedit's C callback carries no context pointer.
  private static weak var active: LineEditor?

  private let historyPath: String?
  private let completer: @MainActor (String, Int, Int) -> [String]
  /// The history, oldest first; mirrored into libedit's list, which Up/Down walk.
  private var entries: [String] = []

  /// historyPath: file to load/save (created with mode 0600, parent folders created 0700);
  /// nil = no persistent history.
  /// completer: given the line text, the UTF-8 byte offset where the word being completed
  /// starts, and the cursor offset, returns full candidate words for that word. The word is
  /// the bytes between the two offsets; words break at space, tab, '=' and ';'. The chosen
  /// candidate replaces the word, so candidates should start with it.
  public init(
    historyPath: String?,
    completer: @escaping @MainActor (String, Int, Int) -> [String]
  ) {
    self.historyPath = historyPath
    self.completer = completer
    installInterruptHandler()
    ior_line_setup(completionCallback)
    LineEditor.active = self
    loadHistory()
  }

  /// Shows prompt, reads one line. Ctrl-C while typing -> .interrupted (the shell prints
  /// nothing more than a newline and keeps going); Ctrl-D on an empty line -> .endOfInput.
  ///
  /// No newline is printed after Ctrl-C (nothing at all) or Ctrl-D (libedit echoes "^D"):
  /// the cursor stays on the prompt line, so the caller writes "\n". The terminal is back in
  /// its normal mode whenever this returns.
  public func read(prompt: String) -> LineInput {
    LineEditor.active = self
    var status = IOR_LINE_OK
    let raw = ior_line_read(prompt, &status)
    defer { ior_line_free(raw) }
    switch status {
    case IOR_LINE_OK:
      return .line(raw.map { String(cString: $0) } ?? "")
    case IOR_LINE_INTERRUPTED:
      return .interrupted
    default:
      return .endOfInput
    }
  }

  /// Adds an accepted non-empty line to history (a line equal to the previous entry is not
  /// added twice; an earlier identical entry is removed so each line appears once) and saves
  /// the history file (mode 0600). Lines made only of whitespace are not remembered.
  /// Failing to save is silent: losing history must never stop the shell.
  public func remember(_ line: String) {
    guard !line.allSatisfy(\.isWhitespace), entries.last != line else { return }
    let hadEarlierCopy = entries.contains(line)
    entries.removeAll { $0 == line }
    entries.append(line)
    let overflow = entries.count - Self.historyLimit
    if overflow > 0 {
      entries.removeFirst(overflow)
    }
    if hadEarlierCopy || overflow > 0 {
      rebuildLibeditHistory()
    } else {
      ior_history_add(line)
    }
    saveHistory()
  }

  /// The history entries, oldest first.
  public var history: [String] {
    entries
  }

  /// Saves history, restores the terminal.
  public func close() {
    saveHistory()
    ior_line_restore_terminal()
    if LineEditor.active === self {
      LineEditor.active = nil
    }
  }

  /// Hands the active editor's candidates to the C shim (called during Tab, inside `read`).
  fileprivate static func complete(line: String, wordStart: Int, cursor: Int) {
    guard let editor = active else { return }
    for candidate in editor.completer(line, wordStart, cursor) {
      ior_completion_add(candidate)
    }
  }

  private func loadHistory() {
    ior_history_clear()
    guard let path = historyPath else { return }
    // A missing file is the normal first run; libedit then simply loads nothing.
    _ = ior_history_load(path)
    entries = (0..<ior_history_count()).compactMap { index in
      ior_history_entry(index).map { String(cString: $0) }
    }
    if entries.count > Self.historyLimit {
      entries.removeFirst(entries.count - Self.historyLimit)
      rebuildLibeditHistory()
    }
  }

  private func rebuildLibeditHistory() {
    ior_history_clear()
    for entry in entries {
      ior_history_add(entry)
    }
  }

  private func saveHistory() {
    guard let path = historyPath else { return }
    PrivateFile.prepare(path)
    _ = ior_history_save(path)
    PrivateFile.restrictToOwner(path)
  }
}

/// The C completion hook. libedit calls it synchronously from `readline`, which only
/// `LineEditor.read` (main actor) calls, so asserting main-actor isolation here is sound.
private let completionCallback: ior_completion_callback = { line, wordStart, cursor in
  let text = line.map { String(cString: $0) } ?? ""
  MainActor.assumeIsolated {
    LineEditor.complete(line: text, wordStart: Int(wordStart), cursor: Int(cursor))
  }
}
