// The sample store (store/): what it holds, that it is exactly what its script makes, and where
// the tests take it from when the README tour has changed it.

import ChildProcess
import Foundation
import IORDomain
import Testing

@Suite("The sample store")
struct SampleStoreTests {
  /// The sample store's reviews as `list reviews format=csv` gives them: id, fy and stage.
  static func reviews() throws -> [(id: String, fy: Int, stage: String)] {
    let ior = try ScriptTests.sampleStore()
    let run = try ior.run(["-c", "list reviews format=csv"])
    #expect(run.status == 0, run.comment)
    #expect(run.stderr.isEmpty, run.comment)
    return run.stdout.split(whereSeparator: \.isNewline).dropFirst().compactMap { row in
      let fields = row.split(separator: ",").map(String.init)
      guard fields.count > 5, let fy = Int(fields[4]) else { return nil }
      return (fields[0], fy, fields[5])
    }
  }

  @Test("opens with its README, and holds reviews in every stage of the lifecycle")
  func everyStage() throws {
    let stages = Set(try Self.reviews().map(\.stage))
    #expect(stages == Set(Review.Stage.allCases.map(\.rawValue)))
  }

  // store/README.md says why planned and request-sent are only in FY2027.
  @Test("FY2022 to FY2026 hold every stage from fieldwork on, FY2026 one still in fieldwork")
  func stagesInPastYears() throws {
    let past = try Self.reviews().filter { (2022...2026).contains($0.fy) }
    let stages = Set(past.map(\.stage))
    #expect(stages == ["fieldwork", "report-issued", "corrective-action", "closed"])
    #expect(past.contains { $0.fy == 2026 && $0.stage == "fieldwork" })
    #expect(past.contains { $0.fy == 2026 && $0.stage == "report-issued" })
    #expect(Set(past.map(\.fy)) == Set(2022...2026))
  }

  // After a change to what ior writes, regenerate: scripts/sample/make-sample-store.sh.
  @Test("is exactly what scripts/sample/make-sample-store.ior makes")
  func upToDate() throws {
    let ior = try IOR(today: ScriptTests.today)
    let run = try ior.run(
      ["--atomic", ScriptTests.script("sample/make-sample-store.ior")],
      environment: ["IOR_USER": "sample"])
    #expect(run.status == 0, run.comment)
    let made = try ior.snapshot()
    let sample = try ScriptTests.sampleStore().snapshot()
    for folder in ["partners/", "reviews/"] {
      let madeDocuments = made.filter { $0.key.hasPrefix(folder) }
      #expect(!madeDocuments.isEmpty)
      #expect(madeDocuments == sample.filter { $0.key.hasPrefix(folder) }, "\(folder)")
    }
  }

  @Test("a store/ changed by commands (the README tour) gives way to the committed sample")
  func changedSampleGivesWay() throws {
    let copy = try ScriptTests.sampleStore()
    #expect(try SampleStore.source(copy.store) == copy.store)
    try copy.succeed("open review cedar-hollow-so-2026; add concern \"Tried in the tour\"")
    let source = try SampleStore.source(copy.store)
    #expect(source != copy.store)
    let committed = try String(
      contentsOf: source.appendingPathComponent("reviews/cedar-hollow-so-2026.json"),
      encoding: .utf8)
    #expect(!committed.contains("Tried in the tour"))
    #expect(committed.contains("\"stage\": \"fieldwork\""))
  }
}

/// Where the tests take the sample store from.
///
/// Following the README tour changes store/ (it is the default store), so a copy of it would no
/// longer be the sample the tests expect. A store/ as its script made it has one journal entry,
/// the script's `--atomic` run; with more, the tests copy the committed store/ (`git archive
/// HEAD store`) instead. `git checkout -- store` puts the working copy back.
enum SampleStore {
  /// The repository's store/.
  static let working = IOR.repositoryRoot.appendingPathComponent("store")

  /// The folder to copy the sample from: `store` when it is as made, else the committed one.
  static func source(_ store: URL = working) throws -> URL {
    try isAsMade(store) ? store : try committed.get()
  }

  /// True when a store's journal holds no more than the one run that made it.
  static func isAsMade(_ store: URL) throws -> Bool {
    let journal = try String(
      contentsOf: store.appendingPathComponent("journal.jsonl"), encoding: .utf8)
    return journal.split(whereSeparator: \.isNewline).count <= 1
  }

  /// The committed store/, extracted once per test run into a temporary folder.
  private static let committed: Result<URL, SampleStoreChanged> = {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("ior-sample-" + UUID().uuidString.prefix(8).lowercased())
    let extracted: ChildProcess.Termination
    do {
      extracted = try ChildProcess.run(
        "/bin/sh",
        [
          "-c", "mkdir -p \"$2\" && git -C \"$1\" archive HEAD store | tar -x -C \"$2\"", "sh",
          IOR.repositoryRoot.path, folder.path,
        ])
    } catch {
      return .failure(SampleStoreChanged())
    }
    let store = folder.appendingPathComponent("store")
    let made = FileManager.default.fileExists(
      atPath: store.appendingPathComponent("store.json").path)
    return extracted == .exited(0) && made ? .success(store) : .failure(SampleStoreChanged())
  }()
}

/// store/ was changed by commands and no committed copy could be had from git.
struct SampleStoreChanged: Error, CustomStringConvertible {
  var description: String {
    "store/ has been changed since its script made it (its journal has more than one entry),"
      + " and git could not give the committed one; put it back with 'git checkout -- store'"
      + " or scripts/sample/make-sample-store.sh"
  }
}
