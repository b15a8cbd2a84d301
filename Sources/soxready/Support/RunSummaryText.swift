import SoxreadyCore

/// The one-screen summary printed after a run is recorded.
///
/// Every piece of user or questionnaire text is made terminal-safe on its own (newlines
/// included), so that a name cannot forge a line of the summary.
enum RunSummaryText {
    static func render(_ run: StoredRun, storeLocation: String) -> String {
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
            for reason in result.reasons { out += "  - \(safe(reason))\n" }
        }
        let top = result.gaps.prefix(5)
        if !top.isEmpty {
            out += "Top gaps:\n"
            var rows = [["P", "QUESTION", "RISK", "PTS", "OWNER", "ACTION"]]
            for gap in top {
                rows.append(["P\(gap.priority)", safe(gap.question) + (gap.gating ? " [G]" : ""), gap.risk.rawValue,
                             NumberText.oneDecimal(gap.pointsLost), safe(gap.owner), truncate(safe(gap.action), 60)])
            }
            out += TextTable.render(rows).split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
                .joined(separator: "\n").trimmingTrailingSpaces + "\n"
        }
        out += "Recorded as run \(result.run.number) in \(safe(storeLocation)); fingerprint \(run.fingerprint.prefix(16))\n"
        return out
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
