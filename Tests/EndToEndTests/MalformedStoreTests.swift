import Foundation
import Testing

/// A store whose `partners/` and `reviews/` folders hold, beside good documents, files that
/// break the JSON spec in every way a hand edit, a failing disk or a hostile file can: each is
/// reported with its path and reason, none stops the others, and `verify` names them all.
@Suite("A store with malformed documents among good ones")
struct MalformedStoreTests {
  /// The malformed files, by name (without `.json`): each is written as is.
  static let corpus: [(name: String, bytes: [UInt8])] = [
    ("empty-file", []),
    ("byte-order-mark", [0xEF, 0xBB, 0xBF] + Array("{\"id\": \"byte-order-mark\"}".utf8)),
    (
      "invalid-utf8",
      Array("{\"id\": \"invalid-utf8\", \"name\": \"".utf8) + [0xC3, 0x28, 0xFF]
        + Array("\"}".utf8)
    ),
    ("utf8-surrogate", Array("{\"name\": \"".utf8) + [0xED, 0xA0, 0x80] + Array("\"}".utf8)),
    ("overlong-utf8", Array("{\"name\": \"".utf8) + [0xC0, 0xAF] + Array("\"}".utf8)),
    ("lone-surrogate", Array(#"{"name": "\ud800 alone"}"#.utf8)),
    ("lone-low-surrogate", Array(#"{"name": "\udc00"}"#.utf8)),
    ("huge-number", Array(#"{"revision": 1e400}"#.utf8)),
    ("negative-huge-number", Array(#"{"revision": -1e400}"#.utf8)),
    ("negative-zero", Array(#"{"id": "negative-zero", "revision": -0, "schemaVersion": 1}"#.utf8)),
    ("leading-zero", Array(#"{"revision": 01}"#.utf8)),
    ("deep-nesting", Array(("{\"a\": " + String(repeating: "[", count: 10_000)).utf8)),
    (
      "deep-objects",
      Array(
        (String(repeating: "{\"a\":", count: 300) + "1"
          + String(repeating: "}", count: 300)).utf8)
    ),
    ("not-a-number", Array(#"{"revision": NaN}"#.utf8)),
    ("infinity", Array(#"{"revision": Infinity}"#.utf8)),
    ("trailing-comma", Array("{\n  \"name\": \"x\",\n}\n".utf8)),
    ("trailing-comma-array", Array(#"{"officers": [1, 2,]}"#.utf8)),
    ("line-comment", Array("// a note\n{\"name\": \"x\"}".utf8)),
    ("block-comment", Array("{\"name\": /* a note */ \"x\"}".utf8)),
    ("control-in-string", Array("{\"name\": \"tab\there\"}".utf8)),
    ("newline-in-string", Array("{\"name\": \"two\nlines\"}".utf8)),
    ("nul-in-string", Array("{\"name\": \"".utf8) + [0] + Array("\"}".utf8)),
    ("duplicate-key", Array(#"{"name": "a", "name": "b"}"#.utf8)),
    ("truncated", Array("{\n  \"id\": \"truncated\",\n  \"name\": \"Lake Co".utf8)),
    ("only-white-space", Array(" \n\t\r\n".utf8)),
    ("not-an-object", Array("[1, 2, 3]".utf8)),
    ("text-after-value", Array("{} {}".utf8)),
    ("single-quotes", Array("{'name': 'x'}".utf8)),
    ("binary-junk", (0..<512).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }),
    ("wrong-id", Array(#"{"id": "someone-else", "revision": 1, "schemaVersion": 1}"#.utf8)),
    ("no-revision", Array(#"{"id": "no-revision", "schemaVersion": 1}"#.utf8)),
  ]

  /// A store with partners lake-so and pine-so and their reviews, and the corpus written into
  /// both collections.
  static func seeded() throws -> IOR {
    let ior = try IOR()
    try ior.succeed(
      """
      add partner lake-so name="Lake County Sheriff's Office" state=FL moa-signed=2019-05-01
      add partner pine-so name="Pine County Sheriff's Office" state=GA moa-signed=2020-01-10
      new review lake-so type=program date=2025-05-12
      add concern "Roster kept on paper"
      new review pine-so type=focus date=2025-06-02
      """)
    for collection in ["partners", "reviews"] {
      for (name, bytes) in corpus {
        let url = ior.store.appendingPathComponent("\(collection)/\(name).json")
        try Data(bytes).write(to: url)
      }
      // Files that are not documents at all, by name.
      try Data("{}".utf8).write(to: ior.store.appendingPathComponent("\(collection)/Upper.json"))
      try Data("notes".utf8).write(to: ior.store.appendingPathComponent("\(collection)/notes.txt"))
    }
    return ior
  }

  /// The stderr lines that name `collection/name.json`.
  static func reports(of path: String, in stderr: String) -> [Substring] {
    stderr.split(separator: "\n").filter { $0.contains(path) }
  }

  @Test(
    "each listing command shows every good document and reports every bad file with its reason",
    arguments: ["list partners", "list reviews", "summary", "summary fy 2025 format=csv", "due"])
  func listing(command: String) throws {
    let ior = try Self.seeded()
    let run = try ior.commands(command)
    #expect(run.status == 0 || run.status == 65, run.comment)
    #expect(run.status < 128, "ior crashed: \(run.comment)")

    // Every good document still shows.
    let goodOnes =
      command.hasPrefix("list reviews")
      ? ["lake-so-2025", "pine-so-2025"]
      : command == "due" ? ["lake-so", "pine-so"] : ["lake-so", "pine-so"]
    for id in goodOnes {
      #expect(run.stdout.contains(id), "\(id) missing from '\(command)': \(run.comment)")
    }

    // Every bad file of the collections the command reads is named on stderr, with a reason.
    let collections =
      command == "list partners"
      ? ["partners"]
      : command == "list reviews" ? ["reviews"] : ["partners", "reviews"]
    for collection in collections {
      for (name, _) in Self.corpus {
        let lines = Self.reports(of: "\(collection)/\(name).json", in: run.stderr)
        #expect(lines.count == 1, "\(collection)/\(name).json: \(lines) in \(run.comment)")
        if let line = lines.first {
          // "path: reason" or "path:line:column: reason", with a reason after the last colon.
          let reason = line.split(separator: ":").last.map(String.init) ?? ""
          #expect(!reason.trimmingCharacters(in: .whitespaces).isEmpty, "\(line)")
        }
      }
      for name in ["Upper.json", "notes.txt"] {
        #expect(
          Self.reports(of: "\(collection)/\(name)", in: run.stderr).count == 1, run.comment)
      }
    }
    // Nothing a bad file holds reaches the terminal raw.
    #expect(!run.stderr.contains("\u{0}") && !run.stdout.contains("\u{0}"))
  }

  @Test("the reasons name the fault, and a position where there is one")
  func reasons() throws {
    let ior = try Self.seeded()
    let run = try ior.commands("list partners")
    let expected: [(name: String, words: String)] = [
      ("empty-file", "empty"), ("byte-order-mark", "byte-order mark"),
      ("invalid-utf8", "UTF-8"), ("utf8-surrogate", "UTF-8"), ("overlong-utf8", "UTF-8"),
      ("lone-surrogate", "surrogate"), ("lone-low-surrogate", "surrogate"),
      ("huge-number", "number"), ("deep-nesting", "deep"), ("duplicate-key", "duplicate"),
      ("trailing-comma", "partners/trailing-comma.json:3:1:"), ("line-comment", ":1:1:"),
      ("truncated", "partners/truncated.json:3:"), ("wrong-id", "id"),
      ("no-revision", "revision"),
    ]
    for (name, words) in expected {
      let lines = Self.reports(of: "partners/\(name).json", in: run.stderr)
      #expect(
        lines.contains { $0.localizedCaseInsensitiveContains(words) },
        "partners/\(name).json should mention '\(words)': \(lines)")
    }
  }

  @Test("verify names every bad file and exits 65")
  func verify() throws {
    let ior = try Self.seeded()
    let run = try ior.commands("verify")
    #expect(run.status == 65, run.comment)
    let output = run.stdout + run.stderr
    for collection in ["partners", "reviews"] {
      for (name, _) in Self.corpus {
        #expect(output.contains("\(collection)/\(name).json"), "\(name): \(run.comment)")
      }
    }
  }

  @Test("work on the good documents goes on, and the bad files are left exactly as they were")
  func workGoesOn() throws {
    let ior = try Self.seeded()
    let before = try ior.snapshot().filter { !$0.key.hasPrefix("journal") }
    let run = try ior.commands(
      "open review lake-so-2025; add concern \"Second concern\"; open partner pine-so;"
        + " set partner fpm=\"A. Rivera\"")
    #expect(run.status == 0, run.comment)
    let after = try ior.snapshot()
    for (name, _) in Self.corpus {
      for collection in ["partners", "reviews"] {
        let path = "\(collection)/\(name).json"
        #expect(after[path] == before[path], "\(path) was changed")
      }
    }
    let review = try ior.document("reviews/lake-so-2025.json")
    #expect((review["findings"] as? [[String: Any]])?.count == 2)
  }

  @Test(
    "a damaged document opened by id gives its path and reason, exit 65",
    arguments: [
      "open partner duplicate-key", "open review trailing-comma", "open partner deep-nesting",
    ])
  func openDamaged(command: String) throws {
    let ior = try Self.seeded()
    let run = try ior.commands(command)
    #expect(run.status == 65, run.comment)
    #expect(run.stderr.contains(".json"), run.comment)
  }
}
