import Foundation
import Testing

/// Two writers and two readers on one store at once, through the real `ior`, bounded in time:
/// no acknowledged write is lost, readers only ever see whole commits, and the store verifies
/// clean at the end. The work is done by Fuzz/soak.sh; the suite runs its short form
/// (`SOAK_SECONDS`, default 6 here), and `SOAK_SECONDS=60 Fuzz/soak.sh` is the full run.
@Suite("Soak: two writers and two readers on one store")
struct SoakTests {
  @Test("no lost update, no damaged document, readers see only committed states")
  func soak() throws {
    let ior = try IOR()
    let seconds = ProcessInfo.processInfo.environment["SOAK_SECONDS"] ?? "6"
    let script = IOR.repositoryRoot.appendingPathComponent("Fuzz/soak.sh").path
    let run = try ior.run(
      ["bash", script, try IOR.binary().path],
      environment: ["SOAK_SECONDS": seconds], program: URL(fileURLWithPath: "/usr/bin/env"),
      timeout: (Double(seconds) ?? 6) + 60)
    #expect(run.status == 0, run.comment)
    #expect(run.stdout.contains("all acknowledged writes present"), run.comment)

    // The run did real work: both writers committed, the readers read.
    let summary = run.stdout.split(separator: "\n").first { $0.hasPrefix("soak: ") } ?? ""
    let numbers = summary.split(separator: " ").compactMap { Int($0) }
    try #require(numbers.count >= 4, "\(summary)")
    #expect(numbers[1] >= 10, "too few acknowledged writes: \(summary)")
    #expect(numbers[3] >= 4, "too few reads: \(summary)")
  }
}
