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
      let partner = try transaction.decoded(
        DocumentKey(Partner.collection, id), { try Partner(document: $0) })
    else {
      throw DomainError.unknownPartner(id, suggestion: try closest(id, in: Partner.collection))
    }
    return partner
  }

  /// True when a partner with `id` exists.
  public func partnerExists(_ id: String) throws -> Bool {
    guard DocumentID.problem(with: id) == nil else { return false }
    return try transaction.read(DocumentKey(Partner.collection, id)) != nil
  }

  /// Every partner, sorted by id, and the partner files that could not be read.
  public func allPartners() throws -> (partners: [Partner], damaged: [DamagedDocument]) {
    var partners: [Partner] = []
    let damaged = try forEachPartner { partners.append($0) }
    return (partners.sorted { $0.id < $1.id }, damaged)
  }

  /// Hands every partner to `visit` one at a time without keeping them (appropriate for work
  /// over the whole store that needs little of each partner).
  /// - Returns: the partner files that could not be read.
  public func forEachPartner(_ visit: (Partner) -> Void) throws -> [DamagedDocument] {
    var damaged: [DamagedDocument] = []
    // Decoded on the store's reading threads; handed over here in id order.
    let decode: @Sendable (Document) -> Result<Partner, DomainError> = { document in
      Result { () throws(DomainError) in try Partner(document: document) }
    }
    damaged += try transaction.forEachDocument(in: Partner.collection, prepare: decode) { decoded in
      switch decoded {
      case .success(let item): visit(item)
      case .failure(.damaged(let damage)): damaged.append(damage)
      case .failure: break
      }
    }
    return damaged
  }

  /// Saves a partner.
  public func save(_ partner: Partner) throws {
    try transaction.write(partner.key, decoded: partner, encode: \.json)
  }

  // MARK: Reviews

  /// The review with `id`.
  /// - Throws: `DomainError.unknownReview` with the closest id as a suggestion.
  public func review(_ id: String) throws -> Review {
    guard DocumentID.problem(with: id) == nil,
      let review = try transaction.decoded(
        DocumentKey(Review.collection, id), { try Review(document: $0) })
    else {
      throw DomainError.unknownReview(id, suggestion: try closest(id, in: Review.collection))
    }
    return review
  }

  /// Every review, sorted by id, and the review files that could not be read.
  public func allReviews() throws -> (reviews: [Review], damaged: [DamagedDocument]) {
    var reviews: [Review] = []
    let damaged = try forEachReview { reviews.append($0) }
    return (reviews.sorted { $0.id < $1.id }, damaged)
  }

  /// Hands every review to `visit` one at a time without keeping them.
  /// - Returns: the review files that could not be read.
  public func forEachReview(_ visit: (Review) -> Void) throws -> [DamagedDocument] {
    var damaged: [DamagedDocument] = []
    // Decoded on the store's reading threads; handed over here in id order.
    let decode: @Sendable (Document) -> Result<Review, DomainError> = { document in
      Result { () throws(DomainError) in try Review(document: document) }
    }
    damaged += try transaction.forEachDocument(in: Review.collection, prepare: decode) { decoded in
      switch decoded {
      case .success(let item): visit(item)
      case .failure(.damaged(let damage)): damaged.append(damage)
      case .failure: break
      }
    }
    return damaged
  }

  /// The reviews of one partner, oldest inspection first. Review ids start with the partner's
  /// id, so only those files are read.
  public func reviews(of partner: String) throws -> [Review] {
    var reviews: [Review] = []
    for id in try transaction.ids(in: Review.collection, prefix: partner + "-") {
      let key = DocumentKey(Review.collection, id)
      guard let review = try transaction.decoded(key, { try Review(document: $0) }) else {
        continue
      }
      if review.partner == partner { reviews.append(review) }
    }
    return reviews.sorted { ($0.inspection, $0.id) < ($1.inspection, $1.id) }
  }

  /// Saves a review.
  public func save(_ review: Review) throws {
    try transaction.write(review.key, decoded: review, encode: \.json)
  }

  /// Ids in a collection, for completion and suggestions.
  public func ids(in collection: String) throws -> [String] {
    try transaction.ids(in: collection)
  }

  private func closest(_ id: String, in collection: String) throws -> String? {
    Suggestion.closest(to: id, in: try ids(in: collection))
  }
}
