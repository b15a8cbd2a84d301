import Foundation
import PostgresNIO
import SoxreadyCore

extension PostgresStore {
    /// The columns of `soxready.sign_offs` a ``SignOff`` needs, qualified with `alias`.
    static func signOffColumns(_ alias: String) -> String {
        [
            "number", "run_number", "run_fingerprint", "reviewer", "role", "decision", "comment", "statement", "recorded_at", "signature",
            "previous_fingerprint", "fingerprint",
        ].map { "\(alias).\($0)" }.joined(separator: ", ")
    }

    static func signOff(_ row: PostgresRowReader) throws -> SignOff {
        SignOff(
            number: try row("number"), runNumber: try row("run_number"), runFingerprint: try row("run_fingerprint"),
            reviewer: try row("reviewer"), role: try row("role"),
            decision: SignOff.Decision(rawValue: try row("decision", as: String.self)) ?? .sendBack, comment: try row("comment"),
            statement: try row("statement"), recordedAt: try row("recorded_at"), signature: try row("signature"),
            previousFingerprint: try row("previous_fingerprint"), fingerprint: try row("fingerprint"))
    }

    /// Inserts one sign-off row as given.
    static func insertSignOff(_ connection: PostgresConnection, appID: Int, _ signOff: SignOff) async throws {
        try await connection.rows(
            """
            INSERT INTO soxready.sign_offs (app_id, number, run_number, run_fingerprint, reviewer, role, decision, comment, statement, recorded_at,
                signature, previous_fingerprint, fingerprint)
            VALUES (\(appID), \(signOff.number), \(signOff.runNumber), \(signOff.runFingerprint), \(signOff.reviewer), \(signOff.role),
                \(signOff.decision.rawValue), \(signOff.comment), \(signOff.statement), \(seconds(signOff.recordedAt)), \(signOff.signature),
                \(signOff.previousFingerprint), \(signOff.fingerprint))
            """)
    }

    /// The application's sign-offs, oldest first.
    static func signOffs(_ connection: PostgresConnection, appID: Int) async throws -> [SignOff] {
        try await connection.rows(
            """
            SELECT \(unescaped: signOffColumns("s")) FROM soxready.sign_offs s WHERE s.app_id = \(appID) ORDER BY s.number
            """
        ).map(signOff)
    }

    /// The application's sign-offs ordered by sign-off number, in one read-only transaction; see
    /// ``AssessmentStore/signOffs(appName:)``.
    ///
    /// - Throws: ``StoreError/appNotFound(name:known:)``.
    public func signOffs(appName: String) throws(StoreError) -> [SignOff] {
        try transaction(writing: false) { connection in
            try await Self.signOffs(connection, appID: try await Self.existingApp(connection, name: appName).id)
        }
    }

    /// Appends the sign-off, numbered after the application's last one and chained to its fingerprint, with
    /// reviewer and role trimmed and the application's row locked, in one transaction; see ``AssessmentStore/recordSignOff(_:)``.
    ///
    /// - Returns: The sign-off as stored, with its number and fingerprint.
    /// - Throws: ``StoreError/appNotFound(name:known:)``, ``StoreError/runNotFound(app:number:latest:)``,
    ///   ``StoreError/fingerprintChanged(app:run:)`` or ``StoreError/selfApproval(app:run:name:preparer:)``; nothing is recorded then.
    public func recordSignOff(_ new: NewSignOff) throws(StoreError) -> SignOff {
        try transaction(writing: true) { connection in
            let app = try await Self.lock(connection, try await Self.existingApp(connection, name: new.appName))
            let latest = try await connection.firstRow("SELECT max(number) AS latest FROM soxready.runs WHERE app_id = \(app.id)")?(
                "latest", as: Int?.self)
            guard
                let run = try await connection.firstRow(
                    """
                    SELECT number, fingerprint, prepared_by FROM soxready.runs WHERE app_id = \(app.id) AND number = \(new.runNumber)
                    """)
            else { throw StoreError.runNotFound(app: app.name, number: new.runNumber, latest: latest) }
            let runFingerprint: String = try run("fingerprint"), runNumber: Int = try run("number")
            guard runFingerprint == new.runFingerprint else { throw StoreError.fingerprintChanged(app: app.name, run: runNumber) }
            if new.decision == .approve, let preparer: String = try run("prepared_by"), SignOffRules.samePerson(preparer, new.reviewer) {
                throw StoreError.selfApproval(app: app.name, run: runNumber, name: new.reviewer.trimmingWhitespace, preparer: preparer)
            }
            let before = try await connection.firstRow(
                """
                SELECT number, fingerprint FROM soxready.sign_offs WHERE app_id = \(app.id) ORDER BY number DESC LIMIT 1
                """)
            var signOff = SignOff(
                number: (try before?("number", as: Int.self) ?? 0) + 1, runNumber: runNumber, runFingerprint: runFingerprint,
                reviewer: new.reviewer.trimmingWhitespace, role: new.role.trimmingWhitespace, decision: new.decision,
                comment: new.comment, statement: new.statement, recordedAt: Self.seconds(new.recordedAt),
                signature: new.signature, previousFingerprint: try before?("fingerprint"), fingerprint: "")
            signOff.fingerprint = RunFingerprint.compute(appSlug: app.slug, signOff: signOff)
            try await Self.insertSignOff(connection, appID: app.id, signOff)
            return signOff
        }
    }
}
