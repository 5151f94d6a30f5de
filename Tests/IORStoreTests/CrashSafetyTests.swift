import ChildProcess
import Foundation
import Testing

@testable import IORStore

#if canImport(Glibc)
  import Glibc
#endif

@Suite("Crash safety")
struct CrashSafetyTests {
  /// How many times the committing process is killed.
  static let kills = 200

  @Test("a commit killed at any moment leaves the store whole: all of it or none of it")
  func killedCommitsAreAllOrNothing() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let output = folder.at("printed.txt")
    let binary = try Fixture.stressBinary()
    var lastPrinted = 0
    var probes = 0
    var committedStagedFound = 0
    var uncommittedStagedFound = 0
    var checked = (bytes: Data(), lines: 0, lastHash: "")
    var generator = SystemRandomNumberGenerator()

    for round in 1...Self.kills {
      // Let the helper commit for a random while, then kill it without warning.
      let child = try ChildProcess(binary, ["crash", root], stdout: .file(output))
      usleep(UInt32.random(in: 3_000...100_000, using: &generator))
      child.kill(SIGKILL)
      try #require(child.wait() == .signaled(SIGKILL), "the helper stopped by itself")

      // What the helper printed had been committed before it printed it.
      let printed = String(decoding: Fixture.bytes(output) ?? [], as: UTF8.self)
        .split(separator: "\n").compactMap { Int($0) }
      for count in printed {
        #expect(count == lastPrinted + 1, "round \(round): printed \(count) after \(lastPrinted)")
        lastPrinted = count
      }

      // Opening the store finishes any commit the kill interrupted.
      // Staged files of the last journaled commit are work the open must finish; any others
      // belong to a commit killed before its journal line, which the open must drop.
      let staged = Fixture.tree(root + "/.tmp")
      let lastSequence = Self.lastSequence(root + "/journal.jsonl")
      if staged.contains(where: { $0.hasPrefix("\(lastSequence)-") }) {
        committedStagedFound += 1
      } else if !staged.isEmpty {
        uncommittedStagedFound += 1
      }
      let store = try Store(root: root, user: "test")
      #expect(Fixture.tree(root + "/.tmp").isEmpty, "round \(round): staged files left")
      guard store.exists else {
        try #require(lastPrinted == 0, "round \(round): a store that printed commits is gone")
        continue
      }
      let scan = try store.scan("things")
      #expect(scan.damaged.isEmpty, "round \(round): \(scan.damaged)")
      let a = try store.read(DocumentKey("things", "a"))
      let b = try store.read(DocumentKey("things", "b"))
      let countA = a?.body["count"]?.intValue ?? 0
      let countB = b?.body["count"]?.intValue ?? 0
      try #require(countA == countB, "round \(round): a is \(countA) but b is \(countB)")
      try #require(countA >= lastPrinted, "round \(round): \(countA) went back from \(lastPrinted)")
      try #require(
        countA <= lastPrinted + 1, "round \(round): \(countA) ran ahead of \(lastPrinted)")
      #expect(
        (a?.revision ?? 0) == countA && (b?.revision ?? 0) == countB,
        "round \(round): count \(countA), revisions \(a?.revision ?? 0) and \(b?.revision ?? 0)")
      let odd = try store.read(DocumentKey("things", "odd"))
      #expect((odd != nil) == (countA % 2 == 1), "round \(round): odd with count \(countA)")
      lastPrinted = countA

      // Every journal line parses, chains to the one before, and counts every commit. Lines
      // checked in an earlier round must still be there byte for byte; only new ones are parsed.
      let journal = FileManager.default.contents(atPath: root + "/journal.jsonl") ?? Data()
      try #require(journal.count >= checked.bytes.count, "round \(round): the journal shrank")
      try #require(
        journal.prefix(checked.bytes.count) == checked.bytes,
        "round \(round): a journal line committed earlier changed")
      #expect(journal.isEmpty || journal.last == 0x0A, "round \(round): a torn last line")
      for line in journal.dropFirst(checked.bytes.count).split(separator: 0x0A) {
        checked.lines += 1
        let text = String(decoding: line, as: UTF8.self)
        let entry = try JournalEntry(line: text, number: checked.lines)
        #expect(entry.sequence == checked.lines, "round \(round)")
        #expect(entry.previousHash == checked.lastHash, "round \(round): chain broken")
        checked.lastHash = SHA256.hex(Array(line))
      }
      checked.bytes = journal
      try #require(checked.lines == countA + probes, "round \(round): \(checked.lines) lines")
      let newest = try store.journal(limit: 1).first?.sequence
      #expect((newest ?? 0) == countA + probes, "round \(round): newest entry \(newest ?? 0)")

      // The store takes a new commit, which leaves no temporary or pending file behind.
      if round % 4 == 0 {
        probes += 1
        try Fixture.put(store, "probes", "probe", ["round": .int(round)], command: "probe")
        #expect(Fixture.tree(root + "/.tmp").isEmpty, "round \(round)")
        #expect(!FileManager.default.fileExists(atPath: root + "/.pending.json"))
        #expect(try store.read(DocumentKey("probes", "probe"))?.revision == probes)
      }
    }
    #expect(lastPrinted > 0, "the helper never committed")
    // The test proves something only if some kills landed inside a commit: before its commit
    // point (staged files to drop) and after it (a journaled commit for the open to finish).
    #expect(uncommittedStagedFound > 0)
    #expect(committedStagedFound > 0)
  }

  /// The sequence number of the journal's last complete line, 0 when there is none.
  static func lastSequence(_ path: String) -> Int {
    let journal = Data(Fixture.bytes(path) ?? [])
    guard let last = journal.split(separator: 0x0A).last, journal.last == 0x0A,
      let entry = try? JournalEntry(line: String(decoding: last, as: UTF8.self), number: 0)
    else { return 0 }
    return entry.sequence
  }
}
