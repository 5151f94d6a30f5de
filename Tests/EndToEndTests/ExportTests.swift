import Foundation
import Testing

/// `export` and `import`: the whole store as one JSON bundle and back.
@Suite("Export and import")
struct ExportTests {
  @Test("export, import into an empty store, export again gives the same bytes")
  func roundTrip() throws {
    let ior = try IOR()
    try ior.succeed(
      """
      add partner lake-so name="Lake County Sheriff's Office" state=FL
      set partner fpm="A. Rivera" moa-signed=2019-05-01
      add officer "José Peñasco" authorized=2024-01-15
      new review lake-so type=program date=2025-05-12
      add deficiency "Warrant served without supervisory review" cite="MOA Article V"
      set finding D1 detail="Two of five files"
      """)
    let first = try ior.succeed("export")
    let bundle = try ior.write(first.stdout, to: "bundle.json")
    let copy = ior.folder.appendingPathComponent("copy").path
    let imported = try ior.run(["--store", copy, "-c", "import \(bundle.path)"], withStore: false)
    #expect(imported.status == 0, imported.comment)
    let second = try ior.run(["--store", copy, "-c", "export"], withStore: false)
    #expect(second.status == 0, second.comment)
    #expect(second.stdout == first.stdout)
    #expect(first.stdout.contains("\"revision\": 3"), "revisions are kept")
    let verify = try ior.run(["--store", copy, "-c", "verify"], withStore: false)
    #expect(verify.status == 0, verify.comment)
  }

  @Test("import into a store that is not empty is refused, and changes nothing")
  func importRefused() throws {
    let ior = try IOR()
    try ior.succeed("add partner lake-so name=Lake")
    let bundle = try ior.write(try ior.succeed("export").stdout, to: "bundle.json")
    let before = try ior.snapshot()
    let run = try ior.commands("import \(bundle.path)")
    #expect(run.status == 1, run.comment)
    #expect(run.stderr.contains("is not empty ('partners' has documents)"), run.comment)
    #expect(!run.stderr.contains("is not an ior store"), run.comment)
    #expect(try ior.snapshot() == before)
  }

  @Test("a file that is not an export is refused with what is wrong")
  func notAnExport() throws {
    let ior = try IOR()
    let file = try ior.write("{\"partners\": []}", to: "other.json")
    let run = try ior.commands("import \(file.path)")
    #expect(run.status != 0, run.comment)
    #expect(run.stderr.contains("not an ior export"), run.comment)
    let broken = try ior.write("{\"format\": ", to: "broken.json")
    let parse = try ior.commands("import \(broken.path)")
    #expect(parse.status == 1, parse.comment)
    #expect(parse.stderr.contains("line 1"), parse.comment)
  }

  @Test("export to=FILE writes the file with mode 0600")
  func exportToFile() throws {
    let ior = try IOR()
    try ior.succeed("add partner lake-so name=Lake")
    let target = ior.folder.appendingPathComponent("out.json").path
    try ior.succeed("export to=\(target)")
    let attributes = try FileManager.default.attributesOfItem(atPath: target)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
  }

  @Test("an MOA outline loads from JSON as well as from text")
  func outlineFromJSON() throws {
    let ior = try IOR()
    let outline = try ior.write(
      """
      {"version": "2021 WSO MOA", "sections": [{"ref": "Article I", "title": "Purpose"},
       {"ref": "MOA Article V", "title": "Supervision"}]}
      """, to: "outline.json")
    try ior.succeed(
      "add partner a-so name=A; load outline \(outline.path); new review a-so type=program"
        + " date=2025-05-01; add deficiency x cite=\"MOA Art. 5\"")
    let findings = try ior.document("reviews/a-so-2025.json")["findings"] as? [[String: Any]]
    #expect(findings?.first?["citationTitle"] as? String == "Supervision")
    let shown = try ior.succeed("show outline a-so")
    #expect(shown.stdout == "version: 2021 WSO MOA\nArticle I: Purpose\nArticle V: Supervision\n")
  }
}
