import IORStore

/// The counters behind record ids (`D3`, `O12`): the last number a review or a partner used
/// for each prefix, so an id is never used twice.
enum RecordCounter {
  /// The largest number a counter may reach: far beyond any real review or partner, and small
  /// enough that counting on from it can never overflow.
  static let maximum = 999_999

  /// The number after `last` for `prefix`.
  /// - Throws: `DomainError.recordNumbersExhausted` once `maximum` is reached.
  static func next(after last: Int?, prefix: String, owner: String) throws(DomainError) -> Int {
    let last = last ?? 0
    guard last < maximum else {
      throw .recordNumbersExhausted(prefix: prefix, owner: owner, maximum: maximum)
    }
    return last + 1
  }
}

extension DocumentFields {
  /// The record counters kept in member `key`, each checked to be a whole number from 0 to
  /// `RecordCounter.maximum`.
  /// - Throws: `DomainError.damaged` naming the member at fault.
  func counters(_ key: String) throws(DomainError) -> [String: Int] {
    guard let member = value[key], !member.isNull else { return [:] }
    guard let members = member.objectValue else {
      throw damaged("member \"\(key)\" is not an object of record counters")
    }
    var counters: [String: Int] = [:]
    for (prefix, number) in members {
      guard let count = number.intValue, (0...RecordCounter.maximum).contains(count) else {
        throw damaged(
          "member \"\(key)\".\"\(prefix)\" is not a whole number from 0 to"
            + " \(RecordCounter.maximum); it has \(JSONWriter.compact(number).prefix(40))")
      }
      counters[prefix] = count
    }
    return counters
  }
}
