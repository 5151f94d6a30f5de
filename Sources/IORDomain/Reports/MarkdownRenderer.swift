/// Writes a review document as Markdown (CommonMark with pipe tables).
///
/// Store text is escaped so that it reads as text: a title holding `*`, `|` or `<script>` is
/// shown as typed, never as emphasis, a broken table or raw HTML.
enum MarkdownRenderer {
  /// The document as Markdown, ending in a newline.
  static func render(_ document: ReportDocument) -> String {
    var blocks: [String] = []
    let marking = "**" + escape(document.marking) + "**"
    blocks.append(marking)
    blocks.append("# " + escape(document.title))
    blocks.append(escape(document.subtitle))
    if let draft = document.draft { blocks.append("**" + escape(draft) + "**") }
    for section in document.sections {
      blocks += render(section, level: 2)
    }
    blocks.append(marking)
    return blocks.joined(separator: "\n\n") + "\n"
  }

  private static func render(_ section: ReportSection, level: Int) -> [String] {
    var blocks: [String] = []
    if let title = section.title {
      blocks.append(String(repeating: "#", count: min(level, 6)) + " " + escape(title))
    }
    // A section without a heading adds no level: its parts belong to the level above.
    let childLevel = section.title == nil ? level : level + 1
    for block in section.blocks {
      blocks += render(block, level: childLevel)
    }
    return blocks
  }

  private static func render(_ block: ReportBlock, level: Int) -> [String] {
    switch block {
    case .paragraph(let text, _): return [paragraph(text)]
    case .notice(let text): return ["**" + escape(text) + "**"]
    case .fields(let fields): return [fields.map(field).joined(separator: "\n")]
    case .list(_, let items):
      return items.isEmpty ? [] : [items.map { "- " + escape($0) }.joined(separator: "\n")]
    case .table(_, let table): return table.isEmpty ? [] : [self.table(table)]
    case .subsection(let section): return render(section, level: level)
    case .group(_, let sections): return sections.flatMap { render($0, level: level) }
    }
  }

  private static func paragraph(_ text: String) -> String {
    ReportText.lines(text).map { escapeLineStart(escape($0)) }.joined(separator: "\n")
  }

  private static func field(_ field: ReportField) -> String {
    let label =
      (field.mark == .npm ? "▶ **" + FieldMark.npmLabel + " " : "**")
      + escape(field.label) + ":**"
    var line = "- " + label + " " + value(field.value)
    if field.mark == .onRecord { line += " *(" + FieldMark.onRecordNote + ")*" }
    return line
  }

  private static func value(_ value: ReportValue) -> String {
    switch value {
    case .absent(let note): return "*" + escape(note) + "*"
    case .blank: return "________________"
    default: return escape(value.display ?? "")
    }
  }

  private static func table(_ table: ReportTable) -> String {
    var lines = [row(table.columns.map { escape($0.label) })]
    lines.append(row(table.columns.map { _ in "---" }))
    for tableRow in table.rows {
      var cells = tableRow.cells.map { cell($0) }
      if tableRow.mark == .onRecord, !cells.isEmpty {
        cells[0] += " *(" + FieldMark.onRecordNote + ")*"
      }
      lines.append(row(cells))
    }
    for _ in 0..<table.blankRows {
      lines.append(row(table.columns.map { _ in " " }))
    }
    return lines.joined(separator: "\n")
  }

  private static func cell(_ value: ReportValue) -> String {
    value == .blank ? " " : self.value(value)
  }

  private static func row(_ cells: [String]) -> String {
    "| " + cells.joined(separator: " | ") + " |"
  }

  /// Store text on one line with Markdown's inline syntax escaped.
  static func escape(_ text: String) -> String {
    var out = ""
    for character in ReportText.inline(text) {
      if "\\`*_[]<>|~&#".contains(character) { out.append("\\") }
      out.append(character)
    }
    return out
  }

  // At a line's start, `-`, `+`, `=`, `1.` and the like would begin a list or a heading.
  private static func escapeLineStart(_ line: String) -> String {
    let trimmed = line.drop { $0 == " " }
    guard let first = trimmed.first else { return "" }
    if "-+=".contains(first) { return "\\" + trimmed }
    let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
    if !digits.isEmpty, let next = trimmed.dropFirst(digits.count).first, ".)".contains(next) {
      return digits + "\\" + trimmed.dropFirst(digits.count)
    }
    return String(trimmed)
  }
}
