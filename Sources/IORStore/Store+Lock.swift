#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Store {
  /// How long a commit waits for another process's lock before giving up.
  static let lockTimeoutMilliseconds = 30_000

  private func openLock() throws(StoreError) -> Int32? {
    if let lockDescriptor { return lockDescriptor }
    guard let rootDescriptor else { return nil }
    var descriptor = openat(
      rootDescriptor, ".lock", O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
    if descriptor < 0 && (errno == EROFS || errno == EACCES) {
      // A store on read-only media (a mounted snapshot, a backup) or one this user may only
      // read: flock works on a descriptor opened for reading, and where there is no lock file
      // to open, no process can be writing, so reading goes ahead unlocked.
      descriptor = openat(rootDescriptor, ".lock", O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
      if descriptor < 0 && errno == ENOENT { return nil }
    }
    guard descriptor >= 0 else { throw FileSystem.failure(".lock", "open the store lock") }
    lockDescriptor = descriptor
    return descriptor
  }

  private func lock(_ descriptor: Int32, _ operation: Int32) throws(StoreError) {
    // Poll rather than block, so a lock left by a hung process ends in a clear error. A process
    // that died holds nothing: the kernel releases flock locks with the descriptor.
    var waited = 0
    while flock(descriptor, operation | LOCK_NB) != 0 {
      guard errno == EWOULDBLOCK || errno == EINTR else {
        throw FileSystem.failure(".lock", "lock the store")
      }
      if waited >= Self.lockTimeoutMilliseconds { throw .lockTimeout(path: root) }
      usleep(2_000)
      waited += 2
    }
  }

  /// Runs `body` while no other process can commit, so that everything it reads belongs to
  /// one committed state of the store. Nests; cheap when the store does not exist yet.
  public func reading<Result>(_ body: () throws -> Result) throws -> Result {
    try checkStillInPlace()
    guard let descriptor = try openLock() else { return try body() }
    if sharedLockDepth == 0 { try lock(descriptor, LOCK_SH) }
    sharedLockDepth += 1
    defer {
      sharedLockDepth -= 1
      if sharedLockDepth == 0 { flock(descriptor, LOCK_UN) }
    }
    return try body()
  }

  /// Runs `body` holding the store lock exclusively; a shared lock held by this process is
  /// given up for the while and taken again after.
  func withExclusiveLock<Result>(_ body: () throws(StoreError) -> Result) throws(StoreError)
    -> Result
  {
    try checkStillInPlace()
    guard let descriptor = try openLock() else { return try body() }
    try lock(descriptor, LOCK_EX)
    defer {
      if sharedLockDepth > 0 {
        _ = try? lock(descriptor, LOCK_SH)
      } else {
        flock(descriptor, LOCK_UN)
      }
    }
    return try body()
  }

  /// Throws unless the store's path still names the folder this store opened: a folder removed
  /// or replaced under a running shell must be an error, never an empty store.
  func checkStillInPlace() throws(StoreError) {
    guard let rootDescriptor else { return }
    var opened = stat()
    var named = stat()
    guard fstat(rootDescriptor, &opened) == 0 else { throw FileSystem.failure(root, "inspect") }
    if stat(root, &named) != 0 || named.st_ino != opened.st_ino || named.st_dev != opened.st_dev
      || opened.st_nlink == 0
    {
      throw .storeMoved(path: root)
    }
  }
}
