import SoxreadyCore

/// The one-screen summary printed after a run is recorded.
///
/// Every piece of user or questionnaire text is made terminal-safe on its own (newlines
/// included), so that a name cannot forge a line of the summary.
enum RunSummaryText {
    /// The summary wrapped at word boundaries to `width` columns (nil: no wrapping, for pipes),
    /// with the gap table cut to fit.
    static func render(_ run: StoredRun, storeLocation: String, width: Int? = nil) -> String {
        let result = run.result
        func safe(_ text: String) -> String { text.terminalSafe() }
        var out = "\(safe(run.appName)) · run \(result.run.number) · \(safe(result.questionnaire.id)) \(safe(result.questionnaire.version))\n"
        out += "Readiness:  \(result.readiness.title.uppercased())\n"
        out += "Score:      \(result.score.map { NumberText.oneDecimal($0) } ?? "not assessed") / 100\n"
        out += "Confidence: \(NumberText.oneDecimal(result.confidence.percent)) % \(stars(result.confidence.stars))\n"
        let s = run.summary
        out += "Gaps:       \(s.blockers) blocker\(s.blockers == 1 ? "" : "s") (P1, gating) · \(s.high) other high risk (P2) · \(s.medium) medium (P3) · \(s.low) low (P4)\n"
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
            out += wrapped("", "Commitments: \(needing.count) gate\(needing.count == 1 ? "" : "s") partly met without an on-time commitment: "
                + names.joined(separator: ", "), width: width, continuation: "  ")
            out += wrapped("  ", "give each one on a rerun with :owner NAME :due YYYY-MM-DD, or owner: and due: in an answers file (--update)",
                           width: width)
        }
        let top = result.gaps.prefix(5)
        if !top.isEmpty {
            out += "Top gaps:\n"
            var rows = [["P", "QUESTION", "RISK", "PTS", "OWNER", "ACTION"]]
            for gap in top {
                rows.append(["P\(gap.priority)", safe(gap.question) + (gap.gating ? " [G]" : ""), gap.risk.rawValue,
                             NumberText.oneDecimal(gap.pointsLost), safe(gap.owner), safe(gap.action)])
            }
            // The action column takes what the others leave (at most 60 characters, at least 12).
            var fixed = 2 + 2 * 5
            for column in 0..<5 { fixed += rows.map { $0[column].count }.max() ?? 0 }
            let room = Swift.max(12, Swift.min(60, (width ?? 200) - fixed))
            for index in rows.indices.dropFirst() { rows[index][5] = truncate(rows[index][5], room) }
            out += TextTable.render(rows).split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
                .joined(separator: "\n").trimmingTrailingSpaces + "\n"
        }
        out += "Recorded as run \(result.run.number) in \(safe(storeLocation)); fingerprint \(run.fingerprint.prefix(16))\n"
        return out
    }

    /// `prefix` + `text`, wrapped at word boundaries to `width` with continuation lines under the text.
    static func wrapped(_ prefix: String, _ text: String, width: Int?, continuation: String? = nil) -> String {
        guard let width else { return prefix + text + "\n" }
        return WizardText.wrap(text, width: width, indent: prefix,
                               continuation: continuation ?? String(repeating: " ", count: prefix.count)) + "\n"
    }

    static func stars(_ count: Int) -> String {
        String(repeating: "★", count: count) + String(repeating: "☆", count: 5 - count) + " (\(count)/5)"
    }

    static func truncate(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.hasSuffix(" ") || text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
