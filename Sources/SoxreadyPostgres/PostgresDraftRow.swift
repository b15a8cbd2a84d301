import Foundation
import SoxreadyCore

/// A row of `soxready.drafts`: one unfinished assessment per application, with its owner and
/// the session holding it.
struct PostgresDraftRow: Sendable {
    var appID: Int
    var questionnaireHash: String
    var startedAt: Date
    var updatedAt: Date
    var position: String?
    var owner: String
    var holderToken: String?
    var holderUser: String?
    var holderHost: String?
    var holderProcess: Int?
    var heldSince: Date?
    var basedOnRun: Int?
    var onlyGaps: Bool

    /// The columns a query selects to read one.
    static let columns =
        "app_id, questionnaire_hash, started_at, updated_at, position, owner, holder_token, holder_user, holder_host, "
        + "holder_process, held_since, based_on_run, only_gaps"

    init(_ row: PostgresRowReader) throws {
        appID = try row("app_id")
        questionnaireHash = try row("questionnaire_hash")
        startedAt = try row("started_at")
        updatedAt = try row("updated_at")
        position = try row("position")
        owner = try row("owner")
        holderToken = try row("holder_token")
        holderUser = try row("holder_user")
        holderHost = try row("holder_host")
        holderProcess = try row("holder_process")
        heldSince = try row("held_since")
        basedOnRun = try row("based_on_run")
        onlyGaps = try row("only_gaps")
    }

    /// The session holding the draft, or nil.
    var holder: DraftHolder? {
        guard holderToken != nil, let holderUser, let holderHost, let holderProcess else { return nil }
        return DraftHolder(
            user: holderUser, host: holderHost, processID: Int32(truncatingIfNeeded: holderProcess),
            since: heldSince ?? Date(timeIntervalSince1970: 0))
    }
}
