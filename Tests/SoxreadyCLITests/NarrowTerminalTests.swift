import Foundation
import SoxreadyTestSupport
import Testing

/// What soxready prints at 80 columns (`COLUMNS=80`, as a terminal of that width gives): every
/// line fits, nothing is broken inside a word, a path or a number; without `COLUMNS` on a pipe,
/// whole lines as before.
struct NarrowTerminalTests {
    let folder: URL
    let generalLedger = repositoryRoot.appendingPathComponent("Questionnaires/examples/general-ledger.yaml").path

    init() throws { folder = try temporaryFolder() }

    /// Every line of `text` that is wider than `width` display columns.
    func tooWide(_ text: String, _ width: Int = 80) -> [String] {
        text.split(separator: "\n").map(String.init).filter { displayWidth($0) > width }
    }

    /// Columns on a terminal: wide East Asian characters count two (what the tables use).
    func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            if scalar.properties.generalCategory == .nonspacingMark { return width }
            let wide = (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
                || (0xFF00...0xFF60).contains(scalar.value)
            return width + (wide ? 2 : 1)
        }
    }

    @Test func validateWrapsItsOkLineAtAWord() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let narrow = try runSoxready(["questionnaire", "validate", "Questionnaires/sox-azure-migration.yaml"], directory: repositoryRoot,
                                     environment: ["COLUMNS": "80"])
        #expect(narrow.status == 0)
        #expect(narrow.stdout == """
            Questionnaires/sox-azure-migration.yaml: ok: sox-azure-migration 2.0.0, 16
              domains, 157 questions (146 scored, 32 gating)

            """)
        let piped = try runSoxready(["questionnaire", "validate", "Questionnaires/sox-azure-migration.yaml"], directory: repositoryRoot)
        #expect(piped.stdout
            == "Questionnaires/sox-azure-migration.yaml: ok: sox-azure-migration 2.0.0, 16 domains, 157 questions (146 scored, 32 gating)\n")
    }

    @Test func thePlanPathsGoOnLinesOfTheirOwn() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let assessed = try runSoxready(["assess", "--answers", generalLedger], directory: folder, environment: ["COLUMNS": "80"])
        #expect(assessed.status == 0, "\(assessed.stderr)")
        #expect(assessed.stdout.hasSuffix("""
            Plan written to:
              Reports/general-ledger/general-ledger-run-1.md
              Reports/general-ledger/general-ledger-run-1.html
            Sign-off pack:
              Reports/general-ledger/general-ledger-run-1.pack.html

            """))
    }
}
