import IORDomain

/// `help` text and the command reference in docs/, both from the command table.
@MainActor
public enum Help {
  /// What `help WORDS...` prints.
  static func text(for words: [String]) throws -> String {
    if words.isEmpty { return overview() }
    if words == ["--all"] || words == ["all"] {
      return CommandTable.all.map(full).joined(separator: "\n")
    }
    if words == ["exit-codes"] { return exitCodes() }
    if words.count == 1, let verb = verbOverview(words[0].lowercased()) { return verb }
    let (spec, _) = try CommandTable.resolve(words)
    return full(spec)
  }

  /// `help add`: every command of a verb that takes nouns, one line each.
  private static func verbOverview(_ verb: String) -> String? {
    let specs = CommandTable.all.filter { $0.words[0] == verb }
    guard specs.count > 1 || specs.first?.words.count == 2 else { return nil }
    var out = "Commands of '\(verb)' (help \(verb) NOUN for one in full):\n"
    for spec in specs {
      out += "  " + spec.name.padded(to: 18) + spec.summary + "\n"
    }
    return out
  }

  private static func overview() -> String {
    var out = "Commands (help COMMAND for one in full, help --all for every one):\n"
    for group in CommandTable.groups {
      out += "\n\(group):\n"
      for spec in CommandTable.all where spec.group == group {
        out += "  " + spec.name.padded(to: 18) + spec.summary + "\n"
      }
    }
    out +=
      "\nValues: \"quoted text\", key=value options, $name variables, # comments, ; between"
      + " commands.\nExit codes: help exit-codes.\n"
    return out
  }

  private static func full(_ spec: CommandSpec) -> String {
    var out = spec.syntax + "\n  " + spec.summary + "\n"
    if !spec.details.isEmpty { out += wrap(spec.details, indent: "  ") }
    if !spec.examples.isEmpty {
      out += "  Examples:\n" + spec.examples.map { "    " + $0 + "\n" }.joined()
    }
    return out
  }

  private static func exitCodes() -> String {
    ExitCode.allCases.map { String($0.rawValue).leftPadded(4) + "  " + $0.meaning + "\n" }.joined()
  }

  static func wrap(_ text: String, indent: String, width: Int = 88) -> String {
    var out = ""
    var line = indent
    for word in text.split(separator: " ") {
      if line.count + word.count + 1 > width && line != indent {
        out += line + "\n"
        line = indent
      }
      line += (line == indent ? "" : " ") + word
    }
    return out + line + "\n"
  }

  /// The command reference, docs/commands.md, generated from the table (a test compares it
  /// with the committed file).
  public static func markdownReference() -> String {
    var out =
      "# Command reference\n\nGenerated from the command table (`ior --reference`);"
      + " do not edit by hand. Every command also answers `help COMMAND` in the shell.\n"
    for group in CommandTable.groups {
      out += "\n## \(group)\n"
      for spec in CommandTable.all where spec.group == group {
        out +=
          "\n### `\(spec.name)`\n\n```\n\(spec.syntax)\n```\n\n\(spec.summary.capitalizedFirst).\n"
        if !spec.details.isEmpty { out += "\n\(spec.details)\n" }
        if !spec.examples.isEmpty {
          out += "\nExamples:\n\n```\n" + spec.examples.joined(separator: "\n") + "\n```\n"
        }
      }
    }
    out += "\n## Exit codes\n\n| code | meaning |\n| --- | --- |\n"
    for code in ExitCode.allCases { out += "| \(code.rawValue) | \(code.meaning) |\n" }
    return out
  }
}

extension String {
  var capitalizedFirst: String {
    guard let first else { return self }
    return first.uppercased() + dropFirst()
  }
}

extension String {
  /// The text followed by spaces up to `width` characters, and at least one space.
  fileprivate func padded(to width: Int) -> String {
    self + String(repeating: " ", count: max(1, width - count))
  }
}
