/// An optional that JSON encodes as `null` when empty, instead of leaving its key out as
/// synthesized `Codable` does: the result contract spells `"score": null` for "not assessed".
///
/// ```swift
/// struct Row: Codable { @ExplicitNull var score: Double? }
/// // {"score":null}
/// ```
@propertyWrapper
public struct ExplicitNull<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    /// The optional value.
    public var wrappedValue: Value?

    /// Wraps `wrappedValue`.
    public init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    /// Decodes `null` as an empty value, anything else as a `Value`.
    ///
    /// - Throws: `DecodingError` when a value that is not `null` is not a `Value`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }

    /// Encodes the wrapped value, or `null` when it is nil.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

extension KeyedDecodingContainer {
    /// A missing key decodes as an empty ``ExplicitNull``.
    public func decode<Value>(_ type: ExplicitNull<Value>.Type, forKey key: Key) throws -> ExplicitNull<Value> {
        try decodeIfPresent(type, forKey: key) ?? ExplicitNull(wrappedValue: nil)
    }
}
