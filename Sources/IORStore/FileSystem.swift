import CFileSystemShim

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few POSIX calls the store needs, each turning a failure into a `StoreError` that names
/// the path. Everything goes through descriptors opened with `O_NOFOLLOW`, so a symbolic link
/// planted inside the store is never followed out of it.
enum FileSystem {
  /// Documents larger than this are refused as damaged: a real document is a few kilobytes.
  static let maximumDocumentSize = 8 << 20

  static func failure(_ path: String, _ operation: String) -> StoreError {
    let code = errno
    if code == EROFS { return .readOnly(path: path) }
    return .fileSystem(path: path, operation: operation, code: code)
  }

  /// Opens a folder below `parent` (or an absolute path when `parent` is nil).
  static func openDirectory(_ name: String, in parent: Int32?, display: String) throws(StoreError)
    -> Int32?
  {
    let flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC | (parent == nil ? 0 : O_NOFOLLOW)
    let descriptor = openat(parent ?? AT_FDCWD, name, flags)
    if descriptor >= 0 { return descriptor }
    if errno == ENOENT { return nil }
    if errno == ELOOP || errno == ENOTDIR {
      throw .fileSystem(path: display, operation: "open the folder (a link or a file)", code: errno)
    }
    throw failure(display, "open the folder")
  }

  /// Reads a whole regular file below `directory`; nil when it does not exist.
  static func readFile(_ name: String, in directory: Int32, display: String) throws(StoreError)
    -> [UInt8]?
  {
    let descriptor = openat(directory, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    if descriptor < 0 {
      if errno == ENOENT { return nil }
      if errno == ELOOP {
        throw .damagedDocument(
          DamagedDocument(path: display, reason: "is a symbolic link, which ior does not follow"))
      }
      throw failure(display, "open")
    }
    defer { close(descriptor) }
    return try readAll(descriptor, display: display)
  }

  static func readAll(_ descriptor: Int32, display: String) throws(StoreError) -> [UInt8] {
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw failure(display, "inspect") }
    guard (status.st_mode & S_IFMT) == S_IFREG else {
      throw .damagedDocument(DamagedDocument(path: display, reason: "is not a regular file"))
    }
    let size = Int(status.st_size)
    if size > maximumDocumentSize {
      throw .damagedDocument(
        DamagedDocument(
          path: display,
          reason: "is \(size) bytes, larger than the \(maximumDocumentSize >> 20) MiB"
            + " a document may be"))
    }
    var bytes = [UInt8](repeating: 0, count: size)
    var done = 0
    while done < size {
      let count = bytes.withUnsafeMutableBytes { buffer in
        read(descriptor, buffer.baseAddress.map { $0 + done }, size - done)
      }
      if count < 0 && errno == EINTR { continue }
      if count < 0 { throw failure(display, "read") }
      if count == 0 { break }
      done += count
    }
    return done == size ? bytes : Array(bytes.prefix(done))
  }

  /// Writes `bytes` to a new file below `directory` and forces it to disk.
  static func writeNewFile(
    _ name: String, in directory: Int32, bytes: [UInt8], display: String, flush: Bool = true
  ) throws(StoreError) {
    let descriptor = openat(
      directory, name, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw failure(display, "create") }
    defer { close(descriptor) }
    try writeAll(descriptor, bytes: bytes, display: display)
    guard !flush || fsync(descriptor) == 0 else { throw failure(display, "flush to disk") }
  }

  /// Flushes everything written to the file system that holds `descriptor` (Linux `syncfs`,
  /// which reports write-back errors since 5.8): one flush for a commit of many files.
  static func syncFileSystem(_ descriptor: Int32, display: String) throws(StoreError) {
    guard ior_sync_file_system(descriptor) == 0 else { throw failure(display, "flush to disk") }
  }

  static func writeAll(_ descriptor: Int32, bytes: [UInt8], display: String) throws(StoreError) {
    var done = 0
    while done < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        write(descriptor, buffer.baseAddress.map { $0 + done }, bytes.count - done)
      }
      if count < 0 && errno == EINTR { continue }
      if count < 0 { throw failure(display, "write") }
      done += count
    }
  }

  /// Forces a folder's entries (a rename, a new file) to disk.
  static func syncDirectory(_ descriptor: Int32, display: String) throws(StoreError) {
    guard fsync(descriptor) == 0 else { throw failure(display, "flush the folder to disk") }
  }

  /// Makes a folder (mode 0700) below `parent` if it is not there yet.
  static func makeDirectory(_ name: String, in parent: Int32, display: String) throws(StoreError) {
    if mkdirat(parent, name, 0o700) != 0 && errno != EEXIST {
      throw failure(display, "create the folder")
    }
  }

  /// The names of regular files in a folder, as given by the system (unsorted).
  static func fileNames(in descriptor: Int32, display: String, prefix: String = "")
    throws(StoreError) -> (files: [String], links: [String])
  {
    let copy = dup(descriptor)
    guard copy >= 0, let stream = fdopendir(copy) else { throw failure(display, "list") }
    defer { closedir(stream) }
    // The copy shares its read position with `descriptor`, which may have been listed already.
    rewinddir(stream)
    var files: [String] = []
    var links: [String] = []
    let wanted = Array(prefix.utf8CString.dropLast())
    while let entry = readdir(stream) {
      let kind = entry.pointee.d_type
      // Names are compared with the prefix before any String is made of them: a listing of
      // 10,000 reviews for one partner's few then costs little more than the system call.
      let name: String? = withUnsafePointer(to: &entry.pointee.d_name) { field in
        field.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: field.pointee))
        { raw in
          if raw[0] == CChar(UInt8(ascii: ".")) { return nil }
          if !wanted.isEmpty && strncmp(raw, wanted, wanted.count) != 0 { return nil }
          return String(cString: raw)
        }
      }
      guard let name else { continue }
      if kind == UInt8(DT_LNK) {
        links.append(name)
      } else if kind == UInt8(DT_REG) || kind == UInt8(DT_UNKNOWN) {
        files.append(name)
      }
    }
    return (files, links)
  }
}
