/// Deterministic synthetic answers for benchmarks: a SplitMix64 generator seeded per
/// application and run, so the same seed always gives the same store.
public struct SyntheticAnswers {
    var state: UInt64

    /// A generator for `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits (SplitMix64).
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound.
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// Answers to every question of `questionnaire`; `maturity` (0...1) makes better answers more
    /// likely, so later runs of an application improve. Some answers are `unknown` or skipped, fewer as
    /// `maturity` grows.
    public mutating func answers(for questionnaire: Questionnaire, maturity: Double) -> AnswerSheet {
        var sheet: AnswerSheet = [:]
        for question in questionnaire.questions {
            // Fewer skips and "don't know" as the application matures.
            let roll = Double(below(1000)) / (1.2 - maturity)
            if roll < 30 { continue }
            if roll < 80, question.isScored {
                sheet[question.id] = AnswerRecord(answer: .unknown)
                continue
            }
            let good = Double(below(1000)) / 1000 < maturity
            var value: AnswerValue
            switch question.type {
            case .choice, .yesNo, .yesPartialNo:
                let sorted = question.choices.sorted { ($0.score ?? 0) > ($1.score ?? 0) }
                value = .choice(good || sorted.count == 1 ? sorted[0].id : sorted[1 + below(sorted.count - 1)].id)
            case .multi:
                let ids = question.choices.map(\.id).filter { _ in below(2) == 0 || good }
                value = .choices(ids)
            case .number:
                let low = question.min ?? 0, high = question.max ?? 10_000
                value = .number(good ? high : (low + Double(below(Int(max(1, high - low))))))
            case .date:
                // swift-format-ignore: NeverForceUnwrap
                // Months 1–12 and days 1–28 of 2027 are all real dates.
                value = .date(CalendarDate(year: 2027, month: 1 + below(12), day: 1 + below(28))!)
            case .text:
                value = .text("Synthetic system \(below(100_000))")
            }
            var record = AnswerRecord(answer: .value(value))
            if below(10) == 0 { record.note = "Synthetic note \(below(1_000_000))" }
            if below(10) == 0 { record.evidence = "CHG-\(below(100_000))" }
            sheet[question.id] = record
        }
        return sheet
    }
}
