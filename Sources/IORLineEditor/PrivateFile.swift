#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Creates files and folders only their owner can read: command history may hold sensitive text.
enum PrivateFile {
  /// Creates the missing parent folders (mode 0700) and the file itself (mode 0600) if absent.
  static func prepare(_ path: String) {
    createDirectories(parent(of: path))
    let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return }
    // open's mode is filtered by the umask and ignored for an existing file; enforce it.
    _ = fchmod(descriptor, 0o600)
    _ = close(descriptor)
  }

  /// Resets the file's mode to 0600 (after libedit rewrote it with fopen).
  static func restrictToOwner(_ path: String) {
    _ = chmod(path, 0o600)
  }

  /// The folder part of a path; "" when the path has no slash (the current folder).
  static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[..<slash])
  }

  /// mkdir -p, giving only the folders it creates mode 0700; existing ones are left alone.
  static func createDirectories(_ directory: String) {
    var prefix = directory.hasPrefix("/") ? "/" : ""
    for component in directory.split(separator: "/") {
      prefix += component
      if mkdir(prefix, 0o700) == 0 {
        // The umask may have removed owner bits; the folder must stay usable by its owner.
        _ = chmod(prefix, 0o700)
      }
      prefix += "/"
    }
  }
}
