#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `verify` found wrong in a store; empty when all is well.
public struct VerificationReport: Sendable {
  /// Journal lines whose `prev` is not the hash of the line before (1-based line numbers).
  public var chainBreaks: [Int] = []
  /// Documents whose bytes differ from what the journal last recorded.
  public var changedOutside: [String] = []
  /// Documents the journal does not know (written or copied in by hand).
  public var unjournaled: [String] = []
  /// Documents the journal says exist but that are missing.
  public var missing: [String] = []
  /// Files that are not valid documents.
  public var damaged: [DamagedDocument] = []
  /// Journal lines that are not valid entries.
  public var damagedJournalLines: [Int] = []
  /// Journal lines whose own hash (`hash`) does not match them: changed after being written.
  public var brokenSeals: [Int] = []
  /// Journal lines without a hash of their own after a line that has one: a sealed line whose
  /// seal was taken away, or a line an older ior wrote into a newer store.
  public var missingSeals: [Int] = []
  /// How many journal lines carry no hash of their own because an older ior wrote them, before
  /// any line that has one. Not a problem; each is covered by the next line's `prev` only.
  public var unsealedLines = 0
  /// Collection folders that are symbolic links, which ior does not follow.
  public var linkedFolders: [String] = []
  /// How many journal entries and documents were checked.
  public var entries = 0
  /// How many documents were checked.
  public var documents = 0

  /// True when nothing is wrong.
  public var isClean: Bool {
    chainBreaks.isEmpty && changedOutside.isEmpty && unjournaled.isEmpty && missing.isEmpty
      && damaged.isEmpty && damagedJournalLines.isEmpty && brokenSeals.isEmpty
      && missingSeals.isEmpty && linkedFolders.isEmpty
  }

  /// How many problems were found.
  public var problemCount: Int {
    chainBreaks.count + damagedJournalLines.count + brokenSeals.count + missingSeals.count
      + changedOutside.count + unjournaled.count + missing.count + damaged.count
      + linkedFolders.count
  }
}

extension Store {
  /// Checks the journal's hash chain, and that every document's bytes are what the journal
  /// last recorded for it. Changes nothing.
  public func verify() throws -> VerificationReport {
    var report = VerificationReport()
    var lastHash: [DocumentKey: String?] = [:]
    var sealSeen = false
    try readJournalForward { number, line, entry in
      report.entries += 1
      guard let entry else {
        report.damagedJournalLines.append(number)
        return
      }
      if number > 1 && entry.previousHash != line.previousLineHash {
        report.chainBreaks.append(number)
      }
      Self.checkSeal(line.text, entry, number: number, sealSeen: &sealSeen, into: &report)
      for change in entry.changes { lastHash[change.key] = .some(change.contentHash) }
    }
    var seen: Set<DocumentKey> = []
    for collection in try collections() {
      try verifyCollection(collection, lastHash: lastHash, seen: &seen, into: &report)
    }
    report.linkedFolders = try linkedCollections()
    for (key, hash) in lastHash where hash != nil && !seen.contains(key) {
      report.missing.append(key.path)
    }
    report.missing.sort()
    return report
  }

  /// Records what the seal of one journal line says. Once a line is sealed, every later line
  /// must be: otherwise taking the seal off the last line would hide an edit of it.
  private static func checkSeal(
    _ line: [UInt8], _ entry: JournalEntry, number: Int, sealSeen: inout Bool,
    into report: inout VerificationReport
  ) {
    switch JournalEntry.seal(of: line, entry: entry) {
    case .intact:
      sealSeen = true
    case .broken:
      sealSeen = true
      report.brokenSeals.append(number)
    case .absent:
      if sealSeen { report.missingSeals.append(number) } else { report.unsealedLines += 1 }
    }
  }

  private func verifyCollection(
    _ collection: String, lastHash: [DocumentKey: String?], seen: inout Set<DocumentKey>,
    into report: inout VerificationReport
  ) throws {
    guard let rootDescriptor,
      let folder = try FileSystem.openDirectory(collection, in: rootDescriptor, display: collection)
    else { return }
    defer { close(folder) }
    let scan = try scan(collection)
    report.damaged += scan.damaged
    for damage in scan.damaged {
      let id = String(damage.path.dropFirst(collection.count + 1).dropLast(5))
      seen.insert(DocumentKey(collection, id))
    }
    for document in scan.documents {
      report.documents += 1
      seen.insert(document.key)
      guard let recorded = lastHash[document.key] else {
        report.unjournaled.append(document.key.path)
        continue
      }
      let bytes = try FileSystem.readFile(
        document.key.id + ".json", in: folder, display: document.key.path)
      if let bytes, SHA256.hex(bytes) != recorded {
        report.changedOutside.append(document.key.path)
      }
    }
  }

  /// Calls `visit` with each journal line, first to last, and its entry (nil when damaged).
  private func readJournalForward(
    _ visit: (Int, (text: [UInt8], previousLineHash: String), JournalEntry?) throws -> Void
  ) throws {
    guard let descriptor = try openJournalForReading() else { return }
    defer { close(descriptor) }
    let size = try JournalFile(descriptor: descriptor).size()
    var bytes = [UInt8](repeating: 0, count: size)
    var done = 0
    while done < size {
      let count = bytes.withUnsafeMutableBytes {
        pread(descriptor, $0.baseAddress.map { $0 + done }, size - done, off_t(done))
      }
      if count <= 0 { break }
      done += count
    }
    var previousHash = ""
    var number = 0
    for line in bytes[0..<done].split(separator: 0x0A, omittingEmptySubsequences: false) {
      number += 1
      if line.isEmpty { continue }
      let text = Array(line)
      let entry = try? JournalEntry(line: String(decoding: text, as: UTF8.self), number: number)
      try visit(number, (text, previousHash), entry)
      previousHash = SHA256.hex(text)
    }
  }
}
