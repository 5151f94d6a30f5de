import IORStore

/// A WSO partner law-enforcement agency and its program dynamics on record.
public struct Partner: Sendable, Equatable {
  /// The collection partners are stored in.
  public static let collection = "partners"

  /// Whether the partner's MOA is in force.
  public enum Status: String, Sendable, CaseIterable { case active, terminated }

  public var id: String
  public var name: String
  public var state: String?
  public var fieldOffice: String?
  public var status: Status = .active
  /// When the MOA ended, for a terminated partner.
  public var ended: LocalDate?
  /// The FPM or field office POC.
  public var fpmName: String?
  public var fpmTitle: String?
  /// The assisting SDDO.
  public var sddo: String?
  /// The date the initial MOA was signed.
  public var moaSigned: LocalDate?
  /// Every steering committee date ever scheduled, oldest first.
  public var scheduledMeetings: [LocalDate] = []
  public var officers: [Officer] = []
  public var visits: [SiteVisit] = []
  public var meetings: [SteeringCommitteeMeeting] = []
  /// Warrants served, by fiscal year.
  public var warrantsServed: [Int: Int] = [:]
  public var complaints: [Complaint] = []
  public var moaOutline: MOAOutline?
  /// The last number used for each kind of record id (`O`, `V`, `M`), so ids are never reused.
  public var lastNumbers: [String: Int] = [:]

  /// A new partner with only its id and name.
  public init(id: String, name: String) {
    self.id = id
    self.name = name
  }

  /// The next id for a record kind (`O3`), counted up and never reused.
  public mutating func nextID(_ prefix: String) -> String {
    let number = (lastNumbers[prefix] ?? 0) + 1
    lastNumbers[prefix] = number
    return prefix + String(number)
  }

  /// The store key of this partner.
  public var key: DocumentKey { DocumentKey(Self.collection, id) }

  /// The next steering committee meeting after `date`: the first scheduled or held after it.
  public func nextMeeting(after date: LocalDate) -> LocalDate? {
    (scheduledMeetings + meetings.map(\.date)).filter { $0 > date }.min()
  }

  /// The last meeting held on or before `date`.
  public func lastMeeting(onOrBefore date: LocalDate) -> LocalDate? {
    meetings.map(\.date).filter { $0 <= date }.max()
  }

  /// The last NPM site visit on or before `date`.
  public func lastVisit(onOrBefore date: LocalDate) -> LocalDate? {
    visits.map(\.date).filter { $0 <= date }.max()
  }

  /// Officers authorized on or before `date` and not ended by then.
  public func currentOfficers(on date: LocalDate) -> [Officer] {
    officers.filter { $0.authorized <= date && ($0.ended.map { $0 > date } ?? true) }
  }
}

/// A Warrant Service Officer of a partner.
public struct Officer: Sendable, Equatable {
  public enum Status: String, Sendable, CaseIterable { case active, inactive }
  public var id: String
  public var name: String
  public var authorized: LocalDate
  public var trained: LocalDate?
  public var status: Status = .active
  public var ended: LocalDate?
}

/// An NPM site visit to the partner.
public struct SiteVisit: Sendable, Equatable {
  public var id: String
  public var date: LocalDate
  public var npm: String?
}

/// A steering committee meeting that was held.
public struct SteeringCommitteeMeeting: Sendable, Equatable {
  public var id: String
  public var date: LocalDate
}

/// A complaint reported through the 287(g) HQ unit to CRCL.
public struct Complaint: Sendable, Equatable {
  /// What became of the complaint.
  public enum Disposition: String, Sendable, CaseIterable { case referred, retained, oig }
  /// The CRCL reference, which is also the complaint's id within the partner.
  public var reference: String
  public var date: LocalDate
  public var disposition: Disposition?
  public var summary: String?
}
