import Foundation
import Testing

@testable import IORStore

@Suite("Damaged documents")
struct DamagedStoreTests {
  /// A bad file to plant in a collection, and what the store must say about it.
  struct BadFile: Sendable, CustomTestStringConvertible {
    var id: String
    var bytes: [UInt8]
    var reason: String
    var line: Int?
    var column: Int?
    var testDescription: String { id }

    init(_ id: String, _ text: String, _ reason: String, _ line: Int?, _ column: Int?) {
      self.init(id, Array(text.utf8), reason, line, column)
    }

    init(_ id: String, _ bytes: [UInt8], _ reason: String, _ line: Int?, _ column: Int?) {
      self.id = id
      self.bytes = bytes
      self.reason = reason
      self.line = line
      self.column = column
    }
  }

  /// The size of the oversized file, written sparse so the test stays fast.
  static let fiftyMegabytes = 50 << 20

  static let badFiles: [BadFile] = [
    BadFile(
      "truncated", "{\n  \"id\": \"truncated\",\n  \"revision\": 1,\n  \"name\": \"La",
      "unterminated string", 4, 11),
    BadFile(
      "invalid-utf8",
      Array("{\n  \"id\": \"invalid-utf8\",\n  \"name\": \"".utf8) + [0xFF, 0x22, 0x7D],
      "invalid UTF-8", 3, 12),
    BadFile(
      "byte-order-mark", [0xEF, 0xBB, 0xBF] + Array("{\"id\": \"byte-order-mark\"}".utf8),
      "byte-order mark", 1, 1),
    BadFile(
      "deep", String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
      "nesting deeper than 256 levels", 1, 257),
    BadFile("huge", [], "larger than the 8 MiB a document may be", nil, nil),
    BadFile("top-level-array", "[1, 2, 3]\n", "the top level is not an object", 1, 1),
    BadFile(
      "duplicate-keys",
      "{\n  \"id\": \"duplicate-keys\",\n  \"revision\": 1,\n  \"revision\": 2,\n"
        + "  \"schemaVersion\": 1\n}\n",
      "duplicate member name \"revision\"", 4, 3),
    BadFile("empty", "", "empty file", 1, 1),
    BadFile(
      "wrong-id", "{\"id\": \"someone-else\", \"revision\": 1, \"schemaVersion\": 1}",
      "does not match the file name 'wrong-id.json'", 1, 1),
    BadFile(
      "no-revision", "{\"id\": \"no-revision\", \"schemaVersion\": 1}", "no \"revision\" number", 1,
      1),
    BadFile(
      "zero-revision", "{\"id\": \"zero-revision\", \"revision\": 0, \"schemaVersion\": 1}",
      "no \"revision\" number", 1, 1),
    BadFile(
      "largest-int-revision",
      "{\"id\": \"largest-int-revision\", \"revision\": 9223372036854775807,"
        + " \"schemaVersion\": 1}",
      "no \"revision\" number (a whole number from 1 to 9007199254740992); it has"
        + " 9223372036854775807", 1, 1),
    BadFile(
      "revision-past-limit",
      "{\"id\": \"revision-past-limit\", \"revision\": 9007199254740993, \"schemaVersion\": 1}",
      "it has 9007199254740993", 1, 1),
    BadFile(
      "negative-revision",
      "{\"id\": \"negative-revision\", \"revision\": -4, \"schemaVersion\": 1}",
      "it has -4", 1, 1),
    BadFile(
      "fraction-revision",
      "{\"id\": \"fraction-revision\", \"revision\": 2.5, \"schemaVersion\": 1}",
      "it has 2.5", 1, 1),
    BadFile(
      "no-schema", "{\"id\": \"no-schema\", \"revision\": 1}", "no \"schemaVersion\" number", 1, 1),
  ]

  static let goodIDs = ["good-a", "good-b", "good-c"]

  /// Makes a store with the good documents committed and every bad file planted beside them.
  static func seed(_ root: String) throws -> Store {
    let store = try Store(root: root, user: "npm")
    for (index, id) in goodIDs.enumerated() {
      try Fixture.put(store, "partners", id, ["number": .int(index)])
    }
    for bad in badFiles {
      let path = root + "/partners/" + bad.id + ".json"
      #expect(FileManager.default.createFile(atPath: path, contents: Data(bad.bytes)))
      if bad.id == "huge" {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(fiftyMegabytes))
        try handle.close()
      }
    }
    return store
  }

  @Test("a scan reports every damaged file with its place and reason, and reads the rest")
  func scanReportsDamage() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = try Self.seed(folder.at("store"))

    let scan = try store.scan("partners")

    #expect(scan.documents.map(\.key.id) == Self.goodIDs)
    #expect(scan.documents.map { $0.body["number"] } == [0, 1, 2])
    #expect(scan.damaged.map(\.path) == Self.badFiles.map { "partners/\($0.id).json" }.sorted())
    for bad in Self.badFiles {
      let report = try #require(scan.damaged.first { $0.path == "partners/\(bad.id).json" })
      #expect(report.reason.contains(bad.reason), "\(bad.id): \(report.reason)")
      #expect(report.line == bad.line, "\(bad.id)")
      #expect(report.column == bad.column, "\(bad.id)")
    }
  }

  @Test("reading a damaged document throws its report", arguments: badFiles)
  func readReportsDamage(bad: BadFile) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = try Self.seed(folder.at("store"))

    #expect {
      try store.read(DocumentKey("partners", bad.id))
    } throws: { error in
      guard case .damagedDocument(let report) = error as? StoreError else { return false }
      return report.path == "partners/\(bad.id).json" && report.reason.contains(bad.reason)
        && report.line == bad.line && report.column == bad.column
    }
  }

  @Test("the report reads like a compiler's, with the path, line and column")
  func reportText() {
    let report = DamagedDocument(path: "partners/x.json", line: 3, column: 7, reason: "bad")
    #expect(report.description == "partners/x.json:3:7: bad")
    #expect(
      DamagedDocument(path: "partners/x.json", reason: "bad").description == "partners/x.json: bad")
    #expect(
      StoreError.damagedDocument(report).description.hasPrefix(
        "damaged document partners/x.json:3:7: bad"))
  }

  @Test("work on good documents goes on beside damaged ones, and damaged files are left alone")
  func commitBesideDamage() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let store = try Self.seed(root)
    let badBytes = Self.badFiles.filter { $0.id != "huge" }.map {
      Fixture.bytes(root + "/partners/\($0.id).json")
    }

    let transaction = Transaction(store: store)
    let key = DocumentKey("partners", "good-b")
    let current = try #require(try transaction.read(key))
    var body = current.body
    body["number"] = 42
    try transaction.write(key, body: body)
    try transaction.write(DocumentKey("partners", "good-d"), body: .object(["number": 3]))
    try transaction.commit(command: "edit beside damage")

    #expect(try store.read(key)?.body["number"] == 42)
    #expect(try store.read(key)?.revision == 2)
    let scan = try store.scan("partners")
    #expect(scan.documents.map(\.key.id) == Self.goodIDs + ["good-d"])
    #expect(scan.damaged.count == Self.badFiles.count)
    let after = Self.badFiles.filter { $0.id != "huge" }.map {
      Fixture.bytes(root + "/partners/\($0.id).json")
    }
    #expect(after == badBytes)
    #expect(
      try FileManager.default.attributesOfItem(atPath: root + "/partners/huge.json")[.size] as? Int
        == Self.fiftyMegabytes)
  }

  @Test("files that are not documents by their name are reported, not read")
  func oddNamesReported() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let store = try Store(root: root, user: "npm")
    try Fixture.put(store, "partners", "lake-so", ["name": "Lake"])
    for name in ["notes.txt", "Upper.json", "a b.json"] {
      #expect(
        FileManager.default.createFile(
          atPath: root + "/partners/" + name, contents: Data("{}".utf8)))
    }

    let scan = try store.scan("partners")
    #expect(scan.documents.map(\.key.id) == ["lake-so"])
    #expect(
      scan.damaged.map(\.path) == [
        "partners/Upper.json", "partners/a b.json", "partners/notes.txt",
      ])
    #expect(scan.damaged.first { $0.path.hasSuffix(".txt") }?.reason == "is not a .json document")
    #expect(try store.ids(in: "partners") == ["lake-so"])
  }
}
