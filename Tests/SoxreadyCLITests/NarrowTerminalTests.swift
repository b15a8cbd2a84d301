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
            let wide =
                (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
                || (0xFF00...0xFF60).contains(scalar.value)
            return width + (wide ? 2 : 1)
        }
    }

    @Test func validateWrapsItsOkLineAtAWord() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let narrow = try runSoxready(
            ["questionnaire", "validate", "Questionnaires/sox-azure-migration.yaml"], directory: repositoryRoot,
            environment: ["COLUMNS": "80"])
        #expect(narrow.status == 0)
        #expect(
            narrow.stdout == """
                Questionnaires/sox-azure-migration.yaml: ok: sox-azure-migration 2.0.0, 16
                  domains, 157 questions (146 scored, 32 gating)

                """)
        let piped = try runSoxready(["questionnaire", "validate", "Questionnaires/sox-azure-migration.yaml"], directory: repositoryRoot)
        #expect(
            piped.stdout
                == "Questionnaires/sox-azure-migration.yaml: ok: sox-azure-migration 2.0.0, 16 domains, 157 questions (146 scored, 32 gating)\n"
        )
    }

    @Test func thePlanPathsGoOnLinesOfTheirOwn() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let assessed = try runSoxready(["assess", "--answers", generalLedger], directory: folder, environment: ["COLUMNS": "80"])
        #expect(assessed.status == 0, "\(assessed.stderr)")
        #expect(
            assessed.stdout.hasSuffix(
                """
                Plan written to:
                  Reports/general-ledger/general-ledger-run-1.md
                  Reports/general-ledger/general-ledger-run-1.html
                Sign-off pack:
                  Reports/general-ledger/general-ledger-run-1.pack.html

                """))
    }
}

/// The tables of `apps`, `history` and `diff` and the run summary at 80 columns: narrowed by
/// compact headers and dates, cut names with "…" and left-out columns that a note names; in full
/// on a pipe.
struct NarrowTableTests {
    let folder: URL
    let examples = ["general-ledger", "consolidation", "treasury-payments"].map {
        repositoryRoot.appendingPathComponent("Questionnaires/examples/\($0).yaml").path
    }

    init() throws { folder = try temporaryFolder() }

    /// `text` with every date (YYYY-MM-DD, with its time when there is one) replaced by "DATE".
    func undated(_ text: String) -> String {
        text.replacing(/\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?/, with: "DATE")
    }

    func assessExamples() throws {
        for example in examples {
            let assessed = try runSoxready(["assess", "--answers", example], directory: folder)
            #expect(assessed.status == 0, "\(assessed.stderr)")
        }
    }

    @Test func appsLeavesOutColumnsAndCutsLongNamesToFitEightyColumns() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try assessExamples()
        let narrow = try runSoxready(["apps"], directory: folder, environment: ["COLUMNS": "80"])
        #expect(narrow.status == 0, "\(narrow.stderr)")
        #expect(
            undated(narrow.stdout) == """
                APP                RECORDED    READINESS              SCORE  P1  SIGN-OFF  DRAFT
                -----------------  ----------  ---------------------  -----  --  --------  -----
                General Ledger     DATE  ready-with-conditions  82.6   5   pending   
                Group Consolidat…  DATE  not-ready              58.7   17  pending   
                Treasury Payments  DATE  ready                  98.9   0   pending   
                (RUN, CONFIDENCE, HIGH, MEDIUM and LOW are left out to fit 80 columns; apps
                --format json has every column.)

                """)
        // On a pipe with no COLUMNS, every column in full, as scripts read it.
        let piped = try runSoxready(["apps"], directory: folder)
        #expect(
            piped.stdout.split(separator: "\n").first.map(String.init)
                == "APP                  RUN  RECORDED              READINESS              SCORE  CONFIDENCE  BLOCKERS  HIGH  MEDIUM  LOW  SIGN-OFF  DRAFT"
        )
        #expect(piped.stdout.contains("Group Consolidation  1    "))
    }

    @Test func historyNamesTheQuestionnaireItLeftOut() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try assessExamples()
        let narrow = try runSoxready(["history", "--app", "General Ledger"], directory: folder, environment: ["COLUMNS": "80"])
        #expect(narrow.status == 0, "\(narrow.stderr)")
        #expect(
            undated(narrow.stdout) == """
                RUN  RECORDED    READINESS              SCORE  CHANGE  CONF.      P1  SIGN-OFF
                ---  ----------  ---------------------  -----  ------  ---------  --  --------
                1    DATE  ready-with-conditions  82.6   -       98.4 % 5★  5   pending
                (QUESTIONNAIRE, HIGH, MEDIUM and LOW are left out to fit 80 columns; every run
                is on sox-azure-migration 2.0.0; history --format json has every column.)

                """)
    }

    @Test func diffWrapsItsSentencesAndCutsDomainTitles() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try assessExamples()
        let rerun = try runSoxready(["assess", "--answers", examples[0]], directory: folder)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let narrow = try runSoxready(["diff", "--app", "General Ledger"], directory: folder, environment: ["COLUMNS": "80"])
        #expect(narrow.status == 0, "\(narrow.stderr)")
        let lines = narrow.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.filter { $0.count > 80 } == [])
        #expect(
            undated(lines.prefix(2).joined(separator: "\n")) == """
                General Ledger: run 1 (sox-azure-migration 2.0.0, DATE) → run 2
                  (sox-azure-migration 2.0.0, DATE)
                """)
        #expect(lines.contains("Commitments: 0 met · 0 met late · 0 slipped · 0 reassigned · 0 new ·"))
        #expect(lines.contains("Service-organization reliance: SOC 1, CUECs and period c…  76.0    76.0   0.0"))
        // On a pipe, the title whole.
        let piped = try runSoxready(["diff", "--app", "General Ledger"], directory: folder)
        #expect(piped.stdout.contains("Service-organization reliance: SOC 1, CUECs and period coverage  76.0"))
    }

    @Test func theSummaryNamesTheCommittedOwnerOfEachTopGap() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let assessed = try runSoxready(["assess", "--answers", examples[0]], directory: folder, environment: ["COLUMNS": "80"])
        #expect(assessed.status == 0, "\(assessed.stderr)")
        let lines = assessed.stdout.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.count > 80 } == [])
        guard let top = lines.firstIndex(of: "Top gaps:") else {
            Issue.record("no top gaps in \(assessed.stdout)")
            return
        }
        #expect(
            Array(lines[(top + 1)...(top + 5)]) == [
                "  P   QUESTION                     RISK  PTS   OWNER",
                "  --  ---------------------------  ----  ----  -------------------------------",
                "  P1  cuec-mapping [G]             high  13.5  Priya Raman (by 2027-04-30)",
                "      Map the remaining CUECs of each SOC 1 report to RCM controls with named",
                "      owners, and design controls for any CUEC no control meets.",
            ])
    }
}
