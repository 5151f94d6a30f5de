/// The five review documents.
///
/// Appropriate for the `report` command, which names one of them; each is rendered from the
/// review and partner on record by `ReviewReport.render`.
public enum ReviewDocument: String, CaseIterable, Sendable {
  /// The request form sent to the FPM, SDDO or field office POC before the inspection.
  case request
  /// The standard questions by role, with the answers recorded in the review.
  case questionnaire
  /// The NPM's report of the review's deficiencies and areas of concern.
  case findings
  /// The corrective action plan: what is done about each deficiency, by whom, by when.
  case cap
  /// The close-out memorandum to the Assistant Director for Enforcement.
  case closeout

  /// The document's title as it heads the document.
  public var title: String {
    switch self {
    case .request: "WSO-IOR Request Form"
    case .questionnaire: "WSO-IOR Questionnaire"
    case .findings: "WSO-IOR Findings Report"
    case .cap: "Corrective Action Plan"
    case .closeout: "Close-out Memorandum"
    }
  }
}

/// Output formats of a review document.
///
/// `md` for editing or pasting into a wiki, `html` for printing or sending as one file, `text`
/// for the terminal and plain email, `json` for other tools.
public enum DocumentFormat: String, CaseIterable, Sendable {
  /// Markdown.
  case md
  /// One self-contained, print-ready HTML file.
  case html
  /// Plain text wrapped at 78 columns, safe to print to a terminal.
  case text
  /// A structured JSON object of the document's content.
  case json
}
