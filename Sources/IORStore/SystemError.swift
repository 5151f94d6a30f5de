#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Text for `errno` values, without Foundation.
enum SystemError {
  /// The C library's message for `code`, lower-cased to read as part of a sentence.
  static func text(_ code: Int32) -> String {
    guard let message = strerror(code) else { return "error \(code)" }
    let text = String(cString: message)
    guard let first = text.first else { return text }
    return first.lowercased() + text.dropFirst()
  }
}
