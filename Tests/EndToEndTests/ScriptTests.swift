// The checklist scripts of scripts/, run in batch by the built `ior` against a copy of the
// sample store (store/), as staff replay them: with --answers, with every parameter on the
// command line, and with one missing. The tests never write to store/ itself.

import Foundation
import IORDomain
import Testing

@Suite("Checklist scripts in batch, over the sample store")
struct ScriptTests {
  /// The sample store's "today": FY2026 has just ended.
  static let today = "2026-11-15"

  /// A temporary folder holding a copy of the sample store (README included): the
  /// repository's store/, or the committed one when store/ was changed (see `SampleStore`).
  static func sampleStore() throws -> IOR {
    let ior = try IOR(today: today)
    try FileManager.default.copyItem(at: try SampleStore.source(), to: ior.store)
    return ior
  }

  /// The path of a file under scripts/.
  static func script(_ name: String) -> String {
    IOR.repositoryRoot.appendingPathComponent("scripts/" + name).path
  }

  /// The question ids and answers of an answers file under scripts/answers/.
  static func answers(_ name: String) throws -> [String: String] {
    let data = try Data(contentsOf: URL(fileURLWithPath: script("answers/" + name)))
    return try #require(JSONSerialization.jsonObject(with: data) as? [String: String])
  }

  /// The answers recorded in a review of the copied store, by question id.
  static func recordedAnswers(_ ior: IOR, review: String) throws -> [String: String] {
    let review = try ior.document("reviews/\(review).json")
    let answers = try #require(review["answers"] as? [String: [String: Any]])
    return answers.compactMapValues { $0["text"] as? String }
  }

  // MARK: biennial-review.ior

  @Test("biennial-review asks every question of the bank, and its example answers them all")
  func biennialReviewCoversTheBank() throws {
    let text = try String(contentsOfFile: Self.script("biennial-review.ior"), encoding: .utf8)
    let asked = text.split(separator: "\n").filter { $0.hasPrefix("ask ") }
      .map { String($0.split(separator: " ")[1]) }
    #expect(asked == QuestionBank.all.map(\.id))
    let answered = try Self.answers("biennial-review.example.json")
    #expect(Set(answered.keys) == Set(asked))
  }

  @Test("biennial-review with the example answers records every answer in a fieldwork review")
  func biennialReviewInBatch() throws {
    let ior = try Self.sampleStore()
    let review = "cedar-hollow-so-2026"
    #expect(try ior.document("reviews/\(review).json")["stage"] as? String == "fieldwork")

    let run = try ior.run([
      "--answers", Self.script("answers/biennial-review.example.json"),
      Self.script("biennial-review.ior"), "review=\(review)",
    ])
    #expect(run.status == 0, run.comment)
    #expect(run.stdout.contains("Questionnaire: Warrant Service Officers"), run.comment)
    #expect(run.stdout.contains("check actions-complete"), run.comment)

    let expected = try Self.answers("biennial-review.example.json")
    #expect(try Self.recordedAnswers(ior, review: review) == expected)
  }

  @Test("biennial-review stops with exit 2 before the questionnaire if the form is not back")
  func biennialReviewTooEarly() throws {
    let ior = try Self.sampleStore()
    let run = try ior.run([
      "--answers", Self.script("answers/biennial-review.example.json"),
      Self.script("biennial-review.ior"), "review=mesa-verde-so-2026",
    ])
    #expect(run.status == 2, run.comment)
    #expect(run.stderr.contains("check 'request-returned' failed"), run.comment)
    #expect(try Self.recordedAnswers(ior, review: "mesa-verde-so-2026").isEmpty)
  }

  // MARK: pre-inspection.ior

  @Test(
    "pre-inspection fails with exit code 2 on a review that is not ready",
    arguments: [
      ("north-fork-so-2026", "check 'npm-fields' failed: missing SDDO"),
      ("mesa-verde-so-2026", "check 'request-returned' failed"),
    ])
  func preInspectionNotReady(review: String, message: String) throws {
    let ior = try Self.sampleStore()
    let run = try ior.run([
      "--answers", Self.script("answers/pre-inspection.example.json"),
      Self.script("pre-inspection.ior"), "review=\(review)",
    ])
    #expect(run.status == 2, run.comment)
    #expect(run.stderr.contains(message), run.comment)
    #expect(!run.stdout.contains("Ready for the inspection"), run.comment)
  }

  @Test("pre-inspection passes on a ready review and records its answers")
  func preInspectionReady() throws {
    let ior = try Self.sampleStore()
    let review = "cedar-hollow-so-2026"
    let run = try ior.run([
      "--answers", Self.script("answers/pre-inspection.example.json"),
      Self.script("pre-inspection.ior"), "review=\(review)",
    ])
    #expect(run.status == 0, run.comment)
    #expect(run.stdout.contains("Ready for the inspection of \(review)."), run.comment)
    let expected = try Self.answers("pre-inspection.example.json")
    #expect(try Self.recordedAnswers(ior, review: review) == expected)
  }

  // MARK: annual-summary.ior

  @Test("annual-summary writes the summary as Markdown and CSV")
  func annualSummary() throws {
    let ior = try Self.sampleStore()
    let out = ior.folder.appendingPathComponent("reports")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let run = try ior.run([Self.script("annual-summary.ior"), "fy=2025", "out=\(out.path)"])
    #expect(run.status == 0, run.comment)

    let markdown = try String(
      contentsOf: out.appendingPathComponent("summary-fy2025.md"), encoding: .utf8)
    #expect(markdown.contains("Annual summary FY2025"))
    #expect(markdown.contains("Harbor County Sheriff's Office"))
    let csv = try String(
      contentsOf: out.appendingPathComponent("summary-fy2025.csv"), encoding: .utf8)
    // CSV lines end in CRLF (RFC 4180).
    let rows = csv.split(whereSeparator: \.isNewline)
    #expect(rows.first?.hasPrefix("id,name,") == true, "\(csv)")
    // Every partner of the sample store: willow-bend-cj's MOA ended within FY2023-FY2025.
    #expect(rows.count == 1 + 7, "\(csv)")
  }

  // MARK: new-partner.ior

  @Test("new-partner with every parameter records the partner and its program dynamics")
  func newPartner() throws {
    let ior = try Self.sampleStore()
    let run = try ior.run([
      Self.script("new-partner.ior"), "partner=lake-so", "name=Lake County Sheriff's Office",
      "state=fl", "fpm=A. Rivera", "fpm-title=Field Program Manager", "sddo=J. Chen",
      "moa-signed=2019-05-01",
    ])
    #expect(run.status == 0, run.comment)

    let partner = try ior.document("partners/lake-so.json")
    #expect(partner["name"] as? String == "Lake County Sheriff's Office")
    #expect(partner["state"] as? String == "FL")
    let fpm = partner["fpm"] as? [String: String]
    #expect(fpm == ["name": "A. Rivera", "title": "Field Program Manager"])
    #expect(partner["sddo"] as? String == "J. Chen")
    #expect(partner["moaSigned"] as? String == "2019-05-01")
  }

  @Test("new-partner with a bad value records nothing: no half-recorded partner")
  func newPartnerAllOrNothing() throws {
    let ior = try Self.sampleStore()
    // The lock file is made by the first run that writes; a copy may not have it yet.
    let documents = { try ior.snapshot().filter { $0.key != ".lock" } }
    let before = try documents()
    let run = try ior.run([
      Self.script("new-partner.ior"), "partner=lake-so", "name=Lake County Sheriff's Office",
      "state=FL", "fpm=A. Rivera", "fpm-title=Field Program Manager", "sddo=J. Chen",
      "moa-signed=2019-02-30",
    ])
    #expect(run.status == 1, run.comment)
    #expect(run.stderr.contains("moa-signed '2019-02-30' is not a date (YYYY-MM-DD)"), run.comment)
    #expect(try documents() == before, "a refused new-partner run changed the store")
    let show = try ior.commands("show partner lake-so")
    #expect(show.stderr.contains("no partner 'lake-so'"), show.comment)
  }

  // MARK: Missing parameters

  @Test(
    "a parameter missing in batch exits 64, names it, and changes nothing",
    arguments: [
      ("biennial-review.ior", [String](), "review"),
      ("pre-inspection.ior", [], "review"),
      (
        "new-partner.ior",
        [
          "partner=lake-so", "name=Lake", "state=FL", "fpm=A. Rivera",
          "fpm-title=FPM", "moa-signed=2019-05-01",
        ], "sddo"
      ),
    ])
  func missingParameter(script: String, parameters: [String], missing: String) throws {
    let ior = try Self.sampleStore()
    let before = try ior.snapshot()
    let run = try ior.run([Self.script(script)] + parameters)
    #expect(run.status == 64, run.comment)
    #expect(run.stderr.contains("parameter '\(missing)' has no value"), run.comment)
    #expect(try ior.snapshot() == before)
  }

  // MARK: At a terminal

  @Test(
    "a script at a terminal asks for what is missing, records the answers, and the shell runs on",
    arguments: [
      ("test_biennial_review.py", "biennial-review"), ("test_pre_inspection.py", "pre-inspection"),
      ("test_new_partner.py", "new-partner"),
    ])
  func atTerminal(driver: String, script: String) throws {
    let ior = try Self.sampleStore()
    let path = IOR.repositoryRoot.appendingPathComponent("Tests/pty/" + driver)
    let run = try ior.run(
      ["python3", path.path, try IOR.binary().path, ior.store.path, IOR.repositoryRoot.path],
      withStore: false, program: URL(fileURLWithPath: "/usr/bin/env"), timeout: 90)
    #expect(run.status == 0, run.comment)
    #expect(run.stdout.contains("\(script) checks passed"), run.comment)
  }

  // MARK: Coverage

  @Test("every script in scripts/ is run by a test here")
  func everyScriptTested() throws {
    let names = try FileManager.default.contentsOfDirectory(
      atPath: IOR.repositoryRoot.appendingPathComponent("scripts").path)
    let tested: Set = [
      "biennial-review.ior", "pre-inspection.ior", "annual-summary.ior", "new-partner.ior",
    ]
    #expect(Set(names.filter { $0.hasSuffix(".ior") }) == tested)
  }
}
