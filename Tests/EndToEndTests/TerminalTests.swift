import Foundation
import Testing

/// The interactive shell at a real pseudo-terminal (prompt, completion, history, Ctrl-C,
/// Ctrl-D), driven by Tests/pty/test_shell.py through python3, one check a test.
@Suite("The interactive shell at a terminal")
struct TerminalTests {
  /// Runs one check of Tests/pty/test_shell.py against the built binary.
  static func check(_ name: String) throws -> Run {
    let ior = try IOR()
    let script = IOR.repositoryRoot.appendingPathComponent("Tests/pty/test_shell.py")
    return try ior.run(
      ["python3", script.path, try IOR.binary().path, name], in: IOR.repositoryRoot,
      program: URL(fileURLWithPath: "/usr/bin/env"), timeout: 90)
  }

  @Test(
    "the terminal shows the prompt, completes, remembers, keeps UTF-8 and asks for values",
    arguments: [
      "prompt_and_command_completion", "id_completion_and_review_prompt", "value_completion",
      "file_and_removable_id_completion", "csv_and_json_at_the_terminal_escape_control_characters",
      "history_across_sessions", "utf8_text_is_stored_exactly", "missing_values_are_asked",
    ])
  func terminal(check name: String) throws {
    let run = try Self.check(name)
    #expect(run.status == 0, run.comment)
    #expect(run.stdout.contains("ok    \(name)"), run.comment)
  }

  @Test(
    "Ctrl-C cancels a half-typed line and the shell runs on; Ctrl-D on an empty line leaves",
    arguments: ["ctrl_c_cancels_the_line", "ctrl_d_leaves"])
  func controlKeys(check name: String) throws {
    let run = try Self.check(name)
    #expect(run.status == 0, run.comment)
    #expect(!run.stdout.contains("Ctrl-C ran the half-typed line"), run.comment)
    #expect(!run.stdout.contains("did not run a command after Ctrl-C"), run.comment)
  }
}
