import Foundation
import IORShell
import Testing

/// `ior` with no terminal: scripts, `-c`, piped standard input, the run options, and the exit
/// codes a script can trust.
@Suite("Batch runs: scripts, -c, stdin and the exit codes")
struct BatchTests {
  /// A store with partner lake-so and its review lake-so-2025 (inspected 2025-05-12).
  static func seeded() throws -> IOR {
    let ior = try IOR()
    try ior.succeed(
      "add partner lake-so name=\"Lake County Sheriff's Office\"; new review lake-so type=program"
        + " date=2025-05-12")
    return ior
  }

  /// The titles of the open review's findings, read from disk.
  static func findingTitles(_ ior: IOR) throws -> [String] {
    let findings = try ior.document("reviews/lake-so-2025.json")["findings"] as? [[String: Any]]
    return (findings ?? []).compactMap { $0["title"] as? String }
  }

  // MARK: Stopping at the first error

  @Test(
    "a script stops at its failing line with FILE:N: and the documented exit code",
    arguments: [
      ("frobnicate", Int32(64), "unknown command 'frobnicate'"),
      ("add action C1 \"Digitize it\"", Int32(1), "'C1' is an area of concern"),
      ("check request-sent", Int32(2), "check 'request-sent' failed"),
    ])
  func scriptStops(failing line: String, status: Int32, message: String) throws {
    let ior = try Self.seeded()
    try ior.write(
      """
      # line 1 is this comment
      open review lake-so-2025
      add concern "Before"
      \(line)
      add concern "After"
      echo after
      """, to: "checklist.ior")
    let run = try ior.run(["checklist.ior"])
    #expect(run.status == status, run.comment)
    #expect(run.stderr.hasPrefix("ior: "), run.comment)
    #expect(run.stderr.hasPrefix("ior: checklist.ior:4: \(message)"), run.comment)
    #expect(!run.stdout.contains("after"), "a line after the failure ran")
    #expect(try Self.findingTitles(ior) == ["Before"])
  }

  @Test("a failure in a nested script shows the chain of scripts and lines, as typed")
  func nestedScript() throws {
    let ior = try IOR()
    try ior.write("echo inner-1\necho inner-2\nbogus\necho inner-after\n", to: "inner.ior")
    try ior.write("echo outer\nrun inner.ior\necho outer-after\n", to: "outer.ior")
    let run = try ior.run(["outer.ior"])
    #expect(run.status == 64)
    #expect(
      run.stderr.hasPrefix("ior: outer.ior:2: inner.ior:3: unknown command 'bogus'"), run.comment)
    #expect(run.stdout == "outer\ninner-1\ninner-2\n")
  }

  @Test(
    "-c runs commands split by ';' and newlines, and names the failing line -c:N:",
    arguments: [
      ("echo a; bogus; echo b", "-c:1:", "a\n"),
      ("echo a; echo b\necho c; bogus; echo d\necho e", "-c:2:", "a\nb\nc\n"),
    ])
  func dashC(commands: String, location: String, output: String) throws {
    let ior = try IOR()
    let run = try ior.commands(commands)
    #expect(run.status == 64)
    #expect(run.stderr.hasPrefix("ior: \(location) unknown command 'bogus'"), run.comment)
    #expect(run.stdout == output)
  }

  @Test("piped standard input runs line by line and names the failing line stdin:N:")
  func pipedInput() throws {
    let ior = try Self.seeded()
    let run = try ior.run(
      [], stdin: "open review lake-so-2025\nadd concern \"Before\"\nbogus\nadd concern \"After\"\n")
    #expect(run.status == 64)
    #expect(run.stderr.hasPrefix("ior: stdin:3: unknown command 'bogus'"), run.comment)
    #expect(!run.stdout.contains("ior>"), "no prompt without a terminal")
    #expect(try Self.findingTitles(ior) == ["Before"])
  }

  @Test("--keep-going runs on after a failure and exits non-zero at the end")
  func keepGoing() throws {
    let ior = try Self.seeded()
    let run = try ior.run(
      ["--keep-going"],
      stdin: "open review lake-so-2025\nbogus\nadd concern \"After\"\necho done\n")
    #expect(run.status == 64, run.comment)
    #expect(run.stderr.contains("stdin:2: unknown command 'bogus'"))
    #expect(run.stdout == "done\n")
    #expect(try Self.findingTitles(ior) == ["After"])
  }

  @Test("--keep-going runs on within a ';' line and inside a nested script")
  func keepGoingWithinLinesAndScripts() throws {
    let ior = try IOR()
    try ior.write("bogus-inner\necho inner-after\n", to: "inner.ior")
    try ior.write("echo a; bogus-a; echo b\nrun inner.ior\necho outer-after\n", to: "outer.ior")
    let run = try ior.run(["--keep-going", "outer.ior"])
    #expect(run.status == 64, run.comment)
    #expect(run.stdout == "a\nb\ninner-after\nouter-after\n", run.comment)
    #expect(run.stderr.contains("ior: outer.ior:1: unknown command 'bogus-a'"), run.comment)
    #expect(
      run.stderr.contains("ior: outer.ior:2: inner.ior:1: unknown command 'bogus-inner'"),
      run.comment)
  }

  @Test("--keep-going runs on past a line it cannot read, at the top and in a nested script")
  func keepGoingPastSyntaxErrors() throws {
    let ior = try IOR()
    try ior.write("echo i1\necho $nope\necho i3\n", to: "inner.ior")
    try ior.write("run inner.ior\necho \"open\necho o3\n", to: "outer.ior")
    let run = try ior.run(["--keep-going", "outer.ior"])
    #expect(run.status == 64, run.comment)
    #expect(run.stdout == "i1\ni3\no3\n", run.comment)
    #expect(
      run.stderr.contains("ior: outer.ior:1: inner.ior:2: column 6: unknown variable 'nope'"),
      run.comment)
    #expect(run.stderr.contains("ior: outer.ior:2: column 6: unterminated double quote"))
    #expect(!run.stderr.contains("LocatedError"), run.comment)
  }

  @Test("quit ends a line there: what follows it is not read")
  func quitMidLine() throws {
    let run = try IOR().commands("echo a; quit; echo $nope\necho b")
    #expect(run.status == 0, run.comment)
    #expect(run.stdout == "a\n", run.comment)
  }

  @Test("-c text with CRLF line ends runs line by line")
  func dashCWithCRLF() throws {
    let run = try IOR().commands("echo a\r\necho b\r\n")
    #expect(run.status == 0, run.comment)
    #expect(run.stdout == "a\nb\n", run.comment)
  }

  @Test("a script saved with CRLF line ends or a byte-order mark runs line by line")
  func windowsLineEnds() throws {
    let ior = try IOR()
    try ior.write("\u{FEFF}echo one\r\necho two\r\nbogus\r\necho after\r\n", to: "crlf.ior")
    let run = try ior.run(["crlf.ior"])
    #expect(run.status == 64, run.comment)
    #expect(run.stdout == "one\ntwo\n", run.comment)
    #expect(run.stderr.hasPrefix("ior: crlf.ior:3: unknown command 'bogus'"), run.comment)
  }

  @Test("a variable set on a line is seen by the commands after it on that line")
  func letThenUseOnOneLine() throws {
    let ior = try Self.seeded()
    let run = try ior.commands("let r=lake-so-2025; open review $r; echo \"open: ${r}\ttab\"")
    #expect(run.status == 0, run.comment)
    #expect(run.stdout == "open: lake-so-2025\ttab\n", run.comment)
  }

  @Test("a line with a syntax error runs none of its commands")
  func syntaxErrorRunsNothing() throws {
    let ior = try IOR()
    let run = try ior.commands("echo first; echo \"unterminated")
    #expect(run.status == 64, run.comment)
    #expect(run.stdout == "", run.comment)
    #expect(run.stderr.contains("unterminated double quote"), run.comment)
  }

  // MARK: Dry runs and atomic runs

  @Test("--dry-run writes nothing and prints a unified diff of each change")
  func dryRun() throws {
    let ior = try Self.seeded()
    let before = try ior.snapshot()
    let run = try ior.run(
      [
        "--dry-run", "-c",
        "open review lake-so-2025; add concern \"Paper roster\"; add partner bay-so name=\"Bay\"",
      ])
    #expect(run.status == 0, run.comment)
    #expect(try ior.snapshot() == before, "--dry-run changed the store")
    #expect(
      run.stdout.contains("--- a/reviews/lake-so-2025.json\n+++ b/reviews/lake-so-2025.json\n@@ "),
      run.comment)
    #expect(run.stdout.contains("+      \"title\": \"Paper roster\""), run.comment)
    #expect(run.stdout.contains("--- /dev/null\n+++ b/partners/bay-so.json\n"), run.comment)
  }

  @Test("--atomic leaves the store as it was when a command fails midway")
  func atomicFailure() throws {
    let ior = try Self.seeded()
    let before = try ior.snapshot()
    let run = try ior.run(
      ["--atomic"],
      stdin: "open review lake-so-2025\nadd concern \"One\"\nadd concern \"Two\"\nbogus\n"
        + "add concern \"Three\"\n")
    #expect(run.status == 64)
    #expect(run.stderr.contains("stdin:4:"), run.comment)
    #expect(try ior.snapshot() == before, "--atomic left part of a failed run behind")
  }

  @Test("--atomic commits a whole successful run as one journal entry")
  func atomicSuccess() throws {
    let ior = try Self.seeded()
    let journal = try ior.journalLines()
    let run = try ior.run(
      ["--atomic"],
      stdin: "open review lake-so-2025\nadd concern \"One\"\nadd concern \"Two\"\n"
        + "add partner bay-so name=\"Bay\"\n")
    #expect(run.status == 0, run.comment)
    #expect(try Self.findingTitles(ior) == ["One", "Two"])
    #expect(try ior.document("partners/bay-so.json")["name"] as? String == "Bay")
    let after = try ior.journalLines()
    #expect(after.count == journal.count + 1)
    #expect(after.last?.contains("partners") == true && after.last?.contains("reviews") == true)
  }

  // MARK: Parameters and answers

  @Test("a script parameter comes from the command line, else its default")
  func parameters() throws {
    let ior = try Self.seeded()
    try ior.write(
      "param review\nparam label \"default label\"\nopen review $review\necho $review: $label\n",
      to: "params.ior")
    let given = try ior.run(["params.ior", "review=lake-so-2025", "label=given"])
    #expect(given.status == 0, given.comment)
    #expect(given.stdout == "lake-so-2025: given\n")
    let fallback = try ior.run(["params.ior", "review=lake-so-2025"])
    #expect(fallback.stdout == "lake-so-2025: default label\n", fallback.comment)
    try ior.write("run params.ior review=lake-so-2025\n", to: "caller.ior")
    let nested = try ior.run(["caller.ior"])
    #expect(nested.stdout == "lake-so-2025: default label\n", nested.comment)
  }

  @Test("a parameter given to a script that never uses it is pointed out, and the run goes on")
  func unusedParameter() throws {
    let ior = try IOR()
    try ior.write("param review\necho checking $review\n", to: "check.ior")
    let run = try ior.run(["check.ior", "review=lake-so-2025", "reveiw=typo"])
    #expect(run.status == 0, run.comment)
    #expect(run.stdout == "checking lake-so-2025\n", run.comment)
    #expect(run.stderr.contains("parameter 'reveiw' was given but the script never uses it"))
    #expect(!run.stderr.contains("parameter 'review'"), run.comment)
  }

  @Test("a parameter used only by a script it runs is used")
  func parameterUsedByANestedScript() throws {
    let ior = try IOR()
    try ior.write("echo inner sees $review\n", to: "inner.ior")
    try ior.write("run inner.ior\n", to: "outer.ior")
    let run = try ior.run(["outer.ior", "review=lake-so-2025"])
    #expect(run.status == 0, run.comment)
    #expect(run.stdout == "inner sees lake-so-2025\n", run.comment)
    #expect(!run.stderr.contains("never uses it"), run.comment)
  }

  @Test("a parameter without a value is an error naming it, not a wait for input")
  func missingParameter() throws {
    let ior = try Self.seeded()
    try ior.write("param review\necho ran $review\n", to: "params.ior")
    let run = try ior.run(["params.ior"], timeout: 10)
    #expect(run.status == 64)
    #expect(run.stderr.contains("params.ior:1: parameter 'review' has no value"), run.comment)
    #expect(run.stdout.isEmpty)
  }

  @Test("--answers supplies the answers of ask steps; a missing one is named")
  func answersFile() throws {
    let ior = try Self.seeded()
    try ior.write(
      """
      open review lake-so-2025
      ask wso-3 "How is each warrant checked before service?"
      ask req-returned "Did the request form come back complete?" choices=yes,no,na
      echo done
      """, to: "questions.ior")
    try ior.write(#"{"wso-3": "Supervisor signs the I-200."}"#, to: "partial.json")
    try ior.write(
      #"{"wso-3": "Supervisor signs the I-200.", "req-returned": "yes"}"#, to: "all.json")

    let partial = try ior.run(["--answers", "partial.json", "questions.ior"], timeout: 10)
    #expect(partial.status == 1)
    #expect(
      partial.stderr.contains("questions.ior:3: no answer for 'req-returned'"), partial.comment)
    #expect(!partial.stdout.contains("done"))

    let all = try ior.run(["--answers", "all.json", "questions.ior"])
    #expect(all.status == 0, all.comment)
    let answers = try ior.document("reviews/lake-so-2025.json")["answers"] as? [String: Any]
    let wso3 = answers?["wso-3"] as? [String: Any]
    #expect(wso3?["text"] as? String == "Supervisor signs the I-200.")
    #expect((answers?["req-returned"] as? [String: Any])?["text"] as? String == "yes")
  }

  // MARK: Mistakes on the command line and in scripts

  @Test("a script that runs itself is refused")
  func scriptRunsItself() throws {
    let ior = try IOR()
    try ior.write("echo again\nrun loop.ior\n", to: "loop.ior")
    let run = try ior.run(["loop.ior"], timeout: 10)
    #expect(run.status == 1)
    #expect(run.stderr.contains("loop.ior:2: script runs itself"), run.comment)
    #expect(run.stdout == "again\n")
  }

  @Test("an unknown global option is a usage error with a suggestion")
  func unknownOption() throws {
    let ior = try IOR()
    let run = try ior.run(["--stor", ior.store.path, "-c", "list partners"], withStore: false)
    #expect(run.status == 64)
    #expect(run.stderr.contains("unknown option '--stor'; did you mean '--store'?"), run.comment)
    #expect(!FileManager.default.fileExists(atPath: ior.store.path))
  }

  // MARK: The journal

  @Test("undo reverts the last change, and log shows it")
  func undo() throws {
    let ior = try Self.seeded()
    try ior.succeed("open review lake-so-2025; add concern \"Kept\"")
    let kept = try ior.document("reviews/lake-so-2025.json")
    try ior.succeed("open review lake-so-2025; add concern \"Undone\"")
    #expect(try Self.findingTitles(ior) == ["Kept", "Undone"])

    try ior.succeed("undo")
    #expect(try Self.findingTitles(ior) == ["Kept"])
    let review = try ior.document("reviews/lake-so-2025.json")
    #expect(review["revision"] as? Int == (kept["revision"] as? Int ?? 0) + 2)

    let log = try ior.succeed("log format=csv")
    let lines = log.stdout.split(separator: "\n")
    #expect(lines.count >= 3, log.comment)
    #expect(lines.dropFirst().first?.contains(",undo,") == true, log.comment)
    #expect(lines.dropFirst().first?.contains("e2e-tester") == true, log.comment)
  }

  // MARK: Help and the reference

  @MainActor
  @Test("help lists every command of the command table")
  func helpListsEveryCommand() throws {
    let ior = try IOR()
    let run = try ior.succeed("help")
    let listed = Set(
      run.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") }.compactMap { line in
        line.dropFirst(2).components(separatedBy: "  ").first
      })
    let table = CommandTable.all.map(\.name)
    #expect(table.count > 40)
    for name in table {
      #expect(listed.contains(name), "help does not list '\(name)'")
    }
  }

  @Test("an IOR_TODAY that is not a date is a usage error, not silently today")
  func badToday() throws {
    let run = try IOR().run(["-c", "version"], environment: ["IOR_TODAY": "2025-13-45"])
    #expect(run.status == 64, run.comment)
    #expect(run.stderr.contains("IOR_TODAY='2025-13-45' is not a date"), run.comment)
  }

  @Test("help VERB lists that verb's commands, one line each")
  func helpForAVerb() throws {
    let run = try IOR().commands("help add")
    #expect(run.status == 0, run.comment)
    for name in ["add partner", "add deficiency", "add concern", "add action"] {
      #expect(run.stdout.contains("\n  \(name) "), run.comment)
    }
  }

  @Test("ior --reference is the committed docs/commands.md")
  func reference() throws {
    let ior = try IOR()
    let run = try ior.run(["--reference"], withStore: false)
    #expect(run.status == 0)
    let committed = IOR.repositoryRoot.appendingPathComponent("docs/commands.md")
    let text = try String(contentsOf: committed, encoding: .utf8)
    #expect(
      run.stdout == text,
      "docs/commands.md is out of date: regenerate it with 'ior --reference > docs/commands.md'")
  }
}
