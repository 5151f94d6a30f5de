#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// File names for Tab after `run`, `load outline`, `import` and `to=`: the entries of the
/// folder the typed text names, as a shell completes them.
enum FileCompletion {
  /// Enough for any folder of scripts; a huge folder is not read to its end on every Tab.
  static let maximumEntries = 500

  /// Paths that continue `typed` (`scripts/bi` -> `scripts/biennial-review.ior`), folders
  /// with a trailing `/` so that typing goes on inside them. Hidden entries only when the
  /// typed name starts with a dot. A relative path is taken from `workingDirectory`.
  static func candidates(for typed: String, in workingDirectory: String) -> [String] {
    let folderPart = typed.lastIndex(of: "/").map { String(typed[...$0]) } ?? ""
    let namePart = typed.dropFirst(folderPart.count)
    var folder = folderPart.isEmpty ? "." : folderPart
    if !folder.hasPrefix("/") { folder = workingDirectory + "/" + folder }
    guard let directory = opendir(folder) else { return [] }
    defer { closedir(directory) }

    var result: [String] = []
    while result.count < maximumEntries, let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard name != ".", name != "..", name.hasPrefix(namePart) else { continue }
      if name.hasPrefix(".") && !namePart.hasPrefix(".") { continue }
      let suffix = isFolder(folder + "/" + name) ? "/" : ""
      result.append(folderPart + escaped(name) + suffix)
    }
    return result
  }

  /// A name as one word of a command: blanks and the characters the command language acts on
  /// get a backslash (`my\ file.ior`).
  private static func escaped(_ name: String) -> String {
    var out = ""
    for character in name {
      if " \t\"'\\;$#".contains(character) { out.append("\\") }
      out.append(character)
    }
    return out
  }

  private static func isFolder(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
  }
}
