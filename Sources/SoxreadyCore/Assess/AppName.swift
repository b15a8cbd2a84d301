/// The rules for an application's name: what a person may type, stored exactly as trimmed.
public enum AppName {
    /// The longest name accepted, in characters.
    public static let maximumLength = 120

    /// The name trimmed of surrounding whitespace, when it is acceptable.
    ///
    /// - Throws: ``AssessFlowError/invalidAppName(_:)`` for an empty name, one longer than
    ///   ``maximumLength``, one with a control character (a NUL, a line break, an escape), a
    ///   bidirectional override, or one that looks like a wizard command (`:quit`, `?`).
    public static func validated(_ text: String) throws(AssessFlowError) -> String {
        let name = text.trimmingWhitespace
        guard !name.isEmpty else { throw .invalidAppName("the application name is empty; expected a name such as General Ledger") }
        if let scalar = name.unicodeScalars.first(where: isForbidden) {
            let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            throw .invalidAppName("the application name holds a control character (\(code)); expected letters, digits, spaces and punctuation on one line")
        }
        guard name.count <= maximumLength else {
            throw .invalidAppName("the application name has \(name.count) characters; expected at most \(maximumLength)")
        }
        guard !name.hasPrefix(":"), name != "?" else {
            throw .invalidAppName("'\(name)' looks like a wizard command, not a name; expected the application's name, such as General Ledger")
        }
        return name
    }

    /// C0 and C1 controls, DEL, and the bidirectional embeddings, overrides and isolates.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
