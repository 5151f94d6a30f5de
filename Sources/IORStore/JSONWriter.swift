/// Writes JSON the way the store keeps it: pretty-printed, keys sorted, two-space indent and a
/// trailing newline, so that `jq` reads it and `git diff` shows a change as changed lines.
public enum JSONWriter {
  /// The pretty-printed text of `value`, ending in a newline.
  public static func pretty(_ value: JSONValue) -> String {
    var out = ""
    out.reserveCapacity(1024)
    write(value, indent: 0, pretty: true, into: &out)
    out.append("\n")
    return out
  }

  /// The compact one-line text of `value` (keys sorted), as the journal and JSON output use.
  public static func compact(_ value: JSONValue) -> String {
    var out = ""
    write(value, indent: 0, pretty: false, into: &out)
    return out
  }

  private static func write(_ value: JSONValue, indent: Int, pretty: Bool, into out: inout String) {
    switch value {
    case .null: out.append("null")
    case .bool(let flag): out.append(flag ? "true" : "false")
    case .int(let number): out.append(String(number))
    case .double(let number): out.append(format(number))
    case .string(let text): writeString(text, into: &out)
    case .array(let elements):
      writeArray(elements, indent: indent, pretty: pretty, into: &out)
    case .object(let members):
      writeObject(members, indent: indent, pretty: pretty, into: &out)
    }
  }

  private static func format(_ number: Double) -> String {
    if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
    return String(number)
  }

  private static func newline(_ indent: Int, into out: inout String) {
    out.append("\n")
    out.append(String(repeating: " ", count: indent))
  }

  private static func writeArray(
    _ elements: [JSONValue], indent: Int, pretty: Bool, into out: inout String
  ) {
    if elements.isEmpty {
      out.append("[]")
      return
    }
    out.append("[")
    for (index, element) in elements.enumerated() {
      if index > 0 { out.append(",") }
      if pretty { newline(indent + 2, into: &out) }
      write(element, indent: indent + 2, pretty: pretty, into: &out)
    }
    if pretty { newline(indent, into: &out) }
    out.append("]")
  }

  private static func writeObject(
    _ members: [String: JSONValue], indent: Int, pretty: Bool, into out: inout String
  ) {
    if members.isEmpty {
      out.append("{}")
      return
    }
    out.append("{")
    for (index, key) in members.keys.sorted().enumerated() {
      if index > 0 { out.append(",") }
      if pretty { newline(indent + 2, into: &out) }
      writeString(key, into: &out)
      out.append(pretty ? ": " : ":")
      write(members[key] ?? .null, indent: indent + 2, pretty: pretty, into: &out)
    }
    if pretty { newline(indent, into: &out) }
    out.append("}")
  }

  /// Appends `text` as a JSON string literal.
  public static func writeString(_ text: String, into out: inout String) {
    out.append("\"")
    var plainStart = text.unicodeScalars.startIndex
    var index = plainStart
    let scalars = text.unicodeScalars
    while index < scalars.endIndex {
      let scalar = scalars[index]
      if let escape = escape(scalar) {
        out.append(String(scalars[plainStart..<index]))
        out.append(escape)
        plainStart = scalars.index(after: index)
      }
      index = scalars.index(after: index)
    }
    out.append(String(scalars[plainStart..<scalars.endIndex]))
    out.append("\"")
  }

  private static func escape(_ scalar: Unicode.Scalar) -> String? {
    switch scalar {
    case "\"": return "\\\""
    case "\\": return "\\\\"
    case "\n": return "\\n"
    case "\r": return "\\r"
    case "\t": return "\\t"
    case "\u{2028}": return "\\u2028"
    case "\u{2029}": return "\\u2029"
    default:
      guard scalar.value < 0x20 || scalar.value == 0x7F else { return nil }
      let hex = String(scalar.value, radix: 16)
      return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
  }
}
