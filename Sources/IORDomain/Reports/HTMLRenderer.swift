/// Writes a review document as one self-contained, print-ready HTML file.
///
/// The file loads nothing: the style sheet is inline, there is no script and no link to any
/// other resource, so it prints the same anywhere and can be mailed as one attachment. Every
/// piece of store text is escaped, so a title holding markup is shown as text.
enum HTMLRenderer {
  /// The document as HTML, ending in a newline.
  static func render(_ document: ReportDocument) -> String {
    var lines = [
      "<!DOCTYPE html>",
      "<html lang=\"en\">",
      "<head>",
      "<meta charset=\"utf-8\">",
      "<title>" + escape(document.title + ": " + document.subtitle) + "</title>",
      "<style>",
      HTMLStyle.sheet(marking: document.marking),
      "</style>",
      "</head>",
      "<body>",
      marking(document.marking),
      "<header>",
      "<h1>" + escape(document.title) + "</h1>",
      "<p class=\"subtitle\">" + escape(document.subtitle) + "</p>",
    ]
    if let draft = document.draft { lines.append("<p class=\"draft\">" + escape(draft) + "</p>") }
    lines.append("</header>")
    for section in document.sections {
      lines += render(section, level: 2)
    }
    lines += [marking(document.marking), "</body>", "</html>"]
    return lines.joined(separator: "\n") + "\n"
  }

  private static func marking(_ text: String) -> String {
    "<div class=\"marking\">" + escape(text) + "</div>"
  }

  private static func render(_ section: ReportSection, level: Int) -> [String] {
    var lines = ["<section>"]
    if let title = section.title {
      let tag = "h" + String(min(level, 6))
      lines.append("<" + tag + ">" + escape(title) + "</" + tag + ">")
    }
    // A section without a heading adds no level: its parts belong to the level above.
    let childLevel = section.title == nil ? level : level + 1
    for block in section.blocks {
      lines += render(block, level: childLevel)
    }
    lines.append("</section>")
    return lines
  }

  private static func render(_ block: ReportBlock, level: Int) -> [String] {
    switch block {
    case .paragraph(let text, _):
      return ["<p>" + ReportText.lines(text).map(escapeLine).joined(separator: "<br>") + "</p>"]
    case .notice(let text): return ["<p class=\"notice\">" + escape(text) + "</p>"]
    case .fields(let fields): return self.fields(fields)
    case .list(_, let items):
      guard !items.isEmpty else { return [] }
      return ["<ul>"] + items.map { "<li>" + escape($0) + "</li>" } + ["</ul>"]
    case .table(_, let table): return table.isEmpty ? [] : self.table(table)
    case .subsection(let section): return render(section, level: level)
    case .group(_, let sections): return sections.flatMap { render($0, level: level) }
    }
  }

  private static func fields(_ fields: [ReportField]) -> [String] {
    var lines = ["<table class=\"fields\">"]
    for field in fields {
      let rowClass = field.mark == .npm ? " class=\"npm\"" : ""
      let npm =
        field.mark == .npm
        ? "<span class=\"npm-label\">▶ " + FieldMark.npmLabel
          + "</span> " : ""
      lines.append(
        "<tr" + rowClass + "><th>" + npm + escape(field.label) + "</th>"
          + cell(field.value, mark: field.mark) + "</tr>")
    }
    lines.append("</table>")
    return lines
  }

  private static func table(_ table: ReportTable) -> [String] {
    var lines = ["<table class=\"grid\">", "<thead><tr>"]
    lines += table.columns.map { "<th>" + escape($0.label) + "</th>" }
    lines.append("</tr></thead>")
    lines.append("<tbody>")
    for row in table.rows {
      let cells = row.cells.enumerated().map { index, value in
        cell(value, mark: index == 0 ? row.mark : .none)
      }
      lines.append("<tr>" + cells.joined() + "</tr>")
    }
    let blank = table.columns.map { _ in cell(.blank, mark: .field) }.joined()
    lines += Array(repeating: "<tr>" + blank + "</tr>", count: table.blankRows)
    lines += ["</tbody>", "</table>"]
    return lines
  }

  private static func cell(_ value: ReportValue, mark: FieldMark) -> String {
    let note =
      mark == .onRecord
      ? " <span class=\"on-record\">(" + FieldMark.onRecordNote + ")</span>" : ""
    switch value {
    case .blank: return "<td class=\"blank\"></td>"
    case .absent(let words): return "<td><em class=\"absent\">" + escape(words) + "</em></td>"
    default: return "<td>" + escape(value.display ?? "") + note + "</td>"
    }
  }

  private static func escapeLine(_ line: String) -> String { escape(line) }

  /// Store text made safe inside an element or a quoted attribute: `& < > " '` become
  /// character references and control characters visible escapes.
  static func escape(_ text: String) -> String {
    var out = ""
    for character in ReportText.inline(text) {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }
}
