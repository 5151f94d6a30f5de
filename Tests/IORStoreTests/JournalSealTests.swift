import Foundation
import Testing

@testable import IORStore

/// The journal's last line is covered by its own hash (its seal), which `verify` and `undo`
/// check; undo also checks what it restores against the hash recorded when it was written.
@Suite("Journal seals")
struct JournalSealTests {
  /// A store with one document changed once: two journal lines.
  static func seeded(_ root: String) throws -> Store {
    let store = try Store(root: root, user: "npm")
    try Fixture.put(store, "partners", "lake-so", ["name": "Lake"], command: "add partner")
    try Fixture.put(store, "partners", "lake-so", ["name": "Lake SO"], command: "set partner")
    return store
  }

  /// Rewrites the journal's line `index` (0-based) through `edit`.
  static func editLine(_ root: String, _ index: Int, _ edit: (String) -> String) throws {
    var lines = Fixture.journalLines(root).map { String(decoding: $0, as: UTF8.self) }
    lines[index] = edit(lines[index])
    try Data((lines.joined(separator: "\n") + "\n").utf8)
      .write(to: URL(fileURLWithPath: root + "/journal.jsonl"))
  }

  /// The line with its seal taken off and made again over what it now says, as someone who
  /// knows the format would forge it.
  static func reseal(_ line: String) -> String {
    let unsealed = String(line.dropLast(75)) + "}"
    return String(unsealed.dropLast()) + ",\"hash\":\"\(SHA256.hex(unsealed.utf8))\"}"
  }

  @Test("each line ends with the SHA-256 of itself without that member")
  func lineCarriesSeal() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    _ = try Self.seeded(root)

    for line in Fixture.journalLines(root) {
      let text = String(decoding: line, as: UTF8.self)
      let hash = try #require(try JSONParser.parse(line)["hash"]?.stringValue)
      #expect(text.hasSuffix(",\"hash\":\"\(hash)\"}"))
      #expect(SHA256.hex((text.dropLast(75) + "}").utf8) == hash)
    }
  }

  @Test(
    "an edit of the last line, its user or its previous content, is found by verify",
    arguments: [("\"user\":\"npm\"", "\"user\":\"someone\""), ("\"Lake\"", "\"Forged\"")])
  func lastLineEditFound(edit: (String, String)) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let store = try Self.seeded(root)
    #expect(try store.verify().isClean)

    try Self.editLine(root, 1) { $0.replacingOccurrences(of: edit.0, with: edit.1) }
    let report = try store.verify()
    #expect(report.brokenSeals == [2])
    #expect(!report.isClean)
  }

  @Test("undo refuses to restore from a last line edited by hand, and writes nothing")
  func undoRefusesEditedLine() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let store = try Self.seeded(root)
    try Self.editLine(root, 1) { $0.replacingOccurrences(of: "\"Lake\"", with: "\"Forged\"") }
    let document = Fixture.bytes(root + "/partners/lake-so.json")

    #expect {
      _ = try store.undo(command: "undo")
    } throws: { error in
      guard case .journalTampered(let sequence, _) = error as? StoreError else { return false }
      return sequence == 2
    }
    #expect(Fixture.bytes(root + "/partners/lake-so.json") == document)
    #expect(Fixture.journalLines(root).count == 2)
  }

  @Test("undo refuses a forged previous content even under a remade seal")
  func undoChecksRestoredContent() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let store = try Self.seeded(root)
    try Self.editLine(root, 1) {
      Self.reseal($0.replacingOccurrences(of: "\"Lake\"", with: "\"Forged\""))
    }
    #expect(try store.verify().brokenSeals.isEmpty)

    #expect {
      _ = try store.undo(command: "undo")
    } throws: { error in
      guard case .journalTampered(let sequence, let reason) = error as? StoreError else {
        return false
      }
      return sequence == 2 && reason.contains("'partners/lake-so.json'")
        && reason.contains("#1 wrote")
    }
    #expect(try store.read(DocumentKey("partners", "lake-so"))?.body["name"] == "Lake SO")
  }

  @Test("a line of an earlier edit is checked against the line after it before undo trusts it")
  func undoChecksChain() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let store = try Self.seeded(root)
    try Fixture.put(store, "partners", "pine-so", ["name": "Pine"], command: "add partner")
    try Self.editLine(root, 1) {
      Self.reseal($0.replacingOccurrences(of: "\"user\":\"npm\"", with: "\"user\":\"x\""))
    }
    #expect(try store.verify().chainBreaks == [3])

    #expect {
      _ = try store.undo(sequence: 2, command: "undo 2")
    } throws: { error in
      guard case .journalTampered(let sequence, _) = error as? StoreError else { return false }
      return sequence == 2
    }
  }

  @Test("lines an older ior wrote, without a seal, are read and noted; undo still works")
  func unsealedLinesAccepted() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let store = try Self.seeded(root)
    // Make both lines as an older ior wrote them: no seal, chained as before.
    let first = String(decoding: Fixture.journalLines(root)[0].dropLast(75), as: UTF8.self) + "}"
    try Self.editLine(root, 0) { _ in first }
    try Self.editLine(root, 1) {
      String($0.dropLast(75)).replacing(
        #/"prev":"[0-9a-f]{64}"/#, with: "\"prev\":\"\(SHA256.hex(first.utf8))\"") + "}"
    }

    let report = try store.verify()
    #expect(report.isClean)
    #expect(report.unsealedLines == 2)
    let (reverted, entry) = try store.undo(command: "undo")
    #expect(reverted.sequence == 2)
    #expect(entry.lineHash != nil)
    #expect(try store.read(DocumentKey("partners", "lake-so"))?.body["name"] == "Lake")
    #expect(try store.verify().isClean)
  }

  @Test("a last line whose seal was taken off after sealed lines is named")
  func removedSealFound() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let store = try Self.seeded(root)
    try Self.editLine(root, 1) {
      String($0.dropLast(75)).replacingOccurrences(of: "\"user\":\"npm\"", with: "\"user\":\"x\"")
        + "}"
    }

    #expect(try store.verify().missingSeals == [2])
    #expect {
      _ = try store.undo(sequence: 2, command: "undo 2")
    } throws: { error in
      guard case .journalTampered(let sequence, _) = error as? StoreError else { return false }
      return sequence == 2
    }
  }

  @Test("undo of a transaction already undone, or of an undo, says which and points to log")
  func undoneAndUndoMessages() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = try Self.seeded(folder.at("store"))
    _ = try store.undo(sequence: 2, command: "undo 2")

    #expect(throws: StoreError.alreadyUndone(2, by: 3)) {
      _ = try store.undo(sequence: 2, command: "undo 2")
    }
    #expect(throws: StoreError.undoOfUndo(3, undoes: 2)) {
      _ = try store.undo(sequence: 3, command: "undo 3")
    }
    #expect(throws: StoreError.noSuchTransaction(9)) {
      _ = try store.undo(sequence: 9, command: "undo 9")
    }
    #expect(StoreError.alreadyUndone(2, by: 3).description.hasPrefix("#2 was already undone by #3"))
    #expect(StoreError.undoOfUndo(3, undoes: 2).description.hasPrefix("#3 is itself an undo"))
    for error in [
      StoreError.alreadyUndone(2, by: 3), .undoOfUndo(3, undoes: 2), .noSuchTransaction(9),
    ] {
      #expect(error.description.contains("(see 'log')"))
      #expect(!error.description.contains("history"))
    }
  }
}
