import IORStore

extension Workspace {
  /// The fields `set partner` accepts.
  public static let partnerFields = [
    "name", "state", "field-office", "fpm", "fpm-title", "sddo", "moa-signed", "next-meeting",
    "status", "ended",
  ]

  /// Records a new partner.
  /// - Throws: `DomainError.partnerExists`, or `StoreError.invalidID` for a bad id.
  public func addPartner(id: String, name: String, fields: [(String, String)]) throws -> Partner {
    try DocumentID.validate(id)
    if try partnerExists(id) { throw DomainError.partnerExists(id) }
    var partner = Partner(id: id, name: try FieldValue.text("name", name))
    try apply(fields, to: &partner)
    try save(partner)
    return partner
  }

  /// Changes partner fields (`fpm="A. Rivera" moa-signed=2019-05-01`).
  public func setPartner(_ id: String, fields: [(String, String)]) throws -> Partner {
    var partner = try partner(id)
    try apply(fields, to: &partner)
    try save(partner)
    return partner
  }

  private func apply(_ fields: [(String, String)], to partner: inout Partner) throws {
    for (field, value) in fields {
      try apply(field, value, to: &partner)
    }
    if partner.status == .terminated && partner.ended == nil {
      throw DomainError.invalidValue(
        field: "status", value: "terminated",
        expected: "complete without ended=DATE (when the MOA ended)")
    }
  }

  private func apply(_ field: String, _ value: String, to partner: inout Partner) throws {
    switch field {
    case "name": partner.name = try FieldValue.text(field, value)
    case "state": partner.state = FieldValue.optionalText(value)?.uppercased()
    case "field-office": partner.fieldOffice = FieldValue.optionalText(value)
    case "fpm": partner.fpmName = FieldValue.optionalText(value)
    case "fpm-title": partner.fpmTitle = FieldValue.optionalText(value)
    case "sddo": partner.sddo = FieldValue.optionalText(value)
    case "moa-signed":
      partner.moaSigned = try FieldValue.optionalDate(field, value)
      if let signed = partner.moaSigned { try requireHappened(signed, "record the MOA as signed") }
    case "next-meeting":
      let date = try FieldValue.date(field, value)
      if !partner.scheduledMeetings.contains(date) {
        partner.scheduledMeetings.append(date)
        partner.scheduledMeetings.sort()
      }
    case "status": partner.status = try FieldValue.choice(field, value, as: Partner.Status.self)
    case "ended": partner.ended = try FieldValue.optionalDate(field, value)
    default:
      throw DomainError.unknownField(field, of: "a partner", known: Self.partnerFields)
    }
  }

  /// Records a WSO of the partner.
  public func addOfficer(
    partner id: String, name: String, authorized: String, trained: String?
  ) throws -> Officer {
    var partner = try partner(id)
    let officer = Officer(
      id: try partner.nextID("O"), name: try FieldValue.text("name", name),
      authorized: try FieldValue.date("authorized", authorized),
      trained: try FieldValue.optionalDate("trained", trained))
    try requireHappened(officer.authorized, "record a WSO as authorized")
    if let trained = officer.trained { try requireHappened(trained, "record a WSO as trained") }
    partner.officers.append(officer)
    try save(partner)
    return officer
  }

  /// The fields `set officer` accepts.
  public static let officerFields = ["name", "authorized", "trained", "status", "ended"]

  /// Changes an officer's record (`status=inactive ended=2025-06-30`).
  public func setOfficer(partner id: String, officer officerID: String, fields: [(String, String)])
    throws -> Officer
  {
    var partner = try partner(id)
    guard
      let index = partner.officers.firstIndex(where: {
        $0.id.lowercased() == officerID.lowercased()
      })
    else {
      throw DomainError.unknownOfficer(officerID, partner: id, known: partner.officers.map(\.id))
    }
    var officer = partner.officers[index]
    for (field, value) in fields {
      switch field {
      case "name": officer.name = try FieldValue.text(field, value)
      case "authorized":
        officer.authorized = try FieldValue.date(field, value)
        try requireHappened(officer.authorized, "record a WSO as authorized")
      case "trained":
        officer.trained = try FieldValue.optionalDate(field, value)
        if let trained = officer.trained { try requireHappened(trained, "record a WSO as trained") }
      case "status": officer.status = try FieldValue.choice(field, value, as: Officer.Status.self)
      case "ended": officer.ended = try FieldValue.optionalDate(field, value)
      default: throw DomainError.unknownField(field, of: "an officer", known: Self.officerFields)
      }
    }
    if let ended = officer.ended, ended < officer.authorized {
      throw DomainError.invalidValue(
        field: "ended", value: ended.description,
        expected: "on or after the officer's authorization (\(officer.authorized))")
    }
    if officer.status == .inactive && officer.ended == nil {
      throw DomainError.invalidValue(
        field: "status", value: "inactive", expected: "complete without ended=DATE")
    }
    if officer.status == .active { officer.ended = nil }
    partner.officers[index] = officer
    try save(partner)
    return officer
  }

  /// Records an NPM site visit.
  public func addVisit(partner id: String, date: String, npm: String?) throws -> SiteVisit {
    var partner = try partner(id)
    let day = try FieldValue.date("date", date)
    try requireHappened(day, "record a site visit")
    if partner.visits.contains(where: { $0.date == day }) {
      throw DomainError.duplicateRecord("a site visit on \(day) is already on record")
    }
    let visit = SiteVisit(
      id: try partner.nextID("V"), date: day, npm: npm.flatMap(FieldValue.optionalText))
    partner.visits.append(visit)
    partner.visits.sort { $0.date < $1.date }
    try save(partner)
    return visit
  }

  /// Records a steering committee meeting that was held.
  public func addMeeting(partner id: String, date: String) throws -> SteeringCommitteeMeeting {
    var partner = try partner(id)
    let day = try FieldValue.date("date", date)
    if partner.meetings.contains(where: { $0.date == day }) {
      throw DomainError.duplicateRecord(
        "a steering committee meeting on \(day) is already on record")
    }
    try requireHappened(
      day, "record a steering committee meeting held",
      hint: "; to schedule the next meeting use 'set partner next-meeting=\(day)'")
    let meeting = SteeringCommitteeMeeting(id: try partner.nextID("M"), date: day)
    partner.meetings.append(meeting)
    partner.meetings.sort { $0.date < $1.date }
    try save(partner)
    return meeting
  }

  /// Records the warrants served in one fiscal year (replacing an earlier figure).
  public func setWarrants(partner id: String, fiscalYear: String, count: String) throws -> Int? {
    var partner = try partner(id)
    let year = try FieldValue.fiscalYear("fy", fiscalYear)
    let previous = partner.warrantsServed[year.year]
    partner.warrantsServed[year.year] = try FieldValue.count("count", count)
    try save(partner)
    return previous
  }

  /// Records a complaint reported through the 287(g) HQ unit to CRCL.
  public func addComplaint(
    partner id: String, date: String, reference: String, disposition: String?, summary: String?
  ) throws -> Complaint {
    var partner = try partner(id)
    let ref = try FieldValue.text("ref", reference)
    if partner.complaints.contains(where: { $0.reference.lowercased() == ref.lowercased() }) {
      throw DomainError.duplicateRecord("complaint '\(ref)' is already on record for '\(id)'")
    }
    let day = try FieldValue.date("date", date)
    try requireHappened(day, "record a complaint")
    let complaint = Complaint(
      reference: ref, date: day,
      disposition: try disposition.map { (text) throws(DomainError) in
        try FieldValue.choice("disposition", text, as: Complaint.Disposition.self)
      },
      summary: summary.flatMap(FieldValue.optionalText))
    partner.complaints.append(complaint)
    partner.complaints.sort { $0.date < $1.date }
    try save(partner)
    return complaint
  }

  /// Replaces the partner's MOA outline with one parsed from its text format.
  public func setOutline(partner id: String, text: String, source: String) throws -> MOAOutline {
    var partner = try partner(id)
    do {
      let trimmed = text.trimmingSpaces
      partner.moaOutline =
        trimmed.hasPrefix("{") ? try Self.outline(json: trimmed) : try MOAOutline.parse(text: text)
    } catch {
      throw DomainError.invalidValue(
        field: "outline", value: source, expected: "a valid MOA outline: \(error)")
    }
    try save(partner)
    return partner.moaOutline ?? MOAOutline(version: "", sections: [])
  }

  /// An outline from JSON: `{"version": "2020 WSO MOA", "sections": [{"ref": "Article V",
  /// "title": "Supervision"}]}`; each section goes through the text format's checks.
  static func outline(json text: String) throws -> MOAOutline {
    let value: JSONValue
    do {
      value = try JSONParser.parse(text)
    } catch {
      throw DomainError.invalidValue(
        field: "outline", value: "JSON",
        expected: "valid JSON (line \(error.line), column"
          + " \(error.column): \(error.reason))")
    }
    guard let version = value["version"]?.stringValue, let sections = value["sections"]?.arrayValue
    else {
      throw DomainError.invalidValue(
        field: "outline", value: "JSON",
        expected: "an object with \"version\" and \"sections\": [{\"ref\": ..., \"title\": ...}]")
    }
    var lines = ["version: " + version]
    for section in sections {
      guard let reference = section["ref"]?.stringValue, let title = section["title"]?.stringValue
      else {
        throw DomainError.invalidValue(
          field: "outline", value: "JSON", expected: "sections with \"ref\" and \"title\"")
      }
      let plain = reference.hasPrefix("MOA ") ? String(reference.dropFirst(4)) : reference
      lines.append(plain + ": " + title)
    }
    return try MOAOutline.parse(text: lines.joined(separator: "\n"))
  }
}
