import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// libpq's password file (`~/.pgpass`, `$PGPASSFILE` or `passfile=`), read exactly as libpq's
/// `passwordFromFile()` reads it (docs/store.md, "Passwords"):
///
/// - a file that is not a regular file, or that the group or others may access, is ignored with
///   libpq's warning; a missing or unreadable one silently;
/// - lines `hostname:port:database:username:password`; empty lines and lines starting with `#`
///   are skipped; `\r` at the end of a line is dropped;
/// - the first line whose four fields match wins; a field matches when it is exactly `*` or equals
///   the value byte for byte; `\` makes the next character literal; the password ends at the
///   first unescaped `:`.
enum PostgresPasswordFile {
    /// The password of the first matching line of `file`, or nil.
    ///
    /// - Parameters:
    ///   - file: The password file's path.
    ///   - host: The host to match (`localhost` for the default socket directory).
    ///   - port: The port to match, as text.
    ///   - database: The database to match.
    ///   - user: The user to match.
    ///   - warn: Receives libpq's warning when the file is ignored for its mode or kind.
    /// - Returns: The de-escaped password of the first line whose four fields match; nil when `database` or
    ///   `user` is empty, the file is missing, unreadable or ignored, or no line matches.
    static func lookup(
        file: String, host: String, port: String, database: String, user: String,
        warn: (String) -> Void = { _ in }
    ) -> String? {
        if database.isEmpty || user.isEmpty { return nil }
        var status = stat()
        guard stat(file, &status) == 0 else { return nil }
        if (status.st_mode & S_IFMT) != S_IFREG {
            warn("WARNING: password file \"\(file)\" is not a plain file")
            return nil
        }
        if status.st_mode & (S_IRWXG | S_IRWXO) != 0 {
            warn("WARNING: password file \"\(file)\" has group or world access; permissions should be u=rw (0600) or less")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        // Bytes, not Characters: in Swift "\r\n" is one Character, so splitting a String on "\n" misses CRLF.
        for rawLine in Array(data).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            var line = rawLine
            while line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            if let password = match(line: line, fields: [host, port, database, user]) { return password }
        }
        return nil
    }

    /// The de-escaped password when `line` matches the four fields, else nil.
    static func match(line: ArraySlice<UInt8>, fields: [String]) -> String? {
        var rest = line
        for field in fields {
            guard let next = matchField(rest, token: Array(field.utf8)) else { return nil }
            rest = next
        }
        var password: [UInt8] = []
        var index = rest.startIndex
        while index < rest.endIndex && rest[index] != UInt8(ascii: ":") {
            if rest[index] == UInt8(ascii: "\\") && rest.index(after: index) < rest.endIndex { index = rest.index(after: index) }
            password.append(rest[index])
            index = rest.index(after: index)
        }
        return String(decoding: password, as: UTF8.self)
    }

    /// libpq's `pwdfMatchesString()`: what follows a field that matches `token` and its `:`, or nil.
    static func matchField(_ buffer: ArraySlice<UInt8>, token: [UInt8]) -> ArraySlice<UInt8>? {
        let colon = UInt8(ascii: ":"), backslash = UInt8(ascii: "\\"), star = UInt8(ascii: "*")
        var index = buffer.startIndex
        if buffer.count >= 2 && buffer[index] == star && buffer[buffer.index(after: index)] == colon {
            return buffer[buffer.index(index, offsetBy: 2)...]
        }
        var matched = 0
        var escaped = false
        while index < buffer.endIndex {
            if buffer[index] == backslash && !escaped {
                index = buffer.index(after: index)
                escaped = true
                if index == buffer.endIndex { return nil }
            }
            if buffer[index] == colon && matched == token.count && !escaped { return buffer[buffer.index(after: index)...] }
            escaped = false
            if matched == token.count { return nil }
            guard buffer[index] == token[matched] else { return nil }
            index = buffer.index(after: index)
            matched += 1
        }
        return nil
    }
}
