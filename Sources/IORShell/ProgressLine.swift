#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A progress line on standard error for work over many documents, shown only at a terminal
/// and only once the work has lasted about a second, then cleared: quick commands never
/// flicker, and batch output never carries it.
@MainActor
public final class ProgressLine {
  private var started: Double?
  private var shown = false
  private let delay: Double

  /// A progress line that shows once work has lasted `delay` seconds.
  public init(delay: Double = 1) {
    self.delay = delay
  }

  private static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  /// Reports `done` of `total` for `label` (`reading partners`); clears the line when done.
  public func update(_ label: String, _ done: Int, _ total: Int) {
    let now = Self.now()
    if started == nil { started = now }
    if done >= total {
      clear()
      return
    }
    guard now - (started ?? now) >= delay else { return }
    shown = true
    write("\r\u{1B}[K\(label): \(done) of \(total)")
  }

  /// Removes the line, ready for the next piece of work.
  public func clear() {
    if shown { write("\r\u{1B}[K") }
    shown = false
    started = nil
  }

  private func write(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
  }
}
