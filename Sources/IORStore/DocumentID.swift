/// The rule every document id and collection name follows.
///
/// Ids become file names, so the rule is what keeps every read and write inside the store: no
/// `/`, no `.`, no NUL, nothing upper-case that could collide on a case-insensitive disk.
public enum DocumentID {
  /// The longest id accepted.
  public static let maximumLength = 64

  /// Why `id` is not valid, or nil when it is.
  public static func problem(with id: String) -> String? {
    if id.isEmpty { return "it is empty" }
    if id.utf8.count > maximumLength { return "it is longer than \(maximumLength) characters" }
    for byte in id.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "-"):
        continue
      case UInt8(ascii: "A")...UInt8(ascii: "Z"):
        return "it has upper-case letters"
      case 0x80...0xFF:
        return "it has characters other than a-z, 0-9 and '-'"
      default:
        let shown = StoreError.printable(String(decoding: [byte], as: UTF8.self))
        return "it has the character '\(shown)'"
      }
    }
    return nil
  }

  /// Throws unless `id` is valid.
  /// - Throws: `StoreError.invalidID` with the reason.
  public static func validate(_ id: String) throws(StoreError) {
    if let reason = problem(with: id) { throw .invalidID(id, reason: reason) }
  }
}
