import IORDomain
import IORStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Session {
  /// Candidates for the word being typed, by context: command words, then ids from the store
  /// (read afresh, so they follow changes), option names, enum values, file names.
  /// - Parameters:
  ///   - line: the whole line.
  ///   - wordStart: UTF-8 offset where the word being completed starts.
  ///   - cursor: UTF-8 offset of the cursor.
  public func completions(line: String, wordStart: Int, cursor: Int) -> [String] {
    let bytes = Array(line.utf8)
    let start = min(max(0, wordStart), bytes.count)
    let end = min(max(start, cursor), bytes.count)
    let typed = String(decoding: bytes[start..<end], as: UTF8.self)
    let before = String(decoding: bytes[0..<start], as: UTF8.self)
    let candidates = candidates(before: before, typed: typed)
    return candidates.filter { $0.hasPrefix(typed) }.sorted()
  }

  private func candidates(before: String, typed: String) -> [String] {
    let command =
      before.split(separator: ";", omittingEmptySubsequences: false).last.map(String.init) ?? ""
    let optionKey = Self.optionKey(endingAt: command)
    let words = command.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    if words.isEmpty { return CommandTable.verbs }
    let verb = words[0].lowercased()
    let specs = CommandTable.all.filter { $0.words[0] == verb }
    if words.count == 1 && optionKey == nil && specs.contains(where: { $0.words.count == 2 }) {
      return specs.compactMap { $0.words.count == 2 ? $0.words[1] : nil }
    }
    guard let (spec, used) = try? CommandTable.resolve(words) else { return [] }
    if let optionKey {
      guard let option = spec.options.first(where: { $0.name == optionKey }) else { return [] }
      return values(of: option.kind, typed: typed)
    }
    let given = words.dropFirst(used)
    let positionals = given.filter { !$0.contains("=") }
    var result: [String] = []
    if spec.words == ["remove"], positionals.count == 1 {
      result += removableIDs(of: positionals[0].lowercased())
    } else if positionals.count < spec.positionals.count {
      result += values(of: spec.positionals[positionals.count].kind, typed: typed)
    }
    for option in spec.options {
      if case .fields(let names) = option.kind {
        result += names.map { $0 + "=" }
      } else if !given.contains(where: { $0.hasPrefix(option.name + "=") }) {
        result.append(option.name + "=")
      }
    }
    return result
  }

  /// The option whose value is being typed (`type=pro` -> `type`), if any.
  private static func optionKey(endingAt text: String) -> String? {
    guard text.last == "=" else { return nil }
    let key = text.dropLast().reversed().prefix { $0.isLetter || $0.isNumber || $0 == "-" }
    return key.isEmpty ? nil : String(key.reversed())
  }

  private func values(of kind: ValueKind, typed: String) -> [String] {
    let ids = { (collection: String) in (try? self.store.ids(in: collection)) ?? [] }
    switch kind {
    case .partnerID: return ids(Partner.collection)
    case .reviewID: return ids(Review.collection)
    case .findingID: return openReviewValue { $0.findings.map(\.id) }
    case .deficiencyID: return openReviewValue { $0.deficiencies.map(\.id) }
    case .actionID: return openReviewValue { $0.actions.map(\.id) }
    case .officerID:
      guard let id = openPartner, let partner = try? workspace.partner(id) else { return [] }
      return partner.officers.map(\.id)
    case .questionID: return QuestionBank.all.map(\.id)
    case .choice(let values): return values
    case .checkName: return Checklist.names
    case .file: return FileCompletion.candidates(for: typed, in: options.workingDirectory)
    default: return []
    }
  }

  /// The ids `remove KIND` can take: the open review's findings or actions, the open
  /// partner's records, or the reviews.
  private func removableIDs(of kind: String) -> [String] {
    let partner = { () -> Partner? in self.openPartner.flatMap { try? self.workspace.partner($0) } }
    switch kind {
    case "finding": return values(of: .findingID, typed: "")
    case "action": return values(of: .actionID, typed: "")
    case "officer": return values(of: .officerID, typed: "")
    case "review": return values(of: .reviewID, typed: "")
    case "visit": return partner()?.visits.map(\.id) ?? []
    case "meeting": return partner()?.meetings.map(\.id) ?? []
    case "complaint": return partner()?.complaints.map(\.reference) ?? []
    default: return []
    }
  }

  private func openReviewValue(_ pick: (Review) -> [String]) -> [String] {
    guard let id = openReview,
      let review = try? Transaction(store: store).read(DocumentKey(Review.collection, id))
        .flatMap({ try Review(document: $0) })
    else { return [] }
    return pick(review)
  }
}
