import Foundation
import Testing

@testable import IORStore

/// What the store finishes, drops or refuses when it opens after a crash, and what it refuses
/// to write in the first place.
@Suite("Recovery and limits")
struct RecoveryTests {
  @Test("staged files of the last journaled commit are carried into place on open")
  func finishesJournaledCommit() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let store = try Store(root: root, user: "test")
    try Fixture.put(store, "things", "a", ["count": 1])
    let entry = try #require(try Fixture.put(store, "things", "a", ["count": 2]))

    // Put the store back to the instant after the journal line of commit 2 and before its
    // rename: the document at revision 1, the new content staged under the commit's name.
    let committed = try #require(Fixture.bytes(root + "/things/a.json"))
    try FileManager.default.createDirectory(
      atPath: root + "/.tmp", withIntermediateDirectories: true)
    try Data(committed).write(to: URL(fileURLWithPath: root + "/.tmp/\(entry.sequence)-0.json"))
    let first = try #require(entry.changes.first?.previous)
    var old = first
    old["revision"] = 1
    try Data(JSONWriter.pretty(old).utf8).write(to: URL(fileURLWithPath: root + "/things/a.json"))

    let reopened = try Store(root: root, user: "test")
    #expect(try reopened.read(DocumentKey("things", "a"))?.body["count"]?.intValue == 2)
    #expect(Fixture.tree(root + "/.tmp").isEmpty)
  }

  @Test("staged files of a commit that never reached the journal are dropped on open")
  func dropsUncommittedStaging() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let store = try Store(root: root, user: "test")
    try Fixture.put(store, "things", "a", ["count": 1])
    let before = Fixture.bytes(root + "/things/a.json")
    try FileManager.default.createDirectory(
      atPath: root + "/.tmp", withIntermediateDirectories: true)
    try Data("{\"count\": 99}\n".utf8).write(to: URL(fileURLWithPath: root + "/.tmp/2-0.json"))
    try Data().write(to: URL(fileURLWithPath: root + "/.tmp/2-1.delete"))

    let reopened = try Store(root: root, user: "test")
    #expect(Fixture.bytes(root + "/things/a.json") == before)
    #expect(try reopened.read(DocumentKey("things", "a"))?.body["count"]?.intValue == 1)
    #expect(Fixture.tree(root + "/.tmp").isEmpty)
  }

  @Test("a planted commit plan that names paths outside the store is refused, not carried out")
  func plantedPlanRefused() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let victim = folder.at("victim")
    try FileManager.default.createDirectory(atPath: victim, withIntermediateDirectories: true)
    try Data("keep me".utf8).write(to: URL(fileURLWithPath: victim + "/important.txt"))
    let store = try Store(root: root, user: "test")
    try Fixture.put(store, "things", "a", ["count": 1])
    try Data("evil".utf8).write(to: URL(fileURLWithPath: root + "/evil.txt"))
    let plan = """
      {"seq": 99, "moves": [{"from": "evil.txt", "to": "../victim/planted.txt"}],
       "deletions": ["../victim/important.txt"]}
      """
    try Data(plan.utf8).write(to: URL(fileURLWithPath: root + "/.pending.json"))

    #expect(throws: StoreError.self) { try Store(root: root, user: "test") }
    #expect(Fixture.bytes(victim + "/important.txt") == Array("keep me".utf8))
    #expect(!FileManager.default.fileExists(atPath: victim + "/planted.txt"))
    #expect(FileManager.default.fileExists(atPath: root + "/evil.txt"))
  }

  @Test("a document larger than the store reads back is refused before anything is written")
  func oversizedDocumentRefused() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let store = try Store(root: root, user: "test")
    try Fixture.put(store, "things", "a", ["count": 1])
    let before = Fixture.bytes(root + "/journal.jsonl")
    let huge = String(repeating: "A", count: FileSystem.maximumDocumentSize + 1)
    #expect {
      try Fixture.put(store, "things", "a", ["text": .string(huge)])
    } throws: { error in
      guard case .documentTooLarge(let path, _) = error as? StoreError else { return false }
      return path == "things/a.json"
    }
    #expect(Fixture.bytes(root + "/journal.jsonl") == before)
    #expect(try store.read(DocumentKey("things", "a"))?.body["count"]?.intValue == 1)
    #expect(Fixture.tree(root + "/.tmp").isEmpty)
  }
}
