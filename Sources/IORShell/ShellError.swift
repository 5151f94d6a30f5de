import IORDomain
import IORStore

/// What the shell itself refuses, named for the condition.
public enum ShellError: Error, Equatable, Sendable {
  case unknownCommand(String, suggestion: String?)
  case unknownNoun(verb: String, noun: String, suggestion: String?, nouns: [String])
  case unknownOption(String, command: String, suggestion: String?, options: [String])
  case missingValue(command: String, name: String)
  case unexpectedValue(command: String, value: String)
  case invalidValue(value: String, expected: String)
  case syntax(SyntaxError)
  case noOpenReview
  case noOpenPartner
  case checkFailed(name: String, detail: String)
  case unknownCheck(String, suggestion: String?)
  case scriptNotFound(String)
  case scriptRunsItself(chain: [String])
  case scriptTooDeep(limit: Int)
  case missingParameter(String)
  case missingAnswer(String)
  case fileError(path: String, reason: String)
  case interrupted
  /// A line longer than any command needs.
  case lineTooLong(bytes: Int, limit: Int)
  case refused(String)
  case noTerminal(String)
  case verificationFailed(problems: Int)

  /// The exit code this error ends a batch run with.
  public var exitCode: ExitCode {
    switch self {
    case .unknownCommand, .unknownNoun, .unknownOption, .missingValue, .unexpectedValue, .syntax,
      .missingParameter, .noTerminal:
      return .usage
    case .checkFailed: return .checkFailed
    case .verificationFailed: return .damagedStore
    default: return .commandFailed
    }
  }
}

extension ShellError: CustomStringConvertible {
  /// The error as a sentence for people.
  public var description: String {
    switch self {
    case .unknownCommand(let word, let suggestion):
      return "unknown command '\(word)'" + Self.didYouMean(suggestion) + " (help lists commands)"
    case .unknownNoun(let verb, let noun, let suggestion, let nouns):
      let what =
        noun.isEmpty
        ? "'\(verb)' needs one of"
        : "unknown '\(verb) \(noun)'"
          + Self.didYouMean(suggestion) + "; '\(verb)' takes"
      return what + ": " + nouns.joined(separator: ", ")
    case .unknownOption(let option, let command, let suggestion, let options):
      let known =
        options.isEmpty
        ? "it takes no options" : "it takes " + options.map { $0 + "=" }.joined(separator: " ")
      return "unknown option '\(option)' for '\(command)'" + Self.didYouMean(suggestion) + "; "
        + known
    case .missingValue(let command, let name):
      return "'\(command)' needs \(name) (help \(command))"
    case .unexpectedValue(let command, let value):
      return "'\(command)' does not take '\(value)' (help \(command))"
    case .invalidValue(let value, let expected):
      return "'\(value)' is not \(expected)"
    case .syntax(let error):
      return "column \(error.column): \(error.message)"
    case .noOpenReview:
      return "no review is open; open one first (open review ID; list reviews)"
    case .noOpenPartner:
      return "no partner is open; open one first (open partner ID), or name it (partner=ID)"
    case .checkFailed(let name, let detail):
      return "check '\(name)' failed: \(detail)"
    case .unknownCheck(let name, let suggestion):
      return "unknown check '\(name)'" + Self.didYouMean(suggestion) + " (help check)"
    case .scriptNotFound(let path):
      return "no script '\(path)'"
    case .scriptRunsItself(let chain):
      return "script runs itself: " + chain.joined(separator: " -> ")
    case .scriptTooDeep(let limit):
      return "scripts nested deeper than \(limit) levels; a script probably runs itself"
    case .missingParameter(let name):
      return "parameter '\(name)' has no value: pass \(name)=... on the command line or to run"
    case .missingAnswer(let question):
      return "no answer for '\(question)': add it to the answers file (--answers FILE)"
    case .fileError(let path, let reason):
      return "cannot use '\(path)': \(reason)"
    case .interrupted:
      return "interrupted"
    case .lineTooLong(let bytes, let limit):
      return "the line is \(bytes) bytes long, more than the \(limit >> 20) MiB a line may be;"
        + " nothing on it ran (put long text in a file and give it as name=@FILE)"
    case .refused(let reason):
      return reason
    case .noTerminal(let what):
      return "\(what), and there is no terminal to ask on"
    case .verificationFailed(let problems):
      return "verify found \(problems) problems (listed above); restore the documents named, or"
        + " ask who changed them"
    }
  }

  private static func didYouMean(_ suggestion: String?) -> String {
    suggestion.map { "; did you mean '\($0)'?" } ?? ""
  }
}

/// The exit code and message for any error a command can raise: the one place that turns
/// errors into what people read.
public enum ErrorReport {
  /// The exit code a batch run ends with for `error`.
  public static func exitCode(for error: any Error) -> ExitCode {
    switch error {
    case let located as LocatedError: return exitCode(for: located.underlying)
    case let shell as ShellError: return shell.exitCode
    case let store as StoreError:
      switch store {
      case .conflict, .lockTimeout: return .conflict
      case .damagedDocument, .damagedJournal, .journalTampered: return .damagedStore
      case .invalidID: return .commandFailed
      default: return .commandFailed
      }
    case let domain as DomainError:
      if case .damaged = domain { return .damagedStore }
      return .commandFailed
    case let syntax as SyntaxError:
      _ = syntax
      return .usage
    default: return .commandFailed
    }
  }

  /// The longest message written; one that quotes a pasted page is cut to this.
  static let maximumMessageLength = 2000

  /// The message for `error`, safe to write to a terminal, and never longer than
  /// `maximumMessageLength` characters however long the input it quotes.
  public static func message(for error: any Error) -> String {
    let text: String
    switch error {
    case let located as LocatedError: return located.message
    case let syntax as SyntaxError: text = "column \(syntax.column): \(syntax.message)"
    case let printable as CustomStringConvertible: text = SafeText.terminal(printable.description)
    default: text = "\(error)"
    }
    guard text.count > maximumMessageLength else { return text }
    return text.prefix(maximumMessageLength) + "... (\(text.count) characters in all)"
  }
}
