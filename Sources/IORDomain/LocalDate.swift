import IORStore

/// A calendar date with no time of day, written `YYYY-MM-DD` as the store and users write it.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The year, 1 to 9999.
  public let year: Int
  /// The month, 1 to 12.
  public let month: Int
  /// The day of the month.
  public let day: Int

  /// The years a date typed for a record may fall in: the 287(g) program began in 1996, so a
  /// year outside these is a slip of the keyboard (`0025-05-12`, `20255-...`), not a record.
  public static let plausibleYears = 1990...2100

  /// A date from its parts; nil when no such day exists (2025-02-30).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Self.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD`; nil for any other text or a day that does not exist.
  public init?(_ text: String) {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      let year = Self.number(bytes[0..<4]), let month = Self.number(bytes[5..<7]),
      let day = Self.number(bytes[8..<10])
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
    var value = 0
    for byte in digits {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }

  /// True in a Gregorian leap year.
  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// The number of days in a month.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Today in the local time zone, or the date in `IOR_TODAY` when set (for tests and for
  /// replaying a day's work).
  public static func today(environment: [String: String] = [:]) -> LocalDate {
    if let fixed = environment["IOR_TODAY"], let date = LocalDate(fixed) { return date }
    let now = Clock.today()
    return LocalDate(year: now.year, month: now.month, day: now.day)
      ?? LocalDate(dayNumber: 0)
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    let yearText = String(year)
    return String(repeating: "0", count: 4 - yearText.count) + yearText + "-"
      + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
  }

  /// Days since 1970-01-01 (negative before), for arithmetic.
  public var dayNumber: Int {
    // Howard Hinnant's days-from-civil, in whole-number arithmetic.
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The date `dayNumber` days after 1970-01-01.
  public init(dayNumber: Int) {
    let shifted = dayNumber + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  }

  /// The date `days` later (earlier when negative).
  public func adding(days: Int) -> LocalDate {
    LocalDate(dayNumber: dayNumber + days)
  }

  /// The same day `years` later; 29 February becomes 28 February in a common year.
  public func adding(years: Int) -> LocalDate {
    let target = year + years
    return LocalDate(
      year: target, month: month, day: min(day, Self.daysIn(month: month, year: target)))
      ?? self
  }

  /// Whole days from `self` to `other` (positive when `other` is later).
  public func days(until other: LocalDate) -> Int {
    other.dayNumber - dayNumber
  }

  /// How far this date is from `today`, as people say it: `today`, `in 3 days`, `1 day ago`.
  public func distance(from today: LocalDate) -> String {
    let days = today.days(until: self)
    let count = "\(abs(days)) " + (abs(days) == 1 ? "day" : "days")
    if days == 0 { return "today" }
    return days > 0 ? "in \(count)" : "\(count) ago"
  }

  /// Orders dates in time.
  public static func < (left: LocalDate, right: LocalDate) -> Bool {
    (left.year, left.month, left.day) < (right.year, right.month, right.day)
  }
}
