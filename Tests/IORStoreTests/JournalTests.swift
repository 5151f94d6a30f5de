import Foundation
import Testing

@testable import IORStore

@Suite("Journal and undo")
struct JournalTests {
  @Test("every commit appends one line saying who, when, what and what was there before")
  func commitAppendsLine() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let store = try Store(root: root, user: "a.rivera")
    try Fixture.put(store, "partners", "lake-so", ["name": "Lake"], command: "add partner lake-so")
    try Fixture.put(store, "partners", "lake-so", ["name": "Lake SO"], command: "set partner")

    let lines = Fixture.journalLines(root)
    #expect(lines.count == 2)
    let line = try JSONParser.parse(try #require(lines.last))
    #expect(
      Set(line.objectValue?.keys ?? [:].keys)
        == ["seq", "time", "user", "command", "undoes", "prev", "changes", "hash"])
    #expect(line["seq"] == 2)
    #expect(line["user"] == "a.rivera")
    #expect(line["command"] == "set partner")
    #expect(line["undoes"] == nil ? false : line["undoes"]?.isNull == true)
    #expect(line["prev"] == .string(SHA256.hex(try #require(lines.first))))
    let time = try #require(line["time"]?.stringValue)
    #expect(time.count == 20 && time.hasSuffix("Z") && time.dropFirst(10).first == "T")

    let change = try #require(line["changes"]?.arrayValue?.first)
    #expect(
      Set(change.objectValue?.keys ?? [:].keys)
        == ["collection", "id", "before", "after", "previous", "sha256"])
    #expect(change["collection"] == "partners")
    #expect(change["id"] == "lake-so")
    #expect(change["before"] == 1)
    #expect(change["after"] == 2)
    #expect(change["previous"]?["name"] == "Lake")
    #expect(change["previous"]?["revision"] == 1)
    let file = try #require(Fixture.bytes(root + "/partners/lake-so.json"))
    #expect(change["sha256"] == .string(SHA256.hex(file)))

    // The first line has no previous content and no previous line.
    let first = try JSONParser.parse(try #require(lines.first))
    #expect(first["prev"] == "")
    #expect(first["changes"]?.arrayValue?.first?["before"]?.isNull == true)
    #expect(first["changes"]?.arrayValue?.first?["previous"]?.isNull == true)

    let entries = try store.journal()
    #expect(entries.map(\.sequence) == [2, 1])
    #expect(entries.map(\.command) == ["set partner", "add partner lake-so"])
    #expect(try store.journal(limit: 1).map(\.sequence) == [2])
  }

  @Test("undo of an edit brings back the previous content as a new journaled transaction")
  func undoEdit() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let store = try Store(root: root, user: "npm")
    let key = DocumentKey("partners", "lake-so")
    try Fixture.put(store, "partners", "lake-so", ["name": "Lake", "wsos": 3])
    try Fixture.put(store, "partners", "lake-so", ["name": "Changed"])

    let (reverted, entry) = try store.undo(command: "undo")

    #expect(reverted.sequence == 2)
    #expect(entry.sequence == 3)
    #expect(entry.undoes == 2)
    #expect(entry.command == "undo")
    let document = try #require(try store.read(key))
    #expect(document.body["name"] == "Lake")
    #expect(document.body["wsos"] == 3)
    #expect(document.revision == 3)
    let lines = Fixture.journalLines(root)
    #expect(lines.count == 3)
    #expect(try JSONParser.parse(try #require(lines.last))["undoes"] == 2)

    // The undone transaction is not undone twice; the next undo goes further back.
    let (second, _) = try store.undo(command: "undo")
    #expect(second.sequence == 1)
    #expect(try store.read(key) == nil)
  }

  @Test("undo of a creation deletes the document")
  func undoCreation() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let store = try Store(root: root, user: "npm")
    try Fixture.put(store, "reviews", "lake-so-2025", ["type": "program"])

    let (reverted, entry) = try store.undo(command: "undo")
    #expect(reverted.sequence == 1)
    #expect(entry.changes.first?.after == nil)
    #expect(try store.read(DocumentKey("reviews", "lake-so-2025")) == nil)
    #expect(!FileManager.default.fileExists(atPath: root + "/reviews/lake-so-2025.json"))
    #expect(throws: StoreError.nothingToUndo(user: "npm")) {
      _ = try store.undo(command: "undo")
    }
  }

  @Test("undo is refused when another user changed the document since")
  func undoBlockedByLaterChange() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let mine = try Store(root: root, user: "npm")
    try Fixture.put(mine, "partners", "lake-so", ["name": "Mine"])
    let theirs = try Store(root: root, user: "other")
    try Fixture.put(theirs, "partners", "lake-so", ["name": "Theirs"])
    let before = Fixture.bytes(root + "/journal.jsonl")

    #expect(
      throws: StoreError.undoBlocked(sequence: 1, path: "partners/lake-so.json", laterSequence: 2)
    ) {
      _ = try mine.undo(command: "undo")
    }
    #expect(try mine.read(DocumentKey("partners", "lake-so"))?.body["name"] == "Theirs")
    #expect(Fixture.bytes(root + "/journal.jsonl") == before)
  }

  @Test(
    "undo is refused when the document was edited outside ior since",
    arguments: [false, true])
  func undoRefusedAfterOutsideEdit(bumpsRevision: Bool) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let store = try Store(root: root, user: "npm")
    let key = DocumentKey("partners", "lake-so")
    try Fixture.put(store, "partners", "lake-so", ["name": "Lake"])
    try Fixture.put(store, "partners", "lake-so", ["name": "Lake SO"])

    // A hand edit, as with a text editor; a careless one keeps the revision as it was.
    var body = try #require(try store.read(key)).body
    body["name"] = "Edited by hand"
    if bumpsRevision { body["revision"] = 3 }
    let path = root + "/partners/lake-so.json"
    #expect(
      FileManager.default.createFile(atPath: path, contents: Data(JSONWriter.pretty(body).utf8)))
    let edited = Fixture.bytes(path)

    #expect(throws: StoreError.changedOutsideJournal(path: "partners/lake-so.json")) {
      _ = try store.undo(command: "undo")
    }
    #expect(Fixture.bytes(path) == edited)
    #expect(Fixture.journalLines(root).count == 2)
  }

  @Test("undo by number reverts that transaction, and refuses one that does not exist")
  func undoBySequence() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = try Store(root: folder.at("store"), user: "npm")
    try Fixture.put(store, "partners", "a", ["n": 1])
    try Fixture.put(store, "partners", "b", ["n": 1])

    let (reverted, _) = try store.undo(sequence: 1, command: "undo 1")
    #expect(reverted.sequence == 1)
    #expect(try store.read(DocumentKey("partners", "a")) == nil)
    #expect(try store.read(DocumentKey("partners", "b"))?.revision == 1)
    #expect(throws: StoreError.noSuchTransaction(9)) {
      _ = try store.undo(sequence: 9, command: "undo 9")
    }
    #expect(throws: StoreError.alreadyUndone(1, by: 3)) {
      _ = try store.undo(sequence: 1, command: "undo 1 again")
    }
  }

  @Test("a torn last journal line is set aside at the next commit, and appends go on cleanly")
  func tornLineRecovered() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let store = try Store(root: root, user: "npm")
    for number in 1...3 {
      try Fixture.put(store, "partners", "p\(number)", ["n": .int(number)])
    }
    let complete = Fixture.journalLines(root)
    #expect(complete.count == 3)

    // An append cut off in the middle: half a line, no newline.
    let journal = root + "/journal.jsonl"
    let torn = Array(complete[2].prefix(complete[2].count / 2))
    let handle = try #require(FileHandle(forWritingAtPath: journal))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(torn))
    try handle.close()
    #expect(try store.journal().map(\.sequence) == [3, 2, 1])

    try Fixture.put(store, "partners", "p4", ["n": 4])

    #expect(Fixture.bytes(root + "/journal.torn") == torn + [0x0A])
    let bytes = try #require(Fixture.bytes(journal))
    #expect(bytes.last == 0x0A)
    let lines = Fixture.journalLines(root)
    #expect(Array(lines.prefix(3)) == complete)
    #expect(lines.count == 4)
    let entry = try JournalEntry(line: String(decoding: lines[3], as: UTF8.self), number: 4)
    #expect(entry.sequence == 4)
    #expect(entry.previousHash == SHA256.hex(complete[2]))
    #expect(try store.journal().map(\.sequence) == [4, 3, 2, 1])
  }

  @Test("a last line cut short by hand loses only that line; earlier entries stay and chain")
  func truncatedLastLineRecovered() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let store = try Store(root: root, user: "npm")
    for number in 1...3 {
      try Fixture.put(store, "partners", "p\(number)", ["n": .int(number)])
    }
    let complete = Fixture.journalLines(root)
    let journal = root + "/journal.jsonl"
    let keep = complete[0].count + complete[1].count + 2 + complete[2].count / 2
    let handle = try #require(FileHandle(forWritingAtPath: journal))
    try handle.truncate(atOffset: UInt64(keep))
    try handle.close()

    try Fixture.put(store, "partners", "p4", ["n": 4])

    let lines = Fixture.journalLines(root)
    #expect(lines.count == 3)
    #expect(Array(lines.prefix(2)) == Array(complete.prefix(2)))
    let entry = try JournalEntry(line: String(decoding: lines[2], as: UTF8.self), number: 3)
    #expect(entry.sequence == 3)
    #expect(entry.previousHash == SHA256.hex(complete[1]))
    #expect(
      Fixture.bytes(root + "/journal.torn") == Array(complete[2].prefix(complete[2].count / 2)) + [
        0x0A
      ])
  }
}
