/// A commitment's owner as written (`:owner NAME`, `owner:` in an answers file), read for the
/// identity fields of the interchange formats: `Dana Lee`, `Dana Lee <dana.lee@contoso.com>` or
/// `dana.lee@contoso.com`.
///
/// Azure DevOps Boards resolves Assigned To only from an e-mail address or user principal name
/// (`Name <email>`), so ``boardsIdentity`` is nil for a bare name (docs/export.md).
struct CommitmentOwner: Sendable, Equatable {
    /// The person's name, whitespace collapsed; the address when only an address was given.
    var name: String
    /// The e-mail address or user principal name, when the text holds one.
    var email: String?

    /// Reads `text`: a trailing `<address>` or a text that is one address gives ``email``.
    init(_ text: String) {
        let collapsed = text.collapsingWhitespace
        if collapsed.hasSuffix(">"), let open = collapsed.lastIndex(of: "<") {
            let address = String(collapsed[collapsed.index(after: open)..<collapsed.index(before: collapsed.endIndex)])
                .trimmingWhitespace
            if Self.isAddress(address) {
                let before = String(collapsed[..<open]).trimmingWhitespace
                name = before.isEmpty ? address : before
                email = address
                return
            }
        }
        name = collapsed
        email = Self.isAddress(collapsed) ? collapsed : nil
    }

    /// `Name <address>`, or the address alone when no other name was given; nil without an address.
    var boardsIdentity: String? {
        guard let email else { return nil }
        return name == email ? email : "\(name) <\(email)>"
    }

    /// The key that identifies the person across runs: trimmed, inner whitespace collapsed, lower
    /// case (as the sign-off compares names).
    var key: String { name.lowercased() }

    /// `local@domain.tld`: one `@`, a non-empty local part, a dotted domain, no space, quote,
    /// comma, semicolon or angle bracket.
    static func isAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else {
            return false
        }
        return !text.unicodeScalars.contains {
            $0.properties.isWhitespace || "<>\"',;()[]\\".unicodeScalars.contains($0) || $0.value < 0x20
        }
    }
}
