/// A unified diff of two texts, for `--dry-run`.
enum UnifiedDiff {
  static func render(path: String, before: String, after: String) -> String {
    let old = TextLines.split(before)
    let new = TextLines.split(after)
    let operations = diff(old, new)
    var out = "--- " + (before.isEmpty ? "/dev/null" : "a/" + path) + "\n"
    out += "+++ " + (after.isEmpty ? "/dev/null" : "b/" + path) + "\n"
    out += "@@ -\(old.isEmpty ? 0 : 1),\(old.count) +\(new.isEmpty ? 0 : 1),\(new.count) @@\n"
    for operation in operations { out += operation + "\n" }
    return out
  }

  /// Whole-file hunks: documents are small, and one hunk reads well.
  private static func diff(_ old: [Substring], _ new: [Substring]) -> [String] {
    let rows = old.count
    let columns = new.count
    var lengths = [[Int]](repeating: [Int](repeating: 0, count: columns + 1), count: rows + 1)
    for row in stride(from: rows - 1, through: 0, by: -1) {
      for column in stride(from: columns - 1, through: 0, by: -1) {
        lengths[row][column] =
          old[row] == new[column]
          ? lengths[row + 1][column + 1] + 1
          : max(lengths[row + 1][column], lengths[row][column + 1])
      }
    }
    var out: [String] = []
    var row = 0
    var column = 0
    while row < rows || column < columns {
      if row < rows && column < columns && old[row] == new[column] {
        out.append(" " + old[row])
        row += 1
        column += 1
      } else if column < columns
        && (row == rows || lengths[row][column + 1] >= lengths[row + 1][column])
      {
        out.append("+" + new[column])
        column += 1
      } else {
        out.append("-" + old[row])
        row += 1
      }
    }
    return out
  }
}

enum TextLines {
  static func split(_ text: String) -> [Substring] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last == "" { lines.removeLast() }
    return lines
  }
}
