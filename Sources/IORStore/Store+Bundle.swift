#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Store {
  /// The collections in the store (its folders with valid names), sorted.
  public func collections() throws(StoreError) -> [String] {
    guard let rootDescriptor else { return [] }
    let copy = dup(rootDescriptor)
    guard copy >= 0, let stream = fdopendir(copy) else { throw FileSystem.failure(root, "list") }
    defer { closedir(stream) }
    // The copy shares its read position with the store's descriptor, which may have been
    // listed already.
    rewinddir(stream)
    var names: [String] = []
    while let entry = readdir(stream) {
      guard entry.pointee.d_type == UInt8(DT_DIR) else { continue }
      var nameField = entry.pointee.d_name
      let name = withUnsafePointer(to: &nameField) { field in
        field.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: field.pointee))
        {
          String(cString: $0)
        }
      }
      if DocumentID.problem(with: name) == nil { names.append(name) }
    }
    return names.sorted()
  }

  /// The names in the store's folder that would be collections but are symbolic links, which
  /// the store does not follow (so their documents are not read), sorted.
  public func linkedCollections() throws(StoreError) -> [String] {
    guard let rootDescriptor else { return [] }
    let (_, links) = try FileSystem.fileNames(in: rootDescriptor, display: root)
    return links.filter { DocumentID.problem(with: $0) == nil }.sorted()
  }

  /// The whole store as one JSON value: its marking and every document, as stored.
  /// - Throws: `StoreError.damagedDocument` for the first damaged file: an export is a copy of
  ///   record and must not silently leave documents out.
  public func exportBundle() throws -> JSONValue {
    var collections: [String: JSONValue] = [:]
    for name in try self.collections() {
      let scan = try scan(name)
      if let damage = scan.damaged.first { throw StoreError.damagedDocument(damage) }
      collections[name] = .array(scan.documents.map(\.body))
    }
    return .object([
      "format": "ior-export", "version": .int(Self.formatVersion),
      "marking": .string(try settings()["marking"]?.stringValue ?? "CUI"),
      "collections": .object(collections),
    ])
  }

  /// Loads an export into this store, which must hold no documents. Documents keep their
  /// revisions, so exporting again gives the same bytes. One journaled transaction.
  public func importBundle(_ bundle: JSONValue, command: String) throws -> Int {
    guard bundle["format"]?.stringValue == "ior-export",
      let collections = bundle["collections"]?.objectValue
    else {
      throw StoreError.damagedDocument(
        DamagedDocument(path: "import", reason: "not an ior export (no \"format\": \"ior-export\")")
      )
    }
    for name in try self.collections() where !(try ids(in: name)).isEmpty {
      throw StoreError.storeNotEmpty(path: root, collection: name)
    }
    var changes: [DocumentChange] = []
    for (name, documents) in collections.sorted(by: { $0.key < $1.key }) {
      for body in documents.arrayValue ?? [] {
        guard let id = body["id"]?.stringValue else {
          throw StoreError.damagedDocument(
            DamagedDocument(path: "import/\(name)", reason: "a document has no id"))
        }
        let key = DocumentKey(name, id)
        _ = try Document.validated(body, key: key)
        changes.append(DocumentChange(key: key, body: body, baseRevision: nil))
      }
    }
    try createIfNeeded(marking: bundle["marking"]?.stringValue ?? "CUI")
    try commit(changes, command: command, keepRevisions: true)
    return changes.count
  }
}
