#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One document write or deletion, with the revision it was based on.
public struct DocumentChange: Sendable {
  /// Which document.
  public var key: DocumentKey
  /// The new content (envelope members are set by the store), or nil to delete the document.
  public var body: JSONValue?
  /// The revision the change was based on; nil when the document must not exist yet.
  public var baseRevision: Int?
}

extension Store {
  /// Commits a group of document changes all or nothing, and journals it.
  ///
  /// The commit point is the journal line: the new contents are staged in `.tmp` first and
  /// flushed to disk; once the line is on disk the commit stands, and a crash before the staged
  /// files are renamed into place is finished by the next open (`recover`).
  /// - Throws: `StoreError.conflict` when a document's revision is no longer the one the change
  ///   was based on; nothing is written then.
  @discardableResult
  public func commit(
    _ changes: [DocumentChange], command: String, undoes: Int? = nil, keepRevisions: Bool = false
  ) throws(StoreError) -> JournalEntry? {
    guard !changes.isEmpty else { return nil }
    // Refuse a bad id before anything is created, the store folder included.
    for change in changes {
      try DocumentID.validate(change.key.collection)
      try DocumentID.validate(change.key.id)
    }
    try createIfNeeded()
    return try withExclusiveLock { () throws(StoreError) -> JournalEntry in
      try recover()
      return try commitHeld(changes, command: command, undoes: undoes, keepRevisions: keepRevisions)
    }
  }

  /// Above this many documents a commit flushes the whole file system once (`syncfs`) rather
  /// than each staged file: one flush of 500 files costs about what one file's fsync does.
  static let flushEachFileUpTo = 4

  func commitHeld(
    _ changes: [DocumentChange], command: String, undoes: Int?, keepRevisions: Bool = false
  ) throws(StoreError) -> JournalEntry {
    guard let rootDescriptor else { throw .notAStore(path: root) }
    tightenPermissionsOnce()
    let (sequence, previousHash) = try journalTail()
    try FileSystem.makeDirectory(".tmp", in: rootDescriptor, display: ".tmp")
    guard let temporary = try FileSystem.openDirectory(".tmp", in: rootDescriptor, display: ".tmp")
    else { throw .fileSystem(path: ".tmp", operation: "open the folder", code: ENOENT) }
    defer { close(temporary) }

    // Stage every change in .tmp: a new content as `SEQ-INDEX.json`, a deletion as an empty
    // `SEQ-INDEX.delete`, so that a crash after the commit point leaves what is still to do.
    let flushEach = changes.count <= Self.flushEachFileUpTo
    var entryChanges: [JournalEntry.Change] = []
    do {
      for (index, change) in changes.enumerated() {
        entryChanges.append(
          try stage(
            change, index: index, sequence: sequence, in: temporary, flush: flushEach,
            keepRevisions: keepRevisions))
      }
      if !flushEach { try FileSystem.syncFileSystem(temporary, display: ".tmp") }
      try FileSystem.syncDirectory(temporary, display: ".tmp")
    } catch {
      try? clearTemporaryFiles()
      throw error
    }

    // The commit point. Should the line not fit (a full disk), the commit is taken back and
    // the command fails having changed nothing.
    var entry = JournalEntry(
      sequence: sequence, time: Clock.timestamp(), user: user, command: command, undoes: undoes,
      changes: entryChanges, previousHash: previousHash)
    let line = entry.sealedLine()
    let journalSize = try journalSize()
    do {
      try appendJournalLine(line, sequence: sequence)
    } catch {
      // If even taking it back fails, what is staged stays for the next open to sort out by
      // the journal; the error reported is still the first one.
      try? abandonCommit(journalSize: journalSize)
      throw error
    }
    try finishStaged(entry, in: temporary)
    // A folder does not shrink when its files go: after a big commit, .tmp is made anew, so
    // that the look into it at every later commit stays one small read.
    if changes.count > Self.flushEachFileUpTo { unlinkat(rootDescriptor, ".tmp", AT_REMOVEDIR) }
    return entry
  }

  /// Checks one change against the document's current revision and stages it in `.tmp`.
  private func stage(
    _ change: DocumentChange, index: Int, sequence: Int, in temporary: Int32, flush: Bool,
    keepRevisions: Bool
  ) throws(StoreError) -> JournalEntry.Change {
    guard let rootDescriptor else { throw .notAStore(path: root) }
    let current = try read(change.key)
    guard current?.revision == change.baseRevision else {
      throw .conflict(
        path: change.key.path, expected: change.baseRevision, found: current?.revision)
    }
    // A document laid out by a newer ior has members this one does not know: rewriting it
    // would drop them, so it is left as it is.
    try refuseNewer(current?.body, path: change.key.path)
    try refuseNewer(change.body, path: change.key.path)
    var record = JournalEntry.Change(
      key: change.key, before: current?.revision, after: nil, previous: current?.body,
      contentHash: nil)
    let name = Self.stagedName(sequence: sequence, index: index, deletion: change.body == nil)
    guard var body = change.body else {
      try FileSystem.writeNewFile(
        name, in: temporary, bytes: [], display: ".tmp/" + name, flush: false)
      return record
    }
    // An import keeps each document's revision so that a re-export is byte-identical.
    let kept = keepRevisions ? body["revision"]?.intValue : nil
    let revision: Int
    if let kept { revision = kept } else { revision = try Self.nextRevision(after: current) }
    body["id"] = .string(change.key.id)
    body["revision"] = .int(revision)
    body["schemaVersion"] = .int(schemaVersion)
    let bytes = Array(JSONWriter.pretty(body).utf8)
    // What could not be read back is never written.
    guard bytes.count <= FileSystem.maximumDocumentSize else {
      throw .documentTooLarge(path: change.key.path, size: bytes.count)
    }
    // The collection's folder is made before the commit point, so that a full disk stops
    // the commit while it can still be taken back.
    try FileSystem.makeDirectory(
      change.key.collection, in: rootDescriptor, display: change.key.collection)
    try FileSystem.writeNewFile(
      name, in: temporary, bytes: bytes, display: ".tmp/" + name, flush: flush)
    record.after = revision
    record.contentHash = SHA256.hex(bytes)
    return record
  }

  /// Throws when `body` says it was written by an ior whose schema is newer than this one's.
  private func refuseNewer(_ body: JSONValue?, path: String) throws(StoreError) {
    guard let version = body?["schemaVersion"]?.intValue, version > schemaVersion else { return }
    throw .newerSchema(path: path, version: version, known: schemaVersion)
  }

  /// The revision a change of `current` gets: one more, or 1 for a new document. Validation
  /// keeps a read revision within `Document.maximumRevision`, so this never overflows.
  static func nextRevision(after current: Document?) throws(StoreError) -> Int {
    guard let current else { return 1 }
    guard current.revision < Document.maximumRevision else {
      throw .damagedDocument(
        DamagedDocument(
          path: current.key.path, line: 1, column: 1,
          reason: "its \"revision\" \(current.revision) is the largest ior allows; it cannot"
            + " change again"))
    }
    return current.revision + 1
  }

  /// `SEQ-INDEX.json` for a staged content, `SEQ-INDEX.delete` for a staged deletion.
  static func stagedName(sequence: Int, index: Int, deletion: Bool) -> String {
    "\(sequence)-\(index)" + (deletion ? ".delete" : ".json")
  }

  func rename(_ from: String, to: String) throws(StoreError) {
    guard let rootDescriptor else { throw .notAStore(path: root) }
    guard renameat(rootDescriptor, from, rootDescriptor, to) == 0 else {
      throw FileSystem.failure(to, "rename into place")
    }
  }

  /// Makes the folder a store: its folder, `store.json`, and nothing else.
  public func createIfNeeded(marking: String = "CUI") throws(StoreError) {
    if rootDescriptor != nil { return }
    try makePath(root)
    guard let descriptor = try FileSystem.openDirectory(root, in: nil, display: root) else {
      throw .fileSystem(path: root, operation: "open the folder", code: ENOENT)
    }
    rootDescriptor = descriptor
    if try FileSystem.readFile("store.json", in: descriptor, display: "store.json") != nil {
      return
    }
    let settings: JSONValue = .object([
      "format": "ior-store", "version": .int(Self.formatVersion), "marking": .string(marking),
      "created": .string(Clock.timestamp()),
    ])
    // Two processes may create one store at once: each writes its own temporary file, and
    // whichever rename comes last leaves an equally good store.json.
    let temporary = ".store.json.\(getpid())"
    try FileSystem.writeNewFile(
      temporary, in: descriptor, bytes: Array(JSONWriter.pretty(settings).utf8),
      display: "store.json")
    try rename(temporary, to: "store.json")
    try FileSystem.syncDirectory(descriptor, display: root)
  }

  private func makePath(_ path: String) throws(StoreError) {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for part in path.split(separator: "/") {
      prefix += part
      if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
        throw FileSystem.failure(prefix, "create the folder")
      }
      prefix += "/"
    }
  }
}
