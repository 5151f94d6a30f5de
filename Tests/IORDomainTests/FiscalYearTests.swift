import Testing

@testable import IORDomain

@Suite("Fiscal years and dates")
struct FiscalYearTests {
  @Test(
    "a date falls in the fiscal year that ends the next 30 September",
    arguments: [
      ("2024-09-30", 2024), ("2024-10-01", 2025), ("2024-12-31", 2025), ("2025-01-01", 2025),
      ("2023-10-01", 2024),
    ])
  func containing(date: String, year: Int) {
    #expect(FiscalYear(containing: ymd(date)).year == year)
  }

  @Test("FY2025 starts on 1 October 2024 and ends on 30 September 2025")
  func boundaries() {
    let year = FiscalYear(2025)
    #expect(year.start == ymd("2024-10-01"))
    #expect(year.end == ymd("2025-09-30"))
    #expect(year.contains(ymd("2024-10-01")))
    #expect(year.contains(ymd("2025-09-30")))
    #expect(!year.contains(ymd("2024-09-30")))
    #expect(!year.contains(ymd("2025-10-01")))
    #expect(year.description == "FY2025")
  }

  @Test(
    "the last completed fiscal year is the one before the year the date falls in",
    arguments: [("2025-09-30", 2024), ("2025-10-01", 2025), ("2025-01-15", 2024)])
  func lastCompleted(date: String, year: Int) {
    #expect(FiscalYear.lastCompleted(before: ymd(date)).year == year)
  }

  @Test(
    "only days that exist are dates",
    arguments: [
      ("2025-02-30", false), ("2024-02-29", true), ("2023-02-29", false), ("1900-02-29", false),
      ("2000-02-29", true), ("2025-04-31", false), ("2025-13-01", false), ("2025-1-01", false),
      ("2025-12-31", true),
    ])
  func validity(text: String, valid: Bool) {
    #expect((LocalDate(text) != nil) == valid)
  }

  @Test(
    "adding years to 29 February lands on 28 February in a common year",
    arguments: [(2, "2026-02-28"), (4, "2028-02-29"), (1, "2025-02-28"), (-4, "2020-02-29")])
  func addingYearsFromLeapDay(years: Int, expected: String) {
    #expect(ymd("2024-02-29").adding(years: years) == ymd(expected))
  }

  @Test("day arithmetic crosses month and year ends")
  func dayArithmetic() {
    #expect(ymd("2024-12-31").adding(days: 1) == ymd("2025-01-01"))
    #expect(ymd("2025-03-01").adding(days: -1) == ymd("2025-02-28"))
    #expect(ymd("2025-09-30").days(until: ymd("2025-10-01")) == 1)
    #expect(ymd("2025-10-01").days(until: ymd("2025-09-30")) == -1)
  }
}
