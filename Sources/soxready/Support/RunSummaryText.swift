import SoxreadyCore

/// The one-screen summary printed after a run is recorded.
///
/// Every piece of user or questionnaire text is made terminal-safe on its own (newlines
/// included), so that a name cannot forge a line of the summary.
enum RunSummaryText {
    /// The summary wrapped at word boundaries to `width` columns (nil: no wrapping, for pipes).
    /// Each of the top gaps takes a line (priority, question, risk, points lost, owner: the
    /// committed person and date when there is a commitment, else the role) with its action on
    /// the line below, indented.
    static func render(_ run: StoredRun, storeLocation: String, width: Int? = nil) -> String {
        let result = run.result
        func safe(_ text: String) -> String { text.terminalSafe() }
        var out = wrapped(
            "", "\(safe(run.appName)) · run \(result.run.number) · \(safe(result.questionnaire.id)) \(safe(result.questionnaire.version))",
            width: width, continuation: "  ")
        out += "Readiness:  \(result.readiness.title.uppercased())\n"
        out += "Score:      \(result.score.map { NumberText.oneDecimal($0) } ?? "not assessed") / 100\n"
        out += "Confidence: \(NumberText.oneDecimal(result.confidence.percent)) % \(stars(result.confidence.stars))\n"
        let s = run.summary
        out += wrapped(
            "Gaps:       ",
            "\(s.blockers) blocker\(s.blockers == 1 ? "" : "s") (P1, gating) · \(s.high) other high risk (P2) · \(s.medium) medium (P3) · \(s.low) low (P4)",
            width: width)
        if !result.reasons.isEmpty {
            out += "Why:\n"
            for reason in result.reasons { out += wrapped("  - ", safe(reason.text), width: width) }
        }
        // Rules 2: the gates that still need a dated commitment, named so the lead can add one.
        let needing = result.gaps.filter { gap in
            gap.gating && (gap.score ?? 0) > 0 && (gap.score ?? 1) < 1 && gap.commitment?.status != .onTime
        }
        if result.rules == .v2, !needing.isEmpty {
            let questionnaire = try? run.questionnaire()
            let names = needing.map { gap in
                let title = questionnaire?.question(gap.question)?.displayTitle ?? gap.question
                return title == gap.question ? safe(title) : "\(safe(title)) (\(safe(gap.question)))"
            }
            out += wrapped(
                "",
                "Commitments: \(needing.count) gate\(needing.count == 1 ? "" : "s") partly met without an on-time commitment: "
                    + names.joined(separator: ", "), width: width, continuation: "  ")
            out += wrapped(
                "  ", "give each one on a rerun with :owner NAME :due YYYY-MM-DD, or owner: and due: in an answers file (--update)",
                width: width)
        }
        let top = Array(result.gaps.prefix(5))
        if !top.isEmpty {
            out += "Top gaps:\n"
            let columns = [
                TextTable.Column("P"), TextTable.Column("QUESTION"), TextTable.Column("RISK"), TextTable.Column("PTS"),
                TextTable.Column("OWNER", minimum: 12),
            ]
            let rows = top.map { gap -> [TextTable.Cell] in
                [
                    TextTable.Cell("P\(gap.priority)"), TextTable.Cell(safe(gap.question) + (gap.gating ? " [G]" : "")),
                    TextTable.Cell(gap.risk.rawValue), TextTable.Cell(NumberText.oneDecimal(gap.pointsLost)), owner(gap),
                ]
            }
            // Indented by two; each action goes under its gap, below the question.
            let table = TextTable(columns, rows: rows).render(width: width.map { $0 - 2 })
            for line in table.header { out += "  " + line.trimmingTrailingSpaces + "\n" }
            for (line, gap) in zip(table.rows, top) {
                out += "  " + line.trimmingTrailingSpaces + "\n"
                out += wrapped("      ", safe(gap.action), width: width)
            }
        }
        out += wrapped(
            "",
            "Recorded as run \(result.run.number) in \(safe(storeLocation)): \(result.readiness.title.uppercased())"
                + (result.score.map { ", score \(NumberText.oneDecimal($0))" } ?? "") + "; fingerprint \(run.fingerprint.prefix(16))",
            width: width,
            continuation: "  ")
        return out
    }

    /// A gap's owner: the person committed to close it with the due date ("José Müller (by
    /// 2027-02-15)", "…, overdue)" or "…, after the cutover)"), else the role that owns the
    /// control; only the name may be cut.
    static func owner(_ gap: AssessmentResult.GapEntry) -> TextTable.Cell {
        guard let commitment = gap.commitment else { return TextTable.Cell(gap.owner.terminalSafe()) }
        let status =
            switch commitment.status {
            case .onTime: ""
            case .overdue: ", overdue"
            case .afterCutover: ", after the cutover"
            }
        let due = " (by \(commitment.due)\(status))"
        return TextTable.Cell(commitment.owner.terminalSafe() + due, keep: due.count)
    }

    /// `prefix` + `text`, wrapped at word boundaries to `width` with continuation lines under the text.
    static func wrapped(_ prefix: String, _ text: String, width: Int?, continuation: String? = nil) -> String {
        TextWrap.words(text, width: width, indent: prefix, continuation: continuation ?? String(repeating: " ", count: prefix.count)) + "\n"
    }

    static func stars(_ count: Int) -> String {
        String(repeating: "★", count: count) + String(repeating: "☆", count: 5 - count) + " (\(count)/5)"
    }

}

extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.hasSuffix(" ") || text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
