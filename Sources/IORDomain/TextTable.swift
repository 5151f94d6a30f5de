/// Lays out small tables for the terminal and for Markdown. Cells must already be safe
/// (`SafeText`): this type only pads and joins them.
enum TextTable {
  /// Rows of aligned columns, two spaces apart, with no trailing spaces. Columns in
  /// `rightAligned` (numbers) are padded on the left.
  static func terminal(
    headers: [String], rows: [[String]], rightAligned: Set<Int> = [], indent: String = ""
  ) -> [String] {
    var widths = headers.map(\.count)
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], cell.count)
      }
    }
    return ([headers] + rows).map { row in
      let cells = row.enumerated().map { index, cell in
        pad(cell, to: widths[index], left: rightAligned.contains(index))
      }
      return trimmedTrailingSpaces(indent + cells.joined(separator: "  "))
    }
  }

  /// A Markdown (GitHub) table: header, delimiter row, one line a row.
  static func markdown(headers: [String], rows: [[String]], rightAligned: Set<Int> = [])
    -> [String]
  {
    let delimiter = headers.indices.map { rightAligned.contains($0) ? "---:" : "---" }
    return ([headers, delimiter] + rows).map { "| " + $0.joined(separator: " | ") + " |" }
  }

  /// `text` padded with spaces to `width` characters.
  static func pad(_ text: String, to width: Int, left: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return left ? padding + text : text + padding
  }

  private static func trimmedTrailingSpaces(_ line: String) -> String {
    var line = line
    while line.last == " " { line.removeLast() }
    return line
  }
}
