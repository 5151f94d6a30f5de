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
  // The store's ids per collection as first listed by this transaction, sorted: a transaction
  // sees one listing, so a long `--atomic` run lists a 10,000-file folder once, not per command.
  private var listings: [String: [String]] = [:]
  private var listedOnce: Set<String> = []
  // What callers decoded each document into, so a long `--atomic` run decodes the review it
  // works on once, not at every command. A write replaces it; a read never goes stale.
  private var decodedValues: [DocumentKey: Any] = [:]
  // Bodies not encoded yet: a document written many times in one run is encoded once, when
  // it is read back as JSON or committed.
  private var encoders: [DocumentKey: () -> JSONValue] = [:]

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
    materialize(key)
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
    if originals[key] == nil { originals[key] = .some(document) }
    // A document first seen in a scan keeps the revision the scan saw.
    if baseRevisions[key] == nil { baseRevisions[key] = .some(document?.revision) }
  }

  /// Every document of a collection as this transaction sees it, and the damaged files.
  public func scan(_ collection: String) throws(StoreError) -> Store.Scan {
    var documents: [Document] = []
    let damaged = try forEachDocument(in: collection) { documents.append($0) }
    documents.sort { $0.key.id < $1.key.id }
    return Store.Scan(documents: documents, damaged: damaged)
  }

  /// Hands every document of a collection, as this transaction sees it, to `visit` without
  /// keeping it: the store's documents in id order with this transaction's changes in their
  /// place, then the documents it created. Only the revision each had is remembered, so a
  /// later write of one still fails on a conflict.
  /// - Returns: the files that could not be read as documents.
  public func forEachDocument(
    in collection: String, _ visit: (Document) -> Void
  ) throws(StoreError) -> [DamagedDocument] {
    try forEachDocument(in: collection, prepare: { $0 }, visit)
  }

  /// Like `forEachDocument(in:_:)`, with `prepare` run over each document on the store's
  /// reading threads (this transaction's own changes are prepared on the caller's).
  public func forEachDocument<Prepared: Sendable>(
    in collection: String, prepare: @escaping @Sendable (Document) -> Prepared,
    _ visit: (Prepared) -> Void
  ) throws(StoreError) -> [DamagedDocument] {
    var seen = Set<String>()
    let mine = order.contains { $0.collection == collection }
    var failure: StoreError?
    // A document this transaction touched is prepared again from this transaction's version.
    // Only the key and revision come back with what was prepared: the document itself is
    // freed on the reading thread.
    let withKey: @Sendable (Document) -> (DocumentKey, Int, Prepared) = {
      ($0.key, $0.revision, prepare($0))
    }
    let damaged = try store.forEachDocument(in: collection, prepare: withKey) {
      (key, revision, prepared) in
      if baseRevisions[key] == nil { baseRevisions[key] = .some(revision) }
      guard mine, pending[key] != nil || originals[key] != nil else {
        return visit(prepared)
      }
      seen.insert(key.id)
      do throws(StoreError) {
        if let current = try read(key) { visit(prepare(current)) }
      } catch {
        failure = failure ?? error
      }
    }
    if let failure { throw failure }
    for key in order where key.collection == collection && !seen.contains(key.id) {
      if let created = try read(key) { visit(prepare(created)) }
    }
    return damaged
  }

  /// The ids of a collection that start with `prefix`, sorted, as this transaction sees them:
  /// the store's listing when first asked, with this transaction's own creations and deletions.
  public func ids(in collection: String, prefix: String = "") throws(StoreError) -> [String] {
    var ids: ArraySlice<String>
    if let cached = listings[collection] {
      ids = Self.slice(of: cached, startingWith: prefix)
    } else if !prefix.isEmpty && !listedOnce.contains(collection) {
      // A first narrow question is answered by the system directly; only a transaction that
      // asks again (a long --atomic run) keeps the whole listing.
      listedOnce.insert(collection)
      ids = try store.ids(in: collection, prefix: prefix)[...]
    } else {
      let listed = try store.ids(in: collection)
      listings[collection] = listed
      ids = Self.slice(of: listed, startingWith: prefix)
    }
    let mine = order.filter { $0.collection == collection && $0.id.hasPrefix(prefix) }
    guard !mine.isEmpty else { return Array(ids) }
    var set = Set(ids)
    for key in mine {
      if pending[key].map({ $0 == nil }) ?? false { set.remove(key.id) } else { set.insert(key.id) }
    }
    ids = ArraySlice(set.sorted())
    return Array(ids)
  }

  /// The run of a sorted array whose elements start with `prefix`, found by binary search.
  private static func slice(of sorted: [String], startingWith prefix: String) -> ArraySlice<String>
  {
    guard !prefix.isEmpty else { return sorted[...] }
    var low = 0
    var high = sorted.count
    while low < high {
      let middle = (low + high) / 2
      if sorted[middle] < prefix { low = middle + 1 } else { high = middle }
    }
    var end = low
    while end < sorted.count && sorted[end].hasPrefix(prefix) { end += 1 }
    return sorted[low..<end]
  }

  /// A document as this transaction sees it, decoded by `decode` (a caller's own type); the
  /// decoded value is kept until this transaction writes the document. Nil when there is none.
  public func decoded<Value>(_ key: DocumentKey, _ decode: (Document) throws -> Value) throws
    -> Value?
  {
    if let value = decodedValues[key] as? Value { return value }
    guard let document = try read(key) else { return nil }
    let value = try decode(document)
    decodedValues[key] = value
    return value
  }

  /// Writes a document (envelope members are set at commit).
  public func write(_ key: DocumentKey, body: JSONValue) throws(StoreError) {
    try DocumentID.validate(key.collection)
    try DocumentID.validate(key.id)
    if originals[key] == nil { _ = try read(key) }
    if pending[key] == nil { order.append(key) }
    pending[key] = .some(body)
    decodedValues[key] = nil
    encoders[key] = nil
  }

  /// Writes a document whose body is `encode(decoded)`, and keeps `decoded` for
  /// `decoded(_:_:)`. The body is encoded only when it is needed: when read back as a document,
  /// or at commit.
  public func write<Value>(
    _ key: DocumentKey, decoded: Value, encode: @escaping (Value) -> JSONValue
  ) throws(StoreError) {
    try write(key, body: .null)
    encoders[key] = { encode(decoded) }
    decodedValues[key] = decoded
  }

  private func materialize(_ key: DocumentKey) {
    if let encode = encoders.removeValue(forKey: key) { pending[key] = .some(encode()) }
  }

  /// Deletes a document.
  public func delete(_ key: DocumentKey) throws(StoreError) {
    if originals[key] == nil { _ = try read(key) }
    if pending[key] == nil { order.append(key) }
    pending[key] = .some(nil)
    decodedValues[key] = nil
    encoders[key] = nil
  }

  /// The changes to commit, with the revisions they were based on.
  public var changes: [DocumentChange] {
    order.compactMap { key in
      let base = baseRevisions[key] ?? nil
      materialize(key)
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
    listings = [:]
    listedOnce = []
    decodedValues = [:]
    encoders = [:]
  }
}
