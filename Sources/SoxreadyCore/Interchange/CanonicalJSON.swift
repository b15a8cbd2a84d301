import Foundation

/// A JSON value written in one canonical form: object keys sorted by their UTF-8 bytes, two-space
/// indentation, `"key": value`, no escaped slashes, non-ASCII text as UTF-8, and a final newline.
/// The same value always gives the same bytes, on every platform (Foundation's `JSONEncoder`
/// pretty-prints differently on Linux and macOS).
///
/// The interchange documents need strings, arrays and objects only: every OSCAL value soxready
/// writes is a string (dates, numbers in props and facets, UUIDs).
public enum CanonicalJSON: Sendable, Equatable {
    /// A string.
    case string(String)
    /// An array, in the given order.
    case array([CanonicalJSON])
    /// An object; its keys are written sorted.
    case object([String: CanonicalJSON])

    /// An object from `members`, leaving out every nil value and every empty array (OSCAL
    /// forbids empty lists: a list is given with at least one item or not at all). An empty
    /// object stays (`"include-all": {}`).
    public static func members(_ members: KeyValuePairs<String, CanonicalJSON?>) -> CanonicalJSON {
        var object: [String: CanonicalJSON] = [:]
        for (key, value) in members {
            guard let value else { continue }
            if case .array(let items) = value, items.isEmpty { continue }
            object[key] = value
        }
        return .object(object)
    }

    /// The canonical text, ending with a newline.
    public var text: String {
        var out = ""
        write(to: &out, indent: 0)
        out += "\n"
        return out
    }

    /// The canonical text as UTF-8 bytes.
    public var data: Data { Data(text.utf8) }

    private func write(to out: inout String, indent: Int) {
        switch self {
        case .string(let value):
            Self.quote(value, to: &out)
        case .array(let items):
            guard !items.isEmpty else {
                out += "[]"
                return
            }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                item.write(to: &out, indent: indent + 2)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}"
                return
            }
            out += "{\n"
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (index, key) in keys.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                Self.quote(key, to: &out)
                out += ": "
                // The key comes from `keys`, so the lookup cannot fail.
                members[key]?.write(to: &out, indent: indent + 2)
                out += index == keys.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    /// A JSON string literal (RFC 8259): `"` and `\` escaped, control characters, DEL and the
    /// two line separators U+2028 and U+2029 as `\n`, `\r`, `\t` or `\uXXXX`; the rest as is.
    private static func quote(_ value: String, to out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x00...0x1F, 0x7F, 0x2028, 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
