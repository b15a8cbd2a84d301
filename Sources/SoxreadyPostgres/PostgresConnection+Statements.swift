import PostgresNIO

extension PostgresConnection {
    /// The connection was closed (the server ended it, or the network did): postgres-nio 1.33.2
    /// would never answer a query sent now.
    struct Lost: Error {}

    /// Runs one statement and reads all its rows. An error of a statement that returns rows
    /// arrives with the rows, so every result is read to the end, also when it is not needed.
    @discardableResult
    func rows(_ query: PostgresQuery) async throws -> [PostgresRowReader] {
        guard !isClosed else { throw Lost() }
        return try await self.query(query, logger: BlockingBridge.logger).collect().map(PostgresRowReader.init)
    }

    /// The first row of a statement, or nil.
    func firstRow(_ query: PostgresQuery) async throws -> PostgresRowReader? {
        try await rows(query).first
    }
}
