import Testing

@testable import IORStore

/// A small, fast, seeded pseudo-random generator (SplitMix64), so a failing input can be made
/// again from its seed and index.
struct SeededGenerator: RandomNumberGenerator {
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

/// The JSON reader under random and mutated input, and every input the libFuzzer runs
/// (`Fuzz/run.sh json`) found worth keeping.
///
/// The checks are those of `Fuzz/JSONFuzz.swift`: no crash, an error's line and column inside
/// the input, and a value that survives being written and read again.
@Suite("JSON reader under random input")
struct FuzzRegressionTests {
  /// Inputs the fuzzer or a hand found interesting; each must be read or refused cleanly.
  static let regressions: [[UInt8]] = [
    [],
    Array("\u{FEFF}{}".utf8),
    Array(repeating: UInt8(ascii: "["), count: 100_000),
    Array(repeating: UInt8(ascii: "["), count: 256)
      + Array(repeating: UInt8(ascii: "]"), count: 256),
    Array(repeating: UInt8(ascii: "["), count: 257)
      + Array(repeating: UInt8(ascii: "]"), count: 257),
    Array("{\"a\":".utf8) + Array(repeating: UInt8(ascii: "{"), count: 5_000),
    Array("\"\\ud800\"".utf8),
    Array("\"\\udbff\\u0041\"".utf8),
    Array("\"\\u".utf8),
    Array("\"\\u12".utf8),
    [0x22, 0xED, 0xA0, 0x80, 0x22],
    [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],
    [0x22, 0xC0, 0xAF, 0x22],
    [0x22, 0xE2, 0x82],
    Array("1e400".utf8), Array("-1e400".utf8), Array("1e-400".utf8), Array("-".utf8),
    Array("1.".utf8), Array("1e".utf8), Array("1e+".utf8), Array("-0".utf8), Array("01".utf8),
    Array("123456789012345678901234567890e99999999999999999999".utf8),
    Array("0.00000000000000000000000000000000000000000000000000000000001e-99999999999".utf8),
    Array("\n\n\n   ".utf8),
    Array("{\"a\":1,\"a\":1}".utf8),
    Array("{\"\u{E9}\":1,\"e\u{301}\":2}".utf8),
    Array("[1,]".utf8), Array("{,}".utf8), Array("[NaN]".utf8), Array("/**/1".utf8),
    [0x22, 0x00, 0x22],
    Array("\"\\u0000\"".utf8),
    Array("{\"a\" 1}".utf8), Array("{\"a\":}".utf8), Array("[\"a\":1]".utf8),
    Array("tru".utf8), Array("nul".utf8), Array("falsey".utf8),
  ]

  @Test("every regression input is read or refused cleanly", arguments: Self.regressions.indices)
  func regression(index: Int) {
    check(Self.regressions[index])
  }

  @Test("20,000 seeded random and mutated inputs are read or refused cleanly")
  func seededRandomInputs() {
    var generator = SeededGenerator(seed: 0x10E_2025)
    let seeds = Self.seeds.map { Array($0.utf8) }
    for _ in 0..<20_000 {
      let input: [UInt8]
      if Bool.random(using: &generator) {
        input = Self.randomJSONish(using: &generator)
      } else {
        input = Self.mutate(seeds.randomElement(using: &generator) ?? [], using: &generator)
      }
      check(input)
    }
  }

  // MARK: The checks

  /// Parses `input`; on success writes the value back out and reads it again; on failure
  /// checks that the position lies inside the input.
  private func check(_ input: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
    do {
      let value = try JSONParser.parse(input)
      for text in [JSONWriter.pretty(value), JSONWriter.compact(value)] {
        let again = try? JSONParser.parse(text)
        #expect(
          again.map { Self.same($0, value) } == true,
          "written JSON reads back differently: \(text) from \(input)",
          sourceLocation: sourceLocation)
      }
    } catch {
      let lines = input.split(separator: 0x0A, omittingEmptySubsequences: false)
      let inside =
        error.line >= 1 && error.line <= lines.count && error.column >= 1
        && error.column <= lines[error.line - 1].count + 1
      #expect(
        inside, "\(error.line):\(error.column) is outside the input \(input)",
        sourceLocation: sourceLocation)
      #expect(!error.reason.isEmpty, sourceLocation: sourceLocation)
    }
  }

  /// The writer prints a whole-number double as an integer, so numbers compare by value.
  static func same(_ left: JSONValue, _ right: JSONValue) -> Bool {
    switch (left, right) {
    case (.int(let whole), .double(let fraction)), (.double(let fraction), .int(let whole)):
      return Double(whole) == fraction
    case (.array(let first), .array(let second)):
      return first.count == second.count && zip(first, second).allSatisfy { same($0, $1) }
    case (.object(let first), .object(let second)):
      return first.count == second.count
        && first.allSatisfy { key, value in second[key].map { same(value, $0) } ?? false }
    default:
      return left == right
    }
  }

  // MARK: Making inputs

  static let seeds = [
    "{\n  \"id\" : \"lake-so\",\n  \"revision\" : 3,\n  \"schemaVersion\" : 1,\n"
      + "  \"name\" : \"Lake County Sheriff's Office\",\n  \"officers\" : [\n"
      + "    {\"name\": \"Pat Doe\", \"authorized\": \"2024-01-15\"}\n  ]\n}\n",
    "[1, -2, 3.5, 1e2, 1E-2, 0, -0.0, 123456789012345678901]",
    "{\"a\": {\"b\": [true, false, null, \"\\u00e9\\ud83d\\ude00\\n\\t\\\"\\\\\\/\"]}}",
    "\"caf\u{E9} \u{1F1FA}\u{1F1F8}\"",
  ]

  /// A short run of JSON punctuation, literals, numbers and string pieces, often invalid.
  static func randomJSONish(using generator: inout SeededGenerator) -> [UInt8] {
    let pieces = [
      "{", "}", "[", "]", ",", ":", "\"", "\"a\"", "\\", "\\u", "d800", "dc00", "00e9", "1", "-",
      "0", ".", "e", "E", "+", "400", "true", "fals", "null", "NaN", " ", "\n", "\t", "\r", "/*",
      "//", "\u{FEFF}", "\u{E9}", "\u{1F600}",
    ].map { Array($0.utf8) }
    var out: [UInt8] = []
    for _ in 0..<Int.random(in: 0...40, using: &generator) {
      if Int.random(in: 0..<10, using: &generator) == 0 {
        out.append(UInt8.random(in: 0...255, using: &generator))
      } else {
        out += pieces.randomElement(using: &generator) ?? []
      }
    }
    return out
  }

  /// `seed` with a few bytes flipped, inserted, removed or duplicated.
  static func mutate(_ seed: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
    var out = seed
    for _ in 0..<Int.random(in: 1...4, using: &generator) {
      let position = out.isEmpty ? 0 : Int.random(in: 0..<out.count, using: &generator)
      switch Int.random(in: 0..<4, using: &generator) {
      case 0 where !out.isEmpty:
        out[position] ^= UInt8(1) << UInt8.random(in: 0...7, using: &generator)
      case 1: out.insert(UInt8.random(in: 0...255, using: &generator), at: position)
      case 2 where !out.isEmpty: out.remove(at: position)
      default:
        let end = min(out.count, position + Int.random(in: 1...8, using: &generator))
        out.insert(contentsOf: out[position..<end], at: position)
      }
    }
    return out
  }
}
