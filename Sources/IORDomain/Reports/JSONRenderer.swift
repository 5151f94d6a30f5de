import IORStore

/// Writes a review document as a JSON object of its content, for other tools.
///
/// The shape is stable: `document`, `title`, `marking`, `subtitle`, `draft` (a string or null),
/// then one member a top-level section named by its key. Within a section, each field is a
/// member (a marked field of a form is `{"value": ..., "mark": "npm" | "on-record" | "field"}`),
/// each table an array of row objects, each list an array of strings, each group an array of
/// objects. Wording (unkeyed paragraphs, notices, the blank rows of a form) is left out.
enum JSONRenderer {
  /// The document as pretty-printed JSON, ending in a newline.
  static func render(_ document: ReportDocument) -> String {
    escapingTerminalControls(JSONWriter.pretty(json(document)))
  }

  // The writer escapes C0 controls and DEL; C1 controls and bidirectional overrides it leaves
  // raw, and some terminals act on them. They can only occur inside strings, where a `\u`
  // escape of four hex digits means the same character, so escaping them changes nothing for
  // a JSON reader.
  private static func escapingTerminalControls(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.append(String(scalar))
      }
    }
    return out
  }

  /// The document as a JSON value.
  static func json(_ document: ReportDocument) -> JSONValue {
    var members: [String: JSONValue] = [
      "document": .string(document.document.rawValue),
      "title": .string(document.title),
      "marking": .string(document.marking),
      "subtitle": .string(document.subtitle),
      "draft": .optional(document.draft),
    ]
    for section in document.sections {
      members[section.key] = json(section)
    }
    return .object(members)
  }

  private static func json(_ section: ReportSection) -> JSONValue {
    var members = section.json
    for block in section.blocks {
      add(block, to: &members)
    }
    return .object(members)
  }

  private static func add(_ block: ReportBlock, to members: inout [String: JSONValue]) {
    switch block {
    case .paragraph(let text, let key):
      if let key { members[key] = .string(text) }
    case .notice: break
    case .fields(let fields):
      for field in fields {
        members[field.key] = json(field)
      }
    case .list(let key, let items): members[key] = .array(items.map(JSONValue.string))
    case .table(let key, let table): members[key] = .array(table.rows.map { json($0, table) })
    case .subsection(let section): members[section.key] = json(section)
    case .group(let key, let sections): members[key] = .array(sections.map(json))
    }
  }

  private static func json(_ field: ReportField) -> JSONValue {
    guard field.mark != .none else { return field.value.json }
    return .object(["value": field.value.json, "mark": .string(field.mark.rawValue)])
  }

  private static func json(_ row: ReportTable.Row, _ table: ReportTable) -> JSONValue {
    var members: [String: JSONValue] = [:]
    for (column, cell) in zip(table.columns, row.cells) {
      members[column.key] = cell.json
    }
    if row.mark == .onRecord { members["onRecord"] = true }
    return .object(members)
  }
}
