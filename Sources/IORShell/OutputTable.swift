import IORDomain
import IORStore

/// Rows of results, written as an aligned table, JSON, CSV or Markdown.
public struct OutputTable {
  /// One column: its JSON key and its heading.
  public struct Column {
    var key: String
    var heading: String
  }

  var columns: [Column]
  var rows: [[JSONValue]] = []

  /// A table with columns given as `key:Heading` (or just `key`).
  init(_ columns: [String]) {
    self.columns = columns.map { spec in
      let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
      return Column(key: parts[0], heading: parts.count > 1 ? parts[1] : parts[0])
    }
  }

  mutating func add(_ values: [JSONValue]) {
    rows.append(values)
  }

  /// The formats every listing takes.
  static let formats = ["table", "json", "csv", "md"]

  /// The rows in `format`, ending with a newline.
  func render(_ format: String) -> String {
    switch format {
    case "json": return JSONWriter.pretty(.array(rows.map(object)))
    case "csv": return csv()
    case "md": return markdown()
    default: return table()
    }
  }

  private func object(_ row: [JSONValue]) -> JSONValue {
    var members: [String: JSONValue] = [:]
    for (column, value) in zip(columns, row) { members[column.key] = value }
    return .object(members)
  }

  static func text(_ value: JSONValue) -> String {
    switch value {
    case .null: return ""
    case .string(let text): return text
    case .int(let number): return String(number)
    case .double(let number): return String(number)
    case .bool(let flag): return flag ? "yes" : "no"
    case .array(let items): return items.map(text).joined(separator: ", ")
    case .object: return JSONWriter.compact(value)
    }
  }

  private func table() -> String {
    if rows.isEmpty { return "(none)\n" }
    let cells = rows.map { $0.map { SafeText.terminal(Self.text($0)) } }
    var widths = columns.map { $0.heading.count }
    for row in cells {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = min(max(widths[index], cell.count), 60)
      }
    }
    var out = line(columns.map(\.heading), widths)
    out += line(widths.map { String(repeating: "-", count: $0) }, widths)
    for row in cells { out += line(row, widths) }
    return out
  }

  private func line(_ cells: [String], _ widths: [Int]) -> String {
    var parts: [String] = []
    for (index, cell) in cells.enumerated() {
      let width = widths[index]
      let shown = cell.count > width ? String(cell.prefix(width - 1)) + "…" : cell
      let isLast = index == cells.count - 1
      parts.append(isLast ? shown : shown + String(repeating: " ", count: width - shown.count))
    }
    return parts.joined(separator: "  ") + "\n"
  }

  private func csv() -> String {
    var out = columns.map { CSV.field($0.key) }.joined(separator: ",") + "\n"
    for row in rows {
      out +=
        row.map { value -> String in
          if case .string(let text) = value { return CSV.field(CSV.defused(text)) }
          return CSV.field(Self.text(value))
        }.joined(separator: ",") + "\n"
    }
    return out
  }

  private func markdown() -> String {
    var out = "| " + columns.map(\.heading).joined(separator: " | ") + " |\n"
    out += "|" + columns.map { _ in " --- |" }.joined() + "\n"
    for row in rows {
      out +=
        "| " + row.map { SafeText.markdownCell(Self.text($0)) }.joined(separator: " | ") + " |\n"
    }
    return out
  }
}

/// RFC 4180 fields, safe to open in a spreadsheet.
enum CSV {
  static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
  }

  /// Text that a spreadsheet would take for a formula gets a leading apostrophe.
  static func defused(_ text: String) -> String {
    guard let first = text.first, "=+-@\t\r".contains(first) else { return text }
    return "'" + text
  }
}

extension String {
  /// The text with every `target` replaced.
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for character in self {
      if character == target { out += replacement } else { out.append(character) }
    }
    return out
  }
}
