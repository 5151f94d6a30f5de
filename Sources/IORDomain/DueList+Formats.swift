import IORStore

extension DueList {
  /// The CSV column names.
  public static let csvColumns = [
    "kind", "partner", "review", "subject", "date", "days_left", "action",
  ]

  /// The items as JSON: `today`, `within` and `items`, each item with `kind` (kebab-case),
  /// `partner`, `review`, `subject` (null when none), `date`, `daysLeft` and `action`.
  public static func json(_ items: [DueItem], today: LocalDate, within days: Int) -> JSONValue {
    .object([
      "today": .string(today.description),
      "within": .int(days),
      "items": .array(items.map(json)),
    ])
  }

  private static func json(_ item: DueItem) -> JSONValue {
    .object([
      "kind": .string(item.kind.rawValue), "partner": .string(item.partner),
      "review": .optional(item.review), "subject": .optional(item.subject),
      "date": .string(item.date.description), "daysLeft": .int(item.daysLeft),
      "action": .string(item.action),
    ])
  }

  /// The items as CSV: a header row (`csvColumns`) and one row per item, CR LF line endings.
  public static func csv(_ items: [DueItem]) -> String {
    var out = CSVText.header(csvColumns)
    for item in items {
      out += CSVText.row([
        .text(item.kind.rawValue), .text(item.partner), .text(item.review), .text(item.subject),
        .date(item.date), .number(item.daysLeft), .text(item.action),
      ])
    }
    return out
  }

  /// The items as aligned columns for the terminal: date, days left, partner, what to do.
  public static func table(_ items: [DueItem]) -> String {
    guard !items.isEmpty else { return "Nothing is due.\n" }
    let rows = items.map { item in
      [
        item.date.description, String(item.daysLeft), SafeText.terminal(item.partner),
        SafeText.terminal(item.action),
      ]
    }
    let lines = TextTable.terminal(
      headers: ["DATE", "DAYS", "PARTNER", "TO DO"], rows: rows, rightAligned: [1])
    return lines.joined(separator: "\n") + "\n"
  }

  /// The items as a Markdown table: date, days left, kind, partner, what to do.
  public static func markdown(_ items: [DueItem]) -> String {
    guard !items.isEmpty else { return "Nothing is due.\n" }
    let rows = items.map { item in
      [
        item.date.description, String(item.daysLeft), item.kind.rawValue,
        SafeText.markdownCell(item.partner), SafeText.markdownCell(item.action),
      ]
    }
    let lines = TextTable.markdown(
      headers: ["Date", "Days", "Kind", "Partner", "To do"], rows: rows, rightAligned: [1])
    return lines.joined(separator: "\n") + "\n"
  }
}
