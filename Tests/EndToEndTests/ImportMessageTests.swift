import Foundation
import Testing

/// `import` into a store that already holds documents is refused; the message should say that
/// the store is not empty, not that the folder is not a store.
@Suite("Importing into a store that is not empty")
struct ImportMessageTests {
  @Test("is refused, nothing written, with a message that says the store is not empty")
  func notEmpty() throws {
    let source = try WorkflowTests.seeded()
    let bundle = source.folder.appendingPathComponent("bundle.json")
    try source.succeed("export to=\(bundle.path)")

    let target = try WorkflowTests.seeded()
    let before = try target.snapshot()
    let run = try target.commands("import \(bundle.path)")
    #expect(run.status != 0, run.comment)
    #expect(try target.snapshot() == before)
    #expect(run.stderr.contains("import needs an empty store"), run.comment)
    // The store cannot say it yet: the refusal is StoreError.notAStore in IORStore, which
    // prints "'PATH (import needs an empty store; ...)' is not an ior store (it has no
    // store.json ...)". It needs its own case there (storeNotEmpty), which this change could
    // not make; when it is made, this known issue stops failing and the mark must go.
    withKnownIssue("StoreError.notAStore is reused for a store that is not empty") {
      #expect(!run.stderr.contains("is not an ior store"), run.comment)
      #expect(run.stderr.contains("is not empty"), run.comment)
    }
  }
}
