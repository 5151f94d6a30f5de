#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Store {
  /// Finishes a commit that a crash interrupted after its commit point, sets aside a torn last
  /// journal line, and clears staged files of commits that never reached it. Runs under the
  /// exclusive lock, before anything is read or written.
  func recover() throws(StoreError) {
    guard let rootDescriptor else { return }
    try setAsideTornJournalLine()
    // A commit plan left by an earlier version of ior, which committed by renaming it.
    if let bytes = try FileSystem.readFile(
      ".pending.json", in: rootDescriptor, display: ".pending.json")
    {
      let pending: JSONValue
      do {
        pending = try JSONParser.parse(bytes)
      } catch {
        throw .damagedDocument(
          DamagedDocument(
            path: ".pending.json", line: error.line, column: error.column, reason: error.reason))
      }
      try applyLegacyPlan(pending)
    }
    guard let temporary = try FileSystem.openDirectory(".tmp", in: rootDescriptor, display: ".tmp")
    else { return }
    defer { close(temporary) }
    let staged = try FileSystem.fileNames(in: temporary, display: ".tmp").files
    guard !staged.isEmpty else { return }
    // Staged files of the last journaled commit are committed work still to finish; any
    // others belong to a commit that never reached its journal line.
    if let last = try lastJournalEntry(),
      staged.contains(where: { $0.hasPrefix("\(last.sequence)-") })
    {
      try finishStaged(last, in: temporary)
    }
    try clearTemporaryFiles()
  }

  /// True when an interrupted commit may be waiting: something is staged or a legacy plan is
  /// there. Cheap enough for every open.
  func mayNeedRecovery() -> Bool {
    guard let rootDescriptor else { return false }
    if faccessat(rootDescriptor, ".pending.json", F_OK, 0) == 0 { return true }
    guard let temporary = try? FileSystem.openDirectory(".tmp", in: rootDescriptor, display: ".tmp")
    else { return false }
    defer { close(temporary) }
    return !((try? FileSystem.fileNames(in: temporary, display: ".tmp").files.isEmpty) ?? true)
  }

  /// Carries the staged changes of a journaled commit into place: deletions first, then the
  /// renames, then a flush of every folder touched, then the deletion markers. Safe to repeat
  /// after a crash at any step: a staged file still in `.tmp` is work not yet done.
  func finishStaged(_ entry: JournalEntry, in temporary: Int32) throws(StoreError) {
    guard let rootDescriptor else { return }
    var touched: Set<String> = []
    var markers: [String] = []
    for (index, change) in entry.changes.enumerated() where change.after == nil {
      let marker = Self.stagedName(sequence: entry.sequence, index: index, deletion: true)
      guard faccessat(temporary, marker, F_OK, 0) == 0 else { continue }
      try DocumentID.validate(change.key.collection)
      try DocumentID.validate(change.key.id)
      if unlinkat(rootDescriptor, change.key.path, 0) != 0 && errno != ENOENT {
        throw FileSystem.failure(change.key.path, "delete")
      }
      touched.insert(change.key.collection)
      markers.append(marker)
    }
    for (index, change) in entry.changes.enumerated() where change.after != nil {
      let name = Self.stagedName(sequence: entry.sequence, index: index, deletion: false)
      try DocumentID.validate(change.key.collection)
      try DocumentID.validate(change.key.id)
      try FileSystem.makeDirectory(
        change.key.collection, in: rootDescriptor, display: change.key.collection)
      if renameat(temporary, name, rootDescriptor, change.key.path) != 0 {
        guard errno == ENOENT else {
          throw FileSystem.failure(change.key.path, "rename into place")
        }
        continue
      }
      touched.insert(change.key.collection)
    }
    try syncFolders(touched)
    for marker in markers { unlinkat(temporary, marker, 0) }
  }

  private func syncFolders(_ folders: Set<String>) throws(StoreError) {
    guard let rootDescriptor else { return }
    for folder in folders.sorted() {
      guard
        let descriptor = try FileSystem.openDirectory(folder, in: rootDescriptor, display: folder)
      else { continue }
      defer { close(descriptor) }
      try FileSystem.syncDirectory(descriptor, display: folder)
    }
  }

  /// The last complete journal entry, nil for an empty journal.
  func lastJournalEntry() throws(StoreError) -> JournalEntry? {
    guard let descriptor = try openJournal() else { return nil }
    defer { close(descriptor) }
    let last: [UInt8]?
    do {
      last = try JournalFile(descriptor: descriptor).lastCompleteLine()
    } catch let error as StoreError {
      throw error
    } catch {
      throw .damagedJournal(line: 0, reason: "\(error)")
    }
    guard let last else { return nil }
    return try JournalEntry(line: String(decoding: last, as: UTF8.self), number: 0)
  }

  /// Carries out a commit plan (`.pending.json`) written by an earlier version of ior; safe
  /// to repeat. Only moves from `.tmp/SEQ-INDEX.json` to `COLLECTION/ID.json` and deletions of
  /// `COLLECTION/ID.json` are carried out: a plan naming any other path was not written by ior
  /// and is refused, so a planted plan cannot move or delete anything outside the store.
  func applyLegacyPlan(_ pending: JSONValue) throws(StoreError) {
    guard let rootDescriptor else { return }
    let moves = pending["moves"]?.arrayValue ?? []
    let deletions = pending["deletions"]?.arrayValue ?? []
    for move in moves {
      guard let from = move["from"]?.stringValue, let to = move["to"]?.stringValue,
        Self.isStagedPath(from), Self.documentKey(path: to) != nil
      else { throw Self.plantedPlan }
    }
    for deletion in deletions {
      guard let path = deletion.stringValue, Self.documentKey(path: path) != nil else {
        throw Self.plantedPlan
      }
    }
    if let sequence = pending["seq"]?.intValue, let line = pending["journal"]?.stringValue {
      try appendJournalLine(line, sequence: sequence)
    }
    var touched: Set<String> = []
    for move in moves {
      guard let from = move["from"]?.stringValue, let to = move["to"]?.stringValue,
        let key = Self.documentKey(path: to)
      else { continue }
      try FileSystem.makeDirectory(key.collection, in: rootDescriptor, display: key.collection)
      if renameat(rootDescriptor, from, rootDescriptor, to) != 0 && errno != ENOENT {
        throw FileSystem.failure(to, "rename into place")
      }
      touched.insert(key.collection)
    }
    for deletion in deletions {
      guard let path = deletion.stringValue, let key = Self.documentKey(path: path) else {
        continue
      }
      if unlinkat(rootDescriptor, path, 0) != 0 && errno != ENOENT {
        throw FileSystem.failure(path, "delete")
      }
      touched.insert(key.collection)
    }
    try syncFolders(touched)
    if unlinkat(rootDescriptor, ".pending.json", 0) != 0 && errno != ENOENT {
      throw FileSystem.failure(".pending.json", "delete")
    }
    try FileSystem.syncDirectory(rootDescriptor, display: root)
  }

  private static var plantedPlan: StoreError {
    .damagedDocument(
      DamagedDocument(
        path: ".pending.json",
        reason: "names a path that is not a staged file or a document of the store; it was not"
          + " written by ior and is not carried out (look at it, then delete it)"))
  }

  /// `.tmp/12-0.json`: a file a commit staged.
  static func isStagedPath(_ path: String) -> Bool {
    guard path.hasPrefix(".tmp/"), path.hasSuffix(".json") else { return false }
    let name = path.dropFirst(5).dropLast(5)
    let parts = name.split(separator: "-", omittingEmptySubsequences: false)
    return parts.count == 2
      && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
  }

  /// The key of `COLLECTION/ID.json`, nil for any other path.
  static func documentKey(path: String) -> DocumentKey? {
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[1].hasSuffix(".json") else { return nil }
    let collection = String(parts[0])
    let id = String(parts[1].dropLast(5))
    guard DocumentID.problem(with: collection) == nil, DocumentID.problem(with: id) == nil else {
      return nil
    }
    return DocumentKey(collection, id)
  }

  func clearTemporaryFiles() throws(StoreError) {
    guard let rootDescriptor,
      let temporary = try FileSystem.openDirectory(".tmp", in: rootDescriptor, display: ".tmp")
    else { return }
    defer { close(temporary) }
    for name in try FileSystem.fileNames(in: temporary, display: ".tmp").files {
      unlinkat(temporary, name, 0)
    }
  }

  func openJournal() throws(StoreError) -> Int32? {
    guard let rootDescriptor else { return nil }
    let descriptor = openat(
      rootDescriptor, "journal.jsonl", O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw FileSystem.failure("journal.jsonl", "open") }
    return descriptor
  }

  /// The next sequence number and the hash of the last journal line.
  func journalTail() throws(StoreError) -> (sequence: Int, previousHash: String) {
    guard let descriptor = try openJournal() else { return (1, "") }
    defer { close(descriptor) }
    let file = JournalFile(descriptor: descriptor)
    let size = try file.size()
    if let cached = journalTailCache, cached.size == size {
      return (cached.sequence, cached.previousHash)
    }
    let last: [UInt8]?
    do {
      last = try file.lastCompleteLine()
    } catch let error as StoreError {
      throw error
    } catch {
      throw .damagedJournal(line: 0, reason: "\(error)")
    }
    guard let last else { return (1, "") }
    let entry = try JournalEntry(line: String(decoding: last, as: UTF8.self), number: 0)
    // Only a journal that ends with its last line's newline is remembered: a torn tail is
    // read again, and set aside, at the next commit.
    if try file.endsCleanly() {
      journalTailCache = (size, entry.sequence + 1, SHA256.hex(last))
    }
    return (entry.sequence + 1, SHA256.hex(last))
  }

  func appendJournalLine(_ line: String, sequence: Int) throws(StoreError) {
    let (next, _) = try journalTail()
    guard next <= sequence else { return }
    guard let descriptor = try openJournal() else { return }
    defer { close(descriptor) }
    let bytes = Array((line + "\n").utf8)
    try FileSystem.writeAll(descriptor, bytes: bytes, display: "journal.jsonl")
    guard fsync(descriptor) == 0 else { throw FileSystem.failure("journal.jsonl", "flush to disk") }
    journalTailCache = try (
      JournalFile(descriptor: descriptor).size(), sequence + 1, SHA256.hex(bytes.dropLast())
    )
  }

  /// Takes back a commit whose journal line could not be written (a full disk): cuts what was
  /// appended and clears what was staged, so the store is exactly as it was before the commit.
  /// No document has been moved yet when this runs.
  func abandonCommit(journalSize: Int) throws(StoreError) {
    if let descriptor = try openJournal() {
      defer { close(descriptor) }
      guard ftruncate(descriptor, off_t(journalSize)) == 0, fsync(descriptor) == 0 else {
        throw FileSystem.failure("journal.jsonl", "cut an unfinished line from")
      }
    }
    try clearTemporaryFiles()
  }

  /// The journal's size in bytes, 0 when there is none.
  func journalSize() throws(StoreError) -> Int {
    guard let descriptor = try openJournal() else { return 0 }
    defer { close(descriptor) }
    return try JournalFile(descriptor: descriptor).size()
  }

  /// A last journal line without its newline was cut off mid-write (or by hand). No commit
  /// depends on it: a commit stands only once its whole line is on disk. It is kept in
  /// `journal.torn` for a person to look at and cut from the journal so appends stay whole.
  private func setAsideTornJournalLine() throws(StoreError) {
    guard let descriptor = try openJournal() else { return }
    defer { close(descriptor) }
    let journal = JournalFile(descriptor: descriptor)
    if try journal.endsCleanly() { return }
    let size = try journal.size()
    var keep = size
    var byte: UInt8 = 0
    while keep > 0 {
      guard pread(descriptor, &byte, 1, off_t(keep - 1)) == 1 else {
        throw FileSystem.failure("journal.jsonl", "read")
      }
      if byte == 0x0A { break }
      keep -= 1
    }
    var torn = [UInt8](repeating: 0, count: size - keep)
    _ = torn.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, size - keep, off_t(keep)) }
    if let rootDescriptor {
      // Added after what earlier recoveries set aside there, which no one may have read yet.
      let earlier =
        try FileSystem.readFile("journal.torn", in: rootDescriptor, display: "journal.torn") ?? []
      try FileSystem.writeNewFile(
        "journal.torn", in: rootDescriptor, bytes: earlier + torn + [0x0A], display: "journal.torn")
    }
    guard ftruncate(descriptor, off_t(keep)) == 0, fsync(descriptor) == 0 else {
      throw FileSystem.failure("journal.jsonl", "cut the torn last line from")
    }
    recoveryNotes.append(
      "journal.jsonl ended in a line cut short (\(size - keep) bytes, by a crash or a hand edit);"
        + " no commit depended on it, and it was moved to journal.torn: read it, then delete it")
  }

  /// What recovery did since the last call, as sentences for people; empties the list.
  public func takeRecoveryNotes() -> [String] {
    defer { recoveryNotes.removeAll() }
    return recoveryNotes
  }
}
