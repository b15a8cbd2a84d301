/// How application names are compared: exactly first, then ignoring case and runs of spaces
/// (PRODUCT.md §7.4: "General ledger" finds "General Ledger").
public enum AppNameMatching {
    /// The name folded for comparison: trimmed, inner whitespace as one space, lower-cased.
    public static func folded(_ name: String) -> String {
        name.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }
}
