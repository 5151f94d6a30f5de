import IORStore

/// The review domain's operations over one store transaction: everything an NPM does to
/// partners and reviews, with every rule the guidance sets.
///
/// Appropriate for one command (or one atomic script): it reads through the transaction, so
/// what it writes is committed all or nothing by its caller. It knows nothing of terminals.
public final class Workspace {
  /// The transaction every read and write goes through.
  public let transaction: Transaction
  /// The date "today" for warnings and `due`.
  public let today: LocalDate
  /// Warnings raised by the last operations (the caller prints and clears them).
  public var warnings: [String] = []

  /// A workspace over `transaction`.
  public init(transaction: Transaction, today: LocalDate) {
    self.transaction = transaction
    self.today = today
  }

  // MARK: Partners

  /// The partner with `id`.
  /// - Throws: `DomainError.unknownPartner` with the closest id as a suggestion.
  public func partner(_ id: String) throws -> Partner {
    guard DocumentID.problem(with: id) == nil,
      let document = try transaction.read(DocumentKey(Partner.collection, id))
    else {
      throw DomainError.unknownPartner(id, suggestion: try closest(id, in: Partner.collection))
    }
    return try Partner(document: document)
  }

  /// True when a partner with `id` exists.
  public func partnerExists(_ id: String) throws -> Bool {
    guard DocumentID.problem(with: id) == nil else { return false }
    return try transaction.read(DocumentKey(Partner.collection, id)) != nil
  }

  /// Every partner, sorted by id, and the partner files that could not be read.
  public func allPartners() throws -> (partners: [Partner], damaged: [DamagedDocument]) {
    let scan = try transaction.scan(Partner.collection)
    var partners: [Partner] = []
    var damaged = scan.damaged
    for document in scan.documents {
      do {
        partners.append(try Partner(document: document))
      } catch .damaged(let damage) {
        damaged.append(damage)
      } catch {}
    }
    return (partners, damaged)
  }

  /// Saves a partner.
  public func save(_ partner: Partner) throws {
    try transaction.write(partner.key, body: partner.json)
  }

  // MARK: Reviews

  /// The review with `id`.
  /// - Throws: `DomainError.unknownReview` with the closest id as a suggestion.
  public func review(_ id: String) throws -> Review {
    guard DocumentID.problem(with: id) == nil,
      let document = try transaction.read(DocumentKey(Review.collection, id))
    else {
      throw DomainError.unknownReview(id, suggestion: try closest(id, in: Review.collection))
    }
    return try Review(document: document)
  }

  /// Every review, sorted by id, and the review files that could not be read.
  public func allReviews() throws -> (reviews: [Review], damaged: [DamagedDocument]) {
    let scan = try transaction.scan(Review.collection)
    var reviews: [Review] = []
    var damaged = scan.damaged
    for document in scan.documents {
      do {
        reviews.append(try Review(document: document))
      } catch .damaged(let damage) {
        damaged.append(damage)
      } catch {}
    }
    return (reviews, damaged)
  }

  /// The reviews of one partner, oldest inspection first. Review ids start with the partner's
  /// id, so only those files are read.
  public func reviews(of partner: String) throws -> [Review] {
    let ids = try transaction.store.ids(in: Review.collection).filter {
      $0.hasPrefix(partner + "-")
    }
    var reviews: [Review] = []
    for id in ids {
      guard let document = try transaction.read(DocumentKey(Review.collection, id)) else {
        continue
      }
      let review = try Review(document: document)
      if review.partner == partner { reviews.append(review) }
    }
    for key in transaction.changedKeys
    where key.collection == Review.collection && !ids.contains(key.id) {
      if let document = try transaction.read(key), let review = try? Review(document: document),
        review.partner == partner
      {
        reviews.append(review)
      }
    }
    return reviews.sorted { ($0.inspection, $0.id) < ($1.inspection, $1.id) }
  }

  /// Saves a review.
  public func save(_ review: Review) throws {
    try transaction.write(review.key, body: review.json)
  }

  /// Ids in a collection, for completion and suggestions.
  public func ids(in collection: String) throws -> [String] {
    var ids = Set(try transaction.store.ids(in: collection))
    for key in transaction.changedKeys where key.collection == collection {
      if try transaction.read(key) == nil { ids.remove(key.id) } else { ids.insert(key.id) }
    }
    return ids.sorted()
  }

  private func closest(_ id: String, in collection: String) throws -> String? {
    Suggestion.closest(to: id, in: try ids(in: collection))
  }
}
