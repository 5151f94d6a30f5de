#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Long text in the user's editor, as `git commit` and psql's `\e` do it.
enum Editor {
  /// Opens `$VISUAL`, else `$EDITOR`, else `vi` on `text`; nil when the saved text is empty.
  static func edit(_ text: String, name: String) throws -> String? {
    let editor = environment("VISUAL") ?? environment("EDITOR") ?? "vi"
    // mkdtemp replaces the template's last six characters with a unique name.
    var template = Array(("/tmp/ior-edit-" + String(repeating: "X", count: 6)).utf8CString)
    guard let folder = mkdtemp(&template) else {
      throw ShellError.fileError(
        path: "/tmp", reason: "cannot make a private folder for the editor")
    }
    let directory = String(cString: folder)
    let path = directory + "/" + name + ".md"
    defer {
      unlink(path)
      rmdir(directory)
    }
    try OutputFile.write(text.isEmpty || text.hasSuffix("\n") ? text : text + "\n", to: path)
    let status = system(editor + " " + quoted(path))
    guard status == 0 else {
      throw ShellError.refused(
        "the editor '\(editor)' \(outcome(ofWaitStatus: status)); nothing changed"
          + " (set VISUAL or EDITOR to the editor you use)")
    }
    let edited = try TextFile.read(path).trimmingCharacters()
    return edited.isEmpty ? nil : edited
  }

  /// What a `system()` wait status says, in words: `exited with status 1`, `was not found`.
  static func outcome(ofWaitStatus status: Int32) -> String {
    let signal = status & 0x7F
    guard signal == 0 else { return "was stopped by signal \(signal)" }
    let code = (status >> 8) & 0xFF
    return code == 127 ? "was not found (exit status 127)" : "exited with status \(code)"
  }

  private static func environment(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    let text = String(cString: value)
    return text.isEmpty ? nil : text
  }

  /// `text` as one shell word.
  static func quoted(_ text: String) -> String {
    "'" + text.replacingAll("'", with: "'\\''") + "'"
  }
}
