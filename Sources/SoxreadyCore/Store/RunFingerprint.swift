import Foundation

/// The fingerprint of a run (docs/store.md gives the recipe for recomputing it by hand).
///
/// Recipe `soxready-run@1`: SHA-256 of the bytes `soxready-run@1\n`, the canonical answers JSON
/// (``AnswerSheetCoding/encode(_:)``), a newline, and the questionnaire content.
public enum RunFingerprint {
    /// The 64 lower-case hex digits of recipe `soxready-run@1`.
    public static func compute(answersJSON: Data, questionnaireContent: String) -> String {
        var bytes = Array("soxready-run@1\n".utf8)
        bytes += answersJSON
        bytes.append(0x0A)
        bytes += Array(questionnaireContent.utf8)
        return SHA256Digest.hex(bytes)
    }
}
