/// The identifier rule of questionnaires and answers files: `[a-z0-9]+(-[a-z0-9]+)*`, lower-case
/// letters and digits joined by single hyphens (`uar-frequency`, `2fa`).
public enum Identifier {
    /// True when `text` is a valid id.
    public static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            first != "-", last != "-", !text.contains("--")
        else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// A slug for file names from free text: lower-case ASCII letters and digits joined by `-`
    /// (`General Ledger (EMEA)` → `general-ledger-emea`); `app` when nothing is left.
    public static func slug(_ text: String) -> String {
        var parts: [String] = []
        var current = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                parts.append(current)
                current = ""
            }
        }
        if !current.isEmpty { parts.append(current) }
        let slug = parts.joined(separator: "-")
        return slug.isEmpty ? "app" : String(slug.prefix(64))
    }
}
