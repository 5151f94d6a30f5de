import Foundation
import Testing

@testable import IORStore

/// A folder of its own under /tmp for one test; the test removes it with `defer`.
///
/// Removal is explicit rather than in `deinit`, which may run as soon as the last use of the
/// value, before the test is done with the files.
struct TemporaryFolder {
  /// The folder, which exists and is empty at first.
  let path: String

  init() throws {
    path = "/tmp/ior-store-tests-" + UUID().uuidString.lowercased()
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
  }

  /// Removes the folder and everything in it.
  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// A path below the folder.
  func at(_ relative: String) -> String {
    path + "/" + relative
  }
}

/// Helpers shared by the store tests.
enum Fixture {
  /// The `ior-store-stress` helper SwiftPM builds next to the test runner.
  static func stressBinary() throws -> String {
    let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var candidates = [
      runner.deletingLastPathComponent().appendingPathComponent("ior-store-stress").path
    ]
    // On macOS the runner sits inside a bundle, a few folders below the build folder.
    candidates.append(
      runner.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ior-store-stress").path)
    let found = candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    return try #require(found, "ior-store-stress was not built next to \(runner.path)")
  }

  /// Commits one document with `body` (the envelope is added by the store).
  @discardableResult
  static func put(
    _ store: Store, _ collection: String, _ id: String, _ body: [String: JSONValue],
    command: String = "put"
  ) throws -> JournalEntry? {
    let transaction = Transaction(store: store)
    try transaction.write(DocumentKey(collection, id), body: .object(body))
    return try transaction.commit(command: command)
  }

  /// The bytes of a file, or nil when it cannot be read.
  static func bytes(_ path: String) -> [UInt8]? {
    // Read, never mapped: a file that another process truncates under a mapping faults.
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    // readToEnd gives nil for an empty file.
    return (try? handle.readToEnd()).map { Array($0) } ?? []
  }

  /// The permission bits of a file or folder (`0o600`).
  static func mode(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    let permissions = try #require(attributes[.posixPermissions] as? NSNumber)
    return permissions.intValue & 0o777
  }

  /// Every path below `folder`, relative to it, sorted; links are listed, not followed.
  static func tree(_ folder: String) -> [String] {
    let manager = FileManager.default
    guard let enumerator = manager.enumerator(atPath: folder) else { return [] }
    var paths: [String] = []
    while let next = enumerator.nextObject() as? String { paths.append(next) }
    return paths.sorted()
  }

  /// The journal's lines, each without its newline; a torn last line is included.
  static func journalLines(_ root: String) -> [[UInt8]] {
    guard let bytes = bytes(root + "/journal.jsonl") else { return [] }
    return bytes.split(separator: 0x0A, omittingEmptySubsequences: true).map { Array($0) }
  }
}
