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
      let target = try undoTarget(sequence: sequence)
      let changes = try inverse(of: target)
      guard let entry = try commitUnlocked(changes, command: command, undoes: target.sequence)
      else { throw .nothingToUndo(user: user) }
      return (target, entry)
    }
  }

  private func commitUnlocked(_ changes: [DocumentChange], command: String, undoes: Int)
    throws(StoreError) -> JournalEntry?
  {
    // The lock is held already; committing through `commit` would take it again and recover
    // twice, which is harmless but slower.
    try commitHeld(changes, command: command, undoes: undoes)
  }

  private func undoTarget(sequence: Int?) throws(StoreError) -> JournalEntry {
    guard let descriptor = try openJournalForReading() else { throw .nothingToUndo(user: user) }
    defer { close(descriptor) }
    var undone: Set<Int> = []
    var later: [JournalEntry] = []
    var target: JournalEntry?
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
        throw .undoBlocked(sequence: target.sequence, path: clash.key.path, laterSequence: entry.sequence)
      }
    }
    return target
  }

  private func inverse(of target: JournalEntry) throws(StoreError) -> [DocumentChange] {
    var changes: [DocumentChange] = []
    for change in target.changes {
      let current = try read(change.key)
      guard current?.revision == change.after else {
        throw .changedOutsideJournal(path: change.key.path)
      }
      changes.append(
        DocumentChange(key: change.key, body: change.previous, baseRevision: current?.revision))
    }
    return changes
  }
}
