#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Store {
  /// Finishes a commit that a crash interrupted after its commit point, sets aside a torn last
  /// journal line, and clears temporary files of commits that never reached it. Runs under the
  /// exclusive lock, before anything is read or written.
  func recover() throws(StoreError) {
    guard let rootDescriptor else { return }
    try setAsideTornJournalLine()
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
      try apply(pending)
    }
    try clearTemporaryFiles()
  }

  /// Carries out a pending commit; safe to repeat after a crash at any step.
  func apply(_ pending: JSONValue) throws(StoreError) {
    guard let rootDescriptor else { return }
    if let sequence = pending["seq"]?.intValue, let line = pending["journal"]?.stringValue {
      try appendJournalLine(line, sequence: sequence)
    }
    var touched: Set<String> = []
    for move in pending["moves"]?.arrayValue ?? [] {
      guard let from = move["from"]?.stringValue, let to = move["to"]?.stringValue else { continue }
      let folder = String(to.prefix { $0 != "/" })
      try FileSystem.makeDirectory(folder, in: rootDescriptor, display: folder)
      if renameat(rootDescriptor, from, rootDescriptor, to) != 0 && errno != ENOENT {
        throw FileSystem.failure(to, "rename into place")
      }
      touched.insert(folder)
    }
    for deletion in pending["deletions"]?.arrayValue ?? [] {
      guard let path = deletion.stringValue else { continue }
      if unlinkat(rootDescriptor, path, 0) != 0 && errno != ENOENT {
        throw FileSystem.failure(path, "delete")
      }
      touched.insert(String(path.prefix { $0 != "/" }))
    }
    for folder in touched.sorted() {
      guard
        let descriptor = try FileSystem.openDirectory(folder, in: rootDescriptor, display: folder)
      else { continue }
      defer { close(descriptor) }
      try FileSystem.syncDirectory(descriptor, display: folder)
    }
    if unlinkat(rootDescriptor, ".pending.json", 0) != 0 && errno != ENOENT {
      throw FileSystem.failure(".pending.json", "delete")
    }
    try FileSystem.syncDirectory(rootDescriptor, display: root)
  }

  private func clearTemporaryFiles() throws(StoreError) {
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
    let last: [UInt8]?
    do {
      last = try JournalFile(descriptor: descriptor).lastCompleteLine()
    } catch let error as StoreError {
      throw error
    } catch {
      throw .damagedJournal(line: 0, reason: "\(error)")
    }
    guard let last else { return (1, "") }
    let entry = try JournalEntry(line: String(decoding: last, as: UTF8.self), number: 0)
    return (entry.sequence + 1, SHA256.hex(last))
  }

  func appendJournalLine(_ line: String, sequence: Int) throws(StoreError) {
    let (next, _) = try journalTail()
    guard next <= sequence else { return }
    guard let descriptor = try openJournal() else { return }
    defer { close(descriptor) }
    try FileSystem.writeAll(descriptor, bytes: Array((line + "\n").utf8), display: "journal.jsonl")
    guard fsync(descriptor) == 0 else { throw FileSystem.failure("journal.jsonl", "flush to disk") }
  }

  /// Takes back a commit whose journal line could not be written (a full disk): cuts what was
  /// appended and removes `.pending.json`, so the store is exactly as it was before the commit.
  /// No document has been moved yet when this runs; the journal line is the first step of
  /// `apply`.
  func abandonCommit(journalSize: Int) throws(StoreError) {
    guard let rootDescriptor else { return }
    if let descriptor = try openJournal() {
      defer { close(descriptor) }
      guard ftruncate(descriptor, off_t(journalSize)) == 0, fsync(descriptor) == 0 else {
        throw FileSystem.failure("journal.jsonl", "cut an unfinished line from")
      }
    }
    if unlinkat(rootDescriptor, ".pending.json", 0) != 0 && errno != ENOENT {
      throw FileSystem.failure(".pending.json", "delete")
    }
    try FileSystem.syncDirectory(rootDescriptor, display: root)
  }

  /// The journal's size in bytes, 0 when there is none.
  func journalSize() throws(StoreError) -> Int {
    guard let descriptor = try openJournal() else { return 0 }
    defer { close(descriptor) }
    return try JournalFile(descriptor: descriptor).size()
  }

  /// A last journal line without its newline was cut off mid-write (or by hand). No commit
  /// depends on it: a commit's line is complete before `.pending.json` goes away. It is kept in
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
      try FileSystem.writeNewFile(
        "journal.torn", in: rootDescriptor, bytes: torn + [0x0A], display: "journal.torn")
    }
    guard ftruncate(descriptor, off_t(keep)) == 0, fsync(descriptor) == 0 else {
      throw FileSystem.failure("journal.jsonl", "cut the torn last line from")
    }
  }
}
