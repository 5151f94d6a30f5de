import Foundation
import Testing

@testable import IORStore

@Suite("Document store")
struct StoreTests {
  // MARK: Writing and reading

  @Test("a written document reads back with its envelope")
  func writeReadRoundTrip() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = try Store(root: folder.at("store"), user: "npm", schemaVersion: 3)
    let body: JSONValue = .object(["name": "Lake County", "wsos": 4, "tags": .array(["a", "b"])])

    try Fixture.put(store, "partners", "lake-so", body.objectValue ?? [:])
    let document = try #require(try store.read(DocumentKey("partners", "lake-so")))

    #expect(document.revision == 1)
    #expect(document.body["id"] == "lake-so")
    #expect(document.body["revision"] == 1)
    #expect(document.body["schemaVersion"] == 3)
    #expect(document.body["name"] == "Lake County")
    #expect(document.body["tags"] == .array(["a", "b"]))
    #expect(try store.ids(in: "partners") == ["lake-so"])
    #expect(try store.read(DocumentKey("partners", "other")) == nil)

    // A second write raises the revision.
    try Fixture.put(store, "partners", "lake-so", ["name": "Lake County SO"])
    let second = try #require(try store.read(DocumentKey("partners", "lake-so")))
    #expect(second.revision == 2)
    #expect(second.body["name"] == "Lake County SO")
    #expect(second.body["wsos"] == nil)
  }

  @Test("a document file is pretty JSON with a trailing newline, private to its owner")
  func fileFormatAndPermissions() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let store = try Store(root: root, user: "npm")
    try Fixture.put(store, "partners", "lake-so", ["name": "Lake County", "b": 1])

    let bytes = try #require(Fixture.bytes(root + "/partners/lake-so.json"))
    let text = String(decoding: bytes, as: UTF8.self)
    let document = try #require(try store.read(DocumentKey("partners", "lake-so")))
    #expect(text == JSONWriter.pretty(document.body))
    #expect(text.hasPrefix("{\n  \"b\": 1,\n  \"id\": \"lake-so\",\n"))
    #expect(text.hasSuffix("}\n"))

    for file in ["partners/lake-so.json", "store.json", "journal.jsonl", ".lock"] {
      #expect(try Fixture.mode(root + "/" + file) == 0o600, "\(file)")
    }
    for folderName in ["", "/partners", "/.tmp"] {
      #expect(try Fixture.mode(root + folderName) == 0o700, "\(root + folderName)")
    }
    let settings = try store.settings()
    #expect(settings["format"] == "ior-store")
    #expect(settings["version"] == .int(Store.formatVersion))
  }

  @Test("a missing folder becomes a store on the first commit, and opens again")
  func missingFolderBecomesStore() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("a/b/store")
    let store = try Store(root: root, user: "npm")
    #expect(!store.exists)
    #expect(!FileManager.default.fileExists(atPath: root))

    try Fixture.put(store, "partners", "lake-so", ["name": "Lake"])
    #expect(store.exists)
    #expect(FileManager.default.fileExists(atPath: root + "/store.json"))
    let reopened = try Store(root: root, user: "npm")
    #expect(try reopened.read(DocumentKey("partners", "lake-so"))?.revision == 1)
  }

  @Test("an empty folder becomes a store on the first commit, and opens again")
  func emptyFolderBecomesStore() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = try Store(root: folder.path, user: "npm")
    #expect(try store.scan("partners").documents.isEmpty)

    try Fixture.put(store, "partners", "lake-so", ["name": "Lake"])
    #expect(FileManager.default.fileExists(atPath: folder.at("store.json")))
    let reopened = try Store(root: folder.path, user: "npm")
    #expect(try reopened.read(DocumentKey("partners", "lake-so"))?.revision == 1)
    #expect(try reopened.settings()["format"] == "ior-store")
  }

  @Test(
    "a folder that holds other things is not a store",
    arguments: ["notes.txt", "partners/lake-so.json", "journal.jsonl"])
  func foreignFolderRefused(file: String) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.at(file)
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    #expect(FileManager.default.createFile(atPath: path, contents: Data("{}".utf8)))
    let before = Fixture.tree(folder.path)

    #expect(throws: StoreError.notAStore(path: folder.path)) {
      _ = try Store(root: folder.path, user: "npm")
    }
    #expect(Fixture.tree(folder.path) == before)
  }

  // MARK: Ids

  static let hostileIDs: [String] = [
    "..", "../x", "a/b", "/etc/passwd", "a\u{0}b", "Upper", "", String(repeating: "a", count: 65),
    ".hidden", "caf\u{E9}", "\u{0430}", "a b", "a.json", "x\n", "~", "-\u{202E}",
  ]

  @Test("a hostile id is refused before any file is touched", arguments: hostileIDs)
  func hostileIDRefused(id: String) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")

    // On a store that does not exist yet, nothing at all may appear.
    let empty = try Store(root: root, user: "npm")
    #expect(throws: StoreError.self) { try empty.read(DocumentKey("partners", id)) }
    #expect(throws: StoreError.self) {
      try empty.commit(
        [DocumentChange(key: DocumentKey("partners", id), body: .object([:]), baseRevision: nil)],
        command: "hostile")
    }
    #expect(Fixture.tree(folder.path).isEmpty)

    // On an existing store, every way in refuses it and leaves every file as it was.
    let store = try Store(root: root, user: "npm")
    try Fixture.put(store, "partners", "lake-so", ["name": "Lake"])
    let before = Fixture.tree(folder.path)
    for key in [DocumentKey("partners", id), DocumentKey(id, "lake-so")] {
      let transaction = Transaction(store: store)
      #expect(throws: StoreError.self) { try transaction.write(key, body: .object([:])) }
      #expect(throws: StoreError.self) { try transaction.delete(key) }
      #expect(throws: StoreError.self) { try store.read(key) }
      #expect(throws: StoreError.self) {
        try store.commit(
          [DocumentChange(key: key, body: .object(["x": 1]), baseRevision: nil)],
          command: "hostile")
      }
    }
    #expect(throws: StoreError.self) { try store.scan(id) }
    #expect(throws: StoreError.self) { try store.ids(in: id) }
    #expect(Fixture.tree(folder.path) == before)
    #expect(Fixture.journalLines(root).count == 1)
  }

  @Test("the refusal of an id says why and what would be right")
  func invalidIDMessage() {
    #expect(throws: StoreError.invalidID("Upper", reason: "it has upper-case letters")) {
      try DocumentID.validate("Upper")
    }
    let message = StoreError.invalidID("a\u{0}b", reason: "x").description
    #expect(message.contains("'a\\u{0}b'"))
    #expect(message.contains("use 1 to 64 lowercase letters, digits and '-'"))
    #expect(DocumentID.problem(with: String(repeating: "z", count: 64)) == nil)
    #expect(DocumentID.problem(with: "lake-so-2025") == nil)
  }

  // MARK: Symbolic links

  @Test("a symbolic link to a file outside the store is reported, never followed")
  func symbolicLinkToFileNotFollowed() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let store = try Store(root: root, user: "npm")
    try Fixture.put(store, "partners", "lake-so", ["name": "Lake"])

    // The target is a valid document, so following the link would succeed.
    let outside = folder.at("outside.json")
    let target = Data(
      JSONWriter.pretty(.object(["id": "evil", "revision": 1, "schemaVersion": 1])).utf8)
    #expect(FileManager.default.createFile(atPath: outside, contents: target))
    try FileManager.default.createSymbolicLink(
      atPath: root + "/partners/evil.json", withDestinationPath: outside)

    #expect {
      try store.read(DocumentKey("partners", "evil"))
    } throws: { error in
      guard case .damagedDocument(let damage) = error as? StoreError else { return false }
      return damage.path == "partners/evil.json" && damage.reason.contains("symbolic link")
    }
    let scan = try store.scan("partners")
    #expect(scan.documents.map(\.key.id) == ["lake-so"])
    #expect(scan.damaged.map(\.path) == ["partners/evil.json"])
    #expect(scan.damaged.first?.reason.contains("symbolic link") == true)

    // Writing through the link is refused as well, and the target keeps its bytes.
    #expect(throws: StoreError.self) {
      try store.commit(
        [
          DocumentChange(
            key: DocumentKey("partners", "evil"), body: .object(["x": 1]), baseRevision: 1)
        ],
        command: "write through a link")
    }
    #expect(Fixture.bytes(outside) == Array(target))
  }

  @Test("a collection that is a symbolic link to a folder outside the store is not entered")
  func symbolicLinkToFolderNotFollowed() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let store = try Store(root: root, user: "npm")
    try Fixture.put(store, "partners", "lake-so", ["name": "Lake"])
    let outside = folder.at("elsewhere")
    try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: false)
    try FileManager.default.createSymbolicLink(
      atPath: root + "/reviews", withDestinationPath: outside)

    #expect(throws: StoreError.self) { try store.read(DocumentKey("reviews", "r1")) }
    #expect(throws: StoreError.self) { try store.scan("reviews") }
    #expect(throws: StoreError.self) { try Fixture.put(store, "reviews", "r1", ["x": 1]) }
    #expect(throws: StoreError.self) {
      try store.commit(
        [
          DocumentChange(
            key: DocumentKey("reviews", "r1"), body: .object(["x": 1]), baseRevision: nil)
        ],
        command: "write through a link")
    }
    #expect(Fixture.tree(outside).isEmpty)
  }

  // MARK: Revisions and conflicts

  @Test("a transaction that read a revision another one has since replaced conflicts")
  func staleRevisionConflicts() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let store = try Store(root: root, user: "npm")
    let key = DocumentKey("partners", "lake-so")
    try Fixture.put(store, "partners", "lake-so", ["count": 1])

    let first = Transaction(store: store)
    let second = Transaction(store: try Store(root: root, user: "other"))
    #expect(try first.read(key)?.revision == 1)
    #expect(try second.read(key)?.revision == 1)
    try first.write(key, body: .object(["count": 2]))
    try second.write(key, body: .object(["count": 20]))
    #expect(try second.read(key)?.body["count"] == 20)
    try first.commit(command: "first")
    let bytesAfterFirst = Fixture.bytes(root + "/partners/lake-so.json")
    let journalAfterFirst = Fixture.bytes(root + "/journal.jsonl")

    #expect(throws: StoreError.conflict(path: "partners/lake-so.json", expected: 1, found: 2)) {
      try second.commit(command: "second")
    }
    #expect(Fixture.bytes(root + "/partners/lake-so.json") == bytesAfterFirst)
    #expect(Fixture.bytes(root + "/journal.jsonl") == journalAfterFirst)
    #expect(Fixture.tree(root + "/.tmp").isEmpty)
    #expect(try store.read(key)?.body["count"] == 2)
  }

  @Test("a conflict on one document writes none of the transaction's documents")
  func conflictIsAllOrNothing() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = try Store(root: folder.at("store"), user: "npm")
    try Fixture.put(store, "partners", "b", ["count": 1])

    let transaction = Transaction(store: store)
    try transaction.write(DocumentKey("partners", "a"), body: .object(["count": 1]))
    _ = try transaction.read(DocumentKey("partners", "b"))
    try transaction.write(DocumentKey("partners", "b"), body: .object(["count": 2]))
    try Fixture.put(store, "partners", "b", ["count": 9])

    #expect(throws: StoreError.self) { try transaction.commit(command: "both") }
    #expect(try store.read(DocumentKey("partners", "a")) == nil)
    #expect(try store.read(DocumentKey("partners", "b"))?.body["count"] == 9)
  }

  @Test("creating a document that another session created meanwhile conflicts")
  func createExistingConflicts() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = try Store(root: folder.at("store"), user: "npm")
    let key = DocumentKey("partners", "new-so")
    let late = Transaction(store: store)
    #expect(try late.read(key) == nil)
    try late.write(key, body: .object(["by": "late"]))

    try Fixture.put(store, "partners", "new-so", ["by": "early"])
    #expect(throws: StoreError.conflict(path: "partners/new-so.json", expected: nil, found: 1)) {
      try late.commit(command: "create")
    }
    #expect(try store.read(key)?.body["by"] == "early")
  }

  @Test("a deleted document is gone, and journaled")
  func deleteDocument() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let store = try Store(root: root, user: "npm")
    let key = DocumentKey("partners", "lake-so")
    try Fixture.put(store, "partners", "lake-so", ["name": "Lake"])

    let transaction = Transaction(store: store)
    try transaction.delete(key)
    #expect(try transaction.read(key) == nil)
    let entry = try #require(try transaction.commit(command: "delete partner lake-so"))

    #expect(try store.read(key) == nil)
    #expect(!FileManager.default.fileExists(atPath: root + "/partners/lake-so.json"))
    #expect(try store.ids(in: "partners").isEmpty)
    #expect(entry.changes.first?.before == 1)
    #expect(entry.changes.first?.after == nil)
    #expect(entry.changes.first?.previous?["name"] == "Lake")
  }

  @Test("a transaction reads its own writes, and creating then deleting commits nothing")
  func transactionSeesOwnWrites() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = try Store(root: folder.at("store"), user: "npm")
    let key = DocumentKey("partners", "temp")
    let transaction = Transaction(store: store)
    try transaction.write(key, body: .object(["x": 1]))
    #expect(try transaction.read(key)?.body["x"] == 1)
    #expect(try transaction.scan("partners").documents.map(\.key.id) == ["temp"])
    try transaction.delete(key)
    #expect(transaction.changes.isEmpty)
    #expect(try transaction.commit(command: "nothing") == nil)
    #expect(!store.exists)
  }
}
