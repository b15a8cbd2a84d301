import Foundation

/// The fingerprints of runs and sign-offs (docs/store.md gives each recipe so that an auditor
/// can recompute them with `sqlite3` and `sha256sum`).
///
/// - `soxready-run@1` (runs recorded before schema v5): SHA-256 of `soxready-run@1\n`, the
///   canonical answers JSON, a newline, and the questionnaire content. It covers neither the
///   result nor the run before; ``RunVerifier`` re-scores such runs under rules 1 instead.
/// - `soxready-run@2`: SHA-256 of ten lines, each `NAME VALUE\n` (see ``runPreimage(_:)``), where
///   every text of variable length enters as its own SHA-256, so the preimage is plain ASCII.
/// - `soxready-signoff@1`: the same shape for a sign-off, chained per application.
public enum RunFingerprint {
    /// The recipe of runs recorded before schema v5.
    public static let recipe1 = "soxready-run@1"
    /// The recipe of runs recorded from schema v5 on.
    public static let recipe2 = "soxready-run@2"
    /// The recipe of sign-offs.
    public static let signOffRecipe = "soxready-signoff@1"
    /// The link of the first run or sign-off of an application: 64 zeros.
    public static let noPrevious = String(repeating: "0", count: 64)

    /// The 64 lower-case hex digits of recipe `soxready-run@1`.
    public static func compute(answersJSON: Data, questionnaireContent: String) -> String {
        var bytes = Array("soxready-run@1\n".utf8)
        bytes += answersJSON
        bytes.append(0x0A)
        bytes += Array(questionnaireContent.utf8)
        return SHA256Digest.hex(bytes)
    }

    /// What a `soxready-run@2` fingerprint covers, as stored.
    public struct RunFields: Sendable, Equatable {
        /// The application's slug.
        public var appSlug: String
        /// The run number.
        public var run: Int
        /// `recordedAt` as stored (ISO 8601 UTC).
        public var recordedAt: String
        /// SHA-256 of the questionnaire content.
        public var questionnaireHash: String
        /// The canonical answers JSON (notes, evidence and commitments included), as stored.
        public var answersJSON: String
        /// The result JSON, as stored.
        public var resultJSON: String
        /// The preparer's name.
        public var preparedBy: String
        /// The preparer's attestation.
        public var attestation: String
        /// The fingerprint of the application's run before, or nil for its first run.
        public var previousFingerprint: String?

        /// Creates the fields.
        public init(
            appSlug: String, run: Int, recordedAt: String, questionnaireHash: String, answersJSON: String, resultJSON: String,
            preparedBy: String, attestation: String, previousFingerprint: String?
        ) {
            self.appSlug = appSlug
            self.run = run
            self.recordedAt = recordedAt
            self.questionnaireHash = questionnaireHash
            self.answersJSON = answersJSON
            self.resultJSON = resultJSON
            self.preparedBy = preparedBy
            self.attestation = attestation
            self.previousFingerprint = previousFingerprint
        }
    }

    /// The preimage of `soxready-run@2`:
    ///
    /// ```
    /// soxready-run@2
    /// app SLUG
    /// run N
    /// recordedAt YYYY-MM-DDTHH:MM:SSZ
    /// questionnaire SHA256(questionnaire content)
    /// answers SHA256(answers JSON)
    /// result SHA256(result JSON)
    /// preparedBy SHA256(preparer's name)
    /// attestation SHA256(attestation)
    /// previous FINGERPRINT-OF-THE-RUN-BEFORE (64 zeros for the first run)
    /// ```
    public static func runPreimage(_ fields: RunFields) -> String {
        """
        \(recipe2)
        app \(fields.appSlug)
        run \(fields.run)
        recordedAt \(fields.recordedAt)
        questionnaire \(fields.questionnaireHash)
        answers \(SHA256Digest.hex(fields.answersJSON))
        result \(SHA256Digest.hex(fields.resultJSON))
        preparedBy \(SHA256Digest.hex(fields.preparedBy))
        attestation \(SHA256Digest.hex(fields.attestation))
        previous \(fields.previousFingerprint ?? noPrevious)

        """
    }

    /// The 64 lower-case hex digits of recipe `soxready-run@2`.
    public static func compute(_ fields: RunFields) -> String { SHA256Digest.hex(runPreimage(fields)) }

    /// The preimage of `soxready-signoff@1`:
    ///
    /// ```
    /// soxready-signoff@1
    /// app SLUG
    /// signoff N
    /// run N
    /// runFingerprint FINGERPRINT
    /// reviewer SHA256(name)
    /// role SHA256(role)
    /// decision approve|send-back
    /// comment SHA256(comment, empty when none)
    /// statement SHA256(statement)
    /// recordedAt YYYY-MM-DDTHH:MM:SSZ
    /// signature SHA256(armored signature, empty when none)
    /// previous FINGERPRINT-OF-THE-SIGN-OFF-BEFORE (64 zeros for the first)
    /// ```
    public static func signOffPreimage(appSlug: String, signOff: SignOff) -> String {
        """
        \(signOffRecipe)
        app \(appSlug)
        signoff \(signOff.number)
        run \(signOff.runNumber)
        runFingerprint \(signOff.runFingerprint)
        reviewer \(SHA256Digest.hex(signOff.reviewer))
        role \(SHA256Digest.hex(signOff.role))
        decision \(signOff.decision.rawValue)
        comment \(SHA256Digest.hex(signOff.comment ?? ""))
        statement \(SHA256Digest.hex(signOff.statement))
        recordedAt \(Timestamp.string(signOff.recordedAt))
        signature \(SHA256Digest.hex(signOff.signature ?? ""))
        previous \(signOff.previousFingerprint ?? noPrevious)

        """
    }

    /// The 64 lower-case hex digits of recipe `soxready-signoff@1` (the `fingerprint` field is ignored).
    public static func compute(appSlug: String, signOff: SignOff) -> String {
        SHA256Digest.hex(signOffPreimage(appSlug: appSlug, signOff: signOff))
    }
}
