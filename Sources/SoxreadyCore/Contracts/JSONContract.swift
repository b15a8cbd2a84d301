import Foundation

/// The JSON documents soxready prints (`soxready/result@N`, `diff@1` and `diff@2`, `apps@1`, `history@1`) are
/// pretty-printed with sorted keys and no escaped slashes, and end with a newline, so that the
/// same data always gives the same bytes.
enum JSONContract {
    /// Encodes `value` the way every contract is written.
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}
