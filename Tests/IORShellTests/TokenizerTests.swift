import Testing

@testable import IORShell

/// Variables every test line can use; anything else is unknown.
private let knownVariables = [
  "review": "rev-2025",
  "partner": "Harbor County",
  "_under": "u",
  "long-name": "dashed",
  "empty": "",
]

private func lookup(_ name: String) -> String? {
  knownVariables[name]
}

/// The texts of each command, which is what most tests care about.
private func texts(_ line: String) throws -> [[String]] {
  try Tokenizer.commands(in: line, variables: lookup).map { $0.map(\.text) }
}

/// The single word a line is expected to produce.
private func onlyWord(_ line: String) throws -> Word {
  let commands = try Tokenizer.commands(in: line, variables: lookup)
  try #require(commands.count == 1 && commands[0].count == 1)
  return commands[0][0]
}

/// The error a line is expected to raise.
private func syntaxError(_ line: String) -> SyntaxError? {
  do throws(SyntaxError) {
    _ = try Tokenizer.commands(in: line, variables: lookup)
    return nil
  } catch {
    return error
  }
}

@Suite("Tokenizer splits lines into words")
struct TokenizerWordTests {
  @Test("a verb, a noun and values read like a sentence")
  func sentence() throws {
    #expect(try texts("open review   now\tplease") == [["open", "review", "now", "please"]])
  }

  @Test("blank and whitespace-only lines give no commands")
  func blankLines() throws {
    #expect(try texts("").isEmpty)
    #expect(try texts("  \t ").isEmpty)
  }

  @Test(
    "columns are 1-based and count Characters",
    arguments: [
      ("add deficiency x", [1, 5, 16]),
      ("  echo  hi", [3, 9]),
      ("say \"José Peñasco\" ok", [1, 5, 20]),
      ("🇺🇸 x", [1, 3]),
    ])
  func columns(line: String, expected: [Int]) throws {
    let words = try Tokenizer.commands(in: line, variables: lookup)
    #expect(words.first?.map(\.column) == expected)
  }

  @Test(
    "double and single quotes group text",
    arguments: [
      ("add deficiency \"Warrant served without review\"", "Warrant served without review"),
      ("answer wso-3 'Supervisor reviews each I-200.'", "Supervisor reviews each I-200."),
      ("x \"it's\"", "it's"),
      ("x 'say \"hi\"'", "say \"hi\""),
      ("x ab\"c d\"'e f'g", "abc de fg"),
    ])
  func quoting(line: String, expected: String) throws {
    let commands = try Tokenizer.commands(in: line, variables: lookup)
    let last = try #require(commands.first?.last)
    #expect(last.text == expected)
    #expect(last.wasQuoted)
  }

  @Test("an empty quoted string is still a word")
  func emptyQuoted() throws {
    #expect(try texts("set reason \"\" ''") == [["set", "reason", "", ""]])
  }

  @Test("unquoted words report that they were not quoted")
  func notQuoted() throws {
    #expect(try onlyWord("plain").wasQuoted == false)
    #expect(try onlyWord("\\ spaced").wasQuoted == false)
  }

  @Test(
    "escapes inside double quotes",
    arguments: [
      (#""a\"b""#, "a\"b"),
      (#""a\\b""#, "a\\b"),
      (#""cost \$5""#, "cost $5"),
      (#""one\ntwo""#, "one\ntwo"),
      (#""tab\there""#, "tab\there"),
      (#""C:\dir""#, "C:\\dir"),
    ])
  func doubleQuoteEscapes(line: String, expected: String) throws {
    #expect(try onlyWord(line).text == expected)
  }

  @Test("single quotes keep everything literal")
  func singleQuotesLiteral() throws {
    #expect(try onlyWord(#"'a\nb $review ${x} \'"#).text == #"a\nb $review ${x} \"#)
  }

  @Test(
    "a backslash outside quotes escapes the next character",
    arguments: [
      (#"a\ b"#, "a b"),
      (##"\#tag"##, "#tag"),
      (#"a\;b"#, "a;b"),
      (#"\$review"#, "$review"),
      (#"\"x"#, "\"x"),
      (#"\n"#, "n"),
    ])
  func bareEscapes(line: String, expected: String) throws {
    #expect(try onlyWord(line).text == expected)
  }
}

@Suite("Tokenizer handles comments and separators")
struct TokenizerStructureTests {
  @Test("a # starting a word comments out the rest of the line")
  func comments() throws {
    #expect(
      try texts("open review $review ; status   # a comment") == [
        ["open", "review", "rev-2025"], ["status"],
      ])
    #expect(try texts("# only a comment").isEmpty)
    #expect(try texts("status;# after a separator") == [["status"]])
  }

  @Test("a # inside a word or in quotes is literal")
  func hashNotComment() throws {
    #expect(try texts("cite item#4 \"# not\" '#'") == [["cite", "item#4", "# not", "#"]])
  }

  @Test("; separates commands and empty commands are dropped")
  func separators() throws {
    #expect(try texts("status;open x ; ; close;;") == [["status"], ["open", "x"], ["close"]])
    #expect(try texts(" ; ;").isEmpty)
  }

  @Test("; inside quotes does not separate")
  func quotedSeparator() throws {
    #expect(try texts("echo \"a;b\" 'c;d'") == [["echo", "a;b", "c;d"]])
  }
}

@Suite("Tokenizer substitutes variables")
struct TokenizerVariableTests {
  @Test(
    "both forms substitute, bare and quoted",
    arguments: [
      ("$review", "rev-2025"),
      ("${review}", "rev-2025"),
      ("\"Partner: ${partner}-2025\"", "Partner: Harbor County-2025"),
      ("\"$partner!\"", "Harbor County!"),
      ("id-$review", "id-rev-2025"),
      ("$_under", "u"),
      ("$long-name", "dashed"),
      ("${long-name}x", "dashedx"),
      ("$5", "$5"),
      ("cost=$", "cost=$"),
      ("\"$ alone\"", "$ alone"),
    ])
  func substitution(line: String, expected: String) throws {
    #expect(try onlyWord(line).text == expected)
  }

  @Test("a substituted value with spaces stays one word")
  func noResplitting() throws {
    #expect(try texts("echo $partner") == [["echo", "Harbor County"]])
  }

  @Test("a variable holding an empty string gives an empty word, not an error")
  func emptyVariable() throws {
    #expect(try texts("echo $empty x") == [["echo", "", "x"]])
  }

  @Test(
    "an unknown variable is an error at the column of its $",
    arguments: [
      ("open review $reviw", 13, "reviw"),
      ("echo \"x ${nope} y\"", 9, "nope"),
      ("ok; echo é$missing", 11, "missing"),
    ])
  func unknownVariable(line: String, column: Int, name: String) throws {
    let error = try #require(syntaxError(line))
    #expect(error.column == column)
    #expect(error.message.hasPrefix("unknown variable '\(name)'"))
    #expect(error.message.contains("let \(name)=..."))
  }

  @Test("the unknown variable message is exactly as documented")
  func unknownVariableMessage() {
    let expected =
      "unknown variable 'review'; define it with `let review=...` "
      + "or pass review=... to run"
    #expect(
      syntaxErrorWithoutVariables("open $review")
        == SyntaxError(
          message: expected, column: 6))
  }

  @Test(
    "a bad ${ is an error at its $",
    arguments: [
      ("echo ${review", 6, "unterminated '${'"),
      ("echo \"${review\"", 7, "unterminated '${'"),
      ("echo ${}", 6, "bad variable name"),
      ("echo ${5x}", 6, "bad variable name"),
      ("echo ${a b}", 6, "bad variable name"),
    ])
  func badBrace(line: String, column: Int, fragment: String) throws {
    let error = try #require(syntaxError(line))
    #expect(error.column == column)
    #expect(error.message.contains(fragment))
  }

  private func syntaxErrorWithoutVariables(_ line: String) -> SyntaxError? {
    do throws(SyntaxError) {
      _ = try Tokenizer.commands(in: line, variables: { _ in nil })
      return nil
    } catch {
      return error
    }
  }
}

@Suite("Tokenizer reports malformed lines")
struct TokenizerErrorTests {
  @Test(
    "an unterminated quote is reported at the opening quote",
    arguments: [
      ("add deficiency \"Warrant served", 16, "unterminated double quote"),
      ("answer x 'open", 10, "unterminated single quote"),
      ("say \"José \\\"", 5, "unterminated double quote"),
      ("a 'b' \"c\" d\"e", 12, "unterminated double quote"),
    ])
  func unterminatedQuote(line: String, column: Int, message: String) throws {
    #expect(syntaxError(line) == SyntaxError(message: message, column: column))
  }

  @Test("a lone backslash at the end of a line is an error at the backslash")
  func trailingBackslash() throws {
    let error = try #require(syntaxError("echo abc\\"))
    #expect(error.column == 9)
    #expect(error.message.contains("backslash"))
  }

  @Test("errors in a later command still stop the whole line")
  func laterCommandError() {
    #expect(syntaxError("status; echo 'x")?.column == 14)
  }
}

@Suite("Tokenizer recognises key=value options")
struct TokenizerOptionTests {
  @Test(
    "options split into key and value",
    arguments: [
      ("cite=\"MOA Article V\"", "cite", "MOA Article V", true),
      ("moa-signed=2019-05-01", "moa-signed", "2019-05-01", false),
      ("reason=", "reason", "", false),
      ("expr=a=b", "expr", "a=b", false),
      ("fpm-title='Field Program Manager'", "fpm-title", "Field Program Manager", true),
      ("where=$review", "where", "rev-2025", false),
      ("k2=\"${partner}\"", "k2", "Harbor County", true),
    ])
  func options(line: String, key: String, value: String, quoted: Bool) throws {
    let word = try onlyWord(line)
    #expect(word.optionKey == key)
    #expect(word.optionValue == value)
    #expect(word.text == key + "=" + value)
    #expect(word.wasQuoted == quoted)
  }

  @Test(
    "words that only look like options are plain values",
    arguments: [
      "\"a=b\"",
      "'a=b'",
      "=value",
      "Cite=x",
      "2x=y",
      "-k=v",
      "a\\=b",
      "a\"=\"b",
      "plain",
    ])
  func notOptions(line: String) throws {
    let word = try onlyWord(line)
    #expect(word.optionKey == nil)
    #expect(word.optionValue == nil)
  }

  @Test("options mix with values in one command")
  func mixed() throws {
    let line =
      "set partner fpm=\"A. Rivera\" fpm-title=\"Field Program Manager\" "
      + "moa-signed=2019-05-01"
    let words = try #require(try Tokenizer.commands(in: line, variables: lookup).first)
    #expect(words.map(\.optionKey) == [nil, nil, "fpm", "fpm-title", "moa-signed"])
    #expect(
      words.map(\.optionValue) == [
        nil, nil, "A. Rivera", "Field Program Manager", "2019-05-01",
      ])
    #expect(words.map(\.column) == [1, 5, 13, 29, 63])
  }
}

@Suite("Tokenizer keeps Unicode intact")
struct TokenizerUnicodeTests {
  @Test(
    "text round-trips exactly",
    arguments: [
      "José Peñasco",
      "Zoë 🇺🇸 家族 e\u{301}",
      "naïve — “curly” quotes",
    ])
  func roundTrip(text: String) throws {
    #expect(try onlyWord("\"\(text)\"").text == text)
    #expect(try onlyWord("'\(text)'").text == text)
  }

  @Test("unquoted Unicode words split on spaces only")
  func unquotedUnicode() throws {
    #expect(try texts("add Peñasco 家族") == [["add", "Peñasco", "家族"]])
  }
}

@Suite("Tokenizer.partial reads the line up to the cursor")
struct TokenizerPartialTests {
  private func partial(_ line: String, _ cursor: Int? = nil) -> ([String], String, Int) {
    let result = Tokenizer.partial(line, cursor: cursor ?? line.utf8.count)
    return (result.words, result.current, result.currentStart)
  }

  @Test(
    "the word under the cursor is current",
    arguments: [
      ("add defi", nil as Int?, ["add"], "defi", 4),
      ("add ", nil, ["add"], "", 4),
      ("", nil, [], "", 0),
      ("ad", nil, [], "ad", 0),
      ("add deficiency x", 6, ["add"], "de", 4),
      ("add deficiency x", 3, [], "add", 0),
      ("add deficiency x", 4, ["add"], "", 4),
      ("add deficiency x", 0, [], "", 0),
      ("add deficiency x", 999, ["add", "deficiency"], "x", 15),
    ])
  func cursorPositions(
    line: String, cursor: Int?, words: [String], current: String, start: Int
  ) {
    let result = partial(line, cursor)
    #expect(result.0 == words)
    #expect(result.1 == current)
    #expect(result.2 == start)
  }

  @Test("an open quote is tolerated and unquoted")
  func openQuote() {
    let result = partial("add deficiency \"Warrant ser")
    #expect(result.0 == ["add", "deficiency"])
    #expect(result.1 == "Warrant ser")
    #expect(result.2 == 15)
  }

  @Test("unknown variables are left as typed")
  func variablesLeftAsTyped() {
    let result = partial("open $review ${par")
    #expect(result.0 == ["open", "$review"])
    #expect(result.1 == "${par")
  }

  @Test("only the command containing the cursor counts")
  func afterSeparator() {
    #expect(partial("status; open re").0 == ["open"])
    #expect(partial("status; open re").1 == "re")
    #expect(partial("status;").0.isEmpty)
    #expect(partial("status;").2 == 7)
  }

  @Test("a cursor inside a comment completes nothing")
  func insideComment() {
    let result = partial("open x # note")
    #expect(result.0 == ["open", "x"])
    #expect(result.1 == "")
    #expect(result.2 == 13)
  }

  @Test("options and escapes come back processed")
  func processed() {
    #expect(partial("set cite=\"MOA Art").1 == "cite=MOA Art")
    #expect(partial("echo a\\ b").1 == "a b")
    #expect(partial("echo abc\\").1 == "abc")
  }

  @Test("offsets are UTF-8 bytes, and a cursor mid-character is rounded down")
  func utf8Offsets() {
    let line = "add José Pe"
    let result = partial(line)
    #expect(result.0 == ["add", "José"])
    #expect(result.1 == "Pe")
    #expect(result.2 == 10)
    // "é" is two bytes (offsets 7 and 8); 8 falls inside it.
    let middle = partial(line, 8)
    #expect(middle.1 == "Jos")
    #expect(middle.2 == 4)
  }
}

@Suite("Tokenizer on large input")
struct TokenizerLargeInputTests {
  // Speed is measured in the benchmark (bench/), never in a timed unit test; these check that
  // large input is tokenized completely and correctly.
  @Test("10,000 typical lines each give every word")
  func manyLines() throws {
    let line =
      "set partner fpm=\"A. Rivera\" fpm-title='Field Program Manager' "
      + "note=\"Partner: ${partner}-2025\" id=$review # trailing comment"
    var total = 0
    for _ in 0..<10_000 {
      total += try Tokenizer.commands(in: line, variables: lookup)[0].count
    }
    #expect(total == 60_000)
  }

  @Test("a very long line gives all of its words")
  func longLine() throws {
    let line = String(repeating: "word \"quoted text\" ", count: 20_000)
    let words = try Tokenizer.commands(in: line, variables: lookup)[0]
    #expect(words.count == 40_000)
    #expect(words.last?.text == "quoted text")
  }
}

@Suite("Commands one at a time")
struct EachCommandTests {
  /// Runs `line` through `eachCommand`, where `let NAME=VALUE` sets a variable at once.
  private func run(_ line: String) throws -> [[String]] {
    var variables: [String: String] = [:]
    var seen: [[String]] = []
    let box = VariableBox()
    try Tokenizer.eachCommand(in: line, variables: { box.values[$0] }) { words in
      seen.append(words.map(\.text))
      if words.first?.text == "let", let key = words.last?.optionKey {
        variables[key] = words.last?.optionValue
        box.values = variables
      }
    }
    return seen
  }

  @Test("a command sees the variable the command before it on the line set")
  func letThenUse() throws {
    #expect(try run("let a=1; echo $a ${a}x") == [["let", "a=1"], ["echo", "1", "1x"]])
  }

  @Test("empty commands and comments give nothing; a trailing ';' adds nothing")
  func emptyCommands() throws {
    #expect(try run(";; echo a ;  # echo b") == [["echo", "a"]])
    #expect(try run("echo a;") == [["echo", "a"]])
    #expect(try run("   ") == [])
  }

  @Test("a syntax error anywhere on the line runs no command")
  func syntaxFirst() {
    var ran = false
    #expect(throws: SyntaxError.self) {
      try Tokenizer.eachCommand(in: "echo a; echo 'open", variables: { _ in nil }) { _ in
        ran = true
      }
    }
    #expect(!ran)
  }

  @Test("an unknown variable stops the line at its command, after the ones before it ran")
  func unknownVariable() {
    var ran: [String] = []
    #expect(throws: SyntaxError.self) {
      try Tokenizer.eachCommand(in: "echo a; echo $nope; echo c", variables: { _ in nil }) {
        ran.append($0.map(\.text).joined(separator: " "))
      }
    }
    #expect(ran == ["echo a"])
  }
}

/// Variables the `eachCommand` tests change as commands run.
private final class VariableBox: @unchecked Sendable {
  var values: [String: String] = [:]
}

@Suite("The editor's exit, in words")
struct EditorOutcomeTests {
  @Test(
    "a wait status reads as an exit status, a missing editor or a signal",
    arguments: [
      (Int32(1 << 8), "exited with status 1"), (Int32(127 << 8), "was not found (exit status 127)"),
      (Int32(9), "was stopped by signal 9"),
    ])
  func outcome(status: Int32, words: String) {
    #expect(Editor.outcome(ofWaitStatus: status) == words)
  }
}
