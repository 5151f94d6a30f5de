import ChildProcess
import Foundation
import Testing

/// The JSON Schemas of docs/schema against what the built `ior` really writes: the sample
/// store's documents and journal, a summary, a due list, an export, and fresh changes.
///
/// The checks live in `Tests/schema/validate.sh`, which runs the validator `check-jsonschema`
/// (installing it with pip when it is missing); this test runs that script on the built binary.
@Suite("The JSON Schemas match what ior writes")
struct SchemaTests {
  @Test("every sample document and JSON output validates, and a wrong document does not")
  func documentsAndOutputsValidate() throws {
    let binary = try IOR.binary()
    let script = IOR.repositoryRoot.appendingPathComponent("Tests/schema/validate.sh")

    // Both streams into one file (through the shell's 2>&1), so no output can block.
    let output = FileManager.default.temporaryDirectory
      .appendingPathComponent("ior-schema-\(UUID().uuidString).out")
    defer { try? FileManager.default.removeItem(at: output) }
    let ended = try ChildProcess.run(
      "/bin/sh", ["-c", "bash \"$1\" \"$2\" 2>&1", "sh", script.path, binary.path],
      directory: IOR.repositoryRoot.path, stdout: .file(output.path))
    let text = String(decoding: try Data(contentsOf: output), as: UTF8.self)

    #expect(ended == .exited(0), "validate.sh ended \(ended):\n\(text)")
    #expect(text.contains("every schema check passed"), "validate.sh said:\n\(text)")
  }
}
