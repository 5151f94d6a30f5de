import ChildProcess
import Foundation
import Testing

/// What one run of the `ior` binary did.
struct Run: CustomStringConvertible {
  /// Everything written to standard output.
  var stdout: String
  /// Everything written to standard error.
  var stderr: String
  /// The exit status (or 128 + the signal number when a signal ended it).
  var status: Int32

  /// The run as a failure message shows it.
  var description: String {
    "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
  }

  /// The run, for `#expect(..., run.comment)`.
  var comment: Comment { Comment(rawValue: description) }
}

/// A temporary folder with a store in it, and the way to run the built `ior` over it.
///
/// Appropriate for end-to-end tests: each test makes its own, so tests never share a store
/// and never touch the repository's `store/`. The folder is removed when the value goes away.
final class IOR {
  /// The temporary folder: scripts, answers files and outlines go here.
  let folder: URL
  /// The store folder inside it, passed to every run as `--store`.
  let store: URL
  /// The day `ior` takes as today (`IOR_TODAY`).
  var today: String

  /// Makes a temporary folder (the store in it is made by the first change).
  init(today: String = "2025-12-01") throws {
    let name = "ior-e2e-" + UUID().uuidString.prefix(8).lowercased()
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(name)
    store = folder.appendingPathComponent("store")
    self.today = today
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: folder)
  }

  // MARK: Running

  /// Runs `ior --store STORE arguments...` with standard input `stdin` (empty when nil),
  /// in `directory` (the temporary folder when nil), with `environment` over the defaults.
  /// `program` runs another program instead, without `--store`.
  /// - Throws: when the binary cannot be found or started.
  @discardableResult
  func run(
    _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
    in directory: URL? = nil, withStore: Bool = true, program: URL? = nil,
    timeout: TimeInterval = 30
  ) throws -> Run {
    let executable = try (program ?? Self.binary()).path
    let storeArguments = withStore && program == nil ? ["--store", store.path] : []

    // Files rather than pipes: no output size can block the child.
    let id = UUID().uuidString
    let input = folder.appendingPathComponent(".stdin-\(id)")
    let output = folder.appendingPathComponent(".stdout-\(id)")
    let error = folder.appendingPathComponent(".stderr-\(id)")
    defer {
      for file in [input, output, error] { try? FileManager.default.removeItem(at: file) }
    }
    try Data((stdin ?? "").utf8).write(to: input)
    let child = try ChildProcess(
      executable, storeArguments + arguments,
      environment: defaultEnvironment().merging(environment) { $1 },
      directory: (directory ?? folder).path, stdin: .file(input.path),
      stdout: .file(output.path), stderr: .file(error.path))

    // Wait, but never for ever: a run that waits for input must fail, not hang the suite.
    var ended = child.wait(seconds: timeout)
    if ended == nil {
      child.kill(SIGTERM)
      ended = child.wait()
      Issue.record("ior \(arguments) did not finish within \(Int(timeout)) s")
    }
    let status = ended?.status ?? -1
    return Run(
      stdout: String(decoding: try Data(contentsOf: output), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: error), as: UTF8.self),
      status: status)
  }

  /// Runs `ior -c commands`.
  @discardableResult
  func commands(_ commands: String, stdin: String? = nil) throws -> Run {
    try run(["-c", commands], stdin: stdin)
  }

  /// Runs `ior -c commands` and records an issue unless it exits 0.
  @discardableResult
  func succeed(
    _ commands: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Run {
    let result = try run(["-c", commands])
    #expect(result.status == 0, result.comment, sourceLocation: sourceLocation)
    return result
  }

  /// The environment every run gets: a fixed today and user, and HOME and the XDG folders
  /// inside the temporary folder, so no run reads or writes the real user's files.
  private func defaultEnvironment() -> [String: String] {
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("IOR_") }
    environment["IOR_TODAY"] = today
    environment["IOR_USER"] = "e2e-tester"
    environment["HOME"] = folder.path
    environment["XDG_STATE_HOME"] = folder.appendingPathComponent("state").path
    environment["XDG_DATA_HOME"] = folder.appendingPathComponent("data").path
    environment["NO_COLOR"] = "1"
    environment["LANG"] = "C.UTF-8"
    return environment
  }

  // MARK: Files

  /// Writes `text` to `name` in the temporary folder and returns its URL.
  @discardableResult
  func write(_ text: String, to name: String) throws -> URL {
    let url = folder.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
    return url
  }

  /// Copies the example MOA outline of the repository into the temporary folder.
  func copyOutline(_ name: String = "moa-2020.txt") throws -> URL {
    let source = Self.repositoryRoot.appendingPathComponent("docs/examples/" + name)
    let target = folder.appendingPathComponent(name)
    try FileManager.default.copyItem(at: source, to: target)
    return target
  }

  /// Every file of the store (hidden ones and the journal included), by relative path.
  func snapshot() throws -> [String: Data] {
    var files: [String: Data] = [:]
    let root = store.resolvingSymlinksInPath().path
    guard let walker = FileManager.default.enumerator(atPath: root) else { return files }
    while let relative = walker.nextObject() as? String {
      var isDirectory: ObjCBool = false
      let path = root + "/" + relative
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      else { continue }
      files[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
    }
    return files
  }

  /// The JSON document at `path` inside the store (`reviews/lake-so-2025.json`).
  func document(_ path: String) throws -> [String: Any] {
    let data = try Data(contentsOf: store.appendingPathComponent(path))
    return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// The lines of the store's journal.
  func journalLines() throws -> [String] {
    let url = store.appendingPathComponent("journal.jsonl")
    guard FileManager.default.fileExists(atPath: url.path) else { return [] }
    return String(decoding: try Data(contentsOf: url), as: UTF8.self)
      .split(separator: "\n").map(String.init)
  }

  // MARK: Locating the binary

  /// The repository's root folder (this file is Tests/EndToEndTests/Support/IOR.swift).
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The built `ior`: `$IOR_BINARY` when set, else the `ior` file beside the test runner
  /// (or in a folder above it, for a runner inside a bundle).
  static func binary() throws -> URL {
    if let path = ProcessInfo.processInfo.environment["IOR_BINARY"] {
      return URL(fileURLWithPath: path)
    }
    var starts = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
    starts.append(Bundle.main.bundleURL)
    if let executable = Bundle.main.executableURL {
      starts.append(executable.deletingLastPathComponent())
    }
    for start in starts {
      var folder = start.resolvingSymlinksInPath()
      for _ in 0..<4 {
        let candidate = folder.appendingPathComponent("ior")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
          !isDirectory.boolValue, FileManager.default.isExecutableFile(atPath: candidate.path)
        {
          return candidate
        }
        folder.deleteLastPathComponent()
      }
    }
    throw BinaryNotFound(searched: starts.map(\.path))
  }
}

/// The test runner found no built `ior` near it.
struct BinaryNotFound: Error, CustomStringConvertible {
  var searched: [String]

  var description: String {
    "no built 'ior' executable beside the test runner (searched " + searched.joined(separator: ", ")
      + " and the folders above them); build it first (swift build), or set IOR_BINARY"
  }
}
