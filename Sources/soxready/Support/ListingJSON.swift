import Foundation
import SoxreadyCore

/// JSON for `apps --format json` (`soxready/apps@1`) and `history --format json` (`soxready/history@1`).
enum ListingJSON {
    struct Gaps: Codable, Sendable, Equatable { var blockers, high, medium, low: Int }
    typealias Confidence = AssessmentResult.Confidence
    typealias Questionnaire = AssessmentResult.QuestionnaireReference

    struct Run: Codable, Sendable, Equatable {
        var number: Int
        var recordedAt: String
        var questionnaire: Questionnaire
        var readiness: String
        @ExplicitNull var score: Double?
        @ExplicitNull var scoreChange: Double?
        var confidence: Confidence
        var gaps: Gaps

        init(_ run: RunSummary, previousScore: Double?) {
            number = run.number
            recordedAt = Timestamp.string(run.recordedAt)
            questionnaire = Questionnaire(id: run.questionnaireID, version: run.questionnaireVersion)
            readiness = run.readiness.rawValue
            score = run.score
            scoreChange = ListingJSON.change(from: previousScore, to: run.score)
            confidence = Confidence(percent: run.confidence, stars: run.stars)
            gaps = Gaps(blockers: run.blockers, high: run.high, medium: run.medium, low: run.low)
        }
    }

    struct App: Encodable {
        var name, slug: String
        @ExplicitNull var latestRun: Run?
        var draft: Bool
    }

    struct AppsDocument: Encodable { var format = "soxready/apps@1"; var apps: [App] }
    struct HistoryDocument: Encodable { var format = "soxready/history@1"; var app: String; var runs: [Run] }

    /// The change in score from the run before, to one decimal; nil when either is missing.
    static func change(from previous: Double?, to score: Double?) -> Double? {
        AssessmentResult.change(from: previous, to: score)
    }

    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    static func apps(_ apps: [AppSummary]) throws -> Data {
        try encode(AppsDocument(apps: apps.map { App(name: $0.name, slug: $0.slug, latestRun: $0.latest.map { Run($0, previousScore: nil) }, draft: $0.hasDraft) }))
    }

    static func history(app: String, runs: [RunSummary]) throws -> Data {
        var previous: Double?
        var items: [Run] = []
        for run in runs {
            items.append(Run(run, previousScore: previous))
            previous = run.score ?? previous
        }
        return try encode(HistoryDocument(app: app, runs: items))
    }
}
