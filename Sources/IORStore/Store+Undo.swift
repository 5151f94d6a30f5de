#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Store {
  /// Reverts a transaction as a new, journaled transaction.
  ///
  /// Without `sequence`, the newest transaction by this store's user that is not an undo and
  /// has not been undone. Refused when a later live transaction changed one of its documents,
  /// a document was changed outside ior since, or the journal lines it relies on were changed
  /// after they were written.
  /// - Returns: the reverted entry and the new one.
  public func undo(sequence: Int? = nil, command: String) throws -> (
    reverted: JournalEntry, entry: JournalEntry
  ) {
    try createIfNeeded()
    return try withExclusiveLock { () throws(StoreError) -> (JournalEntry, JournalEntry) in
      try recover()
      let walk = try undoWalk(sequence: sequence)
      guard let target = walk.target else { throw .nothingToUndo(user: user) }
      let changes = try inverse(of: target, walk: walk)
      // The lock is held already; `commit` would take it again and recover twice.
      let entry = try commitHeld(changes, command: command, undoes: target.sequence)
      return (target, entry)
    }
  }

  /// The transaction `undo` would revert, without reverting it.
  public func undoCandidate(sequence: Int? = nil) throws -> JournalEntry {
    guard let target = try undoWalk(sequence: sequence).target else {
      throw StoreError.nothingToUndo(user: user)
    }
    return target
  }

  /// Reads the journal back to the transaction to undo, checking each line on the way, and
  /// on to the lines that recorded the contents it would bring back.
  private func undoWalk(sequence: Int?) throws(StoreError) -> UndoWalk {
    var walk = UndoWalk(sequence: sequence, user: user)
    guard let descriptor = try openJournalForReading() else { throw .nothingToUndo(user: user) }
    defer { close(descriptor) }
    do {
      try JournalFile(descriptor: descriptor).forEachLineBackward { line, complete in
        guard complete else { return true }
        return try walk.visit(line)
      }
    } catch let error as StoreError {
      throw error
    } catch {
      throw .damagedJournal(line: 0, reason: "\(error)")
    }
    try walk.checkTarget()
    return walk
  }

  private func inverse(of target: JournalEntry, walk: UndoWalk) throws(StoreError)
    -> [DocumentChange]
  {
    var changes: [DocumentChange] = []
    for change in target.changes {
      // The document must be as the journal last left it: same revision and, where the journal
      // has it, same bytes, so a hand edit that kept the revision is not silently overwritten.
      let expected = walk.latest[change.key] ?? change
      let current = try read(change.key)
      guard current?.revision == expected.after else {
        throw .changedOutsideJournal(path: change.key.path)
      }
      if let hash = expected.contentHash, try fileHash(change.key) != hash {
        throw .changedOutsideJournal(path: change.key.path)
      }
      try checkRestored(change, target: target, walk: walk)
      changes.append(
        DocumentChange(key: change.key, body: change.previous, baseRevision: current?.revision))
    }
    return changes
  }

  /// Throws unless the content undo would bring back is, byte for byte, what the journal
  /// recorded writing at that revision (where that line is on record).
  private func checkRestored(
    _ change: JournalEntry.Change, target: JournalEntry, walk: UndoWalk
  ) throws(StoreError) {
    guard let previous = change.previous, let recorded = walk.recorded[change.key] else { return }
    if SHA256.hex(JSONWriter.pretty(previous).utf8) != recorded.hash {
      throw .journalTampered(
        sequence: target.sequence,
        reason: "keeps a previous content of '\(change.key.path)' that is not what"
          + " #\(recorded.sequence) wrote")
    }
  }
}

/// What undo learns from reading the journal backward: the transaction to undo, what happened
/// to its documents since, and the hashes the journal recorded for the contents it would
/// bring back. Every line it relies on is checked: its seal, and its hash against the `prev`
/// of the line after it.
struct UndoWalk {
  let sequence: Int?
  let user: String
  /// The transaction to undo, once found.
  var target: JournalEntry?
  /// For each undone transaction, the undo that reverted it.
  var undone: [Int: Int] = [:]
  /// Live transactions after the target, newest first.
  var later: [JournalEntry] = []
  /// For each document, the newest change recorded after the target.
  var latest: [DocumentKey: JournalEntry.Change] = [:]
  /// For each of the target's documents, the hash of the content it would restore, as the
  /// transaction that wrote it recorded it.
  var recorded: [DocumentKey: (hash: String, sequence: Int)] = [:]
  /// The revisions still to find a recorded hash for, once the target is found.
  private var wanted: [DocumentKey: Int] = [:]
  private var nextPrevious: String?
  private var newestUnsealed: Int?
  private var checkedBeforeTarget = false

  init(sequence: Int?, user: String) {
    self.sequence = sequence
    self.user = user
  }

  /// Takes the next line back; returns false when nothing more is needed.
  mutating func visit(_ line: [UInt8]) throws(StoreError) -> Bool {
    if target != nil { return try visitEarlier(line) }
    let entry = try JournalEntry(line: String(decoding: line, as: UTF8.self), number: 0)
    try checkIntegrity(line, entry)
    if let reverted = entry.undoes { undone[reverted] = entry.sequence }
    let isCandidate = entry.undoes == nil && undone[entry.sequence] == nil
    if let sequence, entry.sequence == sequence {
      return found(entry)
    } else if sequence == nil && isCandidate && entry.user == user {
      return found(entry)
    }
    if isCandidate { later.append(entry) }
    for change in entry.changes where latest[change.key] == nil {
      latest[change.key] = change
    }
    return true
  }

  /// The line's seal, and its hash against the `prev` of the line read before it (the next
  /// one in the journal). A line without a seal is accepted only if no later line has one.
  private mutating func checkIntegrity(_ line: [UInt8], _ entry: JournalEntry) throws(StoreError) {
    if let expected = nextPrevious, SHA256.hex(line) != expected {
      throw .journalTampered(
        sequence: entry.sequence,
        reason: "was changed after it was written (the next line's prev differs)")
    }
    nextPrevious = entry.previousHash
    switch JournalEntry.seal(of: line, entry: entry) {
    case .broken:
      throw .journalTampered(
        sequence: entry.sequence, reason: "was changed after it was written (its hash differs)")
    case .absent:
      if newestUnsealed == nil { newestUnsealed = entry.sequence }
    case .intact:
      if let unsealed = newestUnsealed {
        throw .journalTampered(
          sequence: unsealed, reason: "has no hash of its own though an earlier line has one")
      }
    }
  }

  private mutating func found(_ entry: JournalEntry) -> Bool {
    target = entry
    for change in entry.changes {
      if let before = change.before, change.previous != nil { wanted[change.key] = before }
    }
    // The line before the target is read in any case: it proves the target's `prev`, and a
    // seal on it shows whether the lines after it should have had one.
    return true
  }

  /// A line before the target: where it wrote one of the target's documents, the hash it
  /// recorded is what that document's previous content must hash to.
  private mutating func visitEarlier(_ line: [UInt8]) throws(StoreError) -> Bool {
    if !checkedBeforeTarget {
      checkedBeforeTarget = true
      try checkIntegrity(
        line, try JournalEntry(line: String(decoding: line, as: UTF8.self), number: 0))
    }
    let mentioned = wanted.keys.contains { key in
      line.firstRange(of: Array("\"id\":\"\(key.id)\"".utf8)) != nil
    }
    guard mentioned else { return !wanted.isEmpty }
    let entry = try JournalEntry(line: String(decoding: line, as: UTF8.self), number: 0)
    for change in entry.changes {
      guard let revision = wanted[change.key] else { continue }
      wanted[change.key] = nil
      guard change.after == revision, let hash = change.contentHash else { continue }
      if JournalEntry.seal(of: line, entry: entry) == .broken {
        throw .journalTampered(
          sequence: entry.sequence, reason: "was changed after it was written (its hash differs)")
      }
      recorded[change.key] = (hash, entry.sequence)
    }
    return !wanted.isEmpty
  }

  /// Throws when the target is missing, an undo, already undone, or blocked by a later change.
  func checkTarget() throws(StoreError) {
    guard let target else {
      if let sequence { throw .noSuchTransaction(sequence) }
      throw .nothingToUndo(user: user)
    }
    if let undoes = target.undoes { throw .undoOfUndo(target.sequence, undoes: undoes) }
    if let undo = undone[target.sequence] { throw .alreadyUndone(target.sequence, by: undo) }
    let keys = Set(target.changes.map(\.key))
    for entry in later.reversed() {
      if let clash = entry.changes.first(where: { keys.contains($0.key) }) {
        throw .undoBlocked(
          sequence: target.sequence, path: clash.key.path, laterSequence: entry.sequence)
      }
    }
  }
}
