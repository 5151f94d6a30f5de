import Foundation
import Testing

/// Every command that lists or shows data takes format=table|json|csv|md.
@Suite("Output formats of every listing and card")
struct FormatTests {
  @Test(
    "json parses, csv has a header row, md is a table, table is text for people",
    arguments: [
      "show partner lake-so", "show outline lake-so", "show settings", "history",
      "list partners", "list reviews", "log", "due", "summary fy 2025",
      "open review lake-so-2025; show review", "open review lake-so-2025; status",
      "open review lake-so-2025; show finding C1", "open review lake-so-2025; list findings",
      "open review lake-so-2025; questions wso",
    ])
  func everyFormat(command: String) throws {
    let ior = try WorkflowTests.seeded()
    try ior.succeed("open review lake-so-2025; add concern \"Roster kept on paper\"")

    let json = try ior.commands("\(command) format=json")
    #expect(json.status == 0, json.comment)
    #expect(
      (try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) != nil, json.comment)

    let csv = try ior.commands("\(command) format=csv")
    #expect(csv.status == 0, csv.comment)
    #expect(csv.stdout.split(separator: "\n").first?.contains(",") == true, csv.comment)

    let markdown = try ior.commands("\(command) format=md")
    #expect(markdown.status == 0, markdown.comment)
    #expect(markdown.stdout.contains("| "), markdown.comment)

    let table = try ior.commands("\(command) format=table")
    #expect(table.status == 0, table.comment)
    #expect(!table.stdout.hasPrefix("["), table.comment)
  }
}
