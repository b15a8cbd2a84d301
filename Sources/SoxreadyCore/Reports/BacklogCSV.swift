/// The remediation backlog as CSV for an Azure DevOps Boards work-item import
/// (docs/export.md, "Boards backlog"): one work item per gap, grouped by phase, in remediation
/// order, with the columns `Work Item Type, Title, Description, Assigned To, Target Date,
/// Priority, Tags, State`.
///
/// - Work Item Type and State come from the project's ``BoardsProcess`` (a type with Target Date,
///   and its initial state).
/// - Title: `Short title (question id): action` on one line, at most 255 UTF-16 code units (what
///   Boards counts), cut with `…`.
/// - Description is HTML: every value is HTML-escaped, one `<p>` per fact, no raw line break.
/// - Assigned To is the commitment's owner when written `Name <email>` or as an address (what
///   Boards can resolve), else empty, with the owner named in the Description.
/// - Target Date is the commitment's due date (`YYYY-MM-DD`); Priority 1–4; Tags
///   `soxready; SOX; <phase>; risk-<risk>; gating; ITGC-<area>…; CUEC-<theme>…`.
///
/// A run scored under rules version 1 keeps the backlog it was exported with (`Work Item Type,
/// Title, Description, Priority, Tags`, one Task per gap) byte for byte: it has no commitments,
/// and Boards imports that file as it is.
///
/// Cells are quoted per RFC 4180; a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
/// return gets a leading apostrophe so a spreadsheet cannot run it as a formula, unless it is a
/// plain number (`-5`, `13.5`), which stays a number. Boards keeps such an apostrophe in the field.
public enum BacklogCSV {
    /// The columns of a rules-2 backlog, in order.
    public static let columns = ["Work Item Type", "Title", "Description", "Assigned To", "Target Date", "Priority", "Tags", "State"]

    /// The CSV text of `run`'s backlog for a project of `process`, with CRLF line ends (as RFC
    /// 4180 and Excel expect).
    ///
    /// - Throws: ``QuestionnaireLoadError`` when the stored questionnaire no longer loads.
    public static func render(_ run: StoredRun, process: BoardsProcess = .agile) throws(QuestionnaireLoadError) -> String {
        render(try InterchangeRun(run), process: process)
    }

    static func render(_ run: InterchangeRun, process: BoardsProcess) -> String {
        if run.result.rules == .v1 { return rules1(run) }
        var lines = [columns.map(cell).joined(separator: ",")]
        for gap in run.gapsByPhase {
            let owner = gap.commitment.map { CommitmentOwner($0.owner) }
            let row = [
                process.workItemType, title("\(run.titled(gap.question)): \(gap.action)"), description(gap, run: run),
                owner?.boardsIdentity ?? "", gap.commitment?.due.description ?? "", String(gap.priority), tags(gap, run: run),
                process.initialState,
            ]
            lines.append(row.map(cell).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// At most 255 UTF-16 code units on one line: longer text is cut at a character boundary and
    /// ends with `…`.
    static func title(_ text: String) -> String {
        let line = text.collapsingWhitespace
        guard line.utf16.count > 255 else { return line }
        var out = ""
        var units = 0
        for character in line {
            let count = character.utf16.count
            guard units + count <= 254 else { break }
            out.append(character)
            units += count
        }
        return out.trimmingWhitespace + "…"
    }

    /// The Description: one `<p>` per fact, every value HTML-escaped.
    static func description(_ gap: AssessmentResult.GapEntry, run: InterchangeRun) -> String {
        let id = gap.question
        let question = run.question(id)
        let remediation = question?.remediation
        var facts: [(String, String)] = [("Question", "\(question?.prompt ?? id) (\(id))"), ("Current answer", run.answerText(id))]
        if let note = run.note(id) { facts.append(("Note", note)) }
        if let evidence = run.evidence(id) { facts.append(("Evidence recorded", evidence)) }
        if let commitment = gap.commitment {
            facts.append(
                (
                    "Commitment",
                    "\(CommitmentOwner(commitment.owner).name), due \(commitment.due) (\(InterchangeRun.statusText(commitment.status)) on \(run.asOf))"
                ))
        } else {
            facts.append(("Commitment", "none yet (no named owner and due date)"))
        }
        if !gap.owner.isEmpty { facts.append(("Control owner (role)", gap.owner)) }
        facts.append(("Phase", gap.phase.title))
        var risk = gap.risk.rawValue
        if gap.gating { risk += gap.gate == .technical ? ", technical gate" : ", ICFR gate" }
        facts.append(("Risk", risk))
        if let preview = gap.deficiencyPreview { facts.append(("Deficiency", InterchangeRun.previewText(preview))) }
        if let azure = remediation?.azure, !azure.isEmpty { facts.append(("Azure capability", azure.joined(separator: "; "))) }
        if let effort = remediation?.effort { facts.append(("Effort", effort.rawValue)) }
        if let itgc = question?.itgc, !itgc.isEmpty { facts.append(("ITGC area", itgc.map(\.title).joined(separator: "; "))) }
        if let cuec = question?.cuec, !cuec.isEmpty { facts.append(("CUEC theme", cuec.joined(separator: ", "))) }
        if let expected = question?.expectedEvidence, !expected.isEmpty {
            facts.append(("Evidence auditors expect", expected.joined(separator: "; ")))
        }
        let result = run.result
        facts.append(
            (
                "From soxready",
                "\(run.appName), run \(run.number) (fingerprint \(run.fingerprintShort)), \(result.questionnaire.id) \(result.questionnaire.version)"
            ))
        return facts.map { "<p>\($0.0.htmlEscaped): \($0.1.htmlEscaped)</p>" }.joined()
    }

    /// `soxready; SOX; <phase>; risk-<risk>`, `gating` for a gate, then `ITGC-<area>` and
    /// `CUEC-<theme>`; a `;` or `,` inside a theme becomes a space, and a tag given twice is kept once.
    static func tags(_ gap: AssessmentResult.GapEntry, run: InterchangeRun) -> String {
        let question = run.question(gap.question)
        var tags = ["soxready", "SOX", gap.phase.rawValue, "risk-\(gap.risk.rawValue)"]
        if gap.gating { tags.append("gating") }
        tags += (question?.itgc ?? []).map { "ITGC-\($0.rawValue)" }
        tags += (question?.cuec ?? []).map { "CUEC-\($0)" }
        var seen: Set<String> = []
        return tags.map { String($0.map { $0 == ";" || $0 == "," ? " " : $0 }).collapsingWhitespace }
            .filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
            .joined(separator: "; ")
    }

    /// The backlog of a rules-1 run, as soxready 0.1 wrote it.
    static func rules1(_ run: InterchangeRun) -> String {
        let result = run.result
        var lines = [["Work Item Type", "Title", "Description", "Priority", "Tags"].map(cell).joined(separator: ",")]
        for gap in run.gapsByPhase {
            let question = run.question(gap.question)
            let remediation = question?.remediation
            let title = String("\(gap.question): \(gap.action)".prefix(250))
            var description =
                "\(question?.prompt ?? "")\nCurrent answer: \(question == nil ? "" : run.answerText(gap.question))\nOwner: \(gap.owner)\nPhase: \(gap.phase.title)"
            if let azure = remediation?.azure, !azure.isEmpty { description += "\nAzure capability: \(azure.joined(separator: "; "))" }
            if let effort = remediation?.effort { description += "\nEffort: \(effort.rawValue)" }
            description +=
                "\nRisk: \(gap.risk.rawValue)\(gap.gating ? " (gating)" : "")\nITGC area: \(question?.itgc.map(\.title).joined(separator: "; ") ?? "")"
            if let cuec = question?.cuec, !cuec.isEmpty { description += "\nCUEC theme: \(cuec.joined(separator: ", "))" }
            description += "\nFrom soxready: \(run.appName), run \(run.number), \(result.questionnaire.id) \(result.questionnaire.version)"
            var tags = ["soxready", "SOX", gap.phase.rawValue, "risk-\(gap.risk.rawValue)"]
            if gap.gating { tags.append("gating") }
            let row = ["Task", title, description, String(gap.priority), tags.joined(separator: "; ")]
            lines.append(row.map(cell).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// One CSV cell: formula-safe and quoted when it holds a comma, quote or line break.
    public static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), !isPlainNumber(text) {
            text = "'" + text
        }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            return "\"" + text.replacing("\"", with: "\"\"") + "\""
        }
        return text
    }

    static func isPlainNumber(_ text: String) -> Bool {
        guard let value = Double(text), value.isFinite else { return false }
        return text.unicodeScalars.allSatisfy { "0123456789.-+".unicodeScalars.contains($0) }
    }
}
