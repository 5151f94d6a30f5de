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

  public var id: String
  public var partner: String
  public var kind: Kind
  /// The area a focus review looks at.
  public var focus: String?
  /// The inspection (site visit) date.
  public var inspection: LocalDate
  public var npm: String?
  public var requestSent: LocalDate?
  public var requestReceived: LocalDate?
  public var reportIssued: LocalDate?
  public var planAccepted: LocalDate?
  public var closedOut: LocalDate?
  /// Why the review was closed out with corrective actions still open.
  public var closeoutReason: String?
  /// Answers by question id (the questionnaire's and checklist steps').
  public var answers: [String: Answer] = [:]
  public var findings: [Finding] = []
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
  public mutating func nextID(_ prefix: String) -> String {
    let number = (lastNumbers[prefix] ?? 0) + 1
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
  public var text: String
  public var recorded: LocalDate
}

/// A deficiency or an area of concern found in a review.
public struct Finding: Sendable, Equatable {
  /// A deficiency breaks a written rule and cites it; an area of concern breaks none.
  public enum Kind: String, Sendable { case deficiency, concern }
  public var id: String
  public var kind: Kind
  public var title: String
  /// What the deficiency violates: an MOA article or appendix, an ICE policy, a procedure.
  public var citation: String?
  /// The cited MOA article's title, from the partner's outline.
  public var citationTitle: String?
  public var detail: String?
  public var recommendation: String?
  /// Question ids whose answers support the finding.
  public var answers: [String] = []
  /// `review/finding` of the same MOA citation in the partner's previous review.
  public var repeatOf: String?
}

/// One step of the corrective action plan for a deficiency.
public struct CorrectiveAction: Sendable, Equatable {
  public var id: String
  public var finding: String
  public var plan: String
  public var owner: String?
  public var due: LocalDate?
  /// Whether the partner agrees with the finding.
  public var agree: Bool?
  public var completed: LocalDate?
}
