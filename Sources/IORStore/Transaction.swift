/// A group of reads and writes that commits all or nothing.
///
/// Reads see the transaction's own writes. Each write remembers the revision its document had
/// when the transaction first read it, so a commit fails with a conflict rather than silently
/// overwriting what another session committed in between.
public final class Transaction {
  /// The store it reads and commits to.
  public let store: Store
  private var baseRevisions: [DocumentKey: Int?] = [:]
  private var originals: [DocumentKey: Document?] = [:]
  private var pending: [DocumentKey: JSONValue?] = [:]
  private var order: [DocumentKey] = []

  /// Starts an empty transaction on `store`.
  public init(store: Store) {
    self.store = store
  }

  /// True when nothing has been written.
  public var isEmpty: Bool { order.isEmpty }

  /// The documents written so far, in the order first written.
  public var changedKeys: [DocumentKey] { order }

  /// Reads a document as this transaction sees it.
  public func read(_ key: DocumentKey) throws(StoreError) -> Document? {
    if let overlay = pending[key] {
      guard let body = overlay else { return nil }
      let base = baseRevisions[key] ?? nil
      return Document(key: key, revision: (base ?? 0) + 1, body: body)
    }
    if let original = originals[key] { return original }
    let document = try store.read(key)
    remember(key, document)
    return document
  }

  private func remember(_ key: DocumentKey, _ document: Document?) {
    if originals[key] == nil {
      originals[key] = .some(document)
      baseRevisions[key] = .some(document?.revision)
    }
  }

  /// Every document of a collection as this transaction sees it, and the damaged files.
  public func scan(_ collection: String) throws(StoreError) -> Store.Scan {
    var scan = try store.scan(collection)
    for document in scan.documents where originals[document.key] == nil {
      remember(document.key, document)
    }
    let mine = order.filter { $0.collection == collection }
    guard !mine.isEmpty else { return scan }
    var byID = Dictionary(uniqueKeysWithValues: scan.documents.map { ($0.key.id, $0) })
    for key in mine {
      byID[key.id] = try read(key)
    }
    scan.documents = byID.values.sorted { $0.key.id < $1.key.id }
    return scan
  }

  /// Writes a document (envelope members are set at commit).
  public func write(_ key: DocumentKey, body: JSONValue) throws(StoreError) {
    try DocumentID.validate(key.collection)
    try DocumentID.validate(key.id)
    if originals[key] == nil { _ = try read(key) }
    if pending[key] == nil { order.append(key) }
    pending[key] = .some(body)
  }

  /// Deletes a document.
  public func delete(_ key: DocumentKey) throws(StoreError) {
    if originals[key] == nil { _ = try read(key) }
    if pending[key] == nil { order.append(key) }
    pending[key] = .some(nil)
  }

  /// The changes to commit, with the revisions they were based on.
  public var changes: [DocumentChange] {
    order.compactMap { key in
      let base = baseRevisions[key] ?? nil
      let body = pending[key] ?? nil
      // Creating and then deleting a document in one transaction changes nothing.
      if body == nil && base == nil { return nil }
      return DocumentChange(key: key, body: body, baseRevision: base)
    }
  }

  /// The document as it was before this transaction (nil when it did not exist).
  public func original(_ key: DocumentKey) -> Document? {
    originals[key] ?? nil
  }

  /// Commits every change and starts over empty.
  /// - Returns: the journal entry, or nil when there was nothing to commit.
  @discardableResult
  public func commit(command: String, undoes: Int? = nil) throws(StoreError) -> JournalEntry? {
    let entry = try store.commit(changes, command: command, undoes: undoes)
    reset()
    return entry
  }

  /// Forgets every write and every read.
  public func reset() {
    baseRevisions = [:]
    originals = [:]
    pending = [:]
    order = []
  }
}
