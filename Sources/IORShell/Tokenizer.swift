/// One word of a command as typed: its text after quotes, escapes and substitution.
public struct Word: Equatable, Sendable {
  /// The processed text; for an option, the whole "key=value" after processing.
  public var text: String
  /// 1-based column (in Characters) of the word's first character in the line.
  public var column: Int
  /// The option name, non-nil when the word is `key=value`.
  public var optionKey: String?
  /// The processed value part when `optionKey` is non-nil.
  public var optionValue: String?
  /// True when any part of the word was quoted.
  public var wasQuoted: Bool

  /// Creates a word; the option fields default to "not an option".
  public init(
    text: String,
    column: Int,
    optionKey: String? = nil,
    optionValue: String? = nil,
    wasQuoted: Bool = false
  ) {
    self.text = text
    self.column = column
    self.optionKey = optionKey
    self.optionValue = optionValue
    self.wasQuoted = wasQuoted
  }
}

/// What went wrong in a line, and where.
public struct SyntaxError: Error, Equatable, Sendable {
  /// A lowercase fragment meant to follow a prefix such as "error: ".
  public var message: String
  /// 1-based column (in Characters) of the problem.
  public var column: Int

  /// Creates an error at a 1-based column.
  public init(message: String, column: Int) {
    self.message = message
    self.column = column
  }
}

/// Splits command lines into commands and words.
public enum Tokenizer {
  /// Splits one line into commands (separated by `;`), each a list of words; comments dropped,
  /// empty commands dropped.
  ///
  /// Substituted values are never re-split into words, so a value with spaces stays one word.
  public static func commands(
    in line: String,
    variables: (String) -> String?
  ) throws(SyntaxError) -> [[Word]] {
    let scanned = try withoutActuallyEscaping(variables) { lookup throws(SyntaxError) in
      var scanner = LineScanner(line, lenient: false, variables: lookup)
      return try scanner.scanLine()
    }
    return scanned.compactMap { command in
      command.isEmpty ? nil : command.map(\.word)
    }
  }

  /// Hands each command of `line` to `body` in turn, substituting `$name` only when its command
  /// is reached, so that `let review=lake-so-2025; open review $review` sees the variable the
  /// first command set. The whole line is checked for syntax first (quotes, `${`), so a line
  /// that cannot be read runs none of its commands.
  ///
  /// - Throws: `SyntaxError` for the line's syntax or an unknown variable, as `commands` does;
  ///   whatever `body` throws, after which the rest of the line does not run.
  /// - Parameter stop: asked before each command; true ends the line there, unread (after
  ///   `quit`), so a later command's unknown variable is not an error.
  public static func eachCommand(
    in line: String,
    variables: @escaping (String) -> String?,
    until stop: () -> Bool = { false },
    _ body: ([Word]) throws -> Void
  ) throws {
    _ = try commands(in: line) { _ in "" }
    var scanner = LineScanner(line, lenient: false, variables: variables)
    while !stop(), let command = try scanner.scanCommand() {
      if !command.isEmpty { try body(command.map(\.word)) }
    }
  }

  /// For completion: the words before the cursor and the partial word being typed, never
  /// throwing (unknown variables are left as typed, an open quote is tolerated). Offsets are
  /// UTF-8 byte offsets into `line`.
  ///
  /// Only the command the cursor is in counts, since earlier `;`-separated commands cannot
  /// affect what to complete. When the cursor is not inside a word (after a blank, a `;`, or
  /// inside a comment), `current` is empty and `currentStart` is the cursor.
  public static func partial(
    _ line: String,
    cursor: Int
  ) -> (words: [String], current: String, currentStart: Int) {
    let prefix = utf8Prefix(of: line, upTo: cursor)
    var scanner = LineScanner(prefix, lenient: true, variables: { _ in nil })
    let commands = scanner.lenientScanLine()
    let end = prefix.utf8.count
    var command = commands.last ?? []
    guard let last = command.last, last.endsAtLineEnd else {
      return (command.map(\.word.text), "", end)
    }
    command.removeLast()
    return (command.map(\.word.text), last.word.text, scanner.utf8Offset(ofCharacter: last.start))
  }

  /// The part of `line` before a UTF-8 offset, clamped to the line and rounded down to a
  /// Character boundary so a cursor in the middle of a multi-byte character is harmless.
  private static func utf8Prefix(of line: String, upTo offset: Int) -> String {
    let utf8 = line.utf8
    var index = utf8.index(utf8.startIndex, offsetBy: max(0, min(offset, utf8.count)))
    while index > line.startIndex, index.samePosition(in: line) == nil {
      index = utf8.index(before: index)
    }
    return String(line[..<index])
  }
}

/// A word plus where it sits, which `partial` needs to find the word under the cursor.
struct ScannedWord {
  var word: Word
  /// Index of the word's first Character.
  var start: Int
  /// True when the word ran into the end of the line rather than a blank or `;`.
  var endsAtLineEnd: Bool
}

/// A single left-to-right pass over a line's Characters; indexing an array keeps lookahead O(1).
struct LineScanner {
  private let chars: [Character]
  private var index = 0
  private let lenient: Bool
  private let variables: (String) -> String?

  init(_ line: String, lenient: Bool, variables: @escaping (String) -> String?) {
    self.chars = Array(line)
    self.lenient = lenient
    self.variables = variables
  }

  /// Commands including empty ones, so callers can tell a trailing `;` from none.
  mutating func scanLine() throws(SyntaxError) -> [[ScannedWord]] {
    var commands: [[ScannedWord]] = [[]]
    while let char = skipBlanks() {
      if char == ";" {
        index += 1
        commands.append([])
      } else if char == "#" {
        break
      } else {
        let word = try scanWord()
        commands[commands.count - 1].append(word)
      }
    }
    return commands
  }

  /// The next command's words (empty for `;;` or a comment), or nil at the end of the line.
  mutating func scanCommand() throws(SyntaxError) -> [ScannedWord]? {
    guard skipBlanks() != nil else { return nil }
    var words: [ScannedWord] = []
    while let char = skipBlanks() {
      if char == ";" {
        index += 1
        return words
      }
      if char == "#" {
        index = chars.count
        break
      }
      words.append(try scanWord())
    }
    return words
  }

  /// `scanLine` for lenient mode, where no path throws.
  mutating func lenientScanLine() -> [[ScannedWord]] {
    (try? scanLine()) ?? [[]]
  }

  /// Only `partial` needs byte offsets, so they are computed on demand rather than per scan.
  func utf8Offset(ofCharacter position: Int) -> Int {
    chars[..<position].reduce(0) { $0 + $1.utf8.count }
  }

  private mutating func skipBlanks() -> Character? {
    while index < chars.count, isBlank(chars[index]) {
      index += 1
    }
    return index < chars.count ? chars[index] : nil
  }

  private func isBlank(_ char: Character) -> Bool {
    char == " " || char == "\t"
  }

  private mutating func scanWord() throws(SyntaxError) -> ScannedWord {
    let start = index
    let key = optionKey()
    if let key {
      index += key.count + 1
    }
    var text = ""
    var quoted = false
    while index < chars.count {
      let char = chars[index]
      if isBlank(char) || char == ";" {
        break
      }
      switch char {
      case "\"":
        quoted = true
        try scanDoubleQuoted(into: &text)
      case "'":
        quoted = true
        try scanSingleQuoted(into: &text)
      case "\\":
        try scanBareEscape(into: &text)
      case "$":
        try scanVariable(into: &text)
      default:
        text.append(char)
        index += 1
      }
    }
    let word = makeWord(key: key, value: text, column: start + 1, quoted: quoted)
    return ScannedWord(word: word, start: start, endsAtLineEnd: index == chars.count)
  }

  private func makeWord(key: String?, value: String, column: Int, quoted: Bool) -> Word {
    guard let key else {
      return Word(text: value, column: column, wasQuoted: quoted)
    }
    return Word(
      text: key + "=" + value,
      column: column,
      optionKey: key,
      optionValue: value,
      wasQuoted: quoted
    )
  }

  /// The option name when the word starts with a plain `[a-z][a-z0-9-]*=`; any quote or
  /// escape before the `=` means the user wanted a literal value instead.
  private func optionKey() -> String? {
    var position = index
    var key = ""
    while position < chars.count {
      let char = chars[position]
      if char == "=" {
        return key.isEmpty ? nil : key
      }
      let allowed = key.isEmpty ? isLowerASCII(char) : isLowerASCII(char) || isKeyTail(char)
      guard allowed else {
        return nil
      }
      key.append(char)
      position += 1
    }
    return nil
  }

  private func isLowerASCII(_ char: Character) -> Bool {
    guard let ascii = char.asciiValue else {
      return false
    }
    return ascii >= 0x61 && ascii <= 0x7A
  }

  private func isKeyTail(_ char: Character) -> Bool {
    char == "-" || (char.isASCII && char.isNumber)
  }

  private mutating func scanSingleQuoted(into text: inout String) throws(SyntaxError) {
    let open = index
    index += 1
    while index < chars.count {
      let char = chars[index]
      index += 1
      if char == "'" {
        return
      }
      text.append(char)
    }
    try fail("unterminated single quote", at: open)
  }

  private mutating func scanDoubleQuoted(into text: inout String) throws(SyntaxError) {
    let open = index
    index += 1
    while index < chars.count {
      switch chars[index] {
      case "\"":
        index += 1
        return
      case "\\":
        scanQuotedEscape(into: &text)
      case "$":
        try scanVariable(into: &text)
      default:
        text.append(chars[index])
        index += 1
      }
    }
    try fail("unterminated double quote", at: open)
  }

  /// Inside double quotes an unknown escape keeps its backslash, so Windows-style paths and
  /// regex-like text survive without doubling every backslash.
  private mutating func scanQuotedEscape(into text: inout String) {
    guard index + 1 < chars.count else {
      // The quote is unterminated anyway; that error is the more useful one.
      text.append("\\")
      index += 1
      return
    }
    let next = chars[index + 1]
    index += 2
    switch next {
    case "\"", "\\", "$":
      text.append(next)
    case "n":
      text.append("\n")
    case "t":
      text.append("\t")
    default:
      text.append("\\")
      text.append(next)
    }
  }

  private mutating func scanBareEscape(into text: inout String) throws(SyntaxError) {
    guard index + 1 < chars.count else {
      try fail("trailing backslash escapes nothing", at: index)
      index += 1
      return
    }
    text.append(chars[index + 1])
    index += 2
  }

  private mutating func scanVariable(into text: inout String) throws(SyntaxError) {
    let dollar = index
    guard dollar + 1 < chars.count else {
      text.append("$")
      index += 1
      return
    }
    let next = chars[dollar + 1]
    if next == "{" {
      try scanBracedVariable(into: &text)
    } else if isNameStart(next) {
      index += 1
      let name = scanName()
      try substitute(name, typed: "$" + name, at: dollar, into: &text)
    } else {
      // `$5`, `$ ` and the like are ordinary text, e.g. prices in findings.
      text.append("$")
      index += 1
    }
  }

  private mutating func scanBracedVariable(into text: inout String) throws(SyntaxError) {
    let dollar = index
    index += 2
    let name = scanName()
    guard index < chars.count, chars[index] == "}" else {
      let closed = chars[index...].contains("}")
      let message =
        closed
        ? "bad variable name in '${...}'; names are letters, digits, '_' and '-'"
        : "unterminated '${'; close it with '}'"
      try fail(message, at: dollar)
      text.append(contentsOf: "${" + name)
      return
    }
    index += 1
    guard let first = name.first, isNameStart(first) else {
      try fail("bad variable name '\(name)' in '${...}'", at: dollar)
      text.append(contentsOf: "${" + name + "}")
      return
    }
    try substitute(name, typed: "${" + name + "}", at: dollar, into: &text)
  }

  private mutating func scanName() -> String {
    var name = ""
    while index < chars.count, isNameStart(chars[index]) || isNameTail(chars[index]) {
      name.append(chars[index])
      index += 1
    }
    return name
  }

  private func isNameStart(_ char: Character) -> Bool {
    char == "_" || (char.isASCII && char.isLetter)
  }

  private func isNameTail(_ char: Character) -> Bool {
    char == "-" || (char.isASCII && char.isNumber)
  }

  private func substitute(
    _ name: String,
    typed: String,
    at dollar: Int,
    into text: inout String
  ) throws(SyntaxError) {
    if let value = variables(name) {
      text.append(contentsOf: value)
      return
    }
    let hint = "define it with `let \(name)=...` or pass \(name)=... to run"
    try fail("unknown variable '\(name)'; \(hint)", at: dollar)
    text.append(contentsOf: typed)
  }

  /// Throws in strict mode; in lenient mode returns so the caller can carry on best-effort.
  private func fail(_ message: String, at position: Int) throws(SyntaxError) {
    if !lenient {
      throw SyntaxError(message: message, column: position + 1)
    }
  }
}
