/// What one call to `LineEditor.read(prompt:)` produced.
public enum LineInput: Equatable, Sendable {
  /// The user pressed Return; the text without the trailing newline.
  case line(String)
  /// The user pressed Ctrl-C while typing; the half-typed line is discarded.
  case interrupted
  /// Ctrl-D on an empty line, or the input was closed.
  case endOfInput
}
