import Foundation
import Mustache

/// Mustache content type for HTML, used through `{{% CONTENT_TYPE: HTML}}`: the same five
/// entities as swift-mustache's own escaper, with a fast path for text that needs none.
struct HTMLEscapingContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { text.htmlEscaped }
}

extension String {
    /// The text made safe as HTML text: `<`, `>`, `&`, `"` and `'` as entities; a line break
    /// as `<br>` (a note of several lines keeps its lines); control characters (ESC, BEL, DEL,
    /// C1) and bidirectional overrides as visible `\u{…}` escapes, so that no text can drive a
    /// terminal that shows the file or reorder what a reader sees.
    public var htmlEscaped: String {
        guard
            utf8.contains(where: {
                $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 || $0 < 0x20 || $0 == 0x7F
                    || $0 == 0xC2 || $0 == 0xE2
            })
        else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        var previousWasCR = false
        for scalar in unicodeScalars {
            let value = scalar.value
            defer { previousWasCR = value == 0x0D }
            switch value {
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x26: out += Array("&amp;".utf8)
            case 0x22: out += Array("&quot;".utf8)
            case 0x27: out += Array("&#39;".utf8)
            case 0x0A:
                if !previousWasCR { out += Array("<br>".utf8) }
            case 0x0D: out += Array("<br>".utf8)
            case 0x09: out.append(0x09)
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                out += Array("\\u{\(String(value, radix: 16))}".utf8)
            default: out += Array(String(scalar).utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
