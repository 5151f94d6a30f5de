#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Store {
  /// The last `limit` journal entries, newest first.
  public func journal(limit: Int = .max) throws -> [JournalEntry] {
    guard let descriptor = try openJournalForReading() else { return [] }
    defer { close(descriptor) }
    var entries: [JournalEntry] = []
    try JournalFile(descriptor: descriptor).forEachLineBackward { line, complete in
      guard complete else { return true }
      entries.append(try JournalEntry(line: String(decoding: line, as: UTF8.self), number: 0))
      return entries.count < limit
    }
    return entries
  }

  func openJournalForReading() throws(StoreError) -> Int32? {
    guard let rootDescriptor else { return nil }
    let descriptor = openat(rootDescriptor, "journal.jsonl", O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    if descriptor < 0 && errno == ENOENT { return nil }
    guard descriptor >= 0 else { throw FileSystem.failure("journal.jsonl", "open") }
    return descriptor
  }

  /// Reverts a transaction as a new, journaled transaction.
  ///
  /// Without `sequence`, the newest transaction by this store's user that is not an undo and
  /// has not been undone. Refused when a later live transaction changed one of its documents,
  /// or a document was changed outside ior since.
  /// - Returns: the reverted entry and the new one.
  public func undo(sequence: Int? = nil, command: String) throws -> (
    reverted: JournalEntry, entry: JournalEntry
  ) {
    try createIfNeeded()
    return try withExclusiveLock { () throws(StoreError) -> (JournalEntry, JournalEntry) in
      try recover()
      let (target, latest) = try undoTarget(sequence: sequence)
      let changes = try inverse(of: target, latest: latest)
      guard let entry = try commitUnlocked(changes, command: command, undoes: target.sequence)
      else { throw .nothingToUndo(user: user) }
      return (target, entry)
    }
  }

  /// The transaction `undo` would revert, without reverting it.
  public func undoCandidate(sequence: Int? = nil) throws -> JournalEntry {
    try undoTarget(sequence: sequence).target
  }

  private func commitUnlocked(_ changes: [DocumentChange], command: String, undoes: Int)
    throws(StoreError) -> JournalEntry?
  {
    // The lock is held already; committing through `commit` would take it again and recover
    // twice, which is harmless but slower.
    try commitHeld(changes, command: command, undoes: undoes)
  }

  /// The entry to undo, and for each document the newest change the journal recorded after it
  /// (an undo or an undone change), which is the state the document must be in now.
  private func undoTarget(sequence: Int?) throws(StoreError) -> (
    target: JournalEntry, latest: [DocumentKey: JournalEntry.Change]
  ) {
    guard let descriptor = try openJournalForReading() else { throw .nothingToUndo(user: user) }
    defer { close(descriptor) }
    var undone: Set<Int> = []
    var later: [JournalEntry] = []
    var target: JournalEntry?
    var latest: [DocumentKey: JournalEntry.Change] = [:]
    do {
      try JournalFile(descriptor: descriptor).forEachLineBackward { line, complete in
        guard complete else { return true }
        let entry = try JournalEntry(line: String(decoding: line, as: UTF8.self), number: 0)
        if let reverted = entry.undoes { undone.insert(reverted) }
        let isCandidate = entry.undoes == nil && !undone.contains(entry.sequence)
        if let sequence {
          if entry.sequence == sequence { target = entry; return false }
        } else if isCandidate && entry.user == user {
          target = entry
          return false
        }
        if isCandidate { later.append(entry) }
        for change in entry.changes where latest[change.key] == nil {
          latest[change.key] = change
        }
        return true
      }
    } catch let error as StoreError {
      throw error
    } catch {
      throw .damagedJournal(line: 0, reason: "\(error)")
    }
    guard let target else {
      if let sequence { throw .noSuchTransaction(sequence) }
      throw .nothingToUndo(user: user)
    }
    if target.undoes != nil || undone.contains(target.sequence) {
      throw .noSuchTransaction(target.sequence)
    }
    let keys = Set(target.changes.map(\.key))
    for entry in later.reversed() {
      if let clash = entry.changes.first(where: { keys.contains($0.key) }) {
        throw .undoBlocked(
          sequence: target.sequence, path: clash.key.path, laterSequence: entry.sequence)
      }
    }
    return (target, latest)
  }

  private func inverse(
    of target: JournalEntry, latest: [DocumentKey: JournalEntry.Change]
  ) throws(StoreError) -> [DocumentChange] {
    var changes: [DocumentChange] = []
    for change in target.changes {
      // The document must be as the journal last left it: same revision and, where the journal
      // has it, same bytes, so a hand edit that kept the revision is not silently overwritten.
      let expected = latest[change.key] ?? change
      let current = try read(change.key)
      guard current?.revision == expected.after else {
        throw .changedOutsideJournal(path: change.key.path)
      }
      if let hash = expected.contentHash, try fileHash(change.key) != hash {
        throw .changedOutsideJournal(path: change.key.path)
      }
      changes.append(
        DocumentChange(key: change.key, body: change.previous, baseRevision: current?.revision))
    }
    return changes
  }

  /// SHA-256 of a document file's bytes, nil when there is no file.
  private func fileHash(_ key: DocumentKey) throws(StoreError) -> String? {
    guard let rootDescriptor,
      let folder = try FileSystem.openDirectory(
        key.collection, in: rootDescriptor, display: key.collection)
    else { return nil }
    defer { close(folder) }
    return try FileSystem.readFile(key.id + ".json", in: folder, display: key.path).map {
      SHA256.hex($0)
    }
  }
}
