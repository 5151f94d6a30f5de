import Foundation
import Testing

@testable import IORStore

/// The envelope's limits: a revision that cannot count on, and a document a newer ior wrote.
@Suite("Envelope limits")
struct EnvelopeTests {
  /// Writes `text` as `partners/ID.json` in a store that already has a committed document.
  static func plant(_ root: String, _ id: String, _ text: String) throws -> Store {
    let store = try Store(root: root, user: "npm")
    try Fixture.put(store, "partners", "other", ["name": "Other"])
    #expect(
      FileManager.default.createFile(
        atPath: root + "/partners/\(id).json", contents: Data(text.utf8)))
    return store
  }

  @Test("a document at the largest revision is refused a change, without a trap")
  func largestRevision() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let store = try Self.plant(
      root, "worn", "{\"id\": \"worn\", \"revision\": 9007199254740992, \"schemaVersion\": 1}")
    let before = Fixture.bytes(root + "/partners/worn.json")

    let transaction = Transaction(store: store)
    let key = DocumentKey("partners", "worn")
    #expect(try transaction.read(key)?.revision == Document.maximumRevision)
    try transaction.write(key, body: .object(["name": "Worn"]))
    #expect {
      try transaction.commit(command: "rename")
    } throws: { error in
      guard case .damagedDocument(let report) = error as? StoreError else { return false }
      return report.path == "partners/worn.json" && report.reason.contains("largest ior allows")
    }
    #expect(Fixture.bytes(root + "/partners/worn.json") == before)
    #expect(Fixture.journalLines(root).count == 1)
  }

  @Test("a document laid out by a newer ior is never rewritten or deleted, and says why")
  func newerSchema() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let text = "{\"id\": \"future\", \"revision\": 4, \"schemaVersion\": 99, \"novel\": [1]}"
    let store = try Self.plant(root, "future", text)
    let key = DocumentKey("partners", "future")

    // It reads, with every member.
    #expect(try store.read(key)?.body["novel"] == .array([1]))
    for deleting in [false, true] {
      let transaction = Transaction(store: store)
      if deleting {
        try transaction.delete(key)
      } else {
        try transaction.write(key, body: .object(["name": "Future"]))
      }
      #expect(throws: StoreError.newerSchema(path: "partners/future.json", version: 99, known: 1)) {
        try transaction.commit(command: "change")
      }
    }
    #expect(Fixture.bytes(root + "/partners/future.json") == Array(text.utf8))
    #expect(Fixture.journalLines(root).count == 1)
    #expect(
      StoreError.newerSchema(path: "partners/future.json", version: 99, known: 1).description
        .contains("'partners/future.json' was written by a newer ior"))
  }

  @Test("an import of a document from a newer ior is refused")
  func newerSchemaImport() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = try Store(root: folder.at("store"), user: "npm")
    let bundle: JSONValue = .object([
      "format": "ior-export", "version": 1,
      "collections": .object([
        "partners": .array([.object(["id": "future", "revision": 1, "schemaVersion": 99])])
      ]),
    ])
    #expect(throws: StoreError.newerSchema(path: "partners/future.json", version: 99, known: 1)) {
      _ = try store.importBundle(bundle, command: "import")
    }
    #expect(try store.read(DocumentKey("partners", "future")) == nil)
  }
}
