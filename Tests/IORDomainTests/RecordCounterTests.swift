import IORStore
import Testing

@testable import IORDomain

/// The counters behind record ids (`lastNumbers`): checked when a document is read, and never
/// counted past their limit.
@Suite("Record counters")
struct RecordCounterTests {
  static func review(lastNumbers: JSONValue) -> Document {
    Document(
      key: DocumentKey("reviews", "lake-so-2025"), revision: 1,
      body: .object([
        "id": "lake-so-2025", "revision": 1, "schemaVersion": 1, "partner": "lake-so",
        "type": "program", "inspection": "2025-05-12", "lastNumbers": lastNumbers,
      ]))
  }

  static func partner(lastNumbers: JSONValue) -> Document {
    Document(
      key: DocumentKey("partners", "lake-so"), revision: 1,
      body: .object([
        "id": "lake-so", "revision": 1, "schemaVersion": 1, "name": "Lake",
        "lastNumbers": lastNumbers,
      ]))
  }

  @Test(
    "a counter that is not a whole number from 0 to the limit is damage naming the member",
    arguments: [
      JSONValue.int(.max), .int(-1), .int(1_000_000), .double(2.5), .string("3"), .null,
    ])
  func badCounterIsDamage(value: JSONValue) {
    let counters: JSONValue = .object(["D": value])
    let review = Self.review(lastNumbers: counters)
    let partner = Self.partner(lastNumbers: counters)
    #expect(throws: Self.damage(review.key.path, value)) { try Review(document: review) }
    #expect(throws: Self.damage(partner.key.path, value)) { try Partner(document: partner) }
  }

  /// The damage report a bad counter `D` of `value` gets.
  static func damage(_ path: String, _ value: JSONValue) -> DomainError {
    .damaged(
      DamagedDocument(
        path: path,
        reason: "member \"lastNumbers\".\"D\" is not a whole number from 0 to 999999; it has "
          + JSONWriter.compact(value)))
  }

  @Test("counters within the limit are read as they are")
  func goodCounters() throws {
    let counters: JSONValue = .object(["D": 3, "C": 0, "A": .int(RecordCounter.maximum)])
    let review = try Review(document: Self.review(lastNumbers: counters))
    #expect(review.lastNumbers == ["D": 3, "C": 0, "A": RecordCounter.maximum])
    let partner = try Partner(document: Self.partner(lastNumbers: .object(["O": 7])))
    #expect(partner.lastNumbers == ["O": 7])
  }

  @Test("the next id counts on, and stops with a clear error at the limit instead of a trap")
  func nextIDStopsAtLimit() throws {
    var review = Review(
      id: "lake-so-2025", partner: "lake-so", kind: .program, inspection: ymd("2025-05-12"))
    #expect(try review.nextID("D") == "D1")
    review.lastNumbers["D"] = RecordCounter.maximum - 1
    #expect(try review.nextID("D") == "D\(RecordCounter.maximum)")
    #expect(
      throws: DomainError.recordNumbersExhausted(
        prefix: "D", owner: "review 'lake-so-2025'", maximum: RecordCounter.maximum)
    ) {
      try review.nextID("D")
    }
    var partner = Partner(id: "lake-so", name: "Lake")
    partner.lastNumbers["O"] = RecordCounter.maximum
    #expect(throws: DomainError.self) { try partner.nextID("O") }
    #expect(partner.lastNumbers["O"] == RecordCounter.maximum)
  }
}
