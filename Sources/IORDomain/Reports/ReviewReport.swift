/// Renders the review documents: the entry point of the `report` command.
///
/// Each document is first built as a format-neutral `ReportDocument` (sections, key/value
/// fields, tables, lists) by its own builder, then written out by one renderer per format, so
/// the wording lives in one place and every format says the same thing.
public enum ReviewReport {
  /// Renders one document. `today` is used for "as of" lines of drafts.
  ///
  /// - Parameters:
  ///   - document: which of the five documents.
  ///   - format: the output format.
  ///   - review: the review the document is about.
  ///   - partner: the review's partner.
  ///   - marking: the store's handling marking, shown at the top and bottom of the document;
  ///     a blank marking falls back to `CUI` so that no document goes out unmarked.
  ///   - today: the date drafts are "as of".
  /// - Returns: the whole document, ending in a newline.
  public static func render(
    _ document: ReviewDocument, format: DocumentFormat, review: Review, partner: Partner,
    marking: String = "CUI", today: LocalDate
  ) -> String {
    let context = ReportContext(
      review: review, partner: partner, marking: effectiveMarking(marking), today: today)
    let model = build(document, context: context)
    switch format {
    case .md: return MarkdownRenderer.render(model)
    case .html: return HTMLRenderer.render(model)
    case .text: return TextRenderer.render(model)
    case .json: return JSONRenderer.render(model)
    }
  }

  static func build(_ document: ReviewDocument, context: ReportContext) -> ReportDocument {
    switch document {
    case .request: RequestFormBuilder.build(context)
    case .questionnaire: QuestionnaireBuilder.build(context)
    case .findings: FindingsReportBuilder.build(context)
    case .cap: CorrectiveActionPlanBuilder.build(context)
    case .closeout: CloseoutMemorandumBuilder.build(context)
    }
  }

  private static func effectiveMarking(_ marking: String) -> String {
    let trimmed = marking.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    return trimmed.isEmpty ? "CUI" : trimmed
  }
}
