#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process environment, without Foundation.
enum Environment {
  static func value(_ name: String) -> String? {
    guard let raw = getenv(name) else { return nil }
    let text = String(cString: raw)
    return text.isEmpty ? nil : text
  }

  /// Every variable, for settings such as `IOR_TODAY`.
  static func all() -> [String: String] {
    var result: [String: String] = [:]
    for name in ["IOR_TODAY", "IOR_STORE", "IOR_USER", "NO_COLOR", "TERM"] {
      if let value = value(name) { result[name] = value }
    }
    return result
  }

  static func home() -> String {
    if let home = value("HOME") { return home }
    if let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir {
      return String(cString: directory)
    }
    return "/tmp"
  }

  /// Where a store lives when none is named: `./store` when the current folder has one,
  /// else the user's data folder. Never a new folder in whatever folder ior started in.
  static func defaultStorePath() -> String {
    var status = stat()
    if stat("store/store.json", &status) == 0 { return "store" }
    let data = value("XDG_DATA_HOME") ?? home() + "/.local/share"
    return data + "/ior/store"
  }

  /// The start-up file: `$XDG_CONFIG_HOME/ior/iorrc`, else `~/.config/ior/iorrc`.
  static func configPath() -> String {
    (value("XDG_CONFIG_HOME") ?? home() + "/.config") + "/ior/iorrc"
  }

  static func historyPath() -> String {
    let state = value("XDG_STATE_HOME") ?? home() + "/.local/state"
    return state + "/ior/history"
  }

  /// Who the journal records: `explicit` (from `--user`), else `$IOR_USER`, `$USER`,
  /// `$LOGNAME`, else the login name. An empty or blank name, which would record no one, is
  /// passed over for the next.
  static func userName(_ explicit: String?) -> String {
    if let explicit, !isBlank(explicit) { return explicit }
    for name in ["IOR_USER", "USER", "LOGNAME"] {
      if let user = value(name), !isBlank(user) { return user }
    }
    if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
      return String(cString: name)
    }
    return "unknown"
  }

  /// True for a name that is empty or only white space.
  static func isBlank(_ text: String) -> Bool {
    text.allSatisfy(\.isWhitespace)
  }

  static func workingDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return "." }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}

/// Raw writes to the standard streams.
enum Terminal {
  static func writeOut(_ text: String) { write(1, text) }
  static func writeError(_ text: String) { write(2, text) }

  private static func write(_ descriptor: Int32, _ text: String) {
    let bytes = Array(text.utf8)
    var done = 0
    while done < bytes.count {
      let count = bytes.withUnsafeBytes {
        Glibc.write(descriptor, $0.baseAddress.map { $0 + done }, bytes.count - done)
      }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { return }
      done += count
    }
  }

  /// The terminal's height in rows (24 when unknown).
  static func rows() -> Int {
    var size = winsize()
    guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else { return 24 }
    return Int(size.ws_row)
  }

  static var inputIsTerminal: Bool { isatty(0) == 1 }
  static var outputIsTerminal: Bool { isatty(1) == 1 }
  static var errorIsTerminal: Bool { isatty(2) == 1 }
}
