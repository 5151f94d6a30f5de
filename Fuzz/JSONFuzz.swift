// libFuzzer target for the strict JSON reader (compiled with Sources/IORStore/*.swift, see run.sh).
//
// Checks, for every input: parsing never crashes; an error's line and column lie within the
// input; a parsed value written back out (pretty and compact) parses again to the same value.

// The writer prints a whole-number double as an integer ("1", not "1.0"), so numbers compare by
// value rather than by case.
private func same(_ left: JSONValue, _ right: JSONValue) -> Bool {
  switch (left, right) {
  case (.int(let a), .double(let b)), (.double(let b), .int(let a)): return Double(a) == b
  case (.array(let a), .array(let b)):
    return a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
  case (.object(let a), .object(let b)):
    return a.count == b.count && a.allSatisfy { key, value in b[key].map { same(value, $0) } ?? false }
  default: return left == right
  }
}

/// The libFuzzer entry point.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  do {
    let value = try JSONParser.parse(bytes)
    for text in [JSONWriter.pretty(value), JSONWriter.compact(value)] {
      guard let again = try? JSONParser.parse(text) else {
        fatalError("written JSON does not parse again: \(text)")
      }
      if !same(again, value) { fatalError("round trip changed the value: \(text)") }
    }
  } catch {
    let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    if error.line < 1 || error.line > lines.count {
      fatalError("line \(error.line) outside the input's \(lines.count) lines")
    }
    let length = lines[error.line - 1].count
    // One past the end of the line is where "unexpected end" points.
    if error.column < 1 || error.column > length + 1 {
      fatalError("column \(error.column) outside line \(error.line) of \(length) bytes")
    }
    if error.reason.isEmpty { fatalError("empty reason") }
  }
  return 0
}
