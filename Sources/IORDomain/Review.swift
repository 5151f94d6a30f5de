import IORStore

/// One WSO Internal Oversight Review of one partner, from planning to close-out.
public struct Review: Sendable, Equatable {
  /// The collection reviews are stored in.
  public static let collection = "reviews"

  /// A program review covers the whole WSO program; a focus review one area of it.
  public enum Kind: String, Sendable, CaseIterable { case program, focus }

  /// Where a review stands. Each stage is reached by a dated step, only forward.
  public enum Stage: String, Sendable, CaseIterable, Comparable {
    case planned, requestSent = "request-sent", fieldwork, reportIssued = "report-issued"
    case correctiveAction = "corrective-action", closed

    /// Orders stages along the lifecycle.
    public static func < (left: Stage, right: Stage) -> Bool {
      allCases.firstIndex(of: left) ?? 0 < allCases.firstIndex(of: right) ?? 0
    }

    /// The stage as people read it.
    public var title: String {
      switch self {
      case .planned: return "planned"
      case .requestSent: return "request form sent"
      case .fieldwork: return "fieldwork"
      case .reportIssued: return "findings report issued"
      case .correctiveAction: return "corrective action"
      case .closed: return "closed out"
      }
    }
  }

  /// The id: the partner id and the inspection year (`lake-so-2025`).
  public var id: String
  /// The reviewed partner's id.
  public var partner: String
  /// Program or focus.
  public var kind: Kind
  /// The area a focus review looks at.
  public var focus: String?
  /// The inspection (site visit) date.
  public var inspection: LocalDate
  /// The NPM who runs the review.
  public var npm: String?
  /// When the request form went out.
  public var requestSent: LocalDate?
  /// When the completed request form came back.
  public var requestReceived: LocalDate?
  /// When the findings report was issued.
  public var reportIssued: LocalDate?
  /// When HQ accepted the corrective action plan.
  public var planAccepted: LocalDate?
  /// When the review was closed out.
  public var closedOut: LocalDate?
  /// Why the review was closed out with corrective actions still open.
  public var closeoutReason: String?
  /// Answers by question id (the questionnaire's and checklist steps').
  public var answers: [String: Answer] = [:]
  /// Deficiencies and areas of concern, in the order recorded.
  public var findings: [Finding] = []
  /// The corrective action plan.
  public var actions: [CorrectiveAction] = []
  /// The last number used for each id prefix (`D`, `C`, `A`): ids are never reused.
  public var lastNumbers: [String: Int] = [:]

  /// A new, planned review.
  public init(id: String, partner: String, kind: Kind, inspection: LocalDate) {
    self.id = id
    self.partner = partner
    self.kind = kind
    self.inspection = inspection
  }

  /// The store key of this review.
  public var key: DocumentKey { DocumentKey(Self.collection, id) }

  /// The stage reached, from the dated steps on record.
  public var stage: Stage {
    if closedOut != nil { return .closed }
    if planAccepted != nil { return .correctiveAction }
    if reportIssued != nil { return .reportIssued }
    if requestReceived != nil { return .fieldwork }
    if requestSent != nil { return .requestSent }
    return .planned
  }

  /// The fiscal year of the inspection.
  public var fiscalYear: FiscalYear { FiscalYear(containing: inspection) }

  /// The deficiencies, in id order.
  public var deficiencies: [Finding] { findings.filter { $0.kind == .deficiency } }

  /// The areas of concern, in id order.
  public var concerns: [Finding] { findings.filter { $0.kind == .concern } }

  /// The next id for a prefix (`D3`), never reusing one.
  /// - Throws: `DomainError.recordNumbersExhausted` when the counter is at its limit.
  public mutating func nextID(_ prefix: String) throws(DomainError) -> String {
    let number = try RecordCounter.next(
      after: lastNumbers[prefix], prefix: prefix, owner: "review '\(id)'")
    lastNumbers[prefix] = number
    return prefix + String(number)
  }

  /// The corrective actions for one finding.
  public func actions(for findingID: String) -> [CorrectiveAction] {
    actions.filter { $0.finding == findingID }
  }

  /// Deficiencies with no corrective action, or with one not yet completed.
  public var openDeficiencies: [Finding] {
    deficiencies.filter { finding in
      let plans = actions(for: finding.id)
      return plans.isEmpty || plans.contains { $0.completed == nil }
    }
  }
}

/// An answer recorded in a review.
public struct Answer: Sendable, Equatable {
  /// The answer as given.
  public var text: String
  /// When it was recorded.
  public var recorded: LocalDate
}

/// A deficiency or an area of concern found in a review.
public struct Finding: Sendable, Equatable {
  /// A deficiency breaks a written rule and cites it; an area of concern breaks none.
  public enum Kind: String, Sendable { case deficiency, concern }
  /// The id: the partner id and the inspection year (`lake-so-2025`).
  public var id: String
  /// Program or focus.
  public var kind: Kind
  /// What was found, in a line.
  public var title: String
  /// What the deficiency violates: an MOA article or appendix, an ICE policy, a procedure.
  public var citation: String?
  /// The cited MOA article's title, from the partner's outline.
  public var citationTitle: String?
  /// The facts behind it.
  public var detail: String?
  /// The NPM's recommendation.
  public var recommendation: String?
  /// Question ids whose answers support the finding.
  public var answers: [String] = []
  /// `review/finding` of the same MOA citation in the partner's previous review.
  public var repeatOf: String?
}

/// One step of the corrective action plan for a deficiency.
public struct CorrectiveAction: Sendable, Equatable {
  /// The id: the partner id and the inspection year (`lake-so-2025`).
  public var id: String
  /// The deficiency it corrects.
  public var finding: String
  /// What will be done.
  public var plan: String
  /// Who is responsible.
  public var owner: String?
  /// The target date.
  public var due: LocalDate?
  /// Whether the partner agrees with the finding.
  public var agree: Bool?
  /// When it was completed.
  public var completed: LocalDate?
}
