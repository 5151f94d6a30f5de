/// Checks a value typed for a named field and turns it into what the field holds.
enum FieldValue {
  static func date(_ field: String, _ text: String) throws(DomainError) -> LocalDate {
    guard let date = LocalDate(text) else {
      throw .invalidValue(field: field, value: text, expected: "a date (YYYY-MM-DD)")
    }
    guard LocalDate.plausibleYears.contains(date.year) else {
      throw .invalidValue(field: field, value: text, expected: Self.plausibleDate)
    }
    return date
  }

  /// What a date out of `LocalDate.plausibleYears` should have been.
  static let plausibleDate =
    "a date from \(LocalDate.plausibleYears.lowerBound) to \(LocalDate.plausibleYears.upperBound)"

  static func optionalDate(_ field: String, _ text: String?) throws(DomainError) -> LocalDate? {
    guard let text, !text.isEmpty else { return nil }
    return try date(field, text)
  }

  static func count(_ field: String, _ text: String) throws(DomainError) -> Int {
    guard let number = Int(text), number >= 0, number < 1_000_000 else {
      throw .invalidValue(field: field, value: text, expected: "a whole number from 0")
    }
    return number
  }

  static func fiscalYear(_ field: String, _ text: String) throws(DomainError) -> FiscalYear {
    let digits = text.hasPrefix("FY") || text.hasPrefix("fy") ? String(text.dropFirst(2)) : text
    guard let year = Int(digits), (1990...2100).contains(year) else {
      throw .invalidValue(field: field, value: text, expected: "a fiscal year like 2025")
    }
    return FiscalYear(year)
  }

  static func choice<Choice: RawRepresentable & CaseIterable>(
    _ field: String, _ text: String, as type: Choice.Type
  ) throws(DomainError) -> Choice where Choice.RawValue == String {
    guard let value = Choice(rawValue: text.lowercased()) else {
      let names = Choice.allCases.map(\.rawValue).joined(separator: ", ")
      throw .invalidValue(field: field, value: text, expected: "one of \(names)")
    }
    return value
  }

  static func yesNo(_ field: String, _ text: String) throws(DomainError) -> Bool {
    switch text.lowercased() {
    case "yes", "y", "true", "agree": return true
    case "no", "n", "false", "disagree": return false
    default: throw .invalidValue(field: field, value: text, expected: "yes or no")
    }
  }

  static func text(_ field: String, _ text: String) throws(DomainError) -> String {
    let trimmed = text.trimmingSpaces
    guard !trimmed.isEmpty else {
      throw .invalidValue(field: field, value: text, expected: "any text (it is empty)")
    }
    return trimmed
  }

  /// Empty text clears an optional field.
  static func optionalText(_ text: String) -> String? {
    let trimmed = text.trimmingSpaces
    return trimmed.isEmpty ? nil : trimmed
  }
}

extension String {
  /// The text without leading and trailing spaces, tabs and newlines.
  var trimmingSpaces: String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}
