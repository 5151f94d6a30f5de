import IORDomain

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the shell writes: results to standard output, diagnostics to standard error.
///
/// Results are buffered and flushed after each command, so that a 10,000-line listing is a few
/// writes; diagnostics go out at once, after the results written before them.
@MainActor
public final class Console {
  private var buffer: [UInt8] = []
  private let writeOut: ([UInt8]) -> Void
  private let writeError: ([UInt8]) -> Void
  /// True when standard error is a terminal and colour is allowed there.
  public var colorErrors: Bool

  /// A console over the process's standard output and error.
  public init(colorErrors: Bool = false) {
    self.colorErrors = colorErrors
    writeOut = { Console.writeAll(1, $0) }
    writeError = { Console.writeAll(2, $0) }
  }

  /// A console that hands its output to closures (tests, capture).
  public init(out: @escaping ([UInt8]) -> Void, error: @escaping ([UInt8]) -> Void) {
    colorErrors = false
    writeOut = out
    writeError = error
  }

  private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) {
    var done = 0
    while done < bytes.count {
      let count = bytes.withUnsafeBytes {
        write(descriptor, $0.baseAddress.map { $0 + done }, bytes.count - done)
      }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { return }
      done += count
    }
  }

  /// The pager command while results are held for paging (interactive sessions only).
  public var pager: String?
  /// The terminal's height; output taller than this goes through the pager.
  public var rows = 24

  /// True when standard output is a terminal: results are then written with every control
  /// character but line breaks and tabs made visible, so no stored text (in CSV or JSON too)
  /// can recolour or clear the screen. Output to a file or a pipe is written as it is.
  public var outputIsTerminal = false

  /// Writes result text to standard output.
  public func out(_ text: String) {
    buffer.append(contentsOf: (outputIsTerminal ? SafeText.multiline(text) : text).utf8)
    if pager == nil && buffer.count > 1 << 16 { flush() }
  }

  /// Ends a command's output: shows it through the pager when it is taller than the terminal,
  /// as psql does, else writes it.
  public func finishCommand() {
    guard let pager, !buffer.isEmpty else { return flush() }
    var lines = 0
    for byte in buffer where byte == 0x0A { lines += 1 }
    guard lines >= rows - 1, let stream = popen(pager, "w") else { return flush() }
    _ = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, stream) }
    pclose(stream)
    buffer.removeAll(keepingCapacity: true)
  }

  /// Sends buffered results out.
  public func flush() {
    guard !buffer.isEmpty else { return }
    writeOut(buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes a line to standard error as it is.
  public func note(_ text: String) {
    if pager == nil { flush() }
    writeError(Array((text + "\n").utf8))
  }

  /// Writes `warning: text` to standard error.
  public func warning(_ text: String) {
    note(label("warning:", color: "33") + " " + text)
  }

  /// Writes `error: text` to standard error.
  public func error(_ text: String) {
    note(label("error:", color: "31") + " " + text)
  }

  private func label(_ text: String, color: String) -> String {
    colorErrors ? "\u{1B}[1;\(color)m\(text)\u{1B}[0m" : text
  }
}
