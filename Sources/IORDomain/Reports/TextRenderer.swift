/// Writes a review document as plain text wrapped at 78 columns.
///
/// Appropriate for the terminal and for plain email: every control character in store text is
/// shown as a visible escape, so printing a document can never drive the terminal.
enum TextRenderer {
  /// The widest line.
  static let width = 78
  private static let blankLine = String(repeating: "_", count: 24)
  private static let widestLabelColumn = 34

  /// The document as plain text, ending in a newline.
  static func render(_ document: ReportDocument) -> String {
    let marking = ReportText.inline(document.marking)
    var blocks: [[String]] = [ReportText.wrap(marking, width: width)]
    var heading = ReportText.wrap(document.title.uppercased(), width: width)
    heading += ReportText.wrap(ReportText.inline(document.subtitle), width: width)
    if let draft = document.draft { heading += notice(draft) }
    blocks.append(heading)
    for section in document.sections {
      blocks += render(section, level: 2)
    }
    blocks.append(ReportText.wrap(marking, width: width))
    return blocks.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }
      .joined(separator: "\n\n") + "\n"
  }

  private static func render(_ section: ReportSection, level: Int) -> [[String]] {
    var blocks: [[String]] = []
    if let title = section.title {
      let lines = ReportText.wrap(
        ReportText.inline(level == 2 ? title.uppercased() : title),
        width: width)
      let rule = level == 2 ? "-" : "~"
      let underline = String(repeating: rule, count: lines.map(\.count).max() ?? 0)
      blocks.append(lines + [underline])
    }
    // A section without a heading adds no level: its parts belong to the level above.
    let childLevel = section.title == nil ? level : level + 1
    for block in section.blocks {
      blocks += render(block, level: childLevel)
    }
    return blocks
  }

  private static func render(_ block: ReportBlock, level: Int) -> [[String]] {
    switch block {
    case .paragraph(let text, _):
      return [ReportText.lines(text).flatMap { ReportText.wrap($0, width: width) }]
    case .notice(let text): return [notice(text)]
    case .fields(let fields): return [self.fields(fields)]
    case .list(_, let items):
      return [
        items.flatMap {
          ReportText.wrap(
            ReportText.inline($0), width: width, lead: "- ",
            hang: 2)
        }
      ]
    case .table(_, let table): return table.isEmpty ? [] : [self.table(table)]
    case .subsection(let section): return render(section, level: level)
    case .group(_, let sections): return sections.flatMap { render($0, level: level) }
    }
  }

  // A notice is set off by a leading `**`, its continuation lines indented under its text.
  private static func notice(_ text: String) -> [String] {
    ReportText.wrap(ReportText.inline(text), width: width, lead: "** ", hang: 3)
  }

  // MARK: Fields

  private static func fields(_ fields: [ReportField]) -> [String] {
    let labels = fields.map(label)
    let column = min((labels.map(\.count).max() ?? 0) + 2, widestLabelColumn)
    return zip(labels, fields).flatMap { label, field in
      ReportText.wrap(
        value(field.value, mark: field.mark), width: width, lead: label,
        hang: column)
    }
  }

  private static func label(_ field: ReportField) -> String {
    (field.mark == .npm ? "▶ " + FieldMark.npmLabel + " " : "") + ReportText.inline(field.label)
      + ":"
  }

  private static func value(_ value: ReportValue, mark: FieldMark) -> String {
    let text = value.display.map(ReportText.inline) ?? blankLine
    return mark == .onRecord ? text + " (" + FieldMark.onRecordNote + ")" : text
  }

  // MARK: Tables

  // A table is drawn as a grid when it fits the width, and otherwise as one block of
  // label: value lines a row, which stays readable however long the store text is.
  private static func table(_ table: ReportTable) -> [String] {
    let labels = table.columns.map { ReportText.inline($0.label) }
    let rows = table.rows.map { row in
      row.cells.enumerated().map { index, cell in
        value(cell, mark: index == 0 ? row.mark : .none)
      }
    }
    var widths = labels.map { max($0.count, 10) }
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], cell.count)
      }
    }
    if widths.reduce(0, +) + 2 * (widths.count - 1) <= width {
      return grid(labels: labels, rows: rows, widths: widths, blankRows: table.blankRows)
    }
    return stacked(labels: labels, rows: rows, blankRows: table.blankRows)
  }

  private static func grid(labels: [String], rows: [[String]], widths: [Int], blankRows: Int)
    -> [String]
  {
    func line(_ cells: [String]) -> String {
      let padded = zip(cells, widths).map { cell, width in
        cell + String(repeating: " ", count: max(width - cell.count, 0))
      }
      return ReportText.trimmingTrailingSpaces(padded.joined(separator: "  "))
    }
    var lines = [line(labels), line(widths.map { String(repeating: "-", count: $0) })]
    lines += rows.map(line)
    let blank = widths.map { String(repeating: "_", count: $0) }
    lines += Array(repeating: line(blank), count: blankRows)
    return lines
  }

  private static func stacked(labels: [String], rows: [[String]], blankRows: Int) -> [String] {
    let blank = labels.map { _ in blankLine }
    let all = rows + Array(repeating: blank, count: blankRows)
    let column = min((labels.map(\.count).max() ?? 0) + 3, widestLabelColumn)
    let blocks = all.map { row in
      zip(labels, row).enumerated().flatMap { index, pair in
        ReportText.wrap(
          pair.1, width: width, lead: (index == 0 ? "- " : "  ") + pair.0 + ":",
          hang: column + 2)
      }
    }
    // An empty line between rows, so each row reads as one record.
    return Array(blocks.joined(separator: [""]))
  }
}
