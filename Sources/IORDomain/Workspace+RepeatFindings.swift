import IORStore

extension Workspace {
  /// Re-derives the repeat-finding marks (`repeatOf`) of every review of a partner, and saves
  /// in this transaction the reviews whose marks changed.
  ///
  /// A deficiency is a repeat finding when the partner's previous review (the latest one
  /// inspected before it) has a deficiency citing the same MOA article or appendix. The mark
  /// depends on other reviews, so every change that can move it calls this in the same
  /// transaction: a deficiency added, re-cited or removed, an inspection date moved, a review
  /// planned or removed. The marks on disk are then always the ones the store implies, and
  /// `undo` takes them back together with the change. Closed reviews are marked too: the mark
  /// is derived from the record, not part of what the NPM recorded.
  ///
  /// - Parameter except: a finding (`review/finding`) not to tell the user about, because the
  ///   command that changed it reports its mark itself.
  func markRepeatFindings(partner partnerID: String, except: String? = nil) throws {
    let reviews = try reviews(of: partnerID)
    var references = CitationReferences()
    for index in reviews.indices {
      var review = reviews[index]
      let previous = reviews[..<index].last { $0.inspection < review.inspection }
      var notes: [String] = []
      for position in review.findings.indices {
        let finding = review.findings[position]
        let mark =
          finding.kind == .deficiency ? Self.repeatMark(finding, previous, &references) : nil
        guard mark != finding.repeatOf else { continue }
        review.findings[position].repeatOf = mark
        if "\(review.id)/\(finding.id)" != except {
          notes.append(
            mark.map { "\(finding.id) is now a repeat finding of \($0)" }
              ?? "\(finding.id) is no longer a repeat finding")
        }
      }
      guard review != reviews[index] else { continue }
      try save(review)
      if !notes.isEmpty {
        warnings.append("repeat findings of \(review.id): " + notes.joined(separator: "; "))
      }
    }
  }

  /// `review/finding` of the first deficiency of `previous` citing the MOA article or appendix
  /// `finding` cites; nil when it cites none, or `previous` has no such deficiency.
  static func repeatMark(
    _ finding: Finding, _ previous: Review?, _ references: inout CitationReferences
  ) -> String? {
    guard let previous, let citation = finding.citation,
      let reference = references.reference(in: citation)
    else { return nil }
    let match = previous.deficiencies.first { earlier in
      guard let other = earlier.citation.flatMap({ references.reference(in: $0) }) else {
        return false
      }
      return other.kind == reference.kind && other.number == reference.number
    }
    return match.map { "\(previous.id)/\($0.id)" }
  }
}

/// The MOA article or appendix of each citation, read once: a partner's reviews cite the same
/// few articles over and over, and every deficiency added re-derives the marks of them all.
struct CitationReferences {
  private var known: [String: (kind: MOASection.Kind, number: String)?] = [:]

  /// `Citation.moaReference(in:)`, remembered.
  mutating func reference(in citation: String) -> (kind: MOASection.Kind, number: String)? {
    if let reference = known[citation] { return reference }
    let reference = Citation.moaReference(in: citation)
    known[citation] = reference
    return reference
  }
}
