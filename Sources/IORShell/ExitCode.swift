/// The exit codes of `ior`, one table used everywhere (docs/scripting.md lists them).
public enum ExitCode: Int32, Sendable, CaseIterable {
  /// Everything ran.
  case success = 0
  /// A command failed: bad value, a rule refused it, an unknown id.
  case commandFailed = 1
  /// A checklist `check` did not hold.
  case checkFailed = 2
  /// The command line or a command's syntax was wrong.
  case usage = 64
  /// The store holds a damaged document or journal.
  case damagedStore = 65
  /// Another session changed a document first, or held the store lock too long.
  case conflict = 75

  /// What the code means, for `help exit-codes` and the docs.
  public var meaning: String {
    switch self {
    case .success: return "success"
    case .commandFailed: return "a command failed (bad value, refused by a rule, unknown id)"
    case .checkFailed: return "a checklist check failed"
    case .usage: return "usage error: unknown command or option, bad syntax, missing value"
    case .damagedStore: return "the store has a damaged document or journal"
    case .conflict: return "store conflict or lock: another session changed it first; run again"
    }
  }
}
