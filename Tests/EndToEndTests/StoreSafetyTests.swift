import Foundation
import Testing

/// Hostile or odd stores and arguments that once crashed ior, lost data or went unnoticed:
/// each is now refused or reported, with the path and the reason.
@Suite("Store safety: limits, seals, modes, users")
struct StoreSafetyTests {
  /// A store with partner lake-so and review lake-so-2025.
  static func seeded() throws -> IOR {
    try HostileInputTests.seeded()
  }

  /// Replaces `old` by `new` in the store file at `path` and returns the new bytes.
  @discardableResult
  static func edit(_ ior: IOR, _ path: String, _ old: String, _ new: String) throws -> Data {
    let url = ior.store.appendingPathComponent(path)
    let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
    #expect(text.contains(old), "\(path) has no \(old)")
    let data = Data(text.replacingOccurrences(of: old, with: new).utf8)
    try data.write(to: url)
    return data
  }

  @Test("a revision too large to count on is a damaged document, not a crash")
  func hugeRevision() throws {
    let ior = try Self.seeded()
    let bytes = try Self.edit(
      ior, "partners/lake-so.json", "\"revision\": 1", "\"revision\": 9223372036854775807")

    let run = try ior.commands(
      "open partner lake-so; add officer \"Pat Doe\" authorized=2024-01-15")
    #expect(run.status == 65, run.comment)
    #expect(run.stderr.contains("partners/lake-so.json"), run.comment)
    #expect(run.stderr.contains("\"revision\""), run.comment)
    #expect(
      try Data(contentsOf: ior.store.appendingPathComponent("partners/lake-so.json")) == bytes)
  }

  @Test(
    "a record counter at the largest whole number is a damaged document, not a crash",
    arguments: [
      ("reviews/lake-so-2025.json", "open review lake-so-2025; add concern \"Roster on paper\""),
      (
        "partners/lake-so.json",
        "open partner lake-so; add officer \"Pat Doe\" authorized=2024-01-15"
      ),
    ])
  func hugeCounter(path: String, command: String) throws {
    let ior = try Self.seeded()
    let url = ior.store.appendingPathComponent(path)
    let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
    let edited = text.replacing(
      #/"lastNumbers": \{[^}]*\}/#,
      with: "\"lastNumbers\": {\"C\": 9223372036854775807, \"O\": 9223372036854775807}")
    #expect(edited != text)
    try Data(edited.utf8).write(to: url)

    let run = try ior.commands(command)
    #expect(run.status == 65, run.comment)
    #expect(run.stderr.contains(path), run.comment)
    #expect(run.stderr.contains("\"lastNumbers\""), run.comment)
  }

  @Test("a document from a newer ior is not rewritten: the change is refused and says why")
  func newerSchema() throws {
    let ior = try Self.seeded()
    let bytes = try Self.edit(
      ior, "partners/lake-so.json", "\"schemaVersion\": 1", "\"schemaVersion\": 99,\n  \"novel\": 1"
    )

    let run = try ior.commands("open partner lake-so; set partner state=GA")
    #expect(run.status != 0, run.comment)
    #expect(
      run.stderr.contains("'partners/lake-so.json' was written by a newer ior"), run.comment)
    #expect(
      try Data(contentsOf: ior.store.appendingPathComponent("partners/lake-so.json")) == bytes)
  }

  @Test("an edit of the journal's last line is found by verify, and undo will not use it")
  func lastLineEdited() throws {
    let ior = try Self.seeded()
    try ior.succeed("open review lake-so-2025; add concern \"Roster on paper\"")
    let lines = try ior.journalLines()
    let last = try #require(lines.last)
    let forged = last.replacingOccurrences(of: "\"user\":\"e2e-tester\"", with: "\"user\":\"x\"")
    try Data(((lines.dropLast() + [forged]).joined(separator: "\n") + "\n").utf8)
      .write(to: ior.store.appendingPathComponent("journal.jsonl"))

    let verify = try ior.commands("verify")
    #expect(verify.status == 65, verify.comment)
    #expect(verify.stdout.contains("journal.jsonl:\(lines.count): changed since it was written"))
    let undo = try ior.commands("undo \(lines.count)")
    #expect(undo.status != 0, undo.comment)
    #expect(undo.stderr.contains("the journal line of #\(lines.count)"), undo.comment)
  }

  @Test("undo of a transaction already undone, or of an undo, says which and points to log")
  func undoMessages() throws {
    let ior = try Self.seeded()
    try ior.succeed("undo 2")

    let again = try ior.commands("undo 2")
    #expect(again.status != 0, again.comment)
    #expect(again.stderr.contains("#2 was already undone by #3"), again.comment)
    let ofUndo = try ior.commands("undo 3")
    #expect(ofUndo.stderr.contains("#3 is itself an undo (of #2)"), ofUndo.comment)
    for run in [again, ofUndo] {
      #expect(run.stderr.contains("'log'") && !run.stderr.contains("history"), run.comment)
    }
  }

  @Test("verify names a collection folder that is a symbolic link and fails")
  func linkedCollection() throws {
    let ior = try Self.seeded()
    let reviews = ior.store.appendingPathComponent("reviews")
    let elsewhere = ior.folder.appendingPathComponent("elsewhere")
    try FileManager.default.moveItem(at: reviews, to: elsewhere)
    try FileManager.default.createSymbolicLink(at: reviews, withDestinationURL: elsewhere)

    let run = try ior.commands("verify")
    #expect(run.status == 65, run.comment)
    #expect(run.stdout.contains("reviews: is a symbolic link"), run.comment)
  }

  @Test("a store checked out with loose modes is made private by the first change")
  func loosePermissions() throws {
    let ior = try Self.seeded()
    let manager = FileManager.default
    let root = ior.store.path
    for path in [root, root + "/partners", root + "/reviews"] {
      try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }
    for path in [root + "/store.json", root + "/journal.jsonl"] {
      try manager.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
    }

    try ior.succeed("open partner lake-so; set partner state=GA")
    func mode(_ path: String) throws -> Int {
      let attributes = try manager.attributesOfItem(atPath: path)
      return ((attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0) & 0o777
    }
    for path in [root, root + "/partners", root + "/reviews"] {
      #expect(try mode(path) == 0o700, "\(path)")
    }
    for path in [root + "/store.json", root + "/journal.jsonl"] {
      #expect(try mode(path) == 0o600, "\(path)")
    }
  }

  @Test(
    "an empty or blank --user records the user name from the environment, with a warning",
    arguments: ["", "  "])
  func blankUser(user: String) throws {
    let ior = try IOR()
    let run = try ior.run(["--user", user, "-c", "add partner lake-so name=Lake state=FL"])
    #expect(run.status == 0, run.comment)
    #expect(run.stderr.contains("--user is empty; the journal records 'e2e-tester'"), run.comment)
    let line = try #require(try ior.journalLines().first)
    #expect(line.contains("\"user\":\"e2e-tester\""), "\(line)")
  }
}
