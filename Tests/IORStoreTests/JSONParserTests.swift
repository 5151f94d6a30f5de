import Testing

@testable import IORStore

@Suite("JSON parser, writer and SHA-256")
struct JSONParserTests {
  // MARK: Accepted input

  static let validInputs: [(text: String, value: JSONValue)] = [
    ("{}", .object([:])),
    ("[]", .array([])),
    (
      " \t\r\n[1, -2, 3.5, 1e2, 1E-2, 0]\n",
      .array([1, -2, .double(3.5), .double(100), .double(0.01), 0])
    ),
    (
      "{\"a\": {\"b\": [true, false, null]}}",
      .object(["a": .object(["b": .array([true, false, nil])])])
    ),
    ("\"caf\u{E9}\"", "caf\u{E9}"),
    (#""\u00e9\ud83d\ude00\n\t\"\\\/\b\f\r""#, "\u{E9}\u{1F600}\n\t\"\\/\u{8}\u{C}\r"),
    (#""\u0000""#, "\u{0}"),
    ("9223372036854775807", .int(Int.max)),
    ("9223372036854775808", .double(9_223_372_036_854_775_808)),
    ("-0", .int(0)),
    ("[-0.0]", .array([.double(-0.0)])),
    ("42", 42),
    ("\"a top-level string\"", "a top-level string"),
    ("true", true),
    ("null", nil),
    (String(repeating: "[", count: 256) + String(repeating: "]", count: 256), nested(256)),
  ]

  static func nested(_ depth: Int) -> JSONValue {
    var value: JSONValue = .array([])
    for _ in 1..<depth { value = .array([value]) }
    return value
  }

  @Test("accepts valid JSON and returns its value", arguments: validInputs)
  func acceptsValidJSON(text: String, value: JSONValue) throws {
    #expect(try JSONParser.parse(text) == value)
  }

  // MARK: Refused input

  struct Invalid: CustomTestStringConvertible, Sendable {
    var name: String
    var bytes: [UInt8]
    var reason: String
    var line: Int
    var column: Int
    var testDescription: String { name }

    init(_ name: String, _ text: String, _ reason: String, _ line: Int, _ column: Int) {
      self.init(name, Array(text.utf8), reason, line, column)
    }

    init(_ name: String, _ bytes: [UInt8], _ reason: String, _ line: Int, _ column: Int) {
      self.name = name
      self.bytes = bytes
      self.reason = reason
      self.line = line
      self.column = column
    }
  }

  static let invalidInputs: [Invalid] = [
    Invalid("truncated array", "{\"a\": [1, 2", "unexpected end of file inside an array", 1, 12),
    Invalid(
      "truncated object", "{\n  \"a\": 1,\n", "unexpected end of file inside an object", 3, 1),
    Invalid("unterminated string", "[\"abc", "unterminated string", 1, 2),
    Invalid("truncated literal", "tru", "unexpected end of file", 1, 1),
    Invalid(
      "invalid UTF-8 in a string", Array("[\"ok\", \"".utf8) + [0xC3, 0x28, 0x22, 0x5D],
      "invalid UTF-8 in a string", 1, 9),
    Invalid(
      "invalid UTF-8 outside a string", [0x5B, 0xFF, 0x5D], "unexpected character byte 0xFF", 1, 2),
    Invalid("lone high surrogate", #""\ud800""#, "lone high surrogate", 1, 2),
    Invalid("lone low surrogate", #"["\udc00"]"#, "lone low surrogate", 1, 3),
    Invalid(
      "high surrogate before a letter", #""\ud800\u0041""#, "not followed by a low surrogate", 1,
      2),
    Invalid("number too large", "1e400", "number 1e400 is out of range", 1, 1),
    Invalid("negative number too large", "[-1e400]", "out of range", 1, 2),
    Invalid("NaN", "[1, NaN]", "NaN and Infinity are not JSON numbers", 1, 5),
    Invalid("Infinity", "Infinity", "NaN and Infinity", 1, 1),
    Invalid("minus Infinity", "-Infinity", "a number needs digits after '-'", 1, 1),
    Invalid("leading zero", "[01]", "leading zeros", 1, 2),
    Invalid("fraction without digits", "1.", "a number needs digits after '.'", 1, 3),
    Invalid("trailing comma in an array", "[1, 2,]", "trailing comma before ']'", 1, 7),
    Invalid("trailing comma in an object", "{\"a\": 1,}", "trailing comma before '}'", 1, 9),
    Invalid("line comment before the value", "// note\n{}", "comments are not allowed", 1, 1),
    Invalid("block comment as a value", "{\"a\": /* x */ 1}", "comments are not allowed", 1, 7),
    Invalid("comment after a member", "{\n  \"a\": 1 // x\n}", "expected ',' or '}'", 2, 10),
    Invalid("raw tab in a string", "\"a\tb\"", "control character byte 0x09 inside a string", 1, 3),
    Invalid("raw newline in a string", "[\"a\nb\"]", "control character byte 0x0A", 1, 4),
    Invalid(
      "control character after an escape", "\"\\n\u{1}\"", "control character byte 0x01", 1, 4),
    Invalid("invalid escape", #""\x""#, "invalid escape '\\x'", 1, 2),
    Invalid("duplicate member names", "{\"a\": 1, \"a\": 2}", "duplicate member name \"a\"", 1, 10),
    Invalid("byte-order mark", [0xEF, 0xBB, 0xBF, 0x7B, 0x7D], "byte-order mark", 1, 1),
    Invalid("empty text", "", "empty file", 1, 1),
    Invalid("only white space", "  \n ", "no JSON value, only white space", 2, 2),
    Invalid("single-quoted name", "{'a': 1}", "expected a quoted member name, found '''", 1, 2),
    Invalid("missing colon", "{\"a\" 1}", "expected ':' after member name \"a\"", 1, 6),
    Invalid("two values", "{} {}", "unexpected text after the end of the JSON value", 1, 4),
    Invalid(
      "arrays nested 10,000 deep",
      String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
      "nesting deeper than 256 levels", 1, 257),
    Invalid(
      "objects nested 10,000 deep", String(repeating: "{\"a\":", count: 10_000),
      "nesting deeper than 256 levels", 1, 1281),
  ]

  @Test("refuses invalid JSON with a reason, a line and a column", arguments: invalidInputs)
  func refusesInvalidJSON(input: Invalid) {
    #expect {
      try JSONParser.parse(input.bytes)
    } throws: { error in
      guard let syntax = error as? JSONSyntaxError else { return false }
      #expect(syntax.reason.contains(input.reason), "reason was: \(syntax.reason)")
      #expect(syntax.line == input.line)
      #expect(syntax.column == input.column)
      return true
    }
  }

  // MARK: Writer

  static let roundTripValues: [JSONValue] = [
    .object([:]),
    .array([]),
    .object([
      "name": "Lake County Sheriff's Office", "count": 37, "ratio": .double(0.25),
      "tiny": .double(1.5e-300), "huge": .double(-2.5e300), "flags": .array([true, false, nil]),
      "nested": .object(["list": .array([1, .array([2, .array([3])]), .object(["deep": "yes"])])]),
    ]),
    .string("quote \" backslash \\ slash / newline \n tab \t bell \u{7} delete \u{7F}"),
    .string("line separator \u{2028} paragraph separator \u{2029} emoji \u{1F600} \u{E9}"),
    .int(Int.min),
    .int(Int.max),
  ]

  @Test("parsing what the writer wrote gives back the same value", arguments: roundTripValues)
  func writerRoundTrip(value: JSONValue) throws {
    #expect(try JSONParser.parse(JSONWriter.pretty(value)) == value)
    #expect(try JSONParser.parse(JSONWriter.compact(value)) == value)
  }

  @Test("a whole number kept as a fraction comes back as the same number")
  func wholeFractionRoundTrip() throws {
    let value = try JSONParser.parse(JSONWriter.compact(.double(3)))
    #expect(value.intValue == 3)
  }

  @Test("the writer sorts keys and indents by two spaces, ending with a newline")
  func prettyLayout() {
    let value: JSONValue = .object(["b": .object([:]), "a": .array([1, 2]), "C": "x", "_": nil])
    let expected = """
      {
        "C": "x",
        "_": null,
        "a": [
          1,
          2
        ],
        "b": {}
      }

      """
    #expect(JSONWriter.pretty(value) == expected)
    #expect(JSONWriter.compact(value) == #"{"C":"x","_":null,"a":[1,2],"b":{}}"#)
  }

  @Test("the writer escapes quotes, backslashes and control characters")
  func writerEscapes() {
    let text = "q\"b\\n\nr\rt\tc\u{1}d\u{7F}e\u{2028}/"
    #expect(JSONWriter.compact(.string(text)) == #""q\"b\\n\nr\rt\tc\u0001d\u007fe\u2028/""#)
  }

  // MARK: SHA-256

  @Test(
    "SHA-256 matches the published test vectors",
    arguments: [
      ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      (
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      ),
      (
        String(repeating: "a", count: 1_000),
        "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"
      ),
    ])
  func sha256Vectors(message: String, digest: String) {
    #expect(SHA256.hex(Array(message.utf8)) == digest)
  }
}
