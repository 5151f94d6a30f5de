/// Why a text is not a JSON document the store accepts, and where.
public struct JSONSyntaxError: Error, Equatable, Sendable {
  /// What is wrong, as a lowercase fragment.
  public var reason: String
  /// 1-based line of the offending byte.
  public var line: Int
  /// 1-based column (in bytes) of the offending byte.
  public var column: Int
}

/// A strict RFC 8259 parser.
///
/// Stricter than most: it refuses what a hand edit or a failing disk leaves behind rather than
/// guessing (a byte-order mark, comments, trailing commas, NaN, duplicate keys, invalid UTF-8,
/// lone surrogates, numbers out of range), and it limits nesting so a hostile file cannot
/// exhaust the stack.
public struct JSONParser {
  /// The deepest nesting of arrays and objects accepted.
  public static let maximumDepth = 256

  private let bytes: UnsafeBufferPointer<UInt8>
  private var offset = 0
  private var depth = 0

  private init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// Parses one JSON value that fills the whole text.
  /// - Throws: `JSONSyntaxError` naming the line, column and reason.
  public static func parse(_ data: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
    let result: Result<JSONValue, JSONSyntaxError> = data.withUnsafeBufferPointer { buffer in
      var parser = JSONParser(bytes: buffer)
      do throws(Failure) {
        return .success(try parser.parseDocument())
      } catch {
        return .failure(Self.locate(error, in: buffer))
      }
    }
    return try result.get()
  }

  /// Parses the UTF-8 of a string.
  public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
    try parse(Array(text.utf8))
  }

  // A failure before its line and column are worked out, which only an error needs.
  fileprivate struct Failure: Error {
    var offset: Int
    var reason: String
  }

  private static func locate(_ failure: Failure, in bytes: UnsafeBufferPointer<UInt8>)
    -> JSONSyntaxError
  {
    var line = 1
    var lineStart = 0
    for index in 0..<min(failure.offset, bytes.count) where bytes[index] == 0x0A {
      line += 1
      lineStart = index + 1
    }
    return JSONSyntaxError(
      reason: failure.reason, line: line, column: failure.offset - lineStart + 1)
  }

  private func fail(_ reason: String, at position: Int? = nil) -> Failure {
    Failure(offset: position ?? offset, reason: reason)
  }

  private mutating func parseDocument() throws(Failure) -> JSONValue {
    if bytes.isEmpty { throw fail("empty file") }
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      throw fail("starts with a byte-order mark, which JSON does not allow")
    }
    skipWhitespace()
    if offset == bytes.count { throw fail("no JSON value, only white space") }
    let value = try parseValue()
    skipWhitespace()
    if offset < bytes.count { throw fail("unexpected text after the end of the JSON value") }
    return value
  }

  private mutating func skipWhitespace() {
    while offset < bytes.count {
      switch bytes[offset] {
      case 0x20, 0x0A, 0x0D, 0x09: offset += 1
      default: return
      }
    }
  }

  private mutating func parseValue() throws(Failure) -> JSONValue {
    guard offset < bytes.count else { throw fail("unexpected end of file") }
    switch bytes[offset] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
    case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
    case UInt8(ascii: "n"): return try parseLiteral("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    case UInt8(ascii: "/"): throw fail("comments are not allowed in JSON")
    case UInt8(ascii: "N"), UInt8(ascii: "I"): throw fail("NaN and Infinity are not JSON numbers")
    default: throw fail("unexpected character \(Self.describe(bytes[offset]))")
    }
  }

  private static func describe(_ byte: UInt8) -> String {
    if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    let hex = String(byte, radix: 16, uppercase: true)
    return "byte 0x" + (hex.count == 1 ? "0" + hex : hex)
  }

  private mutating func parseLiteral(_ word: StaticString, _ value: JSONValue)
    throws(Failure) -> JSONValue
  {
    let count = word.utf8CodeUnitCount
    guard offset + count <= bytes.count else { throw fail("unexpected end of file") }
    for index in 0..<count where bytes[offset + index] != word.utf8Start[index] {
      throw fail("unexpected character \(Self.describe(bytes[offset + index]))", at: offset + index)
    }
    offset += count
    return value
  }

  private mutating func enter() throws(Failure) {
    depth += 1
    if depth > Self.maximumDepth {
      throw fail("nesting deeper than \(Self.maximumDepth) levels")
    }
  }

  private mutating func parseObject() throws(Failure) -> JSONValue {
    try enter()
    offset += 1
    var members: [String: JSONValue] = [:]
    skipWhitespace()
    if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") {
      offset += 1
      depth -= 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard offset < bytes.count else { throw fail("unexpected end of file inside an object") }
      if bytes[offset] == UInt8(ascii: "}") { throw fail("trailing comma before '}'") }
      guard bytes[offset] == UInt8(ascii: "\"") else {
        throw fail("expected a quoted member name, found \(Self.describe(bytes[offset]))")
      }
      let keyOffset = offset
      let key = try parseString()
      skipWhitespace()
      guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else {
        throw fail("expected ':' after member name \"\(key)\"")
      }
      offset += 1
      skipWhitespace()
      let value = try parseValue()
      if members.updateValue(value, forKey: key) != nil {
        throw fail("duplicate member name \"\(key)\"", at: keyOffset)
      }
      skipWhitespace()
      guard offset < bytes.count else { throw fail("unexpected end of file inside an object") }
      if bytes[offset] == UInt8(ascii: ",") {
        offset += 1
        continue
      }
      guard bytes[offset] == UInt8(ascii: "}") else {
        throw fail("expected ',' or '}' in an object, found \(Self.describe(bytes[offset]))")
      }
      offset += 1
      depth -= 1
      return .object(members)
    }
  }

  private mutating func parseArray() throws(Failure) -> JSONValue {
    try enter()
    offset += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") {
      offset += 1
      depth -= 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      guard offset < bytes.count else { throw fail("unexpected end of file inside an array") }
      if bytes[offset] == UInt8(ascii: "]") { throw fail("trailing comma before ']'") }
      elements.append(try parseValue())
      skipWhitespace()
      guard offset < bytes.count else { throw fail("unexpected end of file inside an array") }
      if bytes[offset] == UInt8(ascii: ",") {
        offset += 1
        continue
      }
      guard bytes[offset] == UInt8(ascii: "]") else {
        throw fail("expected ',' or ']' in an array, found \(Self.describe(bytes[offset]))")
      }
      offset += 1
      depth -= 1
      return .array(elements)
    }
  }
}

extension JSONParser {
  fileprivate mutating func parseString() throws(Failure) -> String {
    let start = offset
    offset += 1
    let contentStart = offset

    // Fast path: no escapes, so the bytes between the quotes are the text itself.
    var highBits: UInt8 = 0
    while offset < bytes.count {
      let byte = bytes[offset]
      if byte == UInt8(ascii: "\"") {
        let slice = UnsafeBufferPointer(rebasing: bytes[contentStart..<offset])
        offset += 1
        // ASCII needs no validation, and most of a document is ASCII.
        if highBits & 0x80 == 0 { return String(decoding: slice, as: UTF8.self) }
        guard let text = String(validating: slice, as: UTF8.self) else {
          throw fail(
            "invalid UTF-8 in a string", at: Self.firstInvalidUTF8(slice, base: contentStart))
        }
        return text
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { throw fail("control character \(Self.describe(byte)) inside a string") }
      highBits |= byte
      offset += 1
    }
    if offset >= bytes.count { throw fail("unterminated string", at: start) }
    return try parseEscapedString(from: contentStart, openedAt: start)
  }

  private static func firstInvalidUTF8(_ slice: UnsafeBufferPointer<UInt8>, base: Int) -> Int {
    var decoder = UTF8()
    var iterator = slice.makeIterator()
    var position = 0
    var consumed = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        position += UTF8.width(scalar)
        consumed = position
      case .emptyInput: return base + consumed
      case .error: return base + consumed
      }
    }
  }

  private mutating func parseEscapedString(from contentStart: Int, openedAt start: Int)
    throws(Failure) -> String
  {
    var utf8: [UInt8] = Array(bytes[contentStart..<offset])
    while offset < bytes.count {
      let byte = bytes[offset]
      switch byte {
      case UInt8(ascii: "\""):
        offset += 1
        guard let text = String(validating: utf8, as: UTF8.self) else {
          throw fail("invalid UTF-8 in a string", at: start)
        }
        return text
      case UInt8(ascii: "\\"):
        try appendEscape(to: &utf8)
      case 0..<0x20:
        throw fail("control character \(Self.describe(byte)) inside a string")
      default:
        utf8.append(byte)
        offset += 1
      }
    }
    throw fail("unterminated string", at: start)
  }

  private mutating func appendEscape(to utf8: inout [UInt8]) throws(Failure) {
    let escapeStart = offset
    offset += 1
    guard offset < bytes.count else { throw fail("unterminated string", at: escapeStart) }
    let letter = bytes[offset]
    offset += 1
    switch letter {
    case UInt8(ascii: "\""): utf8.append(0x22)
    case UInt8(ascii: "\\"): utf8.append(0x5C)
    case UInt8(ascii: "/"): utf8.append(0x2F)
    case UInt8(ascii: "b"): utf8.append(0x08)
    case UInt8(ascii: "f"): utf8.append(0x0C)
    case UInt8(ascii: "n"): utf8.append(0x0A)
    case UInt8(ascii: "r"): utf8.append(0x0D)
    case UInt8(ascii: "t"): utf8.append(0x09)
    case UInt8(ascii: "u"):
      let scalar = try parseUnicodeEscape(startingAt: escapeStart)
      utf8.append(contentsOf: Array(String(Character(scalar)).utf8))
    default:
      throw fail("invalid escape '\\\(Character(Unicode.Scalar(letter)))'", at: escapeStart)
    }
  }

  private mutating func parseHex4() throws(Failure) -> UInt32 {
    guard offset + 4 <= bytes.count else { throw fail("incomplete \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[offset]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw fail("invalid hexadecimal digit in a \\u escape")
      }
      value = value * 16 + UInt32(digit)
      offset += 1
    }
    return value
  }

  private mutating func parseUnicodeEscape(startingAt escapeStart: Int)
    throws(Failure) -> Unicode.Scalar
  {
    let first = try parseHex4()
    if (0xDC00...0xDFFF).contains(first) {
      throw fail("lone low surrogate in a \\u escape", at: escapeStart)
    }
    if (0xD800...0xDBFF).contains(first) {
      guard offset + 2 <= bytes.count, bytes[offset] == UInt8(ascii: "\\"),
        bytes[offset + 1] == UInt8(ascii: "u")
      else { throw fail("lone high surrogate in a \\u escape", at: escapeStart) }
      offset += 2
      let second = try parseHex4()
      guard (0xDC00...0xDFFF).contains(second) else {
        throw fail("high surrogate not followed by a low surrogate", at: escapeStart)
      }
      let combined = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
      guard let scalar = Unicode.Scalar(combined) else {
        throw fail("invalid \\u escape", at: escapeStart)
      }
      return scalar
    }
    guard let scalar = Unicode.Scalar(first) else {
      throw fail("invalid \\u escape", at: escapeStart)
    }
    return scalar
  }

  fileprivate mutating func parseNumber() throws(Failure) -> JSONValue {
    let start = offset
    var isInteger = true
    if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
    guard offset < bytes.count, isDigit(bytes[offset]) else {
      throw fail("a number needs digits after '-'", at: start)
    }
    if bytes[offset] == UInt8(ascii: "0") {
      offset += 1
      if offset < bytes.count, isDigit(bytes[offset]) {
        throw fail("numbers may not have leading zeros", at: start)
      }
    } else {
      skipDigits()
    }
    if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
      isInteger = false
      offset += 1
      guard offset < bytes.count, isDigit(bytes[offset]) else {
        throw fail("a number needs digits after '.'")
      }
      skipDigits()
    }
    if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
      isInteger = false
      offset += 1
      if offset < bytes.count,
        bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-")
      {
        offset += 1
      }
      guard offset < bytes.count, isDigit(bytes[offset]) else {
        throw fail("a number needs digits in its exponent")
      }
      skipDigits()
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
    if isInteger, let integer = Int(text) { return .int(integer) }
    guard let number = Double(text), number.isFinite else {
      throw fail("number \(text) is out of range", at: start)
    }
    return .double(number)
  }

  private func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  private mutating func skipDigits() {
    while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
  }
}
