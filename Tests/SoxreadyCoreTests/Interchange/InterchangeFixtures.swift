import Foundation
import SoxreadyTestSupport

@testable import SoxreadyCore

/// Runs for the interchange tests, built without the store so that their fingerprints are fixed
/// literals (a store computes its own, and the expected UUIDs below were worked out from these
/// literals with Python's `uuid.uuid5`, not with soxready).
enum InterchangeFixtures {
    /// The fingerprint of every fixture run unless a test says otherwise.
    static let fingerprint = "9f2c4b7e1a0d3c5b8e6f4a2d1c0b9e8f7a6d5c4b3a29180f7e6d5c4b3a291807"
    /// SHA-256 of `Fixtures/scoring-v2.yaml` (`sha256sum`).
    static let scoringV2Hash = "3ea7492a3f8df8bda5dff8db205e7ccf855d89e782c7fb4cc24992359bea90b7"
    /// 2027-01-15T12:00:00Z, the worked example's run time.
    static let recordedAt = Date(timeIntervalSince1970: 1_800_014_400)

    /// The worked example of docs/scoring.md (ScoringRules2Tests.worked()) with its result
    /// exactly as the hand-checked fixture `scoring-v2-result.json` holds it.
    static func worked() throws -> StoredRun {
        let content = try String(contentsOfFile: fixturePath("scoring-v2.yaml"), encoding: .utf8)
        let json = try String(contentsOfFile: fixturePath("scoring-v2-result.json"), encoding: .utf8)
        let result = try AssessmentResult.decode(Data(json.utf8))
        return StoredRun(
            summary: RunSummary(result: result, recordedAt: recordedAt), appName: "General Ledger", appSlug: "general-ledger",
            answers: ScoringRules2Tests.worked(), result: result, resultJSON: json, answersJSON: "{}",
            questionnaireContent: content, questionnaireHash: scoringV2Hash, fingerprint: fingerprint)
    }

    /// A run of `answers` against the fixture questionnaire `file`, scored by the scorer under
    /// `rules` (rules 2 on the UTC date of `recordedAt` by default), as run 1.
    /// `edit` changes the questionnaire's text before it is loaded.
    static func scored(
        _ answers: AnswerSheet, file: String = "scoring-v2.yaml", appName: String = "General Ledger",
        rules1: Bool = false, fingerprint: String = fingerprint, edit: (String) -> String = { $0 }
    ) throws -> StoredRun {
        let text = edit(try String(contentsOfFile: fixturePath(file), encoding: .utf8))
        let loaded = try QuestionnaireLoader.parse(text, file: file)
        let card = ReadinessScorer.score(
            loaded.questionnaire, answers: answers,
            rules: rules1 ? .version1 : .version2(asOf: CalendarDate(utc: recordedAt)))
        let result = AssessmentResult(
            card: card, questionnaire: loaded.questionnaire, answers: answers, appName: appName, runNumber: 1,
            recordedAt: recordedAt)
        return StoredRun(
            summary: RunSummary(result: result, recordedAt: recordedAt), appName: appName, appSlug: Identifier.slug(appName),
            answers: answers, result: result, resultJSON: String(decoding: try result.jsonData(), as: UTF8.self),
            answersJSON: "{}", questionnaireContent: loaded.content, questionnaireHash: SHA256Digest.hex(loaded.content),
            fingerprint: fingerprint)
    }

    /// The worked answers with `changes` applied (nil removes an answer).
    static func worked(with changes: [String: AnswerRecord?]) -> AnswerSheet {
        var sheet = ScoringRules2Tests.worked()
        for (id, record) in changes { sheet[id] = record }
        return sheet
    }

    /// `document` parsed back as a JSON object (Foundation's parser, not soxready's writer).
    static func json(_ document: CanonicalJSON) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: document.data) as? [String: Any] ?? [:]
    }
}
