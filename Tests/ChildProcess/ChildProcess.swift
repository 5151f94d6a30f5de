#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A child process for the tests, started with `posix_spawn`.
///
/// Appropriate wherever a test runs a program: Foundation's `Process.run()` on Linux (Swift
/// 6.3.1) reads past a buffer while it lists `/proc/self/fd` and crashes the test runner now
/// and then (swift-corelibs-foundation pull request 5472), which a suite that starts hundreds of
/// processes in parallel hits often enough to fail CI.
public final class ChildProcess {
  /// Where one of the child's standard streams goes.
  public enum Stream {
    /// `/dev/null`.
    case null
    /// The test runner's own stream.
    case inherit
    /// A file read from (standard input) or written to, created or emptied (the others).
    case file(String)
    /// An open descriptor of the test's, such as one end of a pipe.
    case descriptor(Int32)
  }

  /// How a child ended.
  public enum Termination: Equatable {
    /// It exited with this status.
    case exited(Int32)
    /// This signal ended it.
    case signaled(Int32)

    /// The exit status, or 128 + the signal, as a shell reports it.
    public var status: Int32 {
      switch self {
      case .exited(let code): return code
      case .signaled(let signal): return 128 + signal
      }
    }
  }

  /// An error starting the child, with the `errno` value.
  public struct SpawnError: Error, CustomStringConvertible {
    /// The program that could not be started.
    public let executable: String
    /// The error number `posix_spawn` returned.
    public let code: Int32

    /// The error in words.
    public var description: String {
      "cannot start \(executable): " + String(cString: strerror(code))
    }
  }

  /// The child's process id.
  public let processIdentifier: pid_t
  private var ended: Termination?

  /// Starts `executable` (a path) with `arguments`, in `directory` (nil: the runner's), with
  /// `environment` (nil: the runner's), its standard streams as given. Descriptors of the
  /// runner other than the three streams are not passed on.
  public init(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
    directory: String? = nil, stdin: Stream = .null, stdout: Stream = .null,
    stderr: Stream = .null
  ) throws {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    Self.route(stdin, to: 0, &actions)
    Self.route(stdout, to: 1, &actions)
    Self.route(stderr, to: 2, &actions)
    if let directory { _ = addChangeDirectory(&actions, directory) }
    _ = addCloseFrom(&actions, 3)

    // The runner may block or ignore signals; the child starts with the defaults.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let argv = Self.cStrings([executable] + arguments)
    let variables = environment ?? Self.currentEnvironment()
    let envp = Self.cStrings(variables.map { $0.key + "=" + $0.value })
    defer {
      for pointer in argv + envp { free(pointer) }
    }
    var pid = pid_t()
    let code = posix_spawn(&pid, executable, &actions, &attributes, argv + [nil], envp + [nil])
    guard code == 0 else { throw SpawnError(executable: executable, code: code) }
    processIdentifier = pid
  }

  /// Runs a program to its end and returns how it ended.
  @discardableResult
  public static func run(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
    directory: String? = nil, stdin: Stream = .null, stdout: Stream = .null,
    stderr: Stream = .null
  ) throws -> Termination {
    try ChildProcess(
      executable, arguments, environment: environment, directory: directory, stdin: stdin,
      stdout: stdout, stderr: stderr
    ).wait()
  }

  /// Waits for the child to end.
  @discardableResult
  public func wait() -> Termination {
    while ended == nil { reap(options: 0) }
    return ended ?? .exited(-1)
  }

  /// Waits at most `seconds`; nil when the child is still running then.
  public func wait(seconds: Double) -> Termination? {
    let step = 10_000.0
    var waited = 0.0
    while ended == nil {
      reap(options: WNOHANG)
      if ended != nil || waited >= seconds * 1_000_000 { break }
      usleep(useconds_t(step))
      waited += step
    }
    return ended
  }

  /// Sends `signal` (SIGKILL unless said) to the child, if it has not ended.
  public func kill(_ signal: Int32 = SIGKILL) {
    if ended == nil { _ = Glibc.kill(processIdentifier, signal) }
  }

  private func reap(options: Int32) {
    var status: Int32 = 0
    let result = waitpid(processIdentifier, &status, options)
    if result == processIdentifier {
      let signal = status & 0x7F
      ended = signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
    } else if result < 0 && errno != EINTR {
      ended = .exited(-1)
    }
  }

  private static func route(
    _ stream: Stream, to target: Int32, _ actions: inout posix_spawn_file_actions_t
  ) {
    switch stream {
    case .null:
      posix_spawn_file_actions_addopen(
        &actions, target, "/dev/null", target == 0 ? O_RDONLY : O_WRONLY, 0)
    case .inherit:
      break
    case .file(let path):
      let flags = target == 0 ? O_RDONLY : O_WRONLY | O_CREAT | O_TRUNC
      posix_spawn_file_actions_addopen(&actions, target, path, flags, 0o600)
    case .descriptor(let descriptor):
      posix_spawn_file_actions_adddup2(&actions, descriptor, target)
    }
  }

  private static func cStrings(_ strings: [String]) -> [UnsafeMutablePointer<CChar>?] {
    strings.map { strdup($0) }
  }

  private static func currentEnvironment() -> [String: String] {
    var result: [String: String] = [:]
    var pointer = environ
    while let entry = pointer.pointee {
      let text = String(cString: entry)
      if let equals = text.firstIndex(of: "=") {
        result[String(text[..<equals])] = String(text[text.index(after: equals)...])
      }
      pointer += 1
    }
    return result
  }
}

// glibc's spawn actions for the child's folder (2.29) and for closing every descriptor from 3
// (2.34): GNU extensions that the Glibc module does not bring into Swift.
@_silgen_name("posix_spawn_file_actions_addchdir_np")
private func addChangeDirectory(
  _ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: UnsafePointer<CChar>
) -> Int32

@_silgen_name("posix_spawn_file_actions_addclosefrom_np")
private func addCloseFrom(
  _ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ from: Int32
) -> Int32
