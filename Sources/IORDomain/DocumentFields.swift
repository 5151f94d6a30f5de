import IORStore

/// Reads the members of a stored document, turning a missing or mistyped member into a damaged
/// document report that names the file and the member.
struct DocumentFields {
  let value: JSONValue
  let path: String

  func damaged(_ reason: String) -> DomainError {
    .damaged(DamagedDocument(path: path, reason: reason))
  }

  func string(_ key: String) -> String? {
    value[key]?.stringValue
  }

  func requiredString(_ key: String) throws(DomainError) -> String {
    guard let text = value[key]?.stringValue else {
      throw damaged("member \"\(key)\" is missing or not a string")
    }
    return text
  }

  func date(_ key: String) throws(DomainError) -> LocalDate? {
    guard let member = value[key], !member.isNull else { return nil }
    guard let text = member.stringValue, let date = LocalDate(text) else {
      throw damaged("member \"\(key)\" is not a date (YYYY-MM-DD)")
    }
    return date
  }

  func requiredDate(_ key: String) throws(DomainError) -> LocalDate {
    guard let date = try date(key) else { throw damaged("member \"\(key)\" is missing") }
    return date
  }

  func int(_ key: String) -> Int? {
    value[key]?.intValue
  }

  func bool(_ key: String) -> Bool? {
    value[key]?.boolValue
  }

  func objects(_ key: String) throws(DomainError) -> [DocumentFields] {
    guard let member = value[key], !member.isNull else { return [] }
    guard let elements = member.arrayValue else { throw damaged("member \"\(key)\" is not a list") }
    return elements.map { DocumentFields(value: $0, path: path) }
  }

  func strings(_ key: String) -> [String] {
    value[key]?.arrayValue?.compactMap(\.stringValue) ?? []
  }
}

/// Builds a document's members, leaving out what is not on record.
struct MemberList {
  var members: [String: JSONValue] = [:]

  mutating func set(_ key: String, _ text: String?) {
    if let text { members[key] = .string(text) }
  }

  mutating func set(_ key: String, _ date: LocalDate?) {
    if let date { members[key] = .string(date.description) }
  }

  mutating func set(_ key: String, _ number: Int?) {
    if let number { members[key] = .int(number) }
  }

  mutating func set(_ key: String, _ flag: Bool?) {
    if let flag { members[key] = .bool(flag) }
  }

  mutating func set(_ key: String, _ value: JSONValue) {
    members[key] = value
  }

  var json: JSONValue { .object(members) }
}
