/// One committed transaction as the journal records it: who, when, what command, and for each
/// document its revisions before and after and its previous content (which is what undo needs).
public struct JournalEntry: Sendable, Equatable {
  /// One document's change within a transaction.
  public struct Change: Sendable, Equatable {
    /// Which document.
    public var key: DocumentKey
    /// Its revision before, nil when the transaction created it.
    public var before: Int?
    /// Its revision after, nil when the transaction deleted it.
    public var after: Int?
    /// Its whole content before, nil when the transaction created it.
    public var previous: JSONValue?
    /// SHA-256 of the file's bytes after, nil when deleted; lets `verify` spot outside edits.
    public var contentHash: String?
  }

  /// Position in the journal, from 1.
  public var sequence: Int
  /// UTC, ISO 8601.
  public var time: String
  /// Who made the change.
  public var user: String
  /// The command (or script) that made it.
  public var command: String
  /// The transaction this one reverts, when it is an undo.
  public var undoes: Int?
  /// What changed.
  public var changes: [Change]
  /// SHA-256 of the previous journal line, chaining every entry to all before it.
  public var previousHash: String
  /// SHA-256 of this entry's own line without its `hash` member; nil on a line written before
  /// lines carried one. It is what covers the last line, which no later `prev` covers yet.
  public var lineHash: String?

  var json: JSONValue {
    .object([
      "seq": .int(sequence), "time": .string(time), "user": .string(user),
      "command": .string(command), "undoes": .optional(undoes), "prev": .string(previousHash),
      "changes": .array(changes.map(Self.json)),
    ])
  }

  private static func json(_ change: Change) -> JSONValue {
    .object([
      "collection": .string(change.key.collection), "id": .string(change.key.id),
      "before": .optional(change.before), "after": .optional(change.after),
      "previous": change.previous ?? .null, "sha256": .optional(change.contentHash),
    ])
  }

  /// Reads an entry from its journal line.
  init(line: String, number: Int) throws(StoreError) {
    let value: JSONValue
    do {
      value = try JSONParser.parse(line)
    } catch {
      throw .damagedJournal(line: number, reason: error.reason)
    }
    guard let sequence = value["seq"]?.intValue, let time = value["time"]?.stringValue,
      let user = value["user"]?.stringValue, let command = value["command"]?.stringValue,
      let changes = value["changes"]?.arrayValue
    else {
      throw .damagedJournal(line: number, reason: "an entry lacks seq, time, user or changes")
    }
    self.sequence = sequence
    self.time = time
    self.user = user
    self.command = command
    self.undoes = value["undoes"]?.intValue
    self.previousHash = value["prev"]?.stringValue ?? ""
    self.lineHash = value["hash"]?.stringValue
    self.changes = try changes.map { (item) throws(StoreError) -> Change in
      guard let collection = item["collection"]?.stringValue, let id = item["id"]?.stringValue
      else { throw .damagedJournal(line: number, reason: "a change lacks its collection or id") }
      let previous = item["previous"]
      return Change(
        key: DocumentKey(collection, id), before: item["before"]?.intValue,
        after: item["after"]?.intValue, previous: previous?.isNull == false ? previous : nil,
        contentHash: item["sha256"]?.stringValue)
    }
  }

  init(
    sequence: Int, time: String, user: String, command: String, undoes: Int?,
    changes: [Change], previousHash: String
  ) {
    self.sequence = sequence
    self.time = time
    self.user = user
    self.command = command
    self.undoes = undoes
    self.changes = changes
    self.previousHash = previousHash
  }
}
