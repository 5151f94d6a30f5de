/// Lays out small tables for the terminal and for Markdown. Cells must already be safe
/// (`SafeText`): this type only pads and joins them.
enum TextTable {
  /// Rows of aligned columns, two spaces apart, with no trailing spaces. Columns in
  /// `rightAligned` (numbers) are padded on the left.
  static func terminal(
    headers: [String], rows: [[String]], rightAligned: Set<Int> = [], indent: String = ""
  ) -> [String] {
    let table = [headers] + rows
    let cellWidths = table.map { $0.map(width) }
    var widths = cellWidths[0]
    for row in cellWidths.dropFirst() {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], cell)
      }
    }
    let space = UInt8(ascii: " ")
    return table.indices.map { rowIndex in
      let row = table[rowIndex]
      // Nothing is padded after the last cell with text, so no line ends in spaces.
      let last = row.lastIndex { !$0.isEmpty } ?? -1
      var line = Array(indent.utf8)
      for index in 0...max(last, 0) where index < row.count {
        if index > 0 { line.append(contentsOf: [space, space]) }
        let width = index < widths.count ? widths[index] : 0
        let left = rightAligned.contains(index)
        let padding = left || index < last ? max(0, width - cellWidths[rowIndex][index]) : 0
        if left { line.append(contentsOf: repeatElement(space, count: padding)) }
        line.append(contentsOf: row[index].utf8)
        if !left { line.append(contentsOf: repeatElement(space, count: padding)) }
      }
      while line.last == space { line.removeLast() }
      return String(decoding: line, as: UTF8.self)
    }
  }

  /// The width of a cell in characters; ASCII (most cells) is counted without walking
  /// grapheme clusters.
  static func width(_ text: String) -> Int {
    let utf8 = text.utf8
    if utf8.allSatisfy({ $0 < 0x80 }) { return utf8.count }
    return text.count
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
    let padding = String(repeating: " ", count: max(0, width - Self.width(text)))
    return left ? padding + text : text + padding
  }
}
