/// A band of a `number` question: values in `min`...`max` score `score`.
public struct Band: Sendable, Hashable {
    /// Lower bound, inclusive.
    public var min: Double
    /// Upper bound, inclusive; nil for unbounded.
    public var max: Double?
    /// Score 0...1.
    public var score: Double

    /// True when `value` lies in `min`...`max`.
    public func contains(_ value: Double) -> Bool {
        value >= min && (max.map { value <= $0 } ?? true)
    }
}
