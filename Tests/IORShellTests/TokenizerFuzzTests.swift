import Testing

@testable import IORShell

/// A small seeded pseudo-random generator (SplitMix64), so a failing line can be made again.
private struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }
}

private func lookup(_ name: String) -> String? {
  ["review": "lake-so-2025", "empty": "", "spaced": "a b; c # d"][name]
}

/// The tokenizer under random and mutated lines, and every line the libFuzzer runs
/// (`Fuzz/run.sh tokenizer`) found worth keeping.
///
/// The checks are those of `Fuzz/TokenizerFuzz.swift`: no crash, every word's and every error's
/// column inside the line, and completion's partial scan safe at any cursor.
@Suite("Tokenizer under random input")
struct TokenizerFuzzTests {
  /// Lines worth keeping: open quotes and braces, escapes at the end, odd Characters.
  static let regressions = [
    "", "\"", "'", "\\", "$", "${", "${}", "${review", "$ ", "\"$", "\"${", "\"\\", "a=\"",
    "=", "==", "a==b", "#", ";", ";;;", "\"unterminated", "'unterminated", "echo \\",
    "e\u{301}\"\u{301}", "\u{1F1FA}\u{1F1F8}=\"x\"", "\r\n", "a\rb", "\u{0}", "\"\u{0}\"",
    "$spaced", "\"$spaced\"", "${spaced}x", "$unknown", "\"${unknown}\"", "key=$review",
    "add concern \"\u{1B}[31mred\"", String(repeating: "\"", count: 10_001),
    String(repeating: "${", count: 5_000), String(repeating: "a ", count: 50_000),
  ]

  @Test("every regression line is split or refused cleanly", arguments: Self.regressions.indices)
  func regression(index: Int) {
    check(Self.regressions[index])
  }

  @Test("20,000 seeded random and mutated lines are split or refused cleanly")
  func seededRandomLines() {
    var generator = SeededGenerator(seed: 0x70C_2025)
    let pieces = [
      "add", "deficiency", " ", "  ", "\t", "\"", "'", "\\", "$", "${", "}", "review", "x=",
      "cite=", "=", ";", "#", "\\n", "\\t", "\\$", "\\\"", "é", "e\u{301}", "\u{1F600}",
      "\u{1B}[31m", "\n", "\r", "\u{0}", "$empty", "${spaced}", "lake-so-2025",
    ]
    let seeds = [
      "add deficiency \"Warrant served\" cite=\"MOA Article V\" # note",
      "answer wso-3 'Supervisor reviews each I-200.'; open review $review",
      "set partner fpm=\"A. Rivera\" moa-signed=2019-05-01 x=\"${review}\\$\"",
    ]
    for _ in 0..<20_000 {
      var line = ""
      if Bool.random(using: &generator) {
        for _ in 0..<Int.random(in: 0...30, using: &generator) {
          line += pieces.randomElement(using: &generator) ?? ""
        }
      } else {
        var characters = Array(seeds.randomElement(using: &generator) ?? "")
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
          let position = Int.random(in: 0..<characters.count, using: &generator)
          if Bool.random(using: &generator) {
            characters.remove(at: position)
          } else {
            let piece = pieces.randomElement(using: &generator) ?? ""
            characters.insert(contentsOf: piece, at: position)
          }
        }
        line = String(characters)
      }
      check(line)
    }
  }

  // MARK: The checks

  /// The words of each command as the shell runs them, or nil when the line is refused.
  private static func oneAtATime(_ line: String) -> [[String]]? {
    var commands: [[String]] = []
    do {
      try Tokenizer.eachCommand(in: line, variables: lookup) { commands.append($0.map(\.text)) }
    } catch {
      return nil
    }
    return commands
  }

  /// The words of each command split in one pass, or nil when the line is refused.
  private static func allAtOnce(_ line: String) -> [[String]]? {
    (try? Tokenizer.commands(in: line, variables: lookup))?.map { $0.map(\.text) }
  }

  private func check(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let count = line.count
    do {
      let commands = try Tokenizer.commands(in: line, variables: lookup)
      for word in commands.joined() {
        #expect(
          (1...max(count, 1)).contains(word.column),
          "word column \(word.column) outside \(count) characters: \(line.debugDescription)",
          sourceLocation: sourceLocation)
      }
    } catch {
      #expect(
        (1...count + 1).contains(error.column),
        "error column \(error.column) outside \(count) characters: \(line.debugDescription)",
        sourceLocation: sourceLocation)
      #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
    }
    #expect(
      Self.oneAtATime(line) == Self.allAtOnce(line),
      "eachCommand and commands disagree: \(line.debugDescription)", sourceLocation: sourceLocation)
    let bytes = line.utf8.count
    for cursor in [-1, 0, bytes / 2, bytes, bytes + 5] {
      let partial = Tokenizer.partial(line, cursor: cursor)
      #expect(
        (0...bytes).contains(partial.currentStart),
        "partial start \(partial.currentStart) at cursor \(cursor): \(line.debugDescription)",
        sourceLocation: sourceLocation)
    }
  }
}
