import ArgumentParser
import SoxreadyCore

extension QuestionnaireCommand {
    /// `soxready questionnaire list`: the questionnaires found in the search path.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the questionnaires found ($SOXREADY_QUESTIONNAIRES, ./Questionnaires, the installed share folder).")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try reportingFailures { try list() }
        }

        func list() throws {
            let catalog = QuestionnaireCatalog.forProcess
            let entries = catalog.entries()
            if entries.isEmpty {
                try Console.out("No questionnaires found. Looked in: \(catalog.searchPaths.joined(separator: ", "))".terminalSafe() + "\n")
                return
            }
            var rows: [[String]] = [["ID", "VERSION", "DOMAINS", "QUESTIONS", "GATING", "TITLE", "PATH"]]
            var seen: Set<String> = []
            for entry in entries {
                switch entry.result {
                case .success(let loaded):
                    let q = loaded.questionnaire
                    // The first file with an id@version in the search order is the one used.
                    let shadowed = !seen.insert(q.reference).inserted
                    rows.append([
                        q.id, q.version, String(q.domains.count), String(q.questions.count),
                        String(q.questions.filter(\.gating).count), q.title,
                        entry.path + (shadowed ? " (not used: same id and version found earlier)" : ""),
                    ])
                case .failure(let error):
                    let count: Int
                    if case .invalid(let diagnostics) = error { count = diagnostics.problemCount } else { count = 1 }
                    rows.append(["(invalid)", "-", "-", "-", "-", "\(count) error(s): run 'soxready questionnaire validate'", entry.path])
                }
            }
            // At a terminal's width the title is cut with "…" and DOMAINS, GATING, QUESTIONS and
            // then TITLE are left out (a note names them); the path is never cut. On a pipe every
            // row in full.
            let columns = [
                TextTable.Column("ID"), TextTable.Column("VERSION"), TextTable.Column("DOMAINS", drop: 1),
                TextTable.Column("QUESTIONS", drop: 3), TextTable.Column("GATING", drop: 2),
                TextTable.Column("TITLE", minimum: 16, drop: 4),
                TextTable.Column("PATH"),
            ]
            let cells = rows.dropFirst().map { $0.map { TextTable.Cell($0.terminalSafe()) } }
            let width = Terminal.outputWidth
            let rendered = TextTable(columns, rows: Array(cells)).render(width: width)
            try Console.out(
                rendered.text
                    + (width.map {
                        TextTable.droppedNote(rendered.dropped, width: $0, more: "questionnaire show ID has the title and the figures")
                    } ?? ""))
        }
    }
}
