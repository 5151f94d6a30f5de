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

    // One pipe for both streams, read to its end before waiting, so no output can block.
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["bash", script.path, binary.path]
    process.currentDirectoryURL = IOR.repositoryRoot
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(
      decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()

    #expect(
      process.terminationStatus == 0,
      "validate.sh exited \(process.terminationStatus):\n\(text)")
    #expect(text.contains("every schema check passed"), "validate.sh said:\n\(text)")
  }
}
