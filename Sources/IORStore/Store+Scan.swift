import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Store {
  /// What reading one file of a collection came to.
  enum ScanOutcome<Prepared: Sendable>: Sendable {
    case document(Prepared)
    case damaged(DamagedDocument)
    case missing
  }

  /// How many files are read and parsed at once; their documents are then handed over in id
  /// order. Large enough to keep both workers busy, small enough that a visitor that keeps
  /// little holds little.
  static let scanBatch = 256

  /// Reads a whole collection. A damaged file is reported and skipped; it never stops the scan.
  public func scan(_ collection: String) throws(StoreError) -> Scan {
    var documents: [Document] = []
    let damaged = try forEachDocument(in: collection) { documents.append($0) }
    return Scan(documents: documents, damaged: damaged)
  }

  /// Hands every good document of a collection to `visit`, one at a time in id order, without
  /// keeping them: appropriate for work over every document that needs only a little of each
  /// (a summary, a count). Files are read and parsed on two threads a batch at a time.
  /// - Returns: the files that could not be read as documents, sorted by path.
  public func forEachDocument(
    in collection: String, _ visit: (Document) -> Void
  ) throws(StoreError) -> [DamagedDocument] {
    try forEachDocument(in: collection, prepare: { $0 }, visit)
  }

  /// Like `forEachDocument(in:_:)`, with `prepare` run on the reading threads over each
  /// document (decoding it into what the caller works with, say) before `visit` gets it.
  public func forEachDocument<Prepared: Sendable>(
    in collection: String, prepare: @escaping @Sendable (Document) -> Prepared,
    _ visit: (Prepared) -> Void
  ) throws(StoreError) -> [DamagedDocument] {
    try DocumentID.validate(collection)
    guard let rootDescriptor,
      let folder = try FileSystem.openDirectory(collection, in: rootDescriptor, display: collection)
    else { return [] }
    defer { close(folder) }
    let (unsorted, links) = try FileSystem.fileNames(in: folder, display: collection)
    // In id order: by name, "a-b.json" would come before "a.json" ('-' sorts before '.').
    let files = unsorted.map { ($0.hasSuffix(".json") ? String($0.dropLast(5)) : $0, $0) }
      .sorted { $0.0 < $1.0 }.map(\.1)
    var damaged = links.map {
      DamagedDocument(
        path: collection + "/" + $0, reason: "is a symbolic link, which ior does not follow")
    }
    progress?(collection, 0, files.count)
    var start = 0
    while start < files.count {
      let end = min(start + Self.scanBatch, files.count)
      let batch = Self.read(files[start..<end], collection: collection, folder: folder, prepare)
      for outcome in batch {
        switch outcome {
        case .document(let prepared): visit(prepared)
        case .damaged(let damage): damaged.append(damage)
        case .missing: break
        }
      }
      start = end
      if let progress, start < files.count { progress(collection, start, files.count) }
    }
    progress?(collection, files.count, files.count)
    return damaged.sorted { $0.path < $1.path }
  }

  /// Reads a batch of files on two threads; the outcomes are in the order of `names`.
  private static func read<Prepared: Sendable>(
    _ names: ArraySlice<String>, collection: String, folder: Int32,
    _ prepare: @escaping @Sendable (Document) -> Prepared
  ) -> [ScanOutcome<Prepared>] {
    let names = Array(names)
    var outcomes = [ScanOutcome<Prepared>](repeating: .missing, count: names.count)
    outcomes.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      let slots = Slots(base: base)
      let workers = names.count < 16 ? 1 : 2
      // Each worker fills its own interleaved slots, so no slot is written twice, and the
      // buffer outlives both: concurrentPerform returns when they are done.
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var index = worker
        while index < names.count {
          let outcome = readOne(names[index], collection: collection, folder: folder)
          switch outcome {
          case .document(let document): slots.base[index] = .document(prepare(document))
          case .damaged(let damage): slots.base[index] = .damaged(damage)
          case .missing: break
          }
          index += workers
        }
      }
    }
    return outcomes
  }

  /// The outcomes being filled, shared by the workers of one batch (see `read`).
  private struct Slots<Prepared: Sendable>: @unchecked Sendable {
    let base: UnsafeMutablePointer<ScanOutcome<Prepared>>
  }

  /// Reads one file of a collection: a document, a damaged file, or nothing (removed meanwhile).
  private static func readOne(
    _ name: String, collection: String, folder: Int32
  ) -> ScanOutcome<Document> {
    let path = collection + "/" + name
    guard name.hasSuffix(".json") else {
      return .damaged(DamagedDocument(path: path, reason: "is not a .json document"))
    }
    let id = String(name.dropLast(5))
    if let reason = DocumentID.problem(with: id) {
      return .damaged(DamagedDocument(path: path, reason: "its name is not a valid id: \(reason)"))
    }
    let key = DocumentKey(collection, id)
    do {
      guard let bytes = try FileSystem.readFile(name, in: folder, display: key.path) else {
        return .missing
      }
      return .document(try decode(bytes, key: key))
    } catch {
      if case .damagedDocument(let damage) = error { return .damaged(damage) }
      return .damaged(DamagedDocument(path: path, reason: error.description))
    }
  }
}
