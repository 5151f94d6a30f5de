import Foundation
import Testing

/// Removing mistakes, long text from files, settings, and where the store is: the everyday
/// comforts, through the built binary.
@Suite("Corrections, settings and where the store is")
struct CorrectionsTests {
  private func reviewWithFindings(_ ior: IOR) throws {
    try ior.succeed(
      """
      add partner lake-so name="Lake County Sheriff's Office"
      new review lake-so type=program date=2025-05-12
      add deficiency "Warrant served without supervisory review" cite="ICE Policy 11064.3"
      add concern "Roster kept on paper"
      add concern "Second concern"
      """)
  }

  @Test("remove needs --yes in batch, is journaled, and undo brings the finding back")
  func removeAndUndo() throws {
    let ior = try IOR()
    try reviewWithFindings(ior)
    let before = try ior.snapshot()
    let refused = try ior.commands("open review lake-so-2025; remove finding C1")
    #expect(refused.status == 1, refused.comment)
    #expect(refused.stderr.contains("add --yes"), refused.comment)
    #expect(try ior.snapshot() == before)

    try ior.succeed("open review lake-so-2025; remove finding C1 --yes")
    var findings = try ior.document("reviews/lake-so-2025.json")["findings"] as? [[String: Any]]
    #expect(findings?.map { $0["id"] as? String } == ["D1", "C2"])

    // Ids are never reused: the next concern is C3, not C1.
    try ior.succeed("open review lake-so-2025; add concern \"Third\"")
    findings = try ior.document("reviews/lake-so-2025.json")["findings"] as? [[String: Any]]
    #expect(findings?.last?["id"] as? String == "C3")

    try ior.succeed("undo")
    try ior.succeed("undo")
    findings = try ior.document("reviews/lake-so-2025.json")["findings"] as? [[String: Any]]
    #expect(findings?.map { $0["id"] as? String } == ["D1", "C1", "C2"])
  }

  @Test("a finding with corrective actions, and a review past planning, are not removed")
  func removalRules() throws {
    let ior = try IOR()
    try reviewWithFindings(ior)
    try ior.succeed("open review lake-so-2025; add action D1 \"Retrain\" due=2025-09-01")
    let finding = try ior.commands("open review lake-so-2025; remove finding D1 --yes")
    #expect(finding.status == 1)
    #expect(finding.stderr.contains("remove them first"), finding.comment)
    try ior.succeed("open review lake-so-2025; send request 2025-04-07")
    let review = try ior.run(["--yes", "-c", "remove review lake-so-2025"])
    #expect(review.status == 1)
    #expect(review.stderr.contains("only a review still planned"), review.comment)
  }

  @Test("a planned review, an officer and a complaint can be removed")
  func removeRecords() throws {
    let ior = try IOR()
    try ior.succeed(
      """
      add partner lake-so name="Lake"
      add officer "Pat Doe" authorized=2024-01-15
      add complaint 2024-11-02 ref=CRCL-24-0117
      new review lake-so type=focus date=2026-03-01
      """)
    try ior.run([
      "--yes", "-c", "open partner lake-so; remove officer O1; remove complaint CRCL-24-0117",
    ])
    let partner = try ior.document("partners/lake-so.json")
    #expect((partner["officers"] as? [Any])?.isEmpty == true)
    #expect((partner["complaints"] as? [Any])?.isEmpty == true)
    try ior.run(["--yes", "-c", "remove review lake-so-2026"])
    #expect(
      !FileManager.default.fileExists(
        atPath: ior.store.appendingPathComponent("reviews/lake-so-2026.json").path))
    let unknown = try ior.run(["--yes", "-c", "open partner lake-so; remove visit V9"])
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("no visit 'V9'"), unknown.comment)
  }

  @Test("a text value written @FILE is read from the file, relative to the script")
  func fileValues() throws {
    let ior = try IOR()
    try ior.write("Two of five files lacked the supervisor's initials.\n", to: "notes/d1.md")
    try ior.write(
      """
      add partner lake-so name="Lake"
      new review lake-so type=program date=2025-05-12
      add deficiency "Files lacked initials" cite="MOA Article V" detail=@notes/d1.md
      add concern "@@handle kept as typed"
      """, to: "review.ior")
    let run = try ior.run([ior.folder.appendingPathComponent("review.ior").path])
    #expect(run.status == 0, run.comment)
    let findings = try ior.document("reviews/lake-so-2025.json")["findings"] as? [[String: Any]]
    #expect(
      findings?.first?["detail"] as? String == "Two of five files lacked the supervisor's initials."
    )
    #expect(findings?.last?["title"] as? String == "@handle kept as typed")
    let missing = try ior.commands("open review lake-so-2025; add concern x detail=@nowhere.md")
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("nowhere.md"), missing.comment)
  }

  @Test("set changes the session's default format, and show settings lists the settings")
  func settings() throws {
    let ior = try IOR()
    try ior.succeed("add partner lake-so name=\"Lake\"")
    let run = try ior.succeed("set format=csv; list partners; show settings")
    #expect(run.stdout.hasPrefix("id,name,state,fieldOffice,status,currentWSOs\n"), run.comment)
    #expect(run.stdout.contains("format,csv"), run.comment)
    let bad = try ior.commands("set pager=maybe")
    #expect(bad.status == 1)
    #expect(bad.stderr.contains("on or off"), bad.comment)
    let unknown = try ior.commands("set formt=csv")
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("did you mean 'format'?"), unknown.comment)
  }

  @Test("ior init makes a store with its marking, and refuses one that exists")
  func initialize() throws {
    let ior = try IOR()
    let target = ior.folder.appendingPathComponent("new-store").path
    let made = try ior.run(["init", target, "--marking", "CUI//SP-PRIVILEGE"], withStore: false)
    #expect(made.status == 0, made.comment)
    #expect(made.stdout.contains(target), made.comment)
    let settings =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: target + "/store.json"))) as? [String: Any]
    #expect(settings?["marking"] as? String == "CUI//SP-PRIVILEGE")
    let again = try ior.run(["init", target], withStore: false)
    #expect(again.status == 1, again.comment)
  }

  @Test("a folder that is neither empty nor a store is refused, and nothing is written there")
  func notAStore() throws {
    let ior = try IOR()
    let folder = ior.folder.appendingPathComponent("documents")
    try ior.write("my notes", to: "documents/notes.txt")
    let run = try ior.run(
      ["--store", folder.path, "-c", "add partner a-so name=A"], withStore: false)
    #expect(run.status == 1, run.comment)
    #expect(run.stderr.contains("is not an ior store"), run.comment)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(names == ["notes.txt"])
  }

  @Test("with no store named, ior uses ./store when there is one, else the user's data folder")
  func defaultStore() throws {
    let ior = try IOR()
    let elsewhere = ior.folder.appendingPathComponent("work")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    let run = try ior.run(["-c", "add partner a-so name=A"], in: elsewhere, withStore: false)
    #expect(run.status == 0, run.comment)
    let data = ior.folder.appendingPathComponent("data/ior/store/partners/a-so.json").path
    #expect(FileManager.default.fileExists(atPath: data))
    #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)

    // No ./store here yet: the data folder's store answers.
    let fromData = try ior.run(
      ["-c", "list partners format=csv"], in: ior.folder, withStore: false)
    #expect(fromData.stdout.contains("a-so"), fromData.comment)
    try ior.succeed("add partner b-so name=B")
    let withLocal = try ior.run(
      ["-c", "list partners format=csv"], in: ior.folder, withStore: false)
    #expect(withLocal.stdout.contains("b-so"), withLocal.comment)
    #expect(!withLocal.stdout.contains("a-so"), withLocal.comment)
  }
}

/// The comforts that need a terminal, driven by Tests/pty/test_comforts.py through python3
/// with stand-in programs as the editor and the pager.
@Suite("Editor, pager, start-up file and confirmation at a terminal")
struct ComfortTerminalTests {
  @Test("edit opens $EDITOR, long output goes through $PAGER, iorrc runs, remove asks first")
  func comforts() throws {
    let ior = try IOR()
    let script = IOR.repositoryRoot.appendingPathComponent("Tests/pty/test_comforts.py")
    let run = try ior.run(
      ["python3", script.path, try IOR.binary().path], in: IOR.repositoryRoot,
      program: URL(fileURLWithPath: "/usr/bin/env"), timeout: 90)
    #expect(run.status == 0, run.comment)
    #expect(
      run.stdout.contains("ok: editor, pager, start-up file, remove confirmation"), run.comment)
  }
}
