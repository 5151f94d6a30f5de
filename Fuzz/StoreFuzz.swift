// libFuzzer target for the store reading a file it did not write (compiled with
// Sources/IORStore/*.swift, see run.sh).
//
// Each input becomes partners/fuzzed.json in a store beside a good document; scanning must
// never crash, must keep the good document, and must either read the fuzzed file or report it
// as damaged with a position inside the file.

#if canImport(Glibc)
  import Glibc
#endif

// One store for the whole run: made on the first input, the fuzzed file rewritten each time.
nonisolated(unsafe) private var fuzzStore: Store?
nonisolated(unsafe) private var fuzzRoot = ""

private func makeStore() -> Store {
  if let fuzzStore { return fuzzStore }
  var template = Array("/tmp/ior-store-fuzz-XXXXXX".utf8CString)
  let made = template.withUnsafeMutableBufferPointer { buffer in
    buffer.baseAddress.flatMap { mkdtemp($0) }
  }
  guard let made else {
    fatalError("mkdtemp failed")
  }
  fuzzRoot = String(cString: made)
  do {
    let store = try Store(root: fuzzRoot, user: "fuzz")
    let transaction = Transaction(store: store)
    try transaction.write(DocumentKey("partners", "good"), body: .object(["name": "Good"]))
    _ = try transaction.commit(command: "seed")
    let reopened = try Store(root: fuzzRoot, user: "fuzz")
    fuzzStore = reopened
    return reopened
  } catch {
    fatalError("cannot make the fuzz store: \(error)")
  }
}

/// The libFuzzer entry point.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let store = makeStore()
  let path = fuzzRoot + "/partners/fuzzed.json"
  let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  if descriptor < 0 { fatalError("cannot write \(path)") }
  var written = 0
  while written < size {
    let count = write(descriptor, data + written, size - written)
    if count <= 0 { fatalError("short write") }
    written += count
  }
  close(descriptor)
  do {
    let scan = try store.scan("partners")
    if !scan.documents.contains(where: { $0.key.id == "good" }) {
      fatalError("the good document went missing")
    }
    let read = scan.documents.contains { $0.key.id == "fuzzed" }
    let damaged = scan.damaged.filter { $0.path == "partners/fuzzed.json" }
    if read == !damaged.isEmpty { fatalError("fuzzed.json both read and damaged, or neither") }
    for damage in damaged where damage.reason.isEmpty { fatalError("empty reason") }
    if let damage = damaged.first, let line = damage.line, let column = damage.column {
      let bytes = Array(UnsafeBufferPointer(start: data, count: size))
      let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
      if line < 1 || line > lines.count || column < 1 || column > lines[line - 1].count + 1 {
        fatalError("position \(line):\(column) outside the file")
      }
    }
  } catch {
    fatalError("scan threw instead of reporting: \(error)")
  }
  return 0
}
