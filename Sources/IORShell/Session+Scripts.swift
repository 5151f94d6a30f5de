import IORDomain
import IORStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An error with where it happened: `checklist.ior:12`, nested scripts outermost first.
public struct LocatedError: Error {
  /// `file:line` of each script in the chain, outermost first.
  public var locations: [String]
  /// What went wrong.
  public var underlying: any Error

  /// The message as batch mode prints it after `ior: `.
  public var message: String {
    (locations + [ErrorReport.message(for: underlying)]).joined(separator: ": ")
  }

  /// The exit code of the underlying error.
  public var exitCode: ExitCode { ErrorReport.exitCode(for: underlying) }
}

extension Session {
  /// How deep scripts may run scripts.
  public static let maximumScriptDepth = 16

  /// Runs the lines of a script (or of standard input), stopping at the first failure unless
  /// `--keep-going`. Errors carry `name:line`.
  /// - Returns: the exit code of the first failure with `--keep-going`, else success.
  @discardableResult
  public func runLines(_ lines: [String], name: String) throws -> ExitCode {
    var iterator = lines.makeIterator()
    return try runLines(name: name) { iterator.next() }
  }

  /// Runs lines as `next` hands them over (standard input as it comes), with the same rules.
  ///
  /// With `--keep-going`, a failing command is reported where it happened (`outer.ior:3:
  /// inner.ior:7: ...`) and the run goes on with the next command, in nested scripts too; the
  /// run then ends with the exit code of the first failure.
  @discardableResult
  public func runLines(name: String, next: () -> String?) throws -> ExitCode {
    let onFailure: ((any Error) -> Void)? =
      options.keepGoing && runTransaction == nil ? { [unowned self] in reportAndGoOn($0) } : nil
    var number = 0
    while let line = next() {
      number += 1
      if !frames.isEmpty { frames[frames.count - 1].line = number }
      runningLines.append("\(name):\(number)")
      defer { runningLines.removeLast() }
      do {
        try runLine(line, onFailure: onFailure)
      } catch {
        throw Self.locate(error, at: "\(name):\(number)")
      }
      if finished { break }
    }
    return firstFailure ?? .success
  }

  /// `--keep-going`: reports a failed command with the chain of lines that ran it, and keeps
  /// the first failure's exit code for the end of the run.
  private func reportAndGoOn(_ error: any Error) {
    var located = LocatedError(locations: runningLines, underlying: error)
    if let inner = error as? LocatedError {
      located.locations += inner.locations
      located.underlying = inner.underlying
    }
    console.note("ior: " + located.message)
    if firstFailure == nil { firstFailure = located.exitCode }
  }

  /// The lines of commands given as text (`ior -c`), as a script's are read: LF or CR LF.
  public static func lines(of text: String) -> [String] {
    TextFile.lines(text)
  }

  static func locate(_ error: any Error, at location: String) -> LocatedError {
    if var located = error as? LocatedError {
      located.locations.insert(location, at: 0)
      return located
    }
    return LocatedError(locations: [location], underlying: error)
  }

  /// A path as the user meant it: relative to the running script's folder, else the current
  /// folder.
  public func resolvePath(_ path: String) -> String {
    // At the top level a relative path is already relative to the current folder, and kept as
    // typed so that messages show it as the user wrote it.
    guard !path.hasPrefix("/"), let base = frames.last?.directory else { return path }
    return base.isEmpty || base == "." ? path : base + "/" + path
  }

  /// Runs a script file with its parameters, as `run` and `ior FILE` do.
  @discardableResult
  public func runScript(path: String, arguments: [String: String]) throws -> ExitCode {
    let resolved = resolvePath(path)
    let real = TextFile.realPath(resolved) ?? resolved
    if frames.count >= Self.maximumScriptDepth {
      throw ShellError.scriptTooDeep(limit: Self.maximumScriptDepth)
    }
    if frames.contains(where: { TextFile.realPath($0.path) == real }) {
      throw ShellError.scriptRunsItself(chain: frames.map(\.path) + [resolved])
    }
    let text = try TextFile.read(resolved)
    let directory =
      resolved.contains("/")
      ? String(resolved[..<(resolved.lastIndex(of: "/") ?? resolved.endIndex)]) : "."
    frames.append(ScriptFrame(path: resolved, directory: directory, line: 0, variables: arguments))
    defer { frames.removeLast() }
    let code = try runLines(TextFile.lines(text), name: resolved)
    // After `quit` the rest of the script did not run, so nothing can be said of its use.
    if !finished { warnOfUnusedParameters(arguments) }
    return code
  }

  /// Warns of parameters given to the script that finished and never used by it, nor by the
  /// scripts it ran.
  private func warnOfUnusedParameters(_ arguments: [String: String]) {
    guard let frame = frames.last else { return }
    for name in arguments.keys.sorted() where !frame.used.contains(name) {
      console.warning(
        "\(frame.path): parameter '\(SafeText.terminal(name))' was given but the script never"
          + " uses it (a misspelt name?)")
    }
  }

  /// Gives a parameter its value: passed in, else its default, else asked for.
  func declareParameter(_ name: String, default fallback: String?) throws {
    if lookup(name) != nil { return }
    if let fallback {
      setVariable(name, fallback)
      return
    }
    guard options.interactive, let ask else { throw ShellError.missingParameter(name) }
    guard let answer = ask("\(name): "), !answer.isEmpty else {
      throw ShellError.missingParameter(name)
    }
    setVariable(name, answer)
  }

  /// Sets a variable in the running script, or in the session at the prompt.
  func setVariable(_ name: String, _ value: String) {
    if frames.isEmpty {
      variables[name] = value
    } else {
      frames[frames.count - 1].variables[name] = value
    }
  }
}

/// Reading script and outline files.
enum TextFile {
  /// The largest file read as text.
  static let maximumSize = 16 << 20

  static func read(_ path: String) throws -> String {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw ShellError.fileError(path: path, reason: String(cString: strerror(errno)).lowercased())
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
      throw ShellError.fileError(path: path, reason: "not a regular file")
    }
    guard Int(status.st_size) <= maximumSize else {
      throw ShellError.fileError(path: path, reason: "larger than \(maximumSize >> 20) MiB")
    }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw ShellError.fileError(path: path, reason: "not UTF-8 text")
    }
    return text
  }

  /// The lines of a script, ending in LF or CRLF (as saved on Windows), without a leading
  /// byte-order mark. Split on bytes: in Swift "\r\n" is one Character, so splitting the
  /// String on "\n" would leave a CRLF file as one long line.
  static func lines(_ text: String) -> [String] {
    var bytes = Substring(text).utf8[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      .map { line in
        let content = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        return String(decoding: content, as: UTF8.self)
      }
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
