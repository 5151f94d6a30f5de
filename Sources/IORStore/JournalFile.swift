#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads the journal from its end, where undo, the next sequence number and the hash chain
/// look, without reading a journal of years from its start.
struct JournalFile {
  let descriptor: Int32

  /// The file's size in bytes.
  func size() throws(StoreError) -> Int {
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw FileSystem.failure("journal.jsonl", "inspect")
    }
    return Int(status.st_size)
  }

  private func read(at offset: Int, count: Int) throws(StoreError) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count)
    var done = 0
    while done < count {
      let got = bytes.withUnsafeMutableBytes { buffer in
        pread(descriptor, buffer.baseAddress.map { $0 + done }, count - done, off_t(offset + done))
      }
      if got < 0 && errno == EINTR { continue }
      if got < 0 { throw FileSystem.failure("journal.jsonl", "read") }
      if got == 0 { break }
      done += got
    }
    return Array(bytes.prefix(done))
  }

  /// Calls `visit` with each complete line, last first, until it returns false. A last line
  /// with no newline (a torn append) is passed with `complete` false.
  func forEachLineBackward(_ visit: (_ line: [UInt8], _ complete: Bool) throws -> Bool) throws {
    var end = try size()
    var carry: [UInt8] = []
    var isLast = true
    let chunkSize = 1 << 16
    while end > 0 {
      let start = max(0, end - chunkSize)
      var chunk = try read(at: start, count: end - start)
      chunk.append(contentsOf: carry)
      carry = []
      end = start
      var lineEnd = chunk.count
      var index = chunk.count - 1
      while index >= 0 {
        if chunk[index] == 0x0A {
          if index + 1 < lineEnd || (isLast && lineEnd < chunk.count) {
            let line = Array(chunk[(index + 1)..<lineEnd])
            if !line.isEmpty, try !visit(line, !(isLast && lineEnd == chunk.count)) { return }
          }
          if isLast && lineEnd == chunk.count && index + 1 == lineEnd {
            // The file ends with a newline: the last line is complete.
          }
          isLast = false
          lineEnd = index
        }
        index -= 1
      }
      carry = Array(chunk[0..<lineEnd])
      if start == 0, !carry.isEmpty {
        _ = try visit(carry, !isLast)
      }
    }
  }

  /// The last complete line, or nil for an empty journal.
  func lastCompleteLine() throws -> [UInt8]? {
    var found: [UInt8]?
    try forEachLineBackward { line, complete in
      if complete { found = line }
      return !complete
    }
    return found
  }

  /// True when the journal is empty or ends with a newline.
  func endsCleanly() throws(StoreError) -> Bool {
    let length = try size()
    if length == 0 { return true }
    return try read(at: length - 1, count: 1) == [0x0A]
  }
}
