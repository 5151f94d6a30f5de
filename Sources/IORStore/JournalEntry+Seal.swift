/// A journal line's own hash, its seal: the line ends with `,"hash":"HEX"}` where HEX is the
/// SHA-256 of the line with that member taken out (the line as it was before the seal was
/// added). The seal is added as text, not by writing JSON again, so checking it needs no
/// agreement about how JSON is written.
extension JournalEntry {
  /// What a line's seal says about it.
  enum Seal: Equatable {
    /// The line carries a seal and is as it was written.
    case intact
    /// The line carries no seal (an older ior wrote it).
    case absent
    /// The line carries a seal that does not match it: it was changed after it was written.
    case broken
  }

  /// The member the seal is written as.
  static let sealMember = "hash"

  /// Seals the entry: sets `lineHash` and returns its journal line, without its newline.
  mutating func sealedLine() -> String {
    let unsealed = JSONWriter.compact(json)
    let hash = SHA256.hex(unsealed.utf8)
    lineHash = hash
    return String(unsealed.dropLast()) + ",\"\(Self.sealMember)\":\"\(hash)\"}"
  }

  /// The length of `,"hash":"` + 64 hex digits + `"}`.
  private static let sealLength = 9 + 64 + 2

  /// Checks the seal of `line` (without its newline), parsed as `entry`.
  static func seal(of line: [UInt8], entry: JournalEntry) -> Seal {
    guard let recorded = entry.lineHash else { return .absent }
    guard line.count > sealLength else { return .broken }
    let start = line.count - sealLength
    let prefix = Array(",\"\(sealMember)\":\"".utf8)
    guard Array(line[start..<(start + prefix.count)]) == prefix,
      Array(line.suffix(2)) == Array("\"}".utf8),
      String(decoding: line[(start + prefix.count)..<(line.count - 2)], as: UTF8.self) == recorded
    else { return .broken }
    let unsealed = Array(line[0..<start]) + [UInt8(ascii: "}")]
    return SHA256.hex(unsealed) == recorded ? .intact : .broken
  }
}
