/// The remediation actions as CSV for an Azure DevOps Boards work-item import: columns
/// `Work Item Type, Title, Description, Priority, Tags`, one Task per gap, in priority order.
///
/// Cells are quoted per RFC 4180; a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
/// return gets a leading apostrophe so a spreadsheet cannot run it as a formula, unless it is a
/// plain number (`-5`, `13.5`), which stays a number.
public enum BacklogCSV {
    /// The CSV text, with CRLF line ends (as RFC 4180 and Excel expect).
    public static func render(_ document: PlanDocument) -> String {
        var lines = [["Work Item Type", "Title", "Description", "Priority", "Tags"].map(cell).joined(separator: ",")]
        for phase in document.phases {
            for action in phase.actions {
                let title = String("\(action.questionID): \(action.action)".prefix(250))
                var description = "\(action.prompt)\nCurrent answer: \(action.answer)\nOwner: \(action.owner)\nPhase: \(action.phase)"
                if !action.azure.isEmpty { description += "\nAzure capability: \(action.azure)" }
                if !action.effort.isEmpty { description += "\nEffort: \(action.effort)" }
                description += "\nRisk: \(action.risk)\(action.gating ? " (gating)" : "")\nITGC area: \(action.itgc)"
                if !action.cuec.isEmpty { description += "\nCUEC theme: \(action.cuec)" }
                description += "\nFrom soxready: \(document.appName), run \(document.runNumber), \(document.questionnaireID) \(document.questionnaireVersion)"
                var tags = ["soxready", "SOX", phase.id, "risk-\(action.risk)"]
                if action.gating { tags.append("gating") }
                let row = ["Task", title, description, String(action.priority), tags.joined(separator: "; ")]
                lines.append(row.map(cell).joined(separator: ","))
            }
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
