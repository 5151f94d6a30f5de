import Testing

@testable import IORDomain

/// Verbs and nouns of the shell, in the order a caller would list them.
private let vocabulary = [
  "add", "answer", "set", "open", "close", "status", "echo", "deficiency", "partner", "review",
]

@Suite("Suggestion finds what the user probably meant")
struct SuggestionTests {
  @Test(
    "near misses and prefixes find their word",
    arguments: [
      ("ad", "add"),
      ("deficency", "deficiency"),
      ("defeciency", "deficiency"),
      ("sttaus", "status"),
      ("STATUS", "status"),
      ("Opn", "open"),
      ("def", "deficiency"),
      ("stat", "status"),
      ("partnr", "partner"),
    ])
  func closest(input: String, expected: String) {
    #expect(Suggestion.closest(to: input, in: vocabulary) == expected)
  }

  @Test(
    "nothing reasonably close gives nil",
    arguments: [
      "xyz",
      "",
      "zzzzzzzzzz",
      "deficiencyxxxxxx",
      "qd",
    ])
  func noMatch(input: String) {
    #expect(Suggestion.closest(to: input, in: vocabulary) == nil)
  }

  @Test("no candidates means no suggestion")
  func emptyCandidates() {
    #expect(Suggestion.closest(to: "add", in: []) == nil)
  }

  @Test("the suggestion keeps the candidate's own spelling")
  func keepsCandidateCase() {
    #expect(Suggestion.closest(to: "fpm-titel", in: ["FPM-Title", "fpm"]) == "FPM-Title")
  }

  @Test("the closer candidate wins, and ties go to a prefix match")
  func ranking() {
    #expect(Suggestion.closest(to: "sett", in: ["status", "set", "settle"]) == "set")
    #expect(Suggestion.closest(to: "se", in: ["sa", "set"]) == "set")
    #expect(Suggestion.closest(to: "se", in: ["sa", "sb"]) == "sa")
  }

  @Test("the threshold grows with the input's length")
  func threshold() {
    // Two edits in a six-letter word are allowed; three are not.
    #expect(Suggestion.closest(to: "stuats", in: ["status"]) == "status")
    #expect(Suggestion.closest(to: "sxxtus", in: ["status"]) == "status")
    #expect(Suggestion.closest(to: "sxxxus", in: ["status"]) == nil)
  }

  @Test(
    "edit distance counts a swap of neighbours as one edit",
    arguments: [
      ("", "abc", 3),
      ("abc", "", 3),
      ("abc", "abc", 0),
      ("abc", "acb", 1),
      ("kitten", "sitting", 3),
      // The restricted (optimal string alignment) variant never edits a swapped pair again.
      ("ca", "abc", 3),
      ("José", "Jose", 1),
    ])
  func editDistance(source: String, target: String, expected: Int) {
    #expect(Suggestion.editDistance(Array(source), Array(target)) == expected)
  }

  @Test("didYouMean reads as a clause to append to an error")
  func didYouMean() {
    #expect(Suggestion.didYouMean("ad", in: vocabulary) == "; did you mean 'add'?")
    #expect(Suggestion.didYouMean("xyz", in: vocabulary) == "")
  }
}
