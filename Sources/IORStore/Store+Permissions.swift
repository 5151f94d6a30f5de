#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Store {
  /// Takes group and other access away from a store made before ior made everything private
  /// (or checked out by git, which gives files 0644 and folders 0755): the store folder and
  /// its collection folders become 0700, `store.json`, `journal.jsonl` and `.lock` 0600.
  /// Runs once a process, at its first commit; documents become 0600 as they are rewritten.
  /// Best effort: a file this user may not change keeps its mode, and the commit goes on.
  func tightenPermissionsOnce() {
    guard !permissionsTightened, let rootDescriptor else { return }
    permissionsTightened = true
    Self.restrict(rootDescriptor, to: 0o700)
    for folder in (try? collections()) ?? [] {
      let descriptor = openat(
        rootDescriptor, folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      guard descriptor >= 0 else { continue }
      Self.restrict(descriptor, to: 0o700)
      close(descriptor)
    }
    for file in ["store.json", "journal.jsonl", ".lock"] {
      let descriptor = openat(rootDescriptor, file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
      guard descriptor >= 0 else { continue }
      Self.restrict(descriptor, to: 0o600)
      close(descriptor)
    }
  }

  /// Sets `mode` on an open file or folder when it grants more than `mode` does.
  private static func restrict(_ descriptor: Int32, to mode: mode_t) {
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return }
    guard status.st_mode & 0o777 & ~mode != 0 else { return }
    _ = fchmod(descriptor, mode)
  }
}
