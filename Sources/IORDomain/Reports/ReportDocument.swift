import IORStore

// The format-neutral model of a review document. Builders fill it from the store; renderers
// write it out. It holds store text raw: escaping belongs to each renderer, because what is
// dangerous differs between Markdown, HTML, a terminal and JSON.

/// One review document, ready to render in any format.
struct ReportDocument: Sendable {
  /// Which document this is.
  var document: ReviewDocument
  /// The handling marking shown at the top and the bottom.
  var marking: String
  /// The line under the title: the partner's name.
  var subtitle: String
  /// Set while the document is a draft, as in `DRAFT as of 2025-10-01`.
  var draft: String?
  /// The body, top-level sections in order.
  var sections: [ReportSection]

  /// The document's title.
  var title: String { document.title }
}

/// A titled part of a document; sections nest one level per `subsection` or `group`.
struct ReportSection: Sendable {
  /// The member name of the section in JSON.
  var key: String
  /// The heading; nil for a section shown without one (the memorandum's address lines).
  var title: String?
  /// The content, in order.
  var blocks: [ReportBlock]
  /// Members only the JSON output carries, because the heading already shows them to a reader
  /// (a deficiency's id and title).
  var json: [String: JSONValue] = [:]
}

/// One piece of a section's content.
indirect enum ReportBlock: Sendable {
  /// Prose; with a key it is content and appears in JSON too, without one it is wording.
  case paragraph(String, key: String? = nil)
  /// A line that must stand out (`No corrective action yet.`); wording, not in JSON.
  case notice(String)
  /// Label and value rows.
  case fields([ReportField])
  /// A bulleted list of store text.
  case list(key: String, [String])
  /// A table with a header row.
  case table(key: String, ReportTable)
  /// A nested section, one object in JSON.
  case subsection(ReportSection)
  /// A run of nested sections of one kind (deficiencies, roles), an array in JSON.
  case group(key: String, [ReportSection])
}

/// Who completes a field or row of a form, shown as a mark by every renderer.
enum FieldMark: String, Sendable {
  /// Ordinary content.
  case none
  /// Completed by the NPM before the form is sent: the guidance's highlighted fields.
  case npm
  /// Prefilled from the store for the field office to confirm or correct.
  case onRecord = "on-record"
  /// Left for the field office to complete.
  case field

  /// The words shown after an `onRecord` value.
  static let onRecordNote = "on record — confirm"
  /// The words shown before the label of an `npm` field.
  static let npmLabel = "[NPM]"
}

/// A label and its value.
struct ReportField: Sendable {
  /// The member name in JSON.
  var key: String
  /// The label a reader sees.
  var label: String
  var value: ReportValue
  var mark: FieldMark = .none
}

/// A table: columns, rows of store values, and empty rows left to fill in.
struct ReportTable: Sendable {
  /// One column: its JSON member name and its heading.
  struct Column: Sendable {
    var key: String
    var label: String
  }

  /// One row; `mark` is `onRecord` for a row prefilled from the store.
  struct Row: Sendable {
    var cells: [ReportValue]
    var mark: FieldMark = .none
  }

  var columns: [Column]
  var rows: [Row]
  /// Empty rows printed after the others for the field office to write in; not in JSON.
  var blankRows: Int = 0

  /// True when there is nothing to show: no rows and no blank rows. Such a table is left out
  /// of the printed formats and is an empty array in JSON.
  var isEmpty: Bool { rows.isEmpty && blankRows == 0 }

  /// A table whose columns are given as `(key, label)` pairs.
  init(columns: [(String, String)], rows: [Row], blankRows: Int = 0) {
    self.columns = columns.map { Column(key: $0.0, label: $0.1) }
    self.rows = rows
    self.blankRows = blankRows
  }
}

/// A value in a field or a table cell.
enum ReportValue: Equatable, Sendable {
  /// Store or generated text.
  case text(String)
  /// A count.
  case number(Int)
  case date(LocalDate)
  /// A yes/no shown in words (`agrees`), a boolean in JSON.
  case choice(Bool, String)
  /// Wording that stands in for a missing value (`not asked`), null in JSON.
  case absent(String)
  /// A line to write on, null in JSON.
  case blank

  /// A text value, or `absent` with the note when there is none.
  static func text(_ text: String?, absent note: String) -> ReportValue {
    text.map(ReportValue.text) ?? .absent(note)
  }

  /// A date value, or `absent` with the note when there is none.
  static func date(_ date: LocalDate?, absent note: String) -> ReportValue {
    date.map(ReportValue.date) ?? .absent(note)
  }

  /// The value as a reader sees it; nil for a blank line.
  var display: String? {
    switch self {
    case .text(let text): text
    case .number(let number): String(number)
    case .date(let date): date.description
    case .choice(_, let words): words
    case .absent(let note): note
    case .blank: nil
    }
  }

  /// The value in JSON.
  var json: JSONValue {
    switch self {
    case .text(let text): .string(text)
    case .number(let number): .int(number)
    case .date(let date): .string(date.description)
    case .choice(let flag, _): .bool(flag)
    case .absent, .blank: .null
    }
  }
}
