import PostgresNIO

/// Reads the columns of one result row by name.
struct PostgresRowReader {
    let cells: PostgresRandomAccessRow

    init(_ row: PostgresRow) { cells = row.makeRandomAccess() }

    /// The column `name` decoded as `T` (an Optional for a column that may be NULL).
    func callAsFunction<T: PostgresDecodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        try cells[name].decode(T.self)
    }
}
