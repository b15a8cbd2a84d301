import Foundation

/// `history --format json` (`soxready/history@1`): every run of one application.
public struct HistoryDocument: Encodable, Sendable {
    /// Always `soxready/history@1`.
    public var format = "soxready/history@1"
    /// The application's name as the store holds it (not as typed after `--app`).
    public var app: String
    /// Its runs, oldest first.
    public var runs: [RunEntry]

    /// The document of an application's runs, each with the change from the run before and the
    /// decision that counts for it among `signOffs`.
    public init(app: String, runs: [RunSummary], signOffs: [SignOff] = []) {
        self.app = app
        var previous: Double?
        var items: [RunEntry] = []
        for run in runs {
            var entry = RunEntry(run, previousScore: previous)
            entry.signOff = SignOffEntry(signOffs.last { $0.runNumber == run.number })
            items.append(entry)
            previous = run.score ?? previous
        }
        self.runs = items
    }

    /// The JSON bytes.
    public func jsonData() throws -> Data { try JSONContract.encode(self) }
}
