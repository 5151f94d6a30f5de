import IORDomain

/// What kind of value a command takes, which decides its check, its completion and its help.
public enum ValueKind: Equatable, Sendable {
  case partnerID, reviewID, findingID, deficiencyID, actionID, officerID, questionID
  case date, fiscalYear, count, text, file, word, checkName
  case choice([String])
  /// `key=value` pairs for the fields listed (set partner, set finding ...).
  case fields([String])

  /// How help writes a value of this kind.
  var placeholder: String {
    switch self {
    case .partnerID: return "PARTNER"
    case .reviewID: return "REVIEW"
    case .findingID: return "FINDING"
    case .deficiencyID: return "DEFICIENCY"
    case .actionID: return "ACTION"
    case .officerID: return "OFFICER"
    case .questionID: return "QUESTION"
    case .date: return "DATE"
    case .fiscalYear: return "FY"
    case .count: return "N"
    case .text: return "\"TEXT\""
    case .file: return "FILE"
    case .word: return "WORD"
    case .checkName: return "CHECK"
    case .choice(let values): return values.joined(separator: "|")
    case .fields: return "FIELD=VALUE..."
    }
  }
}

/// One value a command takes, by position or as `name=value`.
public struct Parameter: Sendable {
  /// Its name: the option key, or the label of a positional value.
  public var name: String
  /// What it holds.
  public var kind: ValueKind
  /// True when the command cannot run without it (interactive sessions ask for it).
  public var required: Bool
  /// What to ask for it, interactively.
  public var question: String

  /// A required value.
  static func required(_ name: String, _ kind: ValueKind, ask question: String? = nil) -> Parameter
  {
    Parameter(name: name, kind: kind, required: true, question: question ?? name)
  }

  /// An optional value.
  static func optional(_ name: String, _ kind: ValueKind, ask question: String? = nil) -> Parameter
  {
    Parameter(name: name, kind: kind, required: false, question: question ?? name)
  }
}

/// Which open context a command works in.
public enum CommandContext: Sendable {
  case none, partner, review
}

/// One command, declared once: help, completion, validation and the reference in docs/ all
/// come from this.
public struct CommandSpec: Sendable {
  /// The words that name it: `["add", "deficiency"]`.
  public var words: [String]
  /// Values by position.
  public var positionals: [Parameter]
  /// `key=value` options.
  public var options: [Parameter]
  /// One line for `help`.
  public var summary: String
  /// A paragraph for `help COMMAND`.
  public var details: String
  /// Lines to copy.
  public var examples: [String]
  /// The context it needs.
  public var context: CommandContext
  /// True when positional values beyond those declared are passed on (echo, summary).
  public var takesRest: Bool
  /// The help section it is listed under.
  public var group: String
  /// False for commands that wait for a person or run other commands (they must not hold
  /// the store's read lock meanwhile).
  public var locksStore: Bool
  /// What it does.
  var run: @MainActor @Sendable (Invocation) throws -> Void

  /// The name as typed: `add deficiency`.
  public var name: String { words.joined(separator: " ") }

  /// The syntax line: `add deficiency "TITLE" cite="TEXT" [detail="TEXT"]`.
  public var syntax: String {
    var parts = words
    for parameter in positionals {
      let shown =
        parameter.kind == .text ? "\"\(parameter.name.uppercased())\"" : parameter.kind.placeholder
      parts.append(parameter.required ? shown : "[\(shown)]")
    }
    if takesRest { parts.append("...") }
    for option in options {
      let value: String
      if case .fields = option.kind {
        value = option.kind.placeholder
      } else {
        value = option.name + "=" + (option.kind == .text ? "\"...\"" : option.kind.placeholder)
      }
      parts.append(option.required ? value : "[\(value)]")
    }
    return parts.joined(separator: " ")
  }
}

extension CommandSpec {
  /// Declares a command.
  static func command(
    _ name: String, group: String, summary: String, details: String = "",
    positionals: [Parameter] = [], options: [Parameter] = [], examples: [String] = [],
    context: CommandContext = .none, takesRest: Bool = false, locksStore: Bool = true,
    run: @escaping @MainActor @Sendable (Invocation) throws -> Void
  ) -> CommandSpec {
    CommandSpec(
      words: name.split(separator: " ").map(String.init), positionals: positionals,
      options: options, summary: summary, details: details, examples: examples,
      context: context, takesRest: takesRest, group: group, locksStore: locksStore, run: run)
  }
}
