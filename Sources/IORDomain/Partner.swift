import IORStore

/// A WSO partner law-enforcement agency and its program dynamics on record.
public struct Partner: Sendable, Equatable {
  /// The collection partners are stored in.
  public static let collection = "partners"

  /// Whether the partner's MOA is in force.
  public enum Status: String, Sendable, CaseIterable { case active, terminated }

  /// The id every command uses: lowercase letters, digits and `-`.
  public var id: String
  /// The agency's name.
  public var name: String
  /// The state, as its postal code.
  public var state: String?
  /// The ERO field office the partner works with.
  public var fieldOffice: String?
  /// Whether the MOA is in force.
  public var status: Status = .active
  /// When the MOA ended, for a terminated partner.
  public var ended: LocalDate?
  /// The FPM or field office POC.
  public var fpmName: String?
  /// The FPM or POC's title.
  public var fpmTitle: String?
  /// The assisting SDDO.
  public var sddo: String?
  /// The date the initial MOA was signed.
  public var moaSigned: LocalDate?
  /// Every steering committee date ever scheduled, oldest first.
  public var scheduledMeetings: [LocalDate] = []
  /// The partner's WSOs, current and former.
  public var officers: [Officer] = []
  /// NPM site visits.
  public var visits: [SiteVisit] = []
  /// Steering committee meetings held.
  public var meetings: [SteeringCommitteeMeeting] = []
  /// Warrants served, by fiscal year.
  public var warrantsServed: [Int: Int] = [:]
  /// Complaints reported through the 287(g) HQ unit to CRCL.
  public var complaints: [Complaint] = []
  /// The articles and appendices of the partner's MOA, when on record.
  public var moaOutline: MOAOutline?
  /// The last number used for each kind of record id (`O`, `V`, `M`), so ids are never reused.
  public var lastNumbers: [String: Int] = [:]

  /// A new partner with only its id and name.
  public init(id: String, name: String) {
    self.id = id
    self.name = name
  }

  /// The next id for a record kind (`O3`), counted up and never reused.
  /// - Throws: `DomainError.recordNumbersExhausted` when the counter is at its limit.
  public mutating func nextID(_ prefix: String) throws(DomainError) -> String {
    let number = try RecordCounter.next(
      after: lastNumbers[prefix], prefix: prefix, owner: "partner '\(id)'")
    lastNumbers[prefix] = number
    return prefix + String(number)
  }

  /// The store key of this partner.
  public var key: DocumentKey { DocumentKey(Self.collection, id) }

  /// The next steering committee meeting after `date`: the first scheduled or held after it.
  public func nextMeeting(after date: LocalDate) -> LocalDate? {
    (scheduledMeetings + meetings.map(\.date)).filter { $0 > date }.min()
  }

  /// The last steering committee date scheduled before `date` for which no meeting is on
  /// record: none held after it, nor in the `DueList.meetingToleranceDays` before it (brought
  /// forward). Nil when the last scheduled date has not passed or was met.
  public func missedMeeting(before date: LocalDate) -> LocalDate? {
    guard let scheduled = scheduledMeetings.filter({ $0 < date }).max() else { return nil }
    let held = meetings.map(\.date).filter { $0 <= date }.max()
    if let held, held >= scheduled.adding(days: -DueList.meetingToleranceDays) { return nil }
    return scheduled
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
  /// Whether the officer still serves as a WSO.
  public enum Status: String, Sendable, CaseIterable { case active, inactive }
  /// Its id within the partner (`O1`, `V1`, `M1`), never reused.
  public var id: String
  /// The agency's name.
  public var name: String
  /// When the officer was authorized as a WSO.
  public var authorized: LocalDate
  /// The officer's last WSO training.
  public var trained: LocalDate?
  /// Whether the MOA is in force.
  public var status: Status = .active
  /// When it ended.
  public var ended: LocalDate?
}

/// An NPM site visit to the partner.
public struct SiteVisit: Sendable, Equatable {
  /// Its id within the partner (`O1`, `V1`, `M1`), never reused.
  public var id: String
  /// The day.
  public var date: LocalDate
  /// The NPM.
  public var npm: String?
}

/// A steering committee meeting that was held.
public struct SteeringCommitteeMeeting: Sendable, Equatable {
  /// Its id within the partner (`O1`, `V1`, `M1`), never reused.
  public var id: String
  /// The day.
  public var date: LocalDate
}

/// A complaint reported through the 287(g) HQ unit to CRCL.
public struct Complaint: Sendable, Equatable {
  /// What became of the complaint.
  public enum Disposition: String, Sendable, CaseIterable { case referred, retained, oig }
  /// The CRCL reference, which is also the complaint's id within the partner.
  public var reference: String
  /// The day.
  public var date: LocalDate
  /// What became of it.
  public var disposition: Disposition?
  /// A short summary.
  public var summary: String?
}
