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
        if change.commitmentBefore != change.commitmentAfter {
            before.append("commitment: \(commitment(change.commitmentBefore))")
            after.append("commitment: \(commitment(change.commitmentAfter))")
        }
        return (before.joined(separator: "; "), after.joined(separator: "; "))
    }

    /// "Dana Ortiz by 2027-01-31 (overdue)", or "none".
    static func commitment(_ entry: AssessmentResult.CommitmentEntry?) -> String {
        guard let entry else { return "none" }
        let status = entry.status == .onTime ? "" : " (\(entry.status == .overdue ? "overdue" : "due after the cutover"))"
        return "\(entry.owner) by \(entry.due)\(status)"
    }

    /// True when either run was scored under rules 2 (commitments and rules are shown).
    var showsRules2: Bool { comparison.rulesBefore == .v2 || comparison.rulesAfter == .v2 }

    /// The sentence on the rules, when the two runs were scored under different rules.
    var rulesSentence: String? {
        guard comparison.rulesChanged else { return nil }
        return "Rules changed: run \(comparison.fromRun) was scored under rules version \(comparison.rulesBefore.rawValue), "
            + "run \(comparison.toRun) under rules version \(comparison.rulesAfter.rawValue); part of any change of level or score "
            + "comes from the rules, not from the answers (docs/scoring.md)."
    }

    /// "1 met · 1 slipped · 2 new · 1 overdue".
    var commitmentCounts: String {
        let kinds: [(CommitmentChange.Kind, String)] = [
            (.met, "met"), (.metLate, "met late"), (.slipped, "slipped"),
            (.reassigned, "reassigned"), (.new, "new"), (.withdrawn, "withdrawn"),
        ]
        return
            (kinds.map { kind in "\(comparison.commitments.filter { $0.kind == kind.0 }.count) \(kind.1)" }
            + ["\(comparison.overdueCommitments.count) overdue"]).joined(separator: " · ")
    }

    /// Rows of the commitments table (Markdown): question, change, before, after.
    var commitmentRows: [[String]] {
        comparison.commitments.map {
            [$0.questionID, $0.kind.rawValue, Self.commitment($0.before), Self.commitment($0.after)]
        }
    }

    static func formatScore(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    var header: (String, String, String) {
        let from =
            "run \(older.summary.number) (\(older.summary.questionnaireID) \(older.summary.questionnaireVersion), \(Timestamp.string(older.summary.recordedAt)))"
        let to =
            "run \(newer.summary.number) (\(newer.summary.questionnaireID) \(newer.summary.questionnaireVersion), \(Timestamp.string(newer.summary.recordedAt)))"
        let level =
            comparison.readinessBefore == comparison.readinessAfter
            ? "\(comparison.readinessAfter.title) (unchanged)" : "\(comparison.readinessBefore.title) → \(comparison.readinessAfter.title)"
        return (from, to, level)
    }

    /// The comparison as text for a terminal, fitted to `width` (nil: full lines and rows, for
    /// pipes and files): its sentences wrapped at words, the tables narrowed by cutting answers,
    /// commitment owners and domain titles with "…" (never question ids, kinds, scores or dates).
    func table(width: Int? = nil) -> String {
        let (from, to, level) = header
        // Made terminal-safe before they are measured (the caller escapes the whole text again, which
        // leaves safe text as it is).
        func line(_ text: String, continuation: String = "  ") -> String {
            guard let width else { return text + "\n" }
            return TextWrap.words(text.terminalSafe(), width: width, continuation: continuation) + "\n"
        }
        func fitted(_ table: TextTable) -> String {
            var table = table
            table.rows = table.rows.map { $0.map { TextTable.Cell($0.text.terminalSafe(), compact: $0.compact, keep: $0.keep) } }
            return table.render(width: width).text
        }
        var out = line("\(app): \(from) → \(to)")
        out += line("Readiness: \(level)")
        if let rulesSentence { out += line(rulesSentence) }
        out += line(
            "Score: \(Self.score(comparison.scoreBefore)) → \(Self.score(comparison.scoreAfter)) (\(Self.change(comparison.scoreBefore, comparison.scoreAfter)))"
        )
        let kinds: [(RunComparison.Kind, String)] = [(.closed, "closed"), (.newGap, "new gaps"), (.regressed, "regressions")]
        out += line("Gaps: " + kinds.map { "\(comparison.changes($0.0).count) \($0.1)" }.joined(separator: " · "))
        if showsRules2 { out += line("Commitments: \(commitmentCounts)") }
        out += "\nChanged answers (\(comparison.changes.count)):\n"
        if comparison.changes.isEmpty {
            out += "  none\n"
        } else {
            var rows: [[TextTable.Cell]] = []
            for change in comparison.changes {
                let name = change.previousID.map { "\(change.questionID) (was \($0))" } ?? change.questionID
                let (before, after) = Self.shown(change)
                rows.append([
                    TextTable.Cell(name), TextTable.Cell(change.kind.rawValue), Self.answerCell(before), Self.answerCell(after),
                    TextTable.Cell("\(Self.answerScore(change.scoreBefore)) → \(Self.answerScore(change.scoreAfter))"),
                ])
            }
            out += fitted(
                TextTable(
                    [
                        TextTable.Column("QUESTION"), TextTable.Column("CHANGE"), TextTable.Column("BEFORE", minimum: 8),
                        TextTable.Column("AFTER", minimum: 8), TextTable.Column("SCORE"),
                    ], rows: rows))
        }
        if showsRules2 && !comparison.commitments.isEmpty {
            out += "\nChanged commitments (\(comparison.commitments.count)):\n"
            let rows = comparison.commitments.map { change -> [TextTable.Cell] in
                [
                    TextTable.Cell(change.questionID), TextTable.Cell(change.kind.rawValue), Self.commitmentCell(change.before),
                    Self.commitmentCell(change.after),
                ]
            }
            out += fitted(
                TextTable(
                    [
                        TextTable.Column("QUESTION"), TextTable.Column("CHANGE"), TextTable.Column("BEFORE", minimum: 8),
                        TextTable.Column("AFTER", minimum: 8),
                    ], rows: rows))
        }
        if !comparison.overdueCommitments.isEmpty {
            out += "\n" + line("Overdue in run \(comparison.toRun): " + comparison.overdueCommitments.joined(separator: ", "))
        }
        out += "\nDomain scores:\n"
        var rows: [[TextTable.Cell]] = []
        for domain in comparison.domains where domain.before != nil || domain.after != nil {
            rows.append([
                TextTable.Cell(domain.title), TextTable.Cell(Self.score(domain.before)), TextTable.Cell(Self.score(domain.after)),
                TextTable.Cell(Self.change(domain.before, domain.after)),
            ])
        }
        out += fitted(
            TextTable(
                [
                    TextTable.Column("DOMAIN", minimum: 12), TextTable.Column("BEFORE"), TextTable.Column("AFTER"),
                    TextTable.Column("CHANGE"),
                ], rows: rows))
        return out
    }

    /// An answer shown in the table; a "(not yet due)" mark at its end is never cut.
    static func answerCell(_ text: String) -> TextTable.Cell {
        let mark = " (not yet due)"
        return TextTable.Cell(text, keep: text.hasSuffix(mark) && text != mark.trimmingWhitespace ? mark.count : 0)
    }

    /// A commitment shown in the table: the owner may be cut, never " by DATE" and its status.
    static func commitmentCell(_ entry: AssessmentResult.CommitmentEntry?) -> TextTable.Cell {
        let text = commitment(entry)
        guard let entry else { return TextTable.Cell(text) }
        return TextTable.Cell(text, keep: text.count - entry.owner.count)
    }

    func markdown() -> String {
        let (from, to, level) = header
        var out = "# Changes for \(app.markdownEscaped)\n\n"
        out += "From \(from.markdownEscaped) to \(to.markdownEscaped).\n\n"
        out += "- Readiness: \(level.markdownEscaped)\n"
        if let rulesSentence { out += "- \(rulesSentence.markdownEscaped)\n" }
        out +=
            "- Score: \(Self.score(comparison.scoreBefore)) → \(Self.score(comparison.scoreAfter)) (\(Self.change(comparison.scoreBefore, comparison.scoreAfter)))\n"
        out +=
            "- Gaps closed: \(comparison.changes(.closed).count); new gaps: \(comparison.changes(.newGap).count); regressions: \(comparison.changes(.regressed).count)\n"
        if showsRules2 { out += "- Commitments: \(commitmentCounts)\n" }
        out += "\n"
        out += "## Changed answers\n\n"
        if comparison.changes.isEmpty {
            out += "None.\n\n"
        } else {
            out += "| Question | Change | Before | After | Score |\n|---|---|---|---|---|\n"
            for change in comparison.changes {
                let prompt =
                    newQuestionnaire.question(change.questionID)?.prompt ?? oldQuestionnaire.question(change.questionID)?.prompt ?? ""
                let name = change.questionID + (change.previousID.map { " (was \($0))" } ?? "") + ": " + prompt
                let (before, after) = Self.shown(change)
                out += "| \(name.markdownEscaped) | \(change.kind.rawValue) | \(before.markdownEscaped) | \(after.markdownEscaped) | "
                out += "\(Self.answerScore(change.scoreBefore)) → \(Self.answerScore(change.scoreAfter)) |\n"
            }
            out += "\n"
        }
        if showsRules2 {
            out += "## Commitments\n\n"
            if comparison.commitments.isEmpty {
                out += "No commitment changed.\n\n"
            } else {
                out += "| Question | Change | Before | After |\n|---|---|---|---|\n"
                for row in commitmentRows { out += "| " + row.map(\.markdownEscaped).joined(separator: " | ") + " |\n" }
                out += "\n"
            }
            if !comparison.overdueCommitments.isEmpty {
                out +=
                    "Overdue in run \(comparison.toRun): " + comparison.overdueCommitments.map(\.markdownEscaped).joined(separator: ", ")
                    + ".\n\n"
            }
        }
        out += "## Domain scores\n\n| Domain | Before | After | Change |\n|---|---:|---:|---:|\n"
        for domain in comparison.domains where domain.before != nil || domain.after != nil {
            out +=
                "| \(domain.title.markdownEscaped) | \(Self.score(domain.before)) | \(Self.score(domain.after)) | \(Self.change(domain.before, domain.after)) |\n"
        }
        return out
    }

    func json() throws -> Data {
        try DiffDocument(app: app, older: older, newer: newer, comparison: comparison).jsonData()
    }
}
