import IORStore
import Testing

@testable import IORDomain

@Suite("The annual summary's formats")
struct AnnualSummaryFormatTests {
  static func lakeSummary() -> AnnualSummary {
    AnnualSummary.build(
      fiscalYear: FiscalYear(2025), partners: [SummaryFixture.lake()],
      reviews: SummaryFixture.lakeReviews())
  }

  static func hostile() -> AnnualSummary {
    var partner = SummaryFixture.partner("evil")
    partner.name = "Evil\u{1B}[31m Co | Jail\nSecond line\u{7F}"
    partner.fpmName = "=HYPERLINK(\"http://x\")"
    partner.sddo = "-2+3"
    return AnnualSummary.build(fiscalYear: FiscalYear(2025), partners: [partner], reviews: [])
  }

  // MARK: CSV

  @Test("the CSV has a header and one row per partner, CR LF ended, empty when not recorded")
  func csvExact() {
    let lines = Self.lakeSummary().csv().split(separator: "\r\n", omittingEmptySubsequences: false)
    #expect(
      lines[0]
        == "id,name,fpm_name,fpm_title,sddo,current_wsos,last_site_visit,moa_signed,"
        + "last_steering_committee,next_steering_committee,warrants_fy2023,warrants_fy2024,"
        + "warrants_fy2025,reviews,reviews_detail,complaints_fy2023,complaints_fy2024,"
        + "complaints_fy2025")
    #expect(
      lines[1]
        == "lake-so,Lake County Sheriff's Office,A. Rivera,Field Program Manager,J. Chen,12,"
        + "2025-03-04,2019-05-01,2025-02-11,2025-11-12,30,37,,1,lake-so-2025 program D2 C1 open,"
        + "0,1,0")
    #expect(lines.count == 3 && lines[2].isEmpty)
  }

  @Test("a closed-out review's detail carries its date; several are separated by '; '")
  func csvReviewDetail() {
    var closed = SummaryFixture.review(
      "p-2024", partner: "p", inspection: "2024-02-01", kind: .focus)
    closed.closedOut = ymd("2024-08-01")
    let open = SummaryFixture.review(
      "p-2025", partner: "p", inspection: "2025-02-01", deficiencies: 1)
    let summary = AnnualSummary.build(
      fiscalYear: FiscalYear(2025), partners: [SummaryFixture.partner("p")],
      reviews: [open, closed])
    #expect(
      summary.csv().contains(
        ",2,p-2024 focus D0 C0 closed 2024-08-01; p-2025 program D1 C0 open,"))
  }

  @Test("CSV text cells that start a formula get an apostrophe and are quoted by RFC 4180")
  func csvInjection() {
    let row = Self.hostile().csv().split(separator: "\r\n", omittingEmptySubsequences: false)
      .dropFirst().joined()
    #expect(row.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","))
    #expect(row.contains(",'-2+3,"))
    #expect(row.hasPrefix("evil,\"Evil\u{1B}[31m Co | Jail\nSecond line\u{7F}\","))
  }

  @Test(
    "only text cells are guarded: numbers and dates never get an apostrophe",
    arguments: [
      (CSVText.Cell.number(-3), "-3"), (.date(ymd("2025-01-02")), "2025-01-02"),
      (.text("-3"), "'-3"), (.text("@SUM(A1)"), "'@SUM(A1)"), (.text("+1"), "'+1"),
      (.text("a,b"), "\"a,b\""), (.text(nil), ""), (.number(nil), ""),
    ])
  func csvCells(cell: CSVText.Cell, expected: String) {
    #expect(CSVText.field(cell) == expected)
  }

  // MARK: Markdown and table

  @Test("the Markdown starts and ends with the marking and has every section")
  func markdown() {
    let text = Self.lakeSummary().markdown(marking: "CUI")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "**CUI**")
    #expect(lines.dropLast().last == "**CUI**")
    #expect(text.contains("## Lake County Sheriff's Office (lake-so)\n"))
    #expect(text.contains("| FPM/POC name | A. Rivera |\n"))
    #expect(text.contains("| Warrants served FY2025 | not recorded |\n"))
    #expect(text.contains("| lake-so-2025 | FY2025 | program | 2 | 1 | no |\n"))
    #expect(text.contains("| FY2023 | FY2024 | FY2025 |\n| ---: | ---: | ---: |\n| 0 | 1 | 0 |\n"))
  }

  @Test("an empty marking writes no marking line")
  func markdownWithoutMarking() {
    let text = Self.lakeSummary().markdown(marking: "")
    #expect(text.hasPrefix("# Annual summary FY2025 (as of 2025-09-30)\n"))
  }

  @Test("the table is a card per partner with aligned labels and a reviews table")
  func table() {
    let text = Self.lakeSummary().table()
    #expect(text.hasPrefix("Annual summary FY2025, as of 2025-09-30\n\nlake-so  Lake County"))
    #expect(text.contains("\n  FPM/POC name             A. Rivera\n"))
    #expect(text.contains("\n  Warrants served FY2025   not recorded\n"))
    #expect(text.contains("\n  CRCL complaints FY2024   1\n"))
    #expect(text.contains("\n    Review        FY      Type     Deficiencies  Areas of concern"))
    #expect(
      text.contains("\n    lake-so-2025  FY2025  program             2                 1  no"))
  }

  @Test("control characters in a name are escaped in the table and the Markdown")
  func hostileText() {
    let summary = Self.hostile()
    for text in [summary.table(), summary.markdown(marking: "CUI")] {
      #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7F}" })
      #expect(text.contains("\\x7F"))
    }
    #expect(summary.table().contains("Evil\\x1B[31m Co"))
    #expect(summary.table().contains("| Jail\\x0ASecond line"))
    #expect(summary.markdown(marking: "").contains("## Evil\\x1B\\[31m Co \\| Jail<br>Second line"))
  }
}

@Suite("Safe text")
struct SafeTextTests {
  // The control characters are built inside the test, so that the test's own report never
  // writes them raw into the terminal that runs it.
  @Test(
    "a terminal never receives a raw control character",
    arguments: [
      (0x1B, "\\x1B"), (0x09, "\\x09"), (0x0A, "\\x0A"), (0x00, "\\x00"), (0x7F, "\\x7F"),
      (0x9B, "\\x9B"), (0x202E, "\\u{202E}"), (0x2066, "\\u{2066}"),
    ] as [(UInt32, String)])
  func terminal(code: UInt32, escaped: String) throws {
    let scalar = try #require(Unicode.Scalar(code))
    #expect(SafeText.terminal("a" + String(Character(scalar)) + "[2Jb") == "a" + escaped + "[2Jb")
  }

  @Test("printable text, accents included, passes through unchanged")
  func printable() {
    let name = "Zoë Ñúñez-O'Brien (FL) 100%"
    #expect(SafeText.terminal(name) == name)
  }

  @Test(
    "a Markdown cell cannot add a column or a row",
    arguments: [
      ("a|b", "a\\|b"), ("a\nb", "a<br>b"), ("a\r\nb", "a<br>b"), ("a\\b", "a\\\\b"),
      ("<script>x</script>", "\\<script\\>x\\</script\\>"), ("*a* [b](c)", "\\*a\\* \\[b\\](c)"),
      ("A & B", "A \\& B"),
    ])
  func markdownCell(text: String, expected: String) {
    #expect(SafeText.markdownCell(text) == expected)
  }

  @Test("a Markdown cell escapes control characters as the terminal does")
  func markdownControl() {
    #expect(SafeText.markdownCell("x" + String(Character("\u{1B}")) + "y") == "x\\x1By")
  }
}

@Suite("Safe text at scale")
struct SafeTextScaleTests {
  @Test("a very long hostile name is escaped whole")
  func longName() {
    let unit = "ab|c" + String(Character("\u{1B}"))
    let name = String(repeating: unit, count: 50_000)
    #expect(SafeText.terminal(name).count == 400_000)
    #expect(SafeText.markdownCell(name).count == 450_000)
  }
}
