import Foundation

/// The rules of a finance sign-off (PRODUCT.md §7.2) and the statement a reviewer confirms.
public enum SignOffRules {
    /// True when `a` and `b` name the same person: compared trimmed, ignoring case, runs of
    /// spaces, accents and width (PRODUCT.md §7.2 says trimmed and case-insensitive; "Alex Novak"
    /// is "Alex Novák" too, or a preparer could approve their own run by dropping an accent). An
    /// e-mail address stands for the name before its `@`, with `.`, `_` and `-` read as spaces:
    /// `dana.lee@contoso.com` is Dana Lee (the rule ``principal(_:names:)`` uses for keys).
    public static func samePerson(_ a: String, _ b: String) -> Bool {
        func normal(_ text: String) -> String {
            var name = text.trimmingWhitespace
            if let at = name.lastIndex(of: "@"), at != name.startIndex {
                name = name[..<at].map { ".-_".contains($0) ? " " : String($0) }.joined()
            }
            return name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        }
        return normal(a) == normal(b)
    }

    /// True when an allowed-signers principal names `reviewer`: the principal is the reviewer's
    /// name (``samePerson(_:_:)``), or an e-mail address whose part before the `@`, with `.`, `_`
    /// and `-` read as spaces, is (`lee.chen@contoso.com` names Lee Chen). A key that verifies but
    /// belongs to someone else does not make the reviewer's sign-off.
    public static func principal(_ principal: String, names reviewer: String) -> Bool {
        samePerson(principal, reviewer)
    }

    /// The application name a recorded statement names (its `Application:` line), or nil.
    static func statedApplication(_ statement: String) -> String? {
        statement.split(separator: "\n", omittingEmptySubsequences: false)
            .first { $0.hasPrefix("Application: ") }.map { String($0.dropFirst("Application: ".count)) }
    }

    /// What an approving reviewer confirms, word for word as the statement says it (the plans
    /// quote it in their sign-off block): they read the plan and accept it as the dated
    /// remediation plan for the run and fingerprint named, with the answers as attested by
    /// `preparer`; it is not an audit opinion.
    public static func approval(preparer: String) -> String {
        "I have read the migration plan of this run and accept it as the dated remediation plan for the run and "
            + "fingerprint named above, with the answers as attested by their preparer, \(preparer). "
            + "This is not an audit opinion on internal control over financial reporting."
    }

    /// The statement a reviewer confirms, word for word (what `--sign-with` signs): what they
    /// read, which run and fingerprint, whose answers, what they decide, and that it is not an
    /// audit opinion.
    public static func statement(
        app: String, run: StoredRun, reviewer: String, role: String, decision: SignOff.Decision,
        comment: String?, at date: Date
    ) -> String {
        let preparer = run.preparer?.name ?? "no preparer recorded"
        var text = "soxready sign-off\n"
        text += "Application: \(app)\n"
        text += "Run: \(run.summary.number), recorded \(Timestamp.string(run.summary.recordedAt)), fingerprint \(run.fingerprint)\n"
        text += "Questionnaire: \(run.summary.questionnaireID) \(run.summary.questionnaireVersion)\n"
        text += "Readiness: \(run.result.readiness.title)\n"
        text += "Reviewer: \(reviewer), \(role)\n"
        text += "Date: \(Timestamp.string(date))\n"
        switch decision {
        case .approve:
            text += approval(preparer: preparer) + "\n"
        case .sendBack:
            text +=
                "I have read the migration plan of this run and send it back: it is not accepted as the remediation plan. "
                + "This is not an audit opinion.\n"
        }
        if let comment, !comment.isEmpty { text += "Comment: \(comment)\n" }
        return text
    }
}
