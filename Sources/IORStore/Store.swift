#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A directory of JSON documents, one file each, with atomic multi-document commits, a store
/// lock, optimistic revisions and an append-only journal.
///
/// Appropriate for a few thousand documents a collection, each a few kilobytes: every read goes
/// to the file, so what another process committed is seen at once. The store knows nothing of
/// what its documents mean.
public final class Store {
  /// The store format this code writes into `store.json`.
  public static let formatVersion = 1
  /// The schema version written into every document's envelope.
  public let schemaVersion: Int
  /// The store's folder as it was named.
  public let root: String
  /// Who is recorded in the journal as making the changes.
  public let user: String

  var rootDescriptor: Int32?
  var lockDescriptor: Int32?
  var sharedLockDepth = 0
  /// Whether this process has made an older store's loose modes private yet (see
  /// `tightenPermissionsOnce`).
  var permissionsTightened = false
  /// The journal's size, next sequence number and last line's hash as last seen: a commit
  /// reuses them while the journal's size is unchanged, rather than reading its tail again.
  var journalTailCache: (size: Int, sequence: Int, previousHash: String)?
  /// What recovery did that a person should know of (a torn journal line set aside), until
  /// `takeRecoveryNotes()` hands them over.
  var recoveryNotes: [String] = []
  /// Told how a long scan is going: the collection, files read, files in all. The shell shows
  /// it on a terminal; nil (the default) costs nothing.
  public var progress: ((String, Int, Int) -> Void)?

  /// Opens the store at `root`, recovering an interrupted commit first.
  ///
  /// A folder that does not exist or is empty is accepted; it becomes a store on the first
  /// commit, as sqlite3 creates its file.
  /// - Throws: `StoreError.notAStore` for a folder that holds other things.
  public init(root: String, user: String, schemaVersion: Int = 1) throws(StoreError) {
    self.root = root
    self.user = user
    self.schemaVersion = schemaVersion
    rootDescriptor = try FileSystem.openDirectory(root, in: nil, display: root)
    guard let descriptor = rootDescriptor else { return }
    if try FileSystem.readFile("store.json", in: descriptor, display: "store.json") == nil {
      let (files, links) = try FileSystem.fileNames(in: descriptor, display: root)
      let hasFolders = try hasSubfolders(descriptor)
      if !files.isEmpty || !links.isEmpty || hasFolders {
        close(descriptor)
        rootDescriptor = nil
        throw .notAStore(path: root)
      }
      // An empty folder is not a store yet: without its descriptor, the first commit makes
      // one, store.json included.
      close(descriptor)
      rootDescriptor = nil
      return
    }
    if mayNeedRecovery() {
      try withExclusiveLock { () throws(StoreError) in try recover() }
    }
  }

  deinit {
    if let lockDescriptor { close(lockDescriptor) }
    if let rootDescriptor { close(rootDescriptor) }
  }

  private func hasSubfolders(_ descriptor: Int32) throws(StoreError) -> Bool {
    let copy = dup(descriptor)
    guard copy >= 0, let stream = fdopendir(copy) else { throw FileSystem.failure(root, "list") }
    defer { closedir(stream) }
    // The copy shares its read position with `descriptor`, which may have been listed already.
    rewinddir(stream)
    while let entry = readdir(stream) {
      var nameField = entry.pointee.d_name
      let first = withUnsafeBytes(of: &nameField) { $0.first ?? 0 }
      if first != UInt8(ascii: ".") { return true }
    }
    return false
  }

  /// True once the store has been written to (it has its `store.json`).
  public var exists: Bool { rootDescriptor != nil }

  /// The store's settings from `store.json` (its handling marking among them); empty before
  /// the first write.
  public func settings() throws(StoreError) -> [String: JSONValue] {
    guard let descriptor = rootDescriptor,
      let bytes = try FileSystem.readFile("store.json", in: descriptor, display: "store.json")
    else { return [:] }
    do {
      return try JSONParser.parse(bytes).objectValue ?? [:]
    } catch {
      throw .damagedDocument(
        DamagedDocument(
          path: "store.json", line: error.line, column: error.column, reason: error.reason))
    }
  }

  // MARK: Reading

  /// Reads one document; nil when there is none.
  /// - Throws: `StoreError.invalidID` before touching any file, `.damagedDocument` for a file
  ///   that is not a valid document.
  public func read(_ key: DocumentKey) throws(StoreError) -> Document? {
    try DocumentID.validate(key.collection)
    try DocumentID.validate(key.id)
    guard let rootDescriptor,
      let folder = try FileSystem.openDirectory(
        key.collection, in: rootDescriptor, display: key.collection)
    else { return nil }
    defer { close(folder) }
    return try readDocument(key, in: folder)
  }

  func readDocument(_ key: DocumentKey, in folder: Int32) throws(StoreError) -> Document? {
    guard let bytes = try FileSystem.readFile(key.id + ".json", in: folder, display: key.path)
    else { return nil }
    return try Self.decode(bytes, key: key)
  }

  static func decode(_ bytes: [UInt8], key: DocumentKey) throws(StoreError) -> Document {
    let value: JSONValue
    do {
      value = try JSONParser.parse(bytes)
    } catch {
      throw .damagedDocument(
        DamagedDocument(
          path: key.path, line: error.line, column: error.column, reason: error.reason))
    }
    return try Document.validated(value, key: key)
  }

  /// Every document of a collection, sorted by id, and every file there that is not one.
  public struct Scan: Sendable {
    /// The good documents, sorted by id.
    public var documents: [Document]
    /// The files that could not be read as documents, sorted by path.
    public var damaged: [DamagedDocument]
  }

  /// The ids in a collection (those starting with `prefix`), sorted, without reading the
  /// documents.
  public func ids(in collection: String, prefix: String = "") throws(StoreError) -> [String] {
    try DocumentID.validate(collection)
    guard let rootDescriptor,
      let folder = try FileSystem.openDirectory(collection, in: rootDescriptor, display: collection)
    else { return [] }
    defer { close(folder) }
    return try FileSystem.fileNames(in: folder, display: collection, prefix: prefix).files
      .filter { $0.hasSuffix(".json") }
      .map { String($0.dropLast(5)) }
      .filter { DocumentID.problem(with: $0) == nil }
      .sorted()
  }
}
