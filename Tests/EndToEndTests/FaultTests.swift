import ChildProcess
import Foundation
import Testing

/// Runs `/bin/sh -c command` and returns its exit status; output goes to the test's own.
@discardableResult
func shell(_ command: String) throws -> Int32 {
  try ChildProcess.run("/bin/sh", ["-c", command]).status
}

/// True when this process may mount file systems (root with CAP_SYS_ADMIN, as in the
/// development container); the disk-full and read-only tests need it.
let canMount: Bool = {
  guard getuid() == 0 else { return false }
  let probe = "/tmp/ior-mount-probe-" + UUID().uuidString.prefix(8)
  defer { _ = try? shell("umount \(probe) 2>/dev/null; rmdir \(probe)") }
  return (try? shell("mkdir -p \(probe) && mount -t tmpfs -o size=64k tmpfs \(probe)")) == 0
}()

/// The store under the faults a disk, an administrator or a crash can cause: each gives a
/// clear error, loses no committed data, and the store recovers on the next open.
@Suite("Faults: disk full, read-only, store removed, dead lock holder, torn journal")
struct FaultTests {
  /// Commands that make partner lake-so and its review lake-so-2025.
  static let setup = """
    add partner lake-so name="Lake County Sheriff's Office" state=FL
    new review lake-so type=program date=2025-05-12
    """

  /// The titles of the findings of lake-so-2025 as the document on disk holds them.
  static func findingTitles(_ ior: IOR) throws -> [String] {
    let review = try ior.document("reviews/lake-so-2025.json")
    return (review["findings"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
  }

  // MARK: Disk full

  @Test(
    "a full disk fails commands cleanly, loses nothing acknowledged, and the store recovers",
    .enabled(if: canMount, "needs root and mount(2) to make a 256 KiB tmpfs"))
  func diskFull() throws {
    let ior = try IOR()
    let mountPoint = ior.folder.appendingPathComponent("small")
    try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
    try #require(try shell("mount -t tmpfs -o size=256k tmpfs '\(mountPoint.path)'") == 0)
    defer { _ = try? shell("umount '\(mountPoint.path)'") }
    let store = mountPoint.appendingPathComponent("store").path
    #expect(try ior.run(["--store", store, "-c", Self.setup], withStore: false).status == 0)

    // Fill the disk with 4 KiB files, then free a page at a time and commit each time, so the
    // disk runs out at every step of a commit in turn: .tmp, the plan, the journal.
    let filler = mountPoint.appendingPathComponent("filler").path
    try shell(
      "mkdir '\(filler)'; i=0; while head -c 4096 /dev/zero > '\(filler)'/$i; do"
        + " i=$((i+1)); done 2>/dev/null")
    var files = try FileManager.default.contentsOfDirectory(atPath: filler).sorted()
    let text = String(repeating: "y", count: 1_500)
    var acknowledged: [String] = []
    var refused: [String] = []
    for step in 1...10 {
      if let file = files.popLast() {
        try FileManager.default.removeItem(atPath: filler + "/" + file)
      }
      let title = "concern \(step) \(text)"
      let run = try ior.run(
        ["--store", store, "-c", "open review lake-so-2025; add concern \"\(title)\""],
        withStore: false)
      #expect(run.status < 128, "ior crashed: \(run.comment)")
      if run.status == 0 {
        acknowledged.append(title)
      } else {
        refused.append(title)
        #expect(run.stderr.contains("no space left on device"), run.comment)
      }
    }
    #expect(!refused.isEmpty, "the disk never ran full")

    // Space again: the next open finishes or clears what was interrupted.
    try FileManager.default.removeItem(atPath: filler)
    let verify = try ior.run(["--store", store, "-c", "verify"], withStore: false)
    #expect(verify.status == 0, verify.comment)
    let after = try ior.run(
      ["--store", store, "-c", "open review lake-so-2025; add concern after"], withStore: false)
    #expect(after.status == 0, after.comment)
    let data = try Data(contentsOf: URL(fileURLWithPath: store + "/reviews/lake-so-2025.json"))
    let review = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let titles = (review["findings"] as? [[String: Any]] ?? []).compactMap {
      $0["title"] as? String
    }
    for title in acknowledged {
      #expect(titles.contains(title), "an acknowledged write was lost")
    }
    #expect(titles.last == "after")
    #expect(!FileManager.default.fileExists(atPath: store + "/.pending.json"))

    // A command that failed must have changed nothing, wherever in its commit the disk ran
    // out: before the commit point nothing has moved, and a journal line that cannot be
    // written takes the commit back.
    let landed = refused.filter { titles.contains($0) }
    #expect(landed.isEmpty, "\(landed.count) refused commands changed the store after all")
  }

  // MARK: Read-only

  @Test(
    "a read-only store refuses writes with a clear error and changes nothing",
    .enabled(if: canMount, "needs root and mount(2) for a read-only bind mount"))
  func readOnly() throws {
    let ior = try IOR()
    try ior.succeed(Self.setup + "\nadd concern \"Roster kept on paper\"")
    let mountPoint = ior.folder.appendingPathComponent("read-only")
    try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
    try #require(
      try shell(
        "mount --bind '\(ior.store.path)' '\(mountPoint.path)'"
          + " && mount -o remount,bind,ro '\(mountPoint.path)'") == 0)
    defer { _ = try? shell("umount '\(mountPoint.path)'") }
    let before = try ior.snapshot()

    let write = try ior.run(
      ["--store", mountPoint.path, "-c", "open review lake-so-2025; add concern more"],
      withStore: false)
    #expect(write.status == 1, write.comment)
    #expect(write.stderr.contains("read-only"), write.comment)
    #expect(try ior.snapshot() == before, "a read-only store was changed")

    // Reading needs no write: listings, reports and verify work on a read-only copy (a backup
    // on read-only media, a mounted snapshot).
    for command in [
      "list partners", "open review lake-so-2025; list findings", "summary", "verify",
    ] {
      let run = try ior.run(["--store", mountPoint.path, "-c", command], withStore: false)
      #expect(run.status < 128, "ior crashed: \(run.comment)")
      #expect(run.status == 0, "\(command): \(run.comment)")
    }
  }

  // MARK: The store removed

  /// Drives the interactive shell through a pseudo-terminal: runs `first`, removes the store
  /// folder, then runs each of `after`, and prints the transcript and `EXIT n`.
  static let removeDriver = """
    import os, pty, select, shutil, sys, time
    binary, store, first, after = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(binary, [binary, "--store", store])
    out = b""
    def read_for(seconds):
        global out
        end = time.time() + seconds
        while time.time() < end:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    data = os.read(fd, 65536)
                except OSError:
                    return
                if not data:
                    return
                out += data
    def send(line):
        os.write(fd, line.encode() + b"\\r")
        read_for(1.5)
    read_for(1.5)
    send(first)
    shutil.rmtree(store)
    out += b"\\n--- removed ---\\n"
    for line in after:
        send(line)
    os.write(fd, b"\\x04")
    read_for(1.5)
    _, status = os.waitpid(pid, 0)
    sys.stdout.write(out.decode("utf-8", "replace"))
    print("\\nEXIT", os.waitstatus_to_exitcode(status))
    """

  @Test("the store folder removed under a running shell gives clear errors, not a crash")
  func storeRemoved() throws {
    let ior = try IOR()
    try ior.succeed(Self.setup)
    let run = try ior.run(
      [
        "python3", "-c", Self.removeDriver, try IOR.binary().path, ior.store.path,
        "list partners", "open review lake-so-2025", "add partner pine-so name=Pine state=GA",
        "list partners", "verify",
      ], program: URL(fileURLWithPath: "/usr/bin/env"), timeout: 60)
    #expect(run.status == 0, run.comment)
    let transcript = run.stdout.replacingOccurrences(of: "\r", with: "")
    #expect(transcript.contains("EXIT 0"), "the shell crashed or hung: \(transcript)")
    let parts = transcript.components(separatedBy: "--- removed ---")
    try #require(parts.count == 2, "\(transcript)")
    #expect(parts[0].contains("lake-so"))
    let afterwards = parts[1]
    #expect(afterwards.contains("error:"), "no error after the store went: \(afterwards)")
    #expect(!FileManager.default.fileExists(atPath: ior.store.path), "the store was made again")

    #expect(!afterwards.contains("all good"), "verify passed a store that is gone")
    #expect(!afterwards.contains("added partner"), "a failed commit was confirmed")
    #expect(!afterwards.contains("(none)"), "a removed store listed as empty")
  }

  @Test("piped standard input is run line by line, as it comes")
  func stdinAsItComes() throws {
    let ior = try IOR()
    try ior.succeed(Self.setup)
    var environment = ProcessInfo.processInfo.environment
    environment["IOR_TODAY"] = ior.today
    environment["IOR_USER"] = "e2e-tester"
    environment["HOME"] = ior.folder.path
    // A pipe of the test's own; ChildProcess closes every other descriptor in a child, so
    // no other child started meanwhile holds its writing end open.
    var ends: [Int32] = [0, 0]
    #expect(pipe(&ends) == 0)
    let output = ior.folder.appendingPathComponent("as-it-comes.out")
    let process = try ChildProcess(
      try IOR.binary().path, ["--store", ior.store.path], environment: environment,
      stdin: .descriptor(ends[0]), stdout: .file(output.path))
    close(ends[0])

    // The first command's output must appear while standard input is still open.
    let line = Array("echo first-line-ran\n".utf8)
    #expect(write(ends[1], line, line.count) == line.count)
    var seen = false
    for _ in 0..<40 where !seen {
      usleep(100_000)
      seen = String(decoding: (try? Data(contentsOf: output)) ?? Data(), as: UTF8.self)
        .contains("first-line-ran")
    }
    close(ends[1])
    #expect(process.wait() == .exited(0))
    #expect(seen, "the first line did not run until standard input closed")
  }

  // MARK: A lock left behind

  @Test("a lock held by a process that died does not block the next ior")
  func deadLockHolder() throws {
    let ior = try IOR()
    try ior.succeed(Self.setup)
    let lock = ior.store.appendingPathComponent(".lock").path

    // A process takes the lock exclusively and is killed with SIGKILL while holding it.
    // One process holds it: the shell takes the lock on descriptor 9 and becomes sleep, so no
    // forked child keeps the lock after the kill.
    let holder = try ChildProcess(
      "/bin/sh", ["-c", "exec 9>>\"$1\" && flock --exclusive 9 && exec sleep 60", "sh", lock])
    usleep(300_000)
    holder.kill(SIGKILL)
    holder.wait()
    #expect(FileManager.default.fileExists(atPath: lock), "the .lock file is left behind")

    let started = Date()
    let run = try ior.commands("open review lake-so-2025; add concern \"After the crash\"")
    #expect(run.status == 0, run.comment)
    #expect(Date().timeIntervalSince(started) < 10, "ior waited for a dead process's lock")
    #expect(try Self.findingTitles(ior) == ["After the crash"])
  }

  // MARK: A torn journal

  @Test("a journal cut in the middle of a line: verify says where, the next commit recovers")
  func tornJournal() throws {
    let ior = try IOR()
    try ior.succeed(Self.setup + "\nadd concern \"First\"")
    let journal = ior.store.appendingPathComponent("journal.jsonl")
    let whole = try Data(contentsOf: journal)
    let lineCount = try ior.journalLines().count
    let documentsBefore = try ior.snapshot().filter { $0.key.hasSuffix(".json") }

    // An append cut short: half of a copy of the last line, no newline.
    let last = Data(try #require(ior.journalLines().last).utf8)
    let torn = last.prefix(last.count / 2)
    try (whole + torn).write(to: journal)

    // Before any commit, verify names the torn line exactly.
    let verify = try ior.commands("verify")
    #expect(verify.status == 65, verify.comment)
    #expect(verify.stdout.contains("journal.jsonl:\(lineCount + 1)"), verify.comment)
    // Reading is not stopped by it.
    #expect(try ior.commands("list partners").status == 0)

    // The next commit sets the torn text aside and carries on.
    let run = try ior.commands("open review lake-so-2025; add concern \"Second\"")
    #expect(run.status == 0, run.comment)
    #expect(run.stderr.contains("warning: journal.jsonl ended in a line cut short"), run.comment)
    #expect(run.stderr.contains("moved to journal.torn"), run.comment)
    let tornFile = try Data(contentsOf: ior.store.appendingPathComponent("journal.torn"))
    // The torn text, ended with a newline so that pieces set aside by later recoveries stay apart.
    #expect(tornFile == torn + Data("\n".utf8), "journal.torn does not hold the torn text")
    #expect(try ior.journalLines().count == lineCount + 1)
    #expect(try Self.findingTitles(ior) == ["First", "Second"])
    for (path, bytes) in documentsBefore where path.hasPrefix("partners/") {
      #expect(try ior.snapshot()[path] == bytes, "\(path) changed")
    }
    let clean = try ior.commands("verify")
    #expect(clean.status == 0, clean.comment)

    // A second torn line is added after the first in journal.torn, not written over it.
    let again = Data("{\"seq\": 99, \"cut".utf8)
    try (try Data(contentsOf: journal) + again).write(to: journal)
    try ior.succeed("open review lake-so-2025; add concern \"Third\"")
    let both = try Data(contentsOf: ior.store.appendingPathComponent("journal.torn"))
    #expect(both == torn + Data("\n".utf8) + again + Data("\n".utf8))
  }
}
