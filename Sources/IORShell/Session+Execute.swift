import IORDomain
import IORStore

extension Session {
  /// Runs one line of commands (`;`-separated), each seeing the variables the ones before it
  /// set, stopping at the first failure unless `onFailure` takes it.
  /// - Parameter onFailure: given a failing command's error, reports it so that the line runs
  ///   on (`--keep-going`); nil stops the line. Ctrl-C always stops it.
  /// - Throws: the first error not handed to `onFailure`; the commands after it do not run.
  public func runLine(_ line: String, onFailure: ((any Error) -> Void)? = nil) throws {
    guard line.utf8.count <= Self.maximumLineLength else {
      let error = ShellError.lineTooLong(bytes: line.utf8.count, limit: Self.maximumLineLength)
      guard let onFailure else { throw error }
      return onFailure(error)
    }
    do {
      try Tokenizer.eachCommand(
        in: line, variables: { [unowned self] in lookup($0) }, until: { [unowned self] in finished }
      ) { words in
        if interrupted() { throw ShellError.interrupted }
        do {
          try execute(words, source: Self.source(of: words, in: line))
          console.finishCommand()
        } catch let error where !(error is SyntaxError) && !Self.stopsTheRun(error) {
          guard let onFailure else { throw error }
          onFailure(error)
        }
      }
    } catch let syntax as SyntaxError {
      // The rest of the line cannot be read; with --keep-going the run goes on at the next.
      guard let onFailure else { throw ShellError.syntax(syntax) }
      onFailure(ShellError.syntax(syntax))
    }
  }

  /// The longest line read as commands (1 MiB); longer text belongs in a file (`detail=@FILE`).
  public static let maximumLineLength = 1 << 20

  /// True for what ends a run whatever `--keep-going` says: Ctrl-C.
  private static func stopsTheRun(_ error: any Error) -> Bool {
    if case ShellError.interrupted = error { return true }
    if let located = error as? LocatedError { return stopsTheRun(located.underlying) }
    return false
  }

  /// The text of one command for the journal: the line itself when it holds one command,
  /// else the command's words written back with quotes.
  private static func source(of words: [Word], in line: String) -> String {
    let text: String
    if !line.contains(";") {
      text = line.trimmingCharacters()
    } else {
      text = words.map { word in
        if let key = word.optionKey, let value = word.optionValue {
          return key + "=" + quotedIfNeeded(value)
        }
        return quotedIfNeeded(word.text)
      }.joined(separator: " ")
    }
    return text.count <= 500 ? text : String(text.prefix(500)) + "..."
  }

  private static func quotedIfNeeded(_ text: String) -> String {
    let plain = !text.isEmpty && !text.contains { " \t\"'#;$\\".contains($0) }
    return plain ? text : "\"" + text.replacingAll("\"", with: "\\\"") + "\""
  }

  /// The value of `$name`: the running script's variables first, then the session's.
  func lookup(_ name: String) -> String? {
    guard let frame = frames.last else { return variables[name] }
    // A script's parameter counts as used when a script it runs reads it: `ior FILE name=...`
    // also sets the session's variables, which every nested script can read.
    for index in frames.indices { frames[index].used.insert(name) }
    return frame.variables[name] ?? variables[name]
  }

  /// Finds, binds and runs one command.
  func execute(_ words: [Word], source: String) throws {
    guard let first = words.first else { return }
    let (spec, used) = try CommandTable.resolve(
      words.map(\.text), verbIsOption: first.optionKey != nil)
    var invocation = try bind(spec, Array(words.dropFirst(used)), source: source)
    try askForMissing(&invocation)
    try readFileValues(&invocation)
    try check(invocation)
    beginCommand()
    if spec.locksStore {
      try store.reading { try spec.run(invocation) }
    } else {
      try spec.run(invocation)
    }
    try endCommand(source: source)
  }

  private func bind(_ spec: CommandSpec, _ words: [Word], source: String) throws -> Invocation {
    var invocation = Invocation(
      spec: spec, session: self, values: [:], options: [:], fields: [], rest: [], source: source)
    var positionals = spec.positionals[...]
    let fieldOption = spec.options.first {
      if case .fields = $0.kind { return true } else { return false }
    }
    for word in words {
      if let key = word.optionKey, let value = word.optionValue {
        if spec.options.contains(where: { $0.name == key && !$0.isFields }) {
          invocation.options[key] = value
        } else if let fieldOption, case .fields(let names) = fieldOption.kind,
          names.isEmpty || names.contains(key)
        {
          invocation.fields.append((key, value))
        } else {
          let known = spec.options.flatMap { option -> [String] in
            if case .fields(let names) = option.kind { return names }
            return [option.name]
          }
          throw ShellError.unknownOption(
            key, command: spec.name, suggestion: Suggestion.closest(to: key, in: known),
            options: known)
        }
      } else if let parameter = positionals.popFirst() {
        invocation.values[parameter.name] = word.text
      } else if spec.takesRest {
        invocation.rest.append(word.text)
      } else {
        throw ShellError.unexpectedValue(command: spec.name, value: word.text)
      }
    }
    return invocation
  }

  private func askForMissing(_ invocation: inout Invocation) throws {
    let spec = invocation.spec
    for parameter in spec.positionals + spec.options where parameter.required && !parameter.isFields
    {
      if invocation.value(parameter.name) != nil { continue }
      guard options.interactive, let ask else {
        throw ShellError.missingValue(command: spec.name, name: Self.describe(parameter))
      }
      guard let answer = ask(parameter.question + ": "), !answer.isEmpty else {
        throw ShellError.missingValue(command: spec.name, name: Self.describe(parameter))
      }
      if spec.positionals.contains(where: { $0.name == parameter.name }) {
        invocation.values[parameter.name] = answer
      } else {
        invocation.options[parameter.name] = answer
      }
    }
  }

  /// A text value written `@FILE` is the contents of that file (relative to the running
  /// script's folder); `@@` keeps a leading `@`.
  private func readFileValues(_ invocation: inout Invocation) throws {
    let spec = invocation.spec
    for parameter in spec.positionals + spec.options where parameter.kind == .text {
      for isOption in [false, true] {
        let current =
          isOption ? invocation.options[parameter.name] : invocation.values[parameter.name]
        guard let value = current, value.hasPrefix("@") else { continue }
        let replaced: String
        if value.hasPrefix("@@") {
          replaced = String(value.dropFirst())
        } else {
          replaced = try TextFile.read(resolvePath(String(value.dropFirst()))).trimmingCharacters()
        }
        if isOption {
          invocation.options[parameter.name] = replaced
        } else {
          invocation.values[parameter.name] = replaced
        }
      }
    }
    for (index, field) in invocation.fields.enumerated()
    where field.1.hasPrefix("@") && spec.name != "let" {
      let value = field.1
      invocation.fields[index].1 =
        value.hasPrefix("@@")
        ? String(value.dropFirst())
        : try TextFile.read(resolvePath(String(value.dropFirst()))).trimmingCharacters()
    }
  }

  private static func describe(_ parameter: Parameter) -> String {
    if parameter.kind == .text { return "\(parameter.name) (\"...\")" }
    return "\(parameter.name) (\(parameter.kind.placeholder))"
  }

  /// Checks each value against its kind before anything is read or written.
  private func check(_ invocation: Invocation) throws {
    let spec = invocation.spec
    for parameter in spec.positionals + spec.options {
      guard let value = invocation.value(parameter.name) else { continue }
      try Self.check(value, as: parameter.kind, name: parameter.name)
    }
  }

  static func check(_ value: String, as kind: ValueKind, name: String) throws {
    switch kind {
    case .date:
      guard let date = LocalDate(value) else {
        throw ShellError.invalidValue(value: value, expected: "a date (YYYY-MM-DD)")
      }
      let years = LocalDate.plausibleYears
      if !years.contains(date.year) {
        throw ShellError.invalidValue(
          value: value, expected: "a date from \(years.lowerBound) to \(years.upperBound)")
      }
    case .fiscalYear:
      let digits = value.lowercased().hasPrefix("fy") ? String(value.dropFirst(2)) : value
      if Int(digits).map({ LocalDate.plausibleYears.contains($0) }) != true {
        throw ShellError.invalidValue(value: value, expected: "a fiscal year (2025)")
      }
    case .count:
      if Int(value).map({ $0 >= 0 }) != true {
        throw ShellError.invalidValue(value: value, expected: "a whole number from 0 (\(name))")
      }
    case .choice(let values):
      if !values.contains(value.lowercased()) {
        let hint = Suggestion.closest(to: value, in: values).map { "; did you mean '\($0)'?" } ?? ""
        throw ShellError.invalidValue(
          value: value, expected: "a \(name): one of \(values.joined(separator: ", "))" + hint)
      }
    default:
      break
    }
  }
}

extension Parameter {
  var isFields: Bool {
    if case .fields = kind { return true }
    return false
  }
}

extension String {
  /// The text without surrounding white space.
  func trimmingCharacters() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}
