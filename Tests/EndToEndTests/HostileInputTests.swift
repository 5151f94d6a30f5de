import Foundation
import Testing

/// Input that tries to leave the store, to act on the terminal, to exhaust memory or to loop:
/// each is refused with a clear message or handled, and nothing crashes or hangs.
@Suite("Hostile input")
struct HostileInputTests {
  /// A store with partner lake-so and its open review lake-so-2025.
  static func seeded() throws -> IOR {
    let ior = try IOR()
    try ior.succeed(
      """
      add partner lake-so name="Lake County Sheriff's Office" state=FL
      new review lake-so type=program date=2025-05-12
      """)
    return ior
  }

  // MARK: Leaving the store

  @Test(
    "ids that try to leave the store are refused and nothing is written outside it",
    arguments: [
      "open partner ../x", "open partner ../../etc/passwd", "add partner ../../etc name=x",
      "add partner A/B name=x", "add partner a/b name=x", "add partner .. name=x",
      "add partner .hidden name=x", "add partner /etc name=x", "add partner 'a b' name=x",
      "open review ../partners/lake-so", "new review ../x type=program date=2025-05-12",
      "add partner \"a\\nb\" name=x", "show partner ../../../../tmp/x",
      "add partner " + String(repeating: "a", count: 65) + " name=x",
    ])
  func idsStayInside(command: String) throws {
    let ior = try Self.seeded()
    let outsideBefore = try FileManager.default.contentsOfDirectory(atPath: ior.folder.path)
    let before = try ior.snapshot()
    let run = try ior.commands(command)
    #expect(run.status == 1 || run.status == 64, run.comment)
    #expect(run.stderr.hasPrefix("ior: -c:1: "), run.comment)
    #expect(try ior.snapshot() == before, "the store changed")
    let outsideAfter = try FileManager.default.contentsOfDirectory(atPath: ior.folder.path)
    #expect(Set(outsideAfter) == Set(outsideBefore), "something was written beside the store")
  }

  @Test("a symbolic link in a collection is reported, not followed, and its target untouched")
  func symbolicLinks() throws {
    let ior = try Self.seeded()
    let outside = try ior.write(
      #"{"id": "x", "revision": 1, "schemaVersion": 1, "name": "Outside", "state": "FL"}"#,
      to: "outside/x.json")
    let targetBefore = try Data(contentsOf: outside)
    try FileManager.default.createSymbolicLink(
      atPath: ior.store.appendingPathComponent("partners/x.json").path,
      withDestinationPath: outside.path)
    try FileManager.default.createSymbolicLink(
      atPath: ior.store.appendingPathComponent("partners/passwd.json").path,
      withDestinationPath: "/etc/passwd")

    let list = try ior.commands("list partners")
    #expect(list.status == 0, list.comment)
    #expect(list.stdout.contains("lake-so") && !list.stdout.contains("Outside"), list.comment)
    #expect(list.stderr.contains("partners/x.json: is a symbolic link"), list.comment)
    #expect(list.stderr.contains("partners/passwd.json: is a symbolic link"), list.comment)
    #expect(!list.stderr.contains("root:"), "the link's target was read")

    let open = try ior.commands("open partner x")
    #expect(open.status == 65, open.comment)
    let write = try ior.commands("add partner x name=Y state=GA")
    #expect(write.status != 0, write.comment)
    #expect(try Data(contentsOf: outside) == targetBefore, "the link's target was written")

    let verify = try ior.commands("verify")
    #expect(verify.status == 65, verify.comment)
    #expect(verify.stdout.contains("partners/x.json"), verify.comment)
  }

  @Test("a collection folder replaced by a link to elsewhere is not followed")
  func linkedCollection() throws {
    let ior = try Self.seeded()
    let reviews = ior.store.appendingPathComponent("reviews")
    let elsewhere = ior.folder.appendingPathComponent("elsewhere")
    try FileManager.default.moveItem(at: reviews, to: elsewhere)
    try FileManager.default.createSymbolicLink(
      atPath: reviews.path, withDestinationPath: elsewhere.path)
    let run = try ior.commands("open review lake-so-2025")
    #expect(run.status != 0 && run.status < 128, run.comment)
    #expect(run.stderr.contains("reviews"), run.comment)
    let verify = try ior.commands("verify")
    #expect(verify.status == 65, verify.comment)
  }

  // MARK: Size

  @Test(
    "a report or export written with to= inside the store is refused",
    arguments: ["partners/lake-so.json", "store.json", "reviews/../journal.jsonl", "new.md"])
  func outputInsideStore(target: String) throws {
    let ior = try Self.seeded()
    let before = try ior.snapshot()
    let path = ior.store.appendingPathComponent(target).path
    for command in ["export to=\(path)", "summary fy 2025 format=csv to=\(path)"] {
      let run = try ior.commands(command)
      #expect(run.status == 1, run.comment)
      #expect(run.stderr.contains("is inside the store"), run.comment)
    }
    #expect(try ior.snapshot() == before)
  }

  @Test("a 10 MB line is refused with its size, writes nothing, and the next line still runs")
  func hugeLine() throws {
    let ior = try Self.seeded()
    let before = try ior.snapshot()
    let huge = String(repeating: "x", count: 10_000_000)
    for line in ["echo " + huge, "add partner " + huge + " name=y", "add concern \"" + huge] {
      let run = try ior.run(
        ["--keep-going"], stdin: "open review lake-so-2025\n" + line + "\nlist partners\n",
        timeout: 120)
      #expect(run.status == 1, "exit \(run.status): \(run.stderr.prefix(300))")
      #expect(run.stderr.contains("stdin:2: the line is 10000"), run.comment)
      #expect(run.stderr.contains("more than the 1 MiB a line may be"), run.comment)
      #expect(run.stderr.count < 1_000, "the error repeats the whole line")
      #expect(run.stdout.contains("lake-so"), "the line after the long one did not run")
    }
    #expect(try ior.snapshot() == before)
  }

  @Test("a long word just under the line limit gets a short message, and no slow suggestion")
  func longWord() throws {
    let ior = try Self.seeded()
    let long = String(repeating: "y", count: 1_000_000)
    let unknown = try ior.run([], stdin: long + "\n")
    #expect(unknown.status == 64, unknown.comment)
    #expect(unknown.stderr.contains("unknown command 'yyyy"), unknown.comment)
    #expect(unknown.stderr.count < 3_000, "the error repeats the whole word")

    let id = try ior.run([], stdin: "add partner " + long + " name=y\n")
    #expect(id.status == 1, id.comment)
    #expect(id.stderr.contains("longer than 64 characters"), id.comment)
  }

  // MARK: The terminal

  static let escape = "\u{1B}[31mred\u{1B}[0m\u{7}\u{9B}2J\u{202E}evil"

  @Test("control characters and ANSI escapes are stored exactly, never printed raw")
  func controlCharacters() throws {
    let ior = try Self.seeded()
    let quoted = Self.escape.replacingOccurrences(of: "\"", with: "\\\"")
    try ior.succeed(
      """
      open review lake-so-2025
      add concern "\(quoted)"
      add deficiency "\(quoted)" cite="MOA Article V"
      open partner lake-so
      set partner fpm="\(quoted)" name="\(quoted)"
      """)

    // Stored exactly: the JSON holds the very scalars typed.
    let review = try ior.document("reviews/lake-so-2025.json")
    let titles = (review["findings"] as? [[String: Any]] ?? []).compactMap {
      $0["title"] as? String
    }
    #expect(titles == [Self.escape, Self.escape])
    #expect(try ior.document("partners/lake-so.json")["name"] as? String == Self.escape)
    let raw = String(
      decoding: try Data(
        contentsOf: ior.store.appendingPathComponent("reviews/lake-so-2025.json")), as: UTF8.self)
    #expect(!raw.contains("\u{1B}"), "the file itself holds a raw escape")

    for command in [
      "open review lake-so-2025; list findings", "open review lake-so-2025; show finding C1",
      "open review lake-so-2025; show finding D1",
      "open review lake-so-2025; report findings format=text",
      "open review lake-so-2025; report findings format=md", "summary", "list partners",
      "show partner lake-so", "due", "list reviews",
    ] {
      let run = try ior.commands(command)
      #expect(run.status == 0, "\(command): \(run.comment)")
      for output in [run.stdout, run.stderr] {
        let bad = output.unicodeScalars.filter {
          ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value)
            || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
        }
        #expect(bad.isEmpty, "\(command) wrote raw control characters: \(bad.map(\.value))")
      }
    }
    // The text is still visible, escaped.
    let list = try ior.commands("open review lake-so-2025; list findings")
    #expect(list.stdout.contains("\\x1B[31mred"), list.comment)
  }

  @Test("an HTML report escapes markup in every text it shows")
  func htmlEscapes() throws {
    let ior = try Self.seeded()
    let script = "<script>alert('x')</script>"
    let image = "<img src=x onerror=alert(1)>"
    try ior.succeed(
      """
      open review lake-so-2025
      add deficiency "\(script) & more" cite="MOA Article V \(image)"
      add concern "\(image)"
      open partner lake-so
      set partner name="\(script)" fpm="\(image)"
      """)
    for kind in ["findings"] {
      let run = try ior.commands("open review lake-so-2025; report \(kind) format=html")
      #expect(run.status == 0, run.comment)
      #expect(!run.stdout.contains("<script>"), run.comment)
      #expect(!run.stdout.contains("<img"), run.comment)
      #expect(run.stdout.contains("&lt;script&gt;"), run.comment)
      #expect(run.stdout.contains("&amp; more"), run.comment)
    }
  }

  // MARK: Scripts

  @Test("a script that runs itself, directly or through another, is refused clearly")
  func selfRunningScript() throws {
    let ior = try Self.seeded()
    try ior.write("echo once\nrun self.ior\n", to: "self.ior")
    let direct = try ior.run(["self.ior"], timeout: 30)
    #expect(direct.status == 1, direct.comment)
    #expect(direct.stderr.contains("self.ior:2: script runs itself"), direct.comment)
    #expect(direct.stdout == "once\n", direct.comment)

    try ior.write("run b.ior\n", to: "a.ior")
    try ior.write("run a.ior\n", to: "b.ior")
    let cycle = try ior.run(["a.ior"], timeout: 30)
    #expect(cycle.status == 1, cycle.comment)
    #expect(cycle.stderr.contains("a.ior -> b.ior -> a.ior"), cycle.comment)

    // The same script through another name (a link) is still itself.
    try FileManager.default.createSymbolicLink(
      atPath: ior.folder.appendingPathComponent("alias.ior").path,
      withDestinationPath: ior.folder.appendingPathComponent("loop.ior").path)
    try ior.write("run alias.ior\n", to: "loop.ior")
    let alias = try ior.run(["loop.ior"], timeout: 30)
    #expect(alias.status == 1, alias.comment)
    #expect(alias.stderr.contains("runs itself") || alias.stderr.contains("16 deep"), alias.comment)
  }
}
