import Foundation

/// The stable UUIDs of a run's OSCAL documents (docs/export.md, "UUIDs"):
///
/// - run-scoped elements: `v5(runNamespace, "<kind>:<key>")`, where `runNamespace =
///   v5(NameBasedUUID.soxready, <run fingerprint in lower-case hex>)`, with kinds
///   `document:assessment-results`, `document:poam`, `result`, `observation:<qid>`,
///   `finding:<qid>`, `risk:<qid>`, `remediation:<qid>`, `task:<qid>`, `poam-item:<qid>`,
///   `resource:questionnaire`, `resource:evidence:<qid>`, `party:preparer-not-recorded`;
/// - people and the application, the same in every run so that a GRC tool sees the same party and
///   system each time: `v5(NameBasedUUID.soxready, "party:person:<name key>")` and
///   `v5(NameBasedUUID.soxready, "application:<name key>")`, the key being the name trimmed,
///   whitespace collapsed and in lower case.
///
/// A new run has a new fingerprint, so its documents get new element UUIDs, as OSCAL expects of
/// changed content; the same run always gets the same ones, so an import is idempotent.
struct OSCALIdentifiers: Sendable {
    /// The run's namespace.
    var runNamespace: UUID

    /// The identifiers of the run with `fingerprint` (hex SHA-256).
    init(fingerprint: String) {
        runNamespace = NameBasedUUID.v5(namespace: NameBasedUUID.soxready, name: fingerprint.lowercased())
    }

    /// The UUID of a run-scoped element named `"<kind>:<key>"`.
    func element(_ name: String) -> String { NameBasedUUID.text(NameBasedUUID.v5(namespace: runNamespace, name: name)) }

    /// The UUID of the person named `name`.
    static func person(_ name: String) -> String {
        NameBasedUUID.text(NameBasedUUID.v5(namespace: NameBasedUUID.soxready, name: "party:person:" + CommitmentOwner(name).key))
    }

    /// The UUID of the application named `name` (the POA&M's `system-id`).
    static func application(_ name: String) -> String {
        NameBasedUUID.text(
            NameBasedUUID.v5(namespace: NameBasedUUID.soxready, name: "application:" + name.collapsingWhitespace.lowercased()))
    }
}
