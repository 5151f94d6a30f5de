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

  /// SHA-256 of a document file's bytes, nil when there is no file.
  func fileHash(_ key: DocumentKey) throws(StoreError) -> String? {
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
