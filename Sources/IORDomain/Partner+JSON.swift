import IORStore

extension Partner {
  /// Reads a partner from its stored document.
  /// - Throws: `DomainError.damaged` naming the file and the member at fault.
  public init(document: Document) throws(DomainError) {
    let fields = DocumentFields(value: document.body, path: document.key.path)
    self.init(id: document.key.id, name: try fields.requiredString("name"))
    state = fields.string("state")
    fieldOffice = fields.string("fieldOffice")
    status = fields.string("status").flatMap(Status.init(rawValue:)) ?? .active
    ended = try fields.date("ended")
    fpmName = fields.value["fpm"]?["name"]?.stringValue
    fpmTitle = fields.value["fpm"]?["title"]?.stringValue
    sddo = fields.string("sddo")
    moaSigned = try fields.date("moaSigned")
    scheduledMeetings = fields.strings("scheduledMeetings").compactMap(LocalDate.init)
    officers = try fields.objects("officers").map(Self.officer)
    visits = try fields.objects("visits").map { (item) throws(DomainError) in
      SiteVisit(
        id: try item.requiredString("id"), date: try item.requiredDate("date"),
        npm: item.string("npm"))
    }
    meetings = try fields.objects("meetings").map { (item) throws(DomainError) in
      SteeringCommitteeMeeting(
        id: try item.requiredString("id"), date: try item.requiredDate("date"))
    }
    for (year, count) in fields.value["warrantsServed"]?.objectValue ?? [:] {
      if let fiscalYear = Int(year), let number = count.intValue {
        warrantsServed[fiscalYear] = number
      }
    }
    complaints = try fields.objects("complaints").map(Self.complaint)
    if let outline = fields.value["moaOutline"]?.stringValue {
      do {
        moaOutline = try MOAOutline.parse(text: outline)
      } catch {
        throw fields.damaged("member \"moaOutline\" is not a valid outline: \(error)")
      }
    }
    lastNumbers = try fields.counters("lastNumbers")
  }

  private static func officer(_ item: DocumentFields) throws(DomainError) -> Officer {
    Officer(
      id: try item.requiredString("id"), name: try item.requiredString("name"),
      authorized: try item.requiredDate("authorized"), trained: try item.date("trained"),
      status: item.string("status").flatMap(Officer.Status.init(rawValue:)) ?? .active,
      ended: try item.date("ended"))
  }

  private static func complaint(_ item: DocumentFields) throws(DomainError) -> Complaint {
    Complaint(
      reference: try item.requiredString("ref"), date: try item.requiredDate("date"),
      disposition: item.string("disposition").flatMap(Complaint.Disposition.init(rawValue:)),
      summary: item.string("summary"))
  }

  /// The partner as a stored document body (the store adds the envelope).
  public var json: JSONValue {
    var members = MemberList()
    members.set("name", name)
    members.set("state", state)
    members.set("fieldOffice", fieldOffice)
    members.set("status", status.rawValue)
    members.set("ended", ended)
    if fpmName != nil || fpmTitle != nil {
      var fpm = MemberList()
      fpm.set("name", fpmName)
      fpm.set("title", fpmTitle)
      members.set("fpm", fpm.json)
    }
    members.set("sddo", sddo)
    members.set("moaSigned", moaSigned)
    members.set("scheduledMeetings", .array(scheduledMeetings.map { .string($0.description) }))
    members.set("officers", .array(officers.map(\.json)))
    members.set("visits", .array(visits.map(\.json)))
    members.set(
      "meetings",
      .array(
        meetings.map { .object(["id": .string($0.id), "date": .string($0.date.description)]) }))
    members.set(
      "warrantsServed",
      .object(
        Dictionary(uniqueKeysWithValues: warrantsServed.map { (String($0.key), .int($0.value)) })))
    members.set("complaints", .array(complaints.map(\.json)))
    if let moaOutline { members.set("moaOutline", moaOutline.render()) }
    members.set("lastNumbers", .object(lastNumbers.mapValues { .int($0) }))
    return members.json
  }
}

extension Officer {
  var json: JSONValue {
    var members = MemberList()
    members.set("id", id)
    members.set("name", name)
    members.set("authorized", authorized)
    members.set("trained", trained)
    members.set("status", status.rawValue)
    members.set("ended", ended)
    return members.json
  }
}

extension SiteVisit {
  var json: JSONValue {
    var members = MemberList()
    members.set("id", id)
    members.set("date", date)
    members.set("npm", npm)
    return members.json
  }
}

extension Complaint {
  var json: JSONValue {
    var members = MemberList()
    members.set("ref", reference)
    members.set("date", date)
    members.set("disposition", disposition?.rawValue)
    members.set("summary", summary)
    return members.json
  }
}
