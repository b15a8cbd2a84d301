import Foundation

/// The canonical JSON of an answer sheet, as kept in runs and drafts.
///
/// `{"question-id": {"answer": A, "note": "…", "evidence": "…", "owner": "…", "due": "YYYY-MM-DD"}}`
/// with sorted keys (keys without a value are left out), where A is
/// `{"choice": "id"}`, `{"choices": ["id", …]}`, `{"number": 90}`, `{"date": "2027-03-31"}`,
/// `{"text": "…"}`, `"unknown"`, `"n/a"`, or absent when skipped.
public enum AnswerSheetCoding {
    struct Entry: Codable {
        var answer: StoredAnswer?
        var note: String?
        var evidence: String?
        // Commitments (rules 2); absent in older sheets, so their JSON is unchanged.
        var owner: String?
        var due: CalendarDate?
    }

    /// The JSON form of one ``Answer``.
    public struct StoredAnswer: Codable, Sendable, Equatable {
        /// The answer as finance reads it.
        public var answer: Answer

        /// Wraps `answer` for encoding.
        public init(_ answer: Answer) { self.answer = answer }

        enum Keys: String, CodingKey { case choice, choices, number, date, text }

        /// Decodes `"unknown"` or `"n/a"`, else an object with one of the keys `choice`, `choices`, `number`,
        /// `date` or `text`.
        ///
        /// - Throws: `DecodingError` for another string, or an object with none of those keys.
        public init(from decoder: any Decoder) throws {
            if let single = try? decoder.singleValueContainer(), let word = try? single.decode(String.self) {
                switch word {
                case "unknown": answer = .unknown
                case "n/a": answer = .notApplicable
                default:
                    throw DecodingError.dataCorrupted(
                        .init(codingPath: decoder.codingPath, debugDescription: "unexpected answer '\(word)'"))
                }
                return
            }
            let c = try decoder.container(keyedBy: Keys.self)
            if let id = try c.decodeIfPresent(String.self, forKey: .choice) {
                answer = .value(.choice(id))
            } else if let ids = try c.decodeIfPresent([String].self, forKey: .choices) {
                answer = .value(.choices(ids))
            } else if let number = try c.decodeIfPresent(Double.self, forKey: .number) {
                answer = .value(.number(number))
            } else if let date = try c.decodeIfPresent(CalendarDate.self, forKey: .date) {
                answer = .value(.date(date))
            } else {
                answer = .value(.text(try c.decode(String.self, forKey: .text)))
            }
        }

        /// Encodes `unknown` and `n/a` as those strings, a value as an object with its one key (`choice`,
        /// `choices`, `number`, `date` or `text`).
        public func encode(to encoder: any Encoder) throws {
            switch answer {
            case .unknown:
                var c = encoder.singleValueContainer()
                try c.encode("unknown")
            case .notApplicable:
                var c = encoder.singleValueContainer()
                try c.encode("n/a")
            case .value(let value):
                var c = encoder.container(keyedBy: Keys.self)
                switch value {
                case .choice(let id): try c.encode(id, forKey: .choice)
                case .choices(let ids): try c.encode(ids, forKey: .choices)
                case .number(let number): try c.encode(number, forKey: .number)
                case .date(let date): try c.encode(date, forKey: .date)
                case .text(let text): try c.encode(text, forKey: .text)
                }
            }
        }
    }

    /// Canonical JSON bytes (sorted keys, no insignificant whitespace).
    public static func encode(_ sheet: AnswerSheet) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(
            sheet.mapValues {
                Entry(answer: $0.answer.map(StoredAnswer.init), note: $0.note, evidence: $0.evidence, owner: $0.owner, due: $0.due)
            })
    }

    /// Decodes ``encode(_:)``'s output.
    public static func decode(_ data: Data) throws -> AnswerSheet {
        try JSONDecoder().decode([String: Entry].self, from: data).mapValues {
            AnswerRecord(answer: $0.answer?.answer, note: $0.note, evidence: $0.evidence, owner: $0.owner, due: $0.due)
        }
    }

    /// The JSON of one answer, for draft rows.
    public static func encode(_ answer: Answer) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(StoredAnswer(answer)), as: UTF8.self)
    }

    /// A draft row's record: its answer JSON (nil when skipped), note, evidence and commitment.
    public static func decodeRecord(
        answer: String?, note: String?, evidence: String?, owner: String? = nil, due: String? = nil
    ) throws -> AnswerRecord {
        AnswerRecord(
            answer: try answer.map(decodeAnswer), note: note, evidence: evidence, owner: owner, due: due.flatMap(CalendarDate.init))
    }

    static func decodeAnswer(_ text: String) throws -> Answer {
        try JSONDecoder().decode(StoredAnswer.self, from: Data(text.utf8)).answer
    }
}
