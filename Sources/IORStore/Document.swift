/// Names one document: its collection (a folder) and its id (the file name without `.json`).
public struct DocumentKey: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The collection, `partners` or `reviews`.
  public var collection: String
  /// The document's id within its collection.
  public var id: String

  /// Names a document.
  public init(_ collection: String, _ id: String) {
    self.collection = collection
    self.id = id
  }

  /// The file's path relative to the store root.
  public var path: String { collection + "/" + id + ".json" }

  /// The path, as people see it.
  public var description: String { path }

  /// Orders by collection, then id.
  public static func < (left: DocumentKey, right: DocumentKey) -> Bool {
    (left.collection, left.id) < (right.collection, right.id)
  }
}

/// One document as stored: its key, its revision and its whole JSON object.
///
/// The object always carries the envelope members `id`, `revision` and `schemaVersion`; the
/// store sets them on every write, callers set the rest.
public struct Document: Sendable, Equatable {
  /// The largest revision a document may have: 2^53, the largest whole number every JSON
  /// reader keeps exactly. A document is never changed that often; a larger number is damage.
  public static let maximumRevision = 1 << 53

  /// Which document this is.
  public var key: DocumentKey
  /// How many times it has been written; 1 for a new document.
  public var revision: Int
  /// The whole JSON object, envelope included.
  public var body: JSONValue

  /// Makes a document value.
  public init(key: DocumentKey, revision: Int, body: JSONValue) {
    self.key = key
    self.revision = revision
    self.body = body
  }

  /// Checks that `value` is a document of `key` and returns it.
  /// - Throws: `StoreError.damagedDocument` saying what is missing.
  static func validated(_ value: JSONValue, key: DocumentKey) throws(StoreError) -> Document {
    func damaged(_ reason: String) -> StoreError {
      .damagedDocument(DamagedDocument(path: key.path, line: 1, column: 1, reason: reason))
    }
    guard case .object = value else {
      throw damaged("not a document of '\(key.collection)': the top level is not an object")
    }
    guard value["id"]?.stringValue == key.id else {
      throw damaged("its \"id\" member does not match the file name '\(key.id).json'")
    }
    guard let revision = value["revision"]?.intValue, (1...maximumRevision).contains(revision)
    else {
      throw damaged(
        "it has no \"revision\" number (a whole number from 1 to \(maximumRevision))"
          + found(value["revision"]))
    }
    guard value["schemaVersion"]?.intValue != nil else {
      throw damaged("it has no \"schemaVersion\" number")
    }
    return Document(key: key, revision: revision, body: value)
  }

  /// `; it has 0` for a member that is there but wrong, nothing for one that is missing.
  private static func found(_ member: JSONValue?) -> String {
    guard let member else { return "" }
    let text = JSONWriter.compact(member)
    return "; it has " + (text.count > 40 ? text.prefix(40) + "..." : text)
  }
}
