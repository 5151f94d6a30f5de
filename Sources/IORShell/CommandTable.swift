import IORDomain

/// Every command of the shell, declared once.
@MainActor
public enum CommandTable {
  /// All commands, in help order.
  public static let all: [CommandSpec] =
    sessionCommands + partnerCommands + recordCommands + reviewCommands + findingCommands
    + outputCommands + scriptCommands + comfortCommands

  /// The help sections, in order.
  public static let groups = [
    "Session", "Partners", "Partner records", "Reviews", "Findings and corrective actions",
    "Reports and batch", "Scripts", "Corrections",
  ]

  /// The first words of all commands.
  public static var verbs: [String] {
    var seen: Set<String> = []
    return all.compactMap { spec in seen.insert(spec.words[0]).inserted ? spec.words[0] : nil }
  }

  private static let nounAliases: [String: String] = [
    "area-of-concern": "concern", "finding": "deficiency", "wso": "officer",
    "complaint": "complaint",
    "cap": "plan",
  ]

  /// The command that `words` name, and how many words name it.
  /// - Throws: `ShellError.unknownCommand` or `.unknownNoun`, with a suggestion.
  public static func resolve(_ words: [String], verbIsOption: Bool = false) throws -> (
    CommandSpec, Int
  ) {
    guard let verb = words.first?.lowercased() else {
      throw ShellError.unknownCommand("", suggestion: nil)
    }
    let candidates = all.filter { $0.words[0] == verb }
    if candidates.isEmpty || verbIsOption {
      throw ShellError.unknownCommand(verb, suggestion: Suggestion.closest(to: verb, in: verbs))
    }
    if words.count > 1 {
      let noun = words[1].lowercased()
      if let spec = candidates.first(where: { $0.words.count == 2 && matches(noun, $0.words[1]) }) {
        return (spec, 2)
      }
    }
    if let single = candidates.first(where: { $0.words.count == 1 }) { return (single, 1) }
    let nouns = candidates.map { $0.words[1] }
    let noun = words.count > 1 ? words[1] : ""
    throw ShellError.unknownNoun(
      verb: verb, noun: noun,
      suggestion: noun.isEmpty ? nil : Suggestion.closest(to: noun, in: nouns),
      nouns: nouns)
  }

  private static func matches(_ typed: String, _ noun: String) -> Bool {
    typed == noun || typed + "s" == noun || typed == noun + "s" || nounAliases[typed] == noun
  }

  /// The command named exactly `name` (`add deficiency`).
  public static func spec(named name: String) -> CommandSpec? {
    let words = name.lowercased().split(separator: " ").map(String.init)
    return try? resolve(words).0
  }
}
