// libFuzzer target for the command-line tokenizer (compiled with
// Sources/IORShell/Tokenizer.swift alone, see run.sh).
//
// Checks, for every input: splitting never crashes; an error's column lies within the line;
// every word's column lies within the line; running the commands one at a time (as the shell
// does) gives the same words as splitting the line at once; completion's partial scan never
// crashes at any cursor.

/// The libFuzzer entry point.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let line = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let characters = line.count
  let variables: (String) -> String? = { name in
    switch name {
    case "review": "lake-so-2025"
    case "empty": ""
    case "spaced": "a b; c # d"
    default: nil
    }
  }
  do {
    let commands = try Tokenizer.commands(in: line, variables: variables)
    for word in commands.joined() where word.column < 1 || word.column > characters {
      fatalError("word column \(word.column) outside a line of \(characters) characters")
    }
  } catch {
    if error.column < 1 || error.column > characters + 1 {
      fatalError("error column \(error.column) outside a line of \(characters) characters")
    }
    if error.message.isEmpty { fatalError("empty message") }
  }
  var oneAtATime: [[String]]? = []
  do {
    try Tokenizer.eachCommand(in: line, variables: variables) { words in
      oneAtATime?.append(words.map(\.text))
    }
  } catch {
    oneAtATime = nil
  }
  let allAtOnce = (try? Tokenizer.commands(in: line, variables: variables))?.map {
    $0.map(\.text)
  }
  if oneAtATime != allAtOnce { fatalError("eachCommand and commands disagree") }
  let byteCount = line.utf8.count
  for cursor in [-1, 0, byteCount / 2, byteCount, byteCount + 5] {
    let partial = Tokenizer.partial(line, cursor: cursor)
    if partial.currentStart < 0 || partial.currentStart > byteCount {
      fatalError("partial start \(partial.currentStart) outside \(byteCount) bytes")
    }
  }
  return 0
}
