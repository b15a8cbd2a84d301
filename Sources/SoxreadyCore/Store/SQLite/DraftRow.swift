import Foundation
import GRDB

/// A row of `draft`: one unfinished assessment per application.
struct DraftRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "draft"
    var appID: Int64
    var questionnaireHash: String
    var startedAt: String
    var updatedAt: String
    var position: String?
    var owner: String
    var holderToken: String? = nil
    var holderUser: String? = nil
    var holderHost: String? = nil
    var holderProcess: Int32? = nil
    var heldSince: String? = nil
    var basedOnRun: Int?
    var onlyGaps: Bool

    enum Columns {
        static let appID = Column(CodingKeys.appID)
    }

    var holder: DraftHolder? {
        guard holderToken != nil, let holderUser, let holderHost, let holderProcess else { return nil }
        return DraftHolder(
            user: holderUser, host: holderHost, processID: holderProcess,
            since: heldSince.flatMap(Timestamp.date) ?? Date(timeIntervalSince1970: 0))
    }

    mutating func hold(for session: DraftSession) {
        holderToken = session.token
        holderUser = session.user
        holderHost = session.host
        holderProcess = session.processID
        heldSince = Timestamp.string(session.startedAt)
    }

    mutating func release() {
        holderToken = nil
        holderUser = nil
        holderHost = nil
        holderProcess = nil
        heldSince = nil
    }
}
