import Foundation
import SoxreadyCore

/// The `diff` command's three renderings of a ``RunComparison``.
struct DiffView {
    var app: String
    var older: StoredRun
    var newer: StoredRun
    var comparison: RunComparison
    var newQuestionnaire: Questionnaire
    var oldQuestionnaire: Questionnaire

    static func score(_ value: Double?) -> String { value.map { NumberText.oneDecimal(AssessmentResult.round1($0)) } ?? "–" }

    /// Change of two rounded scores (as shown), with a sign.
    static func change(_ before: Double?, _ after: Double?) -> String {
        guard let delta = AssessmentResult.change(from: before, to: after) else { return "–" }
        return (delta > 0 ? "+" : "") + NumberText.oneDecimal(delta)
    }

    static func answerScore(_ value: Double?) -> String { value.map { formatScore($0) } ?? "–" }

    /// Before and after as shown: the answers, or for a note or evidence change the texts that changed.
    static func shown(_ change: RunComparison.Change) -> (String, String) {
        guard change.kind == .annotated else { return (change.before, change.after) }
        var before: [String] = [], after: [String] = []
        if change.noteBefore != change.noteAfter {
            before.append("note: \(change.noteBefore ?? "none")")
            after.append("note: \(change.noteAfter ?? "none")")
        }
        if change.evidenceBefore != change.evidenceAfter {
            before.append("evidence: \(change.evidenceBefore ?? "none")")
            after.append("evidence: \(change.evidenceAfter ?? "none")")
        }
        return (before.joined(separator: "; "), after.joined(separator: "; "))
    }

    static func formatScore(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    var header: (String, String, String) {
        let from = "run \(older.summary.number) (\(older.summary.questionnaireID) \(older.summary.questionnaireVersion), \(Timestamp.string(older.summary.recordedAt)))"
        let to = "run \(newer.summary.number) (\(newer.summary.questionnaireID) \(newer.summary.questionnaireVersion), \(Timestamp.string(newer.summary.recordedAt)))"
        let level = comparison.readinessBefore == comparison.readinessAfter
            ? "\(comparison.readinessAfter.title) (unchanged)" : "\(comparison.readinessBefore.title) → \(comparison.readinessAfter.title)"
        return (from, to, level)
    }

    func table() -> String {
        let (from, to, level) = header
        var out = "\(app): \(from) → \(to)\n"
        out += "Readiness: \(level)\n"
        out += "Score: \(Self.score(comparison.scoreBefore)) → \(Self.score(comparison.scoreAfter)) (\(Self.change(comparison.scoreBefore, comparison.scoreAfter)))\n"
        let kinds: [(RunComparison.Kind, String)] = [(.closed, "closed"), (.newGap, "new gaps"), (.regressed, "regressions")]
        out += "Gaps: " + kinds.map { "\(comparison.changes($0.0).count) \($0.1)" }.joined(separator: " · ") + "\n"
        out += "\nChanged answers (\(comparison.changes.count)):\n"
        if comparison.changes.isEmpty {
            out += "  none\n"
        } else {
            var rows = [["QUESTION", "CHANGE", "BEFORE", "AFTER", "SCORE"]]
            for change in comparison.changes {
                let name = change.previousID.map { "\(change.questionID) (was \($0))" } ?? change.questionID
                let (before, after) = Self.shown(change)
                rows.append([name, change.kind.rawValue, before, after,
                             "\(Self.answerScore(change.scoreBefore)) → \(Self.answerScore(change.scoreAfter))"])
            }
            out += TextTable.render(rows)
        }
        out += "\nDomain scores:\n"
        var rows = [["DOMAIN", "BEFORE", "AFTER", "CHANGE"]]
        for domain in comparison.domains where domain.before != nil || domain.after != nil {
            rows.append([domain.title, Self.score(domain.before), Self.score(domain.after), Self.change(domain.before, domain.after)])
        }
        out += TextTable.render(rows)
        return out
    }

    func markdown() -> String {
        let (from, to, level) = header
        var out = "# Changes for \(app.markdownEscaped)\n\n"
        out += "From \(from.markdownEscaped) to \(to.markdownEscaped).\n\n"
        out += "- Readiness: \(level.markdownEscaped)\n"
        out += "- Score: \(Self.score(comparison.scoreBefore)) → \(Self.score(comparison.scoreAfter)) (\(Self.change(comparison.scoreBefore, comparison.scoreAfter)))\n"
        out += "- Gaps closed: \(comparison.changes(.closed).count); new gaps: \(comparison.changes(.newGap).count); regressions: \(comparison.changes(.regressed).count)\n\n"
        out += "## Changed answers\n\n"
        if comparison.changes.isEmpty {
            out += "None.\n\n"
        } else {
            out += "| Question | Change | Before | After | Score |\n|---|---|---|---|---|\n"
            for change in comparison.changes {
                let prompt = newQuestionnaire.question(change.questionID)?.prompt ?? oldQuestionnaire.question(change.questionID)?.prompt ?? ""
                let name = change.questionID + (change.previousID.map { " (was \($0))" } ?? "") + ": " + prompt
                let (before, after) = Self.shown(change)
                out += "| \(name.markdownEscaped) | \(change.kind.rawValue) | \(before.markdownEscaped) | \(after.markdownEscaped) | "
                out += "\(Self.answerScore(change.scoreBefore)) → \(Self.answerScore(change.scoreAfter)) |\n"
            }
            out += "\n"
        }
        out += "## Domain scores\n\n| Domain | Before | After | Change |\n|---|---:|---:|---:|\n"
        for domain in comparison.domains where domain.before != nil || domain.after != nil {
            out += "| \(domain.title.markdownEscaped) | \(Self.score(domain.before)) | \(Self.score(domain.after)) | \(Self.change(domain.before, domain.after)) |\n"
        }
        return out
    }

    func json() throws -> Data {
        try DiffDocument(app: app, older: older, newer: newer, comparison: comparison).jsonData()
    }
}
