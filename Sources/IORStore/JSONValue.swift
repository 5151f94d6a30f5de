/// A JSON value as the store reads and writes it.
///
/// Integers and fractions are kept apart so that a revision or a count written as `3` comes back
/// as `3`, never as `3.0`. Objects are unordered here; the writer sorts their keys.
public enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// The member `key` of an object, or nil for a missing member or a value that is not an object.
  public subscript(key: String) -> JSONValue? {
    get {
      guard case .object(let members) = self else { return nil }
      return members[key]
    }
    set {
      guard case .object(var members) = self else { return }
      members[key] = newValue
      self = .object(members)
    }
  }

  /// The text of a string value.
  public var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  /// The value of an integer (or of a fraction that is a whole number).
  public var intValue: Int? {
    switch self {
    case .int(let number): return number
    case .double(let number) where number == number.rounded() && abs(number) < 9e15:
      return Int(number)
    default: return nil
    }
  }

  /// The value of a boolean.
  public var boolValue: Bool? {
    if case .bool(let flag) = self { return flag }
    return nil
  }

  /// The elements of an array.
  public var arrayValue: [JSONValue]? {
    if case .array(let elements) = self { return elements }
    return nil
  }

  /// The members of an object.
  public var objectValue: [String: JSONValue]? {
    if case .object(let members) = self { return members }
    return nil
  }

  /// True for `null`.
  public var isNull: Bool {
    if case .null = self { return true }
    return false
  }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByNilLiteral
{
  /// A string value.
  public init(stringLiteral value: String) { self = .string(value) }
  /// An integer value.
  public init(integerLiteral value: Int) { self = .int(value) }
  /// A boolean value.
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  /// `null`.
  public init(nilLiteral: ()) { self = .null }
}

extension JSONValue {
  /// A string value, or `null` for nil.
  public static func optional(_ text: String?) -> JSONValue {
    text.map { .string($0) } ?? .null
  }

  /// An integer value, or `null` for nil.
  public static func optional(_ number: Int?) -> JSONValue {
    number.map { .int($0) } ?? .null
  }
}
