import Foundation

/// One application in the store with its latest run (the portfolio view).
public struct AppSummary: Sendable, Equatable {
    /// The application's name as first given.
    public var name: String
    /// Its slug, unique in the store (`general-ledger`).
    public var slug: String
    /// The latest run, nil when none is recorded yet.
    public var latest: RunSummary?
    /// True when an unfinished wizard draft exists.
    public var hasDraft: Bool
}

/// The headline figures of one run, as kept in the store's columns.
public struct RunSummary: Sendable, Equatable {
    /// Run number, from 1 per application.
    public var number: Int
    /// When it was recorded.
    public var recordedAt: Date
    /// Questionnaire id and version.
    public var questionnaireID: String
    /// Questionnaire version.
    public var questionnaireVersion: String
    /// Readiness level.
    public var readiness: ReadinessLevel
    /// Overall score, percent to one decimal; nil when nothing was answered.
    public var score: Double?
    /// Confidence percent to one decimal and stars.
    public var confidence: Double
    /// Confidence stars, 1...5.
    public var stars: Int
    /// Gap counts: blockers (gating, P1), then high (P2), medium (P3) and low (P4).
    public var blockers: Int
    /// Other high-risk gaps (P2).
    public var high: Int
    /// Medium-risk gaps (P3).
    public var medium: Int
    /// Low-risk gaps (P4).
    public var low: Int
}

/// A recorded run with everything needed to rebuild its reports.
public struct StoredRun: Sendable {
    /// Headline figures.
    public var summary: RunSummary
    /// The application's name and slug.
    public var appName: String
    /// The application's slug (file names, `Reports/<slug>/`).
    public var appSlug: String
    /// The answers exactly as recorded.
    public var answers: AnswerSheet
    /// The result exactly as recorded.
    public var result: AssessmentResult
    /// The exact questionnaire text scored against, and its SHA-256.
    public var questionnaireContent: String
    /// SHA-256 of the questionnaire content.
    public var questionnaireHash: String
    /// SHA-256 over the answers and the questionnaire content (see `docs/store.md`).
    public var fingerprint: String

    /// The questionnaire parsed from the stored content.
    public func questionnaire() throws(QuestionnaireLoadError) -> Questionnaire {
        try QuestionnaireLoader.parse(questionnaireContent, file: "\(summary.questionnaireID)@\(summary.questionnaireVersion)").questionnaire
    }
}

/// An unfinished assessment: answers saved one at a time by the wizard.
public struct Draft: Sendable {
    /// The questionnaire content the draft answers.
    public var questionnaireContent: String
    /// SHA-256 of the questionnaire content.
    public var questionnaireHash: String
    /// The question the wizard was asking when it last saved, if known.
    public var position: String?
    /// When the draft was started and last saved.
    public var startedAt: Date
    /// When it was last saved.
    public var updatedAt: Date
    /// Answers (with notes and evidence) saved so far.
    public var answers: AnswerSheet
}

/// The fingerprint of a run: SHA-256 of `soxready-run@1\n`, the canonical answers JSON, a
/// newline, and the questionnaire content.
public enum RunFingerprint {
    /// 64 hex digits.
    public static func compute(answersJSON: Data, questionnaireContent: String) -> String {
        var bytes = Array("soxready-run@1\n".utf8)
        bytes += answersJSON
        bytes.append(0x0A)
        bytes += Array(questionnaireContent.utf8)
        return SHA256Digest.hex(bytes)
    }
}
