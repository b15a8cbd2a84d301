import ArgumentParser
import Foundation
import SoxreadyCore

/// `soxready bench-generate` (hidden): a store of synthetic applications and runs for benchmarks.
struct BenchGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-generate",
        abstract: "Fill a store with N applications × R runs of synthetic answers (for Benchmarks/run.sh).",
        shouldDisplay: false)

    @Option(name: .long, help: "Number of applications.")
    var apps: Int = 1000

    @Option(name: .long, help: "Runs per application.")
    var runs: Int = 12

    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = 20_261_129

    @Option(name: .long, help: ArgumentHelp("Questionnaire id or path.", valueName: "id-or-path"))
    var questionnaire: String = QuestionnaireCatalog.defaultID

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reportingFailures {
            let loaded = try QuestionnaireCatalog.forProcess.resolve(questionnaire)
            let store = try global.openStoreForWriting()
            let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
            for app in 0..<apps {
                var generator = SyntheticAnswers(seed: seed &+ UInt64(app) &* 1_000_003)
                let name = String(format: "Synthetic application %05d", app + 1)
                for run in 0..<runs {
                    let maturity = 0.45 + 0.5 * Double(run) / Double(max(1, runs - 1))
                    let answers = generator.answers(for: loaded.questionnaire, maturity: maturity)
                    _ = try store.record(
                        RunToRecord(
                            scoring: answers, appName: name, questionnaire: loaded,
                            recordedAt: start.addingTimeInterval(Double(run) * 14 * 86_400 + Double(app)),
                            preparer: Preparer(name: "Benchmark preparer")))
                }
            }
            try Console.out("\(apps) applications × \(runs) runs in \(store.location.terminalSafe())\n")
        }
    }
}
