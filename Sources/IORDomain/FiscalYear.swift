/// A federal fiscal year: FY N runs from 1 October of N-1 to 30 September of N.
public struct FiscalYear: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// N, the calendar year in which the fiscal year ends.
  public let year: Int

  /// FY `year`.
  public init(_ year: Int) {
    self.year = year
  }

  /// The fiscal year a date falls in: October to December count toward the next year's FY.
  public init(containing date: LocalDate) {
    year = date.month >= 10 ? date.year + 1 : date.year
  }

  /// 1 October of N-1.
  public var start: LocalDate {
    LocalDate(year: year - 1, month: 10, day: 1) ?? LocalDate(dayNumber: 0)
  }

  /// 30 September of N, the day an annual summary is taken "as of".
  public var end: LocalDate {
    LocalDate(year: year, month: 9, day: 30) ?? LocalDate(dayNumber: 0)
  }

  /// True when `date` falls within the fiscal year.
  public func contains(_ date: LocalDate) -> Bool {
    date >= start && date <= end
  }

  /// The fiscal year `count` years later (earlier when negative).
  public func advanced(by count: Int) -> FiscalYear {
    FiscalYear(year + count)
  }

  /// The last fiscal year that has ended by `date`.
  public static func lastCompleted(before date: LocalDate) -> FiscalYear {
    FiscalYear(containing: date).advanced(by: -1)
  }

  /// `FY2025`.
  public var description: String { "FY" + String(year) }

  /// Orders fiscal years in time.
  public static func < (left: FiscalYear, right: FiscalYear) -> Bool {
    left.year < right.year
  }
}
