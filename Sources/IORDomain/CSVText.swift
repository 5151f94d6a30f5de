/// Writes CSV the way a spreadsheet opens it cleanly: RFC 4180 quoting, CRLF line endings, and
/// text cells guarded against formula injection.
///
/// Appropriate for every `format=csv` output of the domain, so that they all follow one rule.
public enum CSVText {
  /// One cell of a CSV row.
  public enum Cell: Sendable, Equatable {
    /// Free text (names, ids, sentences): guarded against formula injection, then quoted.
    case text(String?)
    /// A whole number, written as is (a negative number is not a formula).
    case number(Int?)
    /// A date, written `YYYY-MM-DD`.
    case date(LocalDate?)
  }

  /// RFC 4180 ends every record, the last one included, with CR LF.
  public static let lineEnding = "\r\n"

  /// One record: the cells joined by commas and ended by CR LF. A nil value is an empty cell.
  public static func row(_ cells: [Cell]) -> String {
    cells.map(field).joined(separator: ",") + lineEnding
  }

  /// A header record from column names.
  public static func header(_ names: [String]) -> String {
    row(names.map { .text($0) })
  }

  /// The text of one cell, quoted when it must be.
  public static func field(_ cell: Cell) -> String {
    switch cell {
    case .text(let text): return quoted(guarded(text ?? ""))
    case .number(let number): return number.map { String($0) } ?? ""
    case .date(let date): return date?.description ?? ""
    }
  }

  /// A text that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a
  /// tab or a carriage return) gets a leading apostrophe, which spreadsheets show as text.
  public static func guarded(_ text: String) -> String {
    guard let first = text.unicodeScalars.first else { return text }
    switch first {
    case "=", "+", "-", "@", "\t", "\r": return "'" + text
    default: return text
    }
  }

  /// `text` in double quotes, with quotes doubled, when it holds a comma, a quote or a line
  /// break (or begins or ends with a space, which some readers trim); otherwise as is.
  public static func quoted(_ text: String) -> String {
    let needsQuotes =
      text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
      || text.hasPrefix(" ") || text.hasSuffix(" ")
    guard needsQuotes else { return text }
    var out = "\""
    for character in text {
      if character == "\"" { out.append("\"") }
      out.append(character)
    }
    return out + "\""
  }
}
