// Golden-file tests of the five review documents in the four formats, plus the safety rules
// every format must keep.
//
// The expected output of each document and format is a file under `Golden/` beside this file,
// named `<document>.<extension>` (`findings.md`, `cap.txt`), compared byte for byte. After a
// deliberate change of wording or layout, regenerate them and review the diff:
//
//   IOR_UPDATE_GOLDEN=1 swift test --filter ReviewReportTests
//
// With IOR_UPDATE_GOLDEN=1 set, the golden tests rewrite the files instead of comparing.

import Foundation
import IORStore
import Testing

@testable import IORDomain

@Suite("Review documents")
struct ReviewReportTests {
  typealias Fixture = ReviewReportFixture

  static func render(
    _ document: ReviewDocument, _ format: DocumentFormat, review: Review = Fixture.review,
    partner: Partner = Fixture.partner, marking: String = "CUI"
  ) -> String {
    ReviewReport.render(
      document, format: format, review: review, partner: partner, marking: marking,
      today: Fixture.today)
  }

  // MARK: Golden files

  static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  static func goldenName(_ document: ReviewDocument, _ format: DocumentFormat) -> String {
    let fileExtension = format == .text ? "txt" : format.rawValue
    return document.rawValue + "." + fileExtension
  }

  @Test(
    "each document in each format matches its golden file",
    arguments: ReviewDocument.allCases, DocumentFormat.allCases)
  func matchesGoldenFile(document: ReviewDocument, format: DocumentFormat) throws {
    let rendered = Self.render(document, format)
    let url = Self.goldenFolder.appendingPathComponent(Self.goldenName(document, format))
    if ProcessInfo.processInfo.environment["IOR_UPDATE_GOLDEN"] == "1" {
      try FileManager.default.createDirectory(
        at: Self.goldenFolder, withIntermediateDirectories: true)
      try Data(rendered.utf8).write(to: url)
      return
    }
    let expected = try Data(contentsOf: url)
    let firstDifference = zip(
      String(decoding: expected, as: UTF8.self).split(
        separator: "\n", omittingEmptySubsequences: false),
      rendered.split(separator: "\n", omittingEmptySubsequences: false)
    ).enumerated().first { $0.element.0 != $0.element.1 }
    #expect(
      Data(rendered.utf8) == expected,
      "\(url.lastPathComponent) differs at line \((firstDifference?.offset ?? -1) + 1)")
  }

  // MARK: Marking

  @Test(
    "the marking is the first and the last thing in every format",
    arguments: DocumentFormat.allCases)
  func markingFirstAndLast(format: DocumentFormat) throws {
    let marking = "CUI//SP-PRVCY"
    for document in ReviewDocument.allCases {
      let output = Self.render(document, format, marking: marking)
      switch format {
      case .md, .text:
        let lines = output.split(separator: "\n")
        #expect(lines.first?.contains(marking) == true, "\(document) \(format) first line")
        #expect(lines.last?.contains(marking) == true, "\(document) \(format) last line")
      case .html:
        let body = try #require(output.components(separatedBy: "<body>\n").last)
        let lines = body.split(separator: "\n")
        let markingLine = "<div class=\"marking\">\(marking)</div>"
        #expect(lines.first.map(String.init) == markingLine, "\(document) html first")
        #expect(lines.dropLast(2).last.map(String.init) == markingLine, "\(document) html last")
        #expect(lines.suffix(2).map(String.init) == ["</body>", "</html>"])
      case .json:
        let value = try JSONParser.parse(output)
        #expect(value["marking"]?.stringValue == marking)
        #expect(value["document"]?.stringValue == document.rawValue)
      }
    }
  }

  @Test("a blank marking falls back to CUI")
  func blankMarkingFallsBack() {
    let output = Self.render(.findings, .text, marking: "  ")
    #expect(output.hasPrefix("CUI\n"))
    #expect(output.hasSuffix("\nCUI\n"))
  }

  // MARK: Safety

  @Test("HTML escapes store text and loads nothing", arguments: ReviewDocument.allCases)
  func htmlIsSafe(document: ReviewDocument) {
    let output = Self.render(
      document, .html, review: Fixture.hostileReview, partner: Fixture.hostilePartner,
      marking: "CUI <script>")
    #expect(!output.lowercased().contains("<script"))
    #expect(Set(Self.tagNames(output)).isSubset(of: Self.allowedTags))
    #expect(!output.contains("<i>County"))
    #expect(!output.contains("<img"))
    #expect(output.contains("Harbor &lt;i&gt;County&lt;/i&gt; &amp; &quot;Sons&quot;\\x1B[2J"))
    #expect(output.contains("CUI &lt;script&gt;"))
    #expect(!output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
  }

  static let allowedTags: Set<String> = [
    "!doctype", "html", "head", "meta", "title", "style", "body", "div", "header", "section",
    "h1", "h2", "h3", "h4", "p", "br", "em", "span", "ul", "li", "table", "thead", "tbody", "tr",
    "th", "td",
  ]

  // The name of every tag in `html`, lowercased: what a browser would build elements from.
  static func tagNames(_ html: String) -> [String] {
    html.components(separatedBy: "<").dropFirst().map { piece in
      String(piece.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber || $0 == "!" })
        .lowercased()
    }
  }

  @Test("HTML loads no resource over the network", arguments: ReviewDocument.allCases)
  func htmlLoadsNothing(document: ReviewDocument) {
    let output = Self.render(document, .html).lowercased()
    #expect(!output.contains("http"))
    #expect(!output.contains("src="))
    #expect(!output.contains("href="))
    #expect(!output.contains("@import"))
    #expect(output.contains("@page"))
  }

  @Test("the findings report shows a script title as text in HTML")
  func htmlShowsScriptTitleAsText() {
    let output = Self.render(.findings, .html, review: Fixture.hostileReview)
    #expect(output.contains("D1. &lt;script&gt;alert(1)&lt;/script&gt; | *bold* \\x1B[31mred"))
    #expect(output.contains("T. &quot;Alvarez&quot; &amp; &#39;co&#39;"))
  }

  @Test("text output holds no control byte but the newline", arguments: ReviewDocument.allCases)
  func textHasNoControlBytes(document: ReviewDocument) {
    let output = Self.render(
      document, .text, review: Fixture.hostileReview, partner: Fixture.hostilePartner,
      marking: "CUI\u{1B}[5m")
    #expect(!output.utf8.contains { ($0 < 0x20 && $0 != 0x0A) || $0 == 0x7F })
    #expect(!output.unicodeScalars.contains { (0x80...0x9F).contains($0.value) })
    #expect(!output.unicodeScalars.contains { $0.value == 0x202E })
    #expect(output.contains("\\x1B"))
  }

  @Test("JSON output escapes terminal controls and reads back as the store text")
  func jsonEscapesControls() throws {
    let review = Fixture.hostileReview
    let output = Self.render(.findings, .json, review: review)
    #expect(!output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    #expect(!output.unicodeScalars.contains { (0x80...0x9F).contains($0.value) })
    #expect(!output.unicodeScalars.contains { $0.value == 0x202E })
    let value = try JSONParser.parse(output)
    let first = value["deficiencies"]?["items"]?.arrayValue?.first
    #expect(first?["detail"]?.stringValue == review.findings[0].detail)
    #expect(first?["title"]?.stringValue == review.findings[0].title)
  }

  @Test("text output never passes 78 columns", arguments: ReviewDocument.allCases)
  func textIsWrapped(document: ReviewDocument) {
    for review in [Fixture.review, Fixture.hostileReview] {
      let output = Self.render(document, .text, review: review)
      let widest = output.split(separator: "\n").map(\.count).max() ?? 0
      #expect(widest <= 78, "\(document): a line of \(widest) characters")
    }
  }

  @Test("Markdown escapes markup in store text")
  func markdownEscapes() {
    let output = Self.render(.findings, .md, review: Fixture.hostileReview)
    #expect(output.contains("\\<script\\>alert(1)\\</script\\> \\| \\*bold\\*"))
    // Every `<` from store text is escaped, so no HTML reaches a Markdown viewer.
    #expect(!output.replacingOccurrences(of: "\\<", with: "").contains("<"))
  }

  // MARK: Close-out

  @Test("a review closed out with a reason shows the reason", arguments: DocumentFormat.allCases)
  func closeoutShowsReason(format: DocumentFormat) throws {
    var review = Fixture.review
    review.closedOut = Fixture.date("2025-11-20")
    review.closeoutReason =
      "Refresher training is booked for December; the partner cannot"
      + " finish it sooner."
    let output = Self.render(.closeout, format, review: review)
    #expect(output.contains("Refresher training is booked for December"))
    #expect(!output.contains("DRAFT"))
    #expect(output.contains("2025-11-20"))
    if format == .json {
      let value = try JSONParser.parse(output)
      #expect(value["openAtCloseout"]?["reason"]?.stringValue == review.closeoutReason)
      #expect(value["draft"]?.isNull == true)
    }
  }

  @Test(
    "a review not closed out gives a memorandum marked DRAFT", arguments: DocumentFormat.allCases)
  func closeoutDraft(format: DocumentFormat) throws {
    // Plain text wraps lines, so compare with runs of white space made single spaces.
    let output = Self.render(.closeout, format).split(whereSeparator: \.isWhitespace)
      .joined(separator: " ")
    #expect(output.contains("DRAFT as of 2025-10-01, not closed out"))
    if format == .json {
      let value = try JSONParser.parse(output)
      #expect(value["openAtCloseout"]?["openDeficiencyIds"] == .array(["D2"]))
    } else {
      #expect(output.contains("Before this review can be closed out, D2 needs"))
    }
    #expect(output.contains("Close-out of the WSO Internal Oversight Review of Harbor County"))
  }

  // MARK: Content

  @Test("the findings report is a draft until it is issued")
  func findingsDraftUntilIssued() {
    var review = Fixture.review
    #expect(!Self.render(.findings, .text, review: review).contains("DRAFT"))
    review.reportIssued = nil
    let output = Self.render(.findings, .text, review: review)
    #expect(output.contains("\n** DRAFT as of 2025-10-01\n"))
    #expect(output.contains("draft, not issued"))
  }

  @Test(
    "the request form is due back two weeks after sending, at the latest two weeks before",
    arguments: [
      ("2025-03-31", "2025-04-14"), ("2025-04-07", "2025-04-21"), ("2025-05-01", "2025-04-28"),
    ])
  func requestReturnDate(sent: String, expected: String) {
    var review = Fixture.review
    review.requestSent = Fixture.date(sent)
    #expect(RequestFormBuilder.returnBy(review, today: Fixture.today) == Fixture.date(expected))
  }

  @Test("the request form marks the NPM's fields and what is on record")
  func requestFormMarks() throws {
    let text = Self.render(.request, .text)
    #expect(text.contains("▶ [NPM] Partner:"))
    #expect(text.contains("Dana Whitfield (on record — confirm)"))
    #expect(!text.contains("Sam Ortiz"))
    let json = try JSONParser.parse(Self.render(.request, .json))
    #expect(json["review"]?["returnBy"]?["value"]?.stringValue == "2025-04-21")
    #expect(json["review"]?["returnBy"]?["mark"]?.stringValue == "npm")
    #expect(json["program"]?["currentWSOs"]?["value"]?.intValue == 2)
  }

  @Test("the questionnaire leaves a line to write on before the report, later says not asked")
  func questionnaireUnanswered() {
    var review = Fixture.review
    #expect(Self.render(.questionnaire, .md, review: review).contains("*not asked*"))
    review.reportIssued = nil
    review.planAccepted = nil
    let output = Self.render(.questionnaire, .md, review: review)
    #expect(!output.contains("not asked"))
    #expect(output.contains("- **Answer:** ________________"))
  }

  @Test("the questionnaire lists checklist answers in an appendix")
  func questionnaireChecklist() throws {
    let json = try JSONParser.parse(Self.render(.questionnaire, .json))
    let steps = try #require(json["checklist"]?["steps"]?.arrayValue)
    #expect(steps.compactMap { $0["id"]?.stringValue } == ["chk-roster-posted", "chk-warrant-log"])
  }

  @Test("a deficiency with no corrective action is flagged in the plan")
  func capFlagsMissingAction() {
    var review = Fixture.review
    review.actions.removeAll { $0.finding == "D2" }
    let output = Self.render(.cap, .text, review: review)
    #expect(output.contains("\n** No corrective action yet.\n"))
    #expect(output.contains("Deficiencies without an action:  1"))
  }
}
