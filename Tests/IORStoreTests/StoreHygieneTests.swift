import Foundation
import Testing

@testable import IORStore

/// What the store puts right or points out in a store it did not make itself: loose modes,
/// a collection folder that is a symbolic link.
@Suite("Store hygiene")
struct StoreHygieneTests {
  @Test("the first commit makes a store checked out with loose modes private")
  func loosePermissionsTightened() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    _ = try Fixture.put(try Store(root: root, user: "npm"), "partners", "lake-so", ["n": 1])
    // As git checks a store out: folders 0755, files 0644.
    let manager = FileManager.default
    for path in [root, root + "/partners"] {
      try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }
    for path in [root + "/store.json", root + "/journal.jsonl", root + "/partners/lake-so.json"] {
      try manager.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
    }
    try manager.createDirectory(atPath: root + "/reviews", withIntermediateDirectories: false)
    try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root + "/reviews")

    let store = try Store(root: root, user: "npm")
    #expect(try Fixture.mode(root + "/journal.jsonl") == 0o644, "opening changes nothing")
    try Fixture.put(store, "partners", "pine-so", ["n": 2])

    for path in [root, root + "/partners", root + "/reviews"] {
      #expect(try Fixture.mode(path) == 0o700, "\(path)")
    }
    for path in [root + "/store.json", root + "/journal.jsonl", root + "/partners/pine-so.json"] {
      #expect(try Fixture.mode(path) == 0o600, "\(path)")
    }
  }

  @Test("a tighter mode someone chose is left as it is")
  func tighterModeKept() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    _ = try Fixture.put(try Store(root: root, user: "npm"), "partners", "lake-so", ["n": 1])
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o400], ofItemAtPath: root + "/store.json")

    try Fixture.put(try Store(root: root, user: "npm"), "partners", "pine-so", ["n": 2])
    #expect(try Fixture.mode(root + "/store.json") == 0o400)
  }

  @Test("verify names a collection folder that is a symbolic link")
  func linkedCollectionReported() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let store = try Store(root: root, user: "npm")
    try Fixture.put(store, "partners", "lake-so", ["n": 1])
    let elsewhere = folder.at("elsewhere")
    try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: false)
    try FileManager.default.createSymbolicLink(
      atPath: root + "/reviews", withDestinationPath: elsewhere)

    let report = try store.verify()
    #expect(report.linkedFolders == ["reviews"])
    #expect(!report.isClean)
    #expect(report.problemCount == 1)
  }
}
