/// Everything that can go wrong in the document store, named for the condition.
public enum StoreError: Error, Equatable, Sendable {
  /// An id that cannot name a document.
  case invalidID(String, reason: String)
  /// The folder exists but holds something other than a store.
  case notAStore(path: String)
  /// An import was asked of a store that already holds documents.
  case storeNotEmpty(path: String, collection: String)
  /// A system call failed on a path.
  case fileSystem(path: String, operation: String, code: Int32)
  /// A document that cannot be read as a document of its collection.
  case damagedDocument(DamagedDocument)
  /// The document changed since it was read.
  case conflict(path: String, expected: Int?, found: Int?)
  /// Another process holds the store lock for too long.
  case lockTimeout(path: String)
  /// The store cannot be written.
  case readOnly(path: String)
  /// There is no transaction left that `undo` could revert.
  case nothingToUndo(user: String)
  /// The transaction to undo does not exist.
  case noSuchTransaction(Int)
  /// A later transaction changed a document the undo would revert.
  case undoBlocked(sequence: Int, path: String, laterSequence: Int)
  /// A document differs from what the journal says it should be.
  case changedOutsideJournal(path: String)
  /// The journal cannot be read.
  case damagedJournal(line: Int, reason: String)
  /// The store's folder was removed or replaced while it was open.
  case storeMoved(path: String)
  /// A document was written by an ior whose document schema is newer than this one's.
  case newerSchema(path: String, version: Int, known: Int)
  /// The transaction to undo was undone already, by the transaction `by`.
  case alreadyUndone(Int, by: Int)
  /// The transaction to undo is itself an undo (of `undoes`).
  case undoOfUndo(Int, undoes: Int)
  /// A journal line differs from what was written, so what it records cannot be trusted.
  case journalTampered(sequence: Int, reason: String)
  /// A document would be larger than a document may be (so it could not be read back).
  case documentTooLarge(path: String, size: Int)
}

/// A file in the store that is not a valid document, with where and why.
public struct DamagedDocument: Equatable, Sendable, CustomStringConvertible {
  /// The file's path relative to the store, `partners/lake-so.json`.
  public var path: String
  /// 1-based line of the fault, or nil when the fault is the file as a whole.
  public var line: Int?
  /// 1-based column of the fault, or nil.
  public var column: Int?
  /// What is wrong, as a lowercase fragment.
  public var reason: String

  /// Makes a report of one damaged file.
  public init(path: String, line: Int? = nil, column: Int? = nil, reason: String) {
    self.path = path
    self.line = line
    self.column = column
    self.reason = reason
  }

  /// `partners/x.json:3:7: reason`, as compilers print a position.
  public var description: String {
    var text = path
    if let line { text += ":\(line)" }
    if let column { text += ":\(column)" }
    return text + ": " + reason
  }
}

extension StoreError: CustomStringConvertible {
  /// The error as a sentence for people: what was wrong and what would be right.
  public var description: String {
    switch self {
    case .invalidID(let id, let reason):
      return "'\(Self.printable(id))' is not a valid id: \(reason)"
        + " (use 1 to 64 lowercase letters, digits and '-')"
    case .notAStore(let path):
      return "'\(path)' is not an ior store (it has no store.json and is not empty);"
        + " name an empty folder, or a store made by 'ior init'"
    case .storeNotEmpty(let path, let collection):
      return "the store at '\(path)' is not empty ('\(collection)' has documents); nothing was"
        + " imported: import into a new store ('ior --store NEW-FOLDER import FILE')"
    case .fileSystem(let path, let operation, let code):
      return "cannot \(operation) '\(path)': \(SystemError.text(code))"
    case .damagedDocument(let damage):
      return "damaged document \(damage); fix the file by hand or restore it (see 'verify')"
    case .conflict(let path, let expected, let found):
      return "'\(path)' was changed by another session (revision \(Self.revision(found)),"
        + " you read \(Self.revision(expected))); nothing was written: run the command again"
    case .lockTimeout(let path):
      return "the store at '\(path)' stayed locked by another ior for too long; try again"
    case .readOnly(let path):
      return "the store at '\(path)' is read-only; nothing was written"
    case .nothingToUndo(let user):
      return "nothing to undo: no change by '\(user)' is left in the journal"
    case .noSuchTransaction(let sequence):
      return "no transaction #\(sequence) in the journal (see 'log')"
    case .alreadyUndone(let sequence, let undo):
      return "#\(sequence) was already undone by #\(undo); nothing was written (see 'log')"
    case .undoOfUndo(let sequence, let undoes):
      return "#\(sequence) is itself an undo (of #\(undoes)), and an undo cannot be undone;"
        + " make the change of #\(undoes) again instead (see 'log')"
    case .journalTampered(let sequence, let reason):
      return "the journal line of #\(sequence) \(reason); nothing was written: run 'verify'"
        + " and restore journal.jsonl from a copy"
    case .newerSchema(let path, let version, let known):
      return "'\(path)' was written by a newer ior (schemaVersion \(version); this ior knows"
        + " \(known)); nothing was written: change it with that newer ior"
    case .undoBlocked(let sequence, let path, let later):
      return "cannot undo #\(sequence): '\(path)' was changed again by #\(later);"
        + " undo #\(later) first"
    case .changedOutsideJournal(let path):
      return "'\(path)' was changed outside ior since the journal recorded it; nothing was written"
    case .damagedJournal(let line, let reason):
      return "journal.jsonl:\(line): \(reason)"
    case .storeMoved(let path):
      return "the store folder '\(path)' was removed or replaced while ior was running;"
        + " nothing was written (restore it, or start ior again)"
    case .documentTooLarge(let path, let size):
      return
        "'\(path)' would be \(size) bytes, more than the \(FileSystem.maximumDocumentSize >> 20)"
        + " MiB a document may be; nothing was written (keep long text in a file and refer to it,"
        + " or split it)"
    }
  }

  private static func revision(_ number: Int?) -> String {
    number.map(String.init) ?? "none"
  }

  /// The text with control characters shown as escapes, so an error never writes them raw.
  static func printable(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars.prefix(80) {
      if scalar.value < 0x20 || scalar.value == 0x7F {
        out += "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        out.append(String(scalar))
      }
    }
    return text.unicodeScalars.count > 80 ? out + "..." : out
  }
}
