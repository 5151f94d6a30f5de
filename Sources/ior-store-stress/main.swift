// A test helper, not a product: commits transactions in a loop so tests can kill it at
// random moments (crash safety) or run two at once (concurrency).
//
//   ior-store-stress crash STORE        forever: set docs a and b to the same counter + 1,
//                                       with doc odd there exactly when the counter is odd
//   ior-store-stress increment STORE N  N read-modify-write increments of doc c, retrying
import IORStore

#if canImport(Glibc)
  import Glibc
#endif

enum StandardError {
  static func error(_ text: String) {
    let bytes = Array((text + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
  }
}

func counter(_ document: Document?) -> Int {
  document?.body["count"]?.intValue ?? 0
}

func crashLoop(_ store: Store) throws {
  while true {
    let transaction = Transaction(store: store)
    let a = try transaction.read(DocumentKey("things", "a"))
    let next = counter(a) + 1
    let filler = String(repeating: "x", count: Int.random(in: 0..<20_000))
    for id in ["a", "b"] {
      try transaction.write(
        DocumentKey("things", id),
        body: .object(["count": .int(next), "filler": .string(filler)]))
    }
    // A deletion in every other commit, so a kill also lands between deletions and renames.
    let odd = DocumentKey("things", "odd")
    if next % 2 == 1 {
      try transaction.write(odd, body: .object(["count": .int(next)]))
    } else {
      try transaction.delete(odd)
    }
    try transaction.commit(command: "set \(next)")
    let line = Array("\(next)\n".utf8)
    _ = line.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
  }
}

func increment(_ store: Store, times: Int) throws {
  var done = 0
  while done < times {
    let transaction = Transaction(store: store)
    let document = try store.reading { try transaction.read(DocumentKey("things", "c")) }
    try transaction.write(
      DocumentKey("things", "c"), body: .object(["count": .int(counter(document) + 1)]))
    do {
      try transaction.commit(command: "increment")
      done += 1
    } catch StoreError.conflict {
      continue
    }
  }
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
  StandardError.error("usage: ior-store-stress crash|increment STORE [N]")
  exit(64)
}
do {
  let store = try Store(root: arguments[2], user: "stress")
  switch arguments[1] {
  case "crash": try crashLoop(store)
  case "increment": try increment(store, times: Int(arguments.count > 3 ? arguments[3] : "") ?? 500)
  default: exit(64)
  }
} catch {
  StandardError.error("ior-store-stress: \(error)")
  exit(1)
}
