import Foundation
import Testing

/// `verify` as tamper evidence: it passes a clean store and names every document or journal
/// line changed, removed or added by hand, exiting 65 when anything is wrong.
@Suite("Tamper evidence: verify")
struct TamperTests {
  /// A store with two partners, a review with findings, an undo: every kind of journal line.
  static func seeded() throws -> IOR {
    let ior = try IOR()
    try ior.succeed(
      """
      add partner lake-so name="Lake County Sheriff's Office" state=FL
      add partner pine-so name="Pine County Sheriff's Office" state=GA
      new review lake-so type=program date=2025-05-12
      add concern "Roster kept on paper"
      add deficiency "Warrant served without supervisory review" cite="MOA Article V"
      add concern "To be undone"
      undo
      """)
    return ior
  }

  /// Runs verify and returns the run after checking it names `expected` and exits 65.
  @discardableResult
  static func verifyFails(
    _ ior: IOR, naming expected: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Run {
    let run = try ior.commands("verify")
    #expect(run.status == 65, run.comment, sourceLocation: sourceLocation)
    for text in expected {
      #expect(run.stdout.contains(text), run.comment, sourceLocation: sourceLocation)
    }
    #expect(run.stdout.contains("problems found"), run.comment, sourceLocation: sourceLocation)
    return run
  }

  /// Rewrites the journal through `edit` of its lines.
  static func editJournal(_ ior: IOR, _ edit: (inout [String]) -> Void) throws {
    var lines = try ior.journalLines()
    edit(&lines)
    try Data((lines.joined(separator: "\n") + "\n").utf8)
      .write(to: ior.store.appendingPathComponent("journal.jsonl"))
  }

  @Test("verify passes a clean store and exits 0")
  func clean() throws {
    let ior = try Self.seeded()
    let run = try ior.commands("verify")
    #expect(run.status == 0, run.comment)
    #expect(run.stdout.contains("all good"), run.comment)
  }

  @Test(
    "a document edited by hand is named, even when the edit is only white space",
    arguments: [("\"FL\"", "\"GA\""), ("\n}", "\n}\n"), ("\"revision\": 2", "\"revision\": 2")])
  func editedDocument(change: (String, String)) throws {
    let ior = try Self.seeded()
    let url = ior.store.appendingPathComponent("partners/lake-so.json")
    var text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
    let original = text
    text = text.replacingOccurrences(of: change.0, with: change.1)
    if text == original { text += " " }
    try Data(text.utf8).write(to: url)
    try Self.verifyFails(ior, naming: ["partners/lake-so.json: changed outside ior"])
  }

  @Test("an edited journal line breaks the chain at the line after it")
  func editedJournalLine() throws {
    let ior = try Self.seeded()
    try Self.editJournal(ior) { lines in
      lines[1] = lines[1].replacingOccurrences(
        of: "\"user\":\"e2e-tester\"", with: "\"user\":\"x\"")
    }
    try Self.verifyFails(ior, naming: ["journal.jsonl:3: hash chain broken here"])
  }

  @Test("a journal line removed from the middle breaks the chain where it was")
  func removedJournalLine() throws {
    let ior = try Self.seeded()
    try Self.editJournal(ior) { lines in lines.remove(at: 2) }
    try Self.verifyFails(ior, naming: ["journal.jsonl:3: hash chain broken here"])
  }

  @Test("two journal lines swapped break the chain")
  func swappedJournalLines() throws {
    let ior = try Self.seeded()
    try Self.editJournal(ior) { lines in lines.swapAt(1, 2) }
    try Self.verifyFails(ior, naming: ["journal.jsonl:2: hash chain broken here"])
  }

  @Test("a journal line that is no longer JSON is named")
  func damagedJournalLine() throws {
    let ior = try Self.seeded()
    try Self.editJournal(ior) { lines in lines[2] = String(lines[2].dropLast(3)) }
    try Self.verifyFails(ior, naming: ["journal.jsonl:3: not a journal entry"])
  }

  @Test("a document deleted by hand is named as missing")
  func deletedDocument() throws {
    let ior = try Self.seeded()
    try FileManager.default.removeItem(
      at: ior.store.appendingPathComponent("partners/pine-so.json"))
    try Self.verifyFails(ior, naming: ["partners/pine-so.json: missing"])
  }

  @Test("a document added by hand, valid in every other way, is named as not journaled")
  func addedDocument() throws {
    let ior = try Self.seeded()
    let source = ior.store.appendingPathComponent("partners/pine-so.json")
    let text = String(decoding: try Data(contentsOf: source), as: UTF8.self)
      .replacingOccurrences(of: "\"pine-so\"", with: "\"elm-so\"")
    try Data(text.utf8).write(to: ior.store.appendingPathComponent("partners/elm-so.json"))
    #expect(try ior.commands("list partners").stdout.contains("elm-so"))
    try Self.verifyFails(ior, naming: ["partners/elm-so.json: not in the journal"])
  }

  @Test("a document replaced by an older copy of itself is named")
  func rolledBackDocument() throws {
    let ior = try Self.seeded()
    let url = ior.store.appendingPathComponent("reviews/lake-so-2025.json")
    let old = try Data(contentsOf: url)
    try ior.succeed("open review lake-so-2025; add concern \"Later\"")
    try old.write(to: url)
    try Self.verifyFails(ior, naming: ["reviews/lake-so-2025.json: changed outside ior"])
  }

  @Test("a document copied into a new collection folder is named")
  func addedCollection() throws {
    let ior = try Self.seeded()
    let folder = ior.store.appendingPathComponent("extras")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
    let text = String(
      decoding: try Data(
        contentsOf: ior.store.appendingPathComponent("partners/pine-so.json")), as: UTF8.self)
    try Data(text.utf8).write(to: folder.appendingPathComponent("pine-so.json"))
    try Self.verifyFails(ior, naming: ["extras/pine-so.json"])
  }

  @Test("after the damage is put right, verify passes again")
  func repaired() throws {
    let ior = try Self.seeded()
    let url = ior.store.appendingPathComponent("partners/lake-so.json")
    let good = try Data(contentsOf: url)
    try Data("{}".utf8).write(to: url)
    try Self.verifyFails(ior, naming: ["partners/lake-so.json"])
    try good.write(to: url)
    #expect(try ior.commands("verify").status == 0)
  }
}
