import ChildProcess
import Foundation
import Testing

@testable import IORStore

@Suite("Two processes on one store")
struct ConcurrencyTests {
  @Test("two processes incrementing one document at once lose none of each other's increments")
  func concurrentIncrements() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let root = folder.at("store")
    let binary = try Fixture.stressBinary()

    // Both start on a store that does not exist yet, so they also race to create it.
    let processes = try (0..<2).map { _ in
      try ChildProcess(binary, ["increment", root, "500"], stderr: .inherit)
    }
    for process in processes {
      #expect(process.wait() == .exited(0))
    }

    let store = try Store(root: root, user: "test")
    let document = try #require(try store.read(DocumentKey("things", "c")))
    #expect(document.body["count"] == 1_000)
    #expect(document.revision == 1_000)

    // One journal line a commit, each chained to the bytes of the line before it.
    let lines = Fixture.journalLines(root)
    #expect(lines.count == 1_000)
    var previous = ""
    for (index, line) in lines.enumerated() {
      let entry = try JournalEntry(line: String(decoding: line, as: UTF8.self), number: index + 1)
      #expect(entry.sequence == index + 1)
      #expect(entry.previousHash == previous, "chain broken at line \(index + 1)")
      #expect(entry.changes.first?.after == index + 1)
      previous = SHA256.hex(line)
    }
    #expect(try store.journal().count == 1_000)
  }
}
