import IORStore

/// Checklist answers for batch runs: a JSON object from question id to answer.
public enum AnswersFile {
  /// Reads an answers file.
  /// - Throws: `ShellError.fileError` saying what is wrong with it.
  public static func read(_ path: String) throws -> [String: String] {
    let text = try TextFile.read(path)
    let value: JSONValue
    do {
      value = try JSONParser.parse(text)
    } catch {
      throw ShellError.fileError(
        path: path, reason: "line \(error.line), column \(error.column): \(error.reason)")
    }
    guard let members = value.objectValue else {
      throw ShellError.fileError(
        path: path, reason: "an answers file is a JSON object: {\"wso-3\": \"...\"}")
    }
    var answers: [String: String] = [:]
    for (id, answer) in members {
      switch answer {
      case .string(let text): answers[id.lowercased()] = text
      case .int(let number): answers[id.lowercased()] = String(number)
      case .bool(let flag): answers[id.lowercased()] = flag ? "yes" : "no"
      default:
        throw ShellError.fileError(path: path, reason: "the answer to '\(id)' is not text")
      }
    }
    return answers
  }
}

/// The start-up file's lines (`iorrc`).
public enum StartupFile {
  /// The lines of the file at `path`.
  public static func lines(_ path: String) throws -> [String] {
    TextFile.lines(try TextFile.read(path))
  }
}
