import Foundation
import SoxreadyCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a `postgresql://` (or `postgres://`) URL means, read the way libpq reads it, with libpq's
/// environment fallbacks (`PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`, `PGDATABASE`, `PGSSLMODE`,
/// `PGSSLROOTCERT`, `PGPASSFILE`, `PGCONNECT_TIMEOUT`, `PGAPPNAME`) and defaults (port 5432, the
/// login name as user, the user name as database, `sslmode=prefer`).
///
/// docs/store.md ("PostgreSQL") lists the rules; the tests check them against libpq's own answers.
public struct PostgresConnectionInfo: Sendable, Equatable {
    /// The host: a name, an IP address, or a Unix-socket directory (starting with `/`).
    public var host: String
    /// The numeric address to connect to, if given (`hostaddr=`); the host then names it for TLS and the password file.
    public var hostaddr: String?
    /// The port.
    public var port: Int
    /// The user (role) name.
    public var user: String
    /// The password given in the URL, `?password=` or `PGPASSWORD` (nil when none was given or it was empty).
    public var password: String?
    /// The database.
    public var database: String
    /// Whether and how to use TLS.
    public var sslMode: PostgresSSLMode
    /// The file of trusted certificate authorities (`sslrootcert=`), for `verify-ca` and `verify-full`.
    public var sslRootCertificate: String?
    /// Seconds to wait for the connection (`connect_timeout=`); nil when not given or 0.
    public var connectTimeout: Int?
    /// The `application_name` the server shows in `pg_stat_activity`.
    public var applicationName: String?
    /// The password file given with `passfile=` or `PGPASSFILE`.
    public var passwordFile: String?

    /// libpq's default Unix-socket directory on Debian and Ubuntu.
    public static let defaultSocketDirectory = "/var/run/postgresql"

    /// True for a `postgresql://` or `postgres://` URL (anything else is a SQLite path).
    public static func isURL(_ location: String) -> Bool {
        location.hasPrefix("postgresql://") || location.hasPrefix("postgres://")
    }

    /// True when ``host`` is a Unix-socket directory.
    public var isUnixSocket: Bool { host.hasPrefix("/") }

    /// The Unix socket's path (`DIR/.s.PGSQL.PORT`).
    public var unixSocketPath: String { "\(host)/.s.PGSQL.\(port)" }

    /// Parses `url` as libpq does.
    ///
    /// - Parameters:
    ///   - url: The URL.
    ///   - environment: The process environment (its `PG…` variables fill what the URL leaves out).
    ///   - osUser: The effective user's login name (the default user).
    /// - Returns: The connection settings, with the `PG…` variables and libpq's defaults filled in.
    /// - Throws: ``StoreError/invalidLocation(location:reason:)`` (exit 64) naming what is wrong.
    public static func parse(_ url: String, environment: [String: String], osUser: String) throws(StoreError) -> PostgresConnectionInfo {
        do {
            return try parseURL(url, environment: environment, osUser: osUser)
        } catch let reason as URLProblem {
            throw .invalidLocation(location: redacted(url), reason: reason.text)
        } catch {
            throw .invalidLocation(location: redacted(url), reason: "\(error)")
        }
    }

    /// A reason a URL is refused.
    struct URLProblem: Error {
        var text: String
        init(_ text: String) { self.text = text }
    }

    private static let parameterNames: Set<String> = [
        "host", "hostaddr", "port", "user", "password", "dbname", "sslmode", "sslrootcert",
        "connect_timeout", "application_name", "passfile",
    ]

    private static let environmentNames = [
        "host": "PGHOST", "hostaddr": "PGHOSTADDR", "port": "PGPORT", "user": "PGUSER",
        "password": "PGPASSWORD", "dbname": "PGDATABASE", "sslmode": "PGSSLMODE",
        "sslrootcert": "PGSSLROOTCERT", "passfile": "PGPASSFILE",
        "connect_timeout": "PGCONNECT_TIMEOUT", "application_name": "PGAPPNAME",
    ]

    static func parseURL(_ url: String, environment: [String: String], osUser: String) throws -> PostgresConnectionInfo {
        let rest: Substring
        if url.hasPrefix("postgresql://") {
            rest = url.dropFirst("postgresql://".count)
        } else if url.hasPrefix("postgres://") {
            rest = url.dropFirst("postgres://".count)
        } else {
            throw URLProblem("not a PostgreSQL URL (postgresql:// or postgres://)")
        }
        var values: [String: String] = [:]
        // ?query first, then /dbname, then userinfo@, then host:port.
        var main = rest
        var query: Substring?
        if let mark = main.firstIndex(of: "?") {
            query = main[main.index(after: mark)...]
            main = main[..<mark]
        }
        var authority = main
        if let slash = main.firstIndex(of: "/") {
            authority = main[..<slash]
            let database = main[main.index(after: slash)...]
            if !database.isEmpty { values["dbname"] = try decode(database) }
        }
        if let at = authority.lastIndex(of: "@") {
            let userinfo = authority[..<at]
            authority = authority[authority.index(after: at)...]
            if let colon = userinfo.firstIndex(of: ":") {
                let user = userinfo[..<colon]
                if !user.isEmpty { values["user"] = try decode(user) }
                // An empty password counts as not given: PGPASSWORD and the password file still apply.
                let password = try decode(userinfo[userinfo.index(after: colon)...])
                if !password.isEmpty { values["password"] = password }
            } else if !userinfo.isEmpty {
                values["user"] = try decode(userinfo)
            }
        }
        if authority.contains(",") { throw URLProblem("several hosts in one URL are not supported; name one host") }
        var hostPart = authority
        var portPart: Substring?
        if hostPart.hasPrefix("[") {
            guard let close = hostPart.firstIndex(of: "]") else { throw URLProblem("missing ] in the IPv6 host address") }
            let inner = hostPart[hostPart.index(after: hostPart.startIndex)..<close]
            if inner.isEmpty { throw URLProblem("the IPv6 host address is empty") }
            let after = hostPart[hostPart.index(after: close)...]
            if !after.isEmpty {
                guard after.first == ":" else { throw URLProblem("unexpected character after the IPv6 host address") }
                portPart = after.dropFirst()
            }
            hostPart = inner
        } else if let colon = hostPart.firstIndex(of: ":") {
            portPart = hostPart[hostPart.index(after: colon)...]
            hostPart = hostPart[..<colon]
        }
        if !hostPart.isEmpty { values["host"] = try decode(hostPart) }
        if let portPart, !portPart.isEmpty { values["port"] = try decode(portPart) }

        // Query parameters override the parts above.
        if let query, !query.isEmpty {
            for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
                guard let equals = pair.firstIndex(of: "=") else {
                    throw URLProblem("missing key/value separator \"=\" in URI query parameter: \"\(pair)\"")
                }
                let key = try decode(pair[..<equals])
                let rawValue = pair[pair.index(after: equals)...]
                if rawValue.contains("=") { throw URLProblem("extra key/value separator \"=\" in URI query parameter: \"\(key)\"") }
                guard parameterNames.contains(key) else { throw URLProblem("invalid URI query parameter: \"\(key)\"") }
                values[key] = try decode(rawValue)
            }
        }
        // The environment fills only options that were not given at all.
        for (key, variable) in environmentNames where values[key] == nil {
            if let value = environment[variable] { values[key] = value }
        }

        let user = nonEmpty(values["user"]) ?? osUser
        let portText = nonEmpty(values["port"]) ?? "5432"
        guard let port = Int(portText.trimmingWhitespace), (1...65535).contains(port) else {
            throw URLProblem("invalid integer value \"\(portText)\" for connection option \"port\"")
        }
        let modeText = nonEmpty(values["sslmode"]) ?? "prefer"
        guard let mode = PostgresSSLMode(rawValue: modeText) else { throw URLProblem("invalid sslmode value: \"\(modeText)\"") }
        var timeout: Int?
        if let text = nonEmpty(values["connect_timeout"]) {
            guard let seconds = Int(text.trimmingWhitespace) else {
                throw URLProblem("invalid integer value \"\(text)\" for connection option \"connect_timeout\"")
            }
            timeout = seconds <= 0 ? nil : max(seconds, 2)  // libpq: 0 or less waits for ever, 1 counts as 2
        }
        let hostaddr = nonEmpty(values["hostaddr"])
        return PostgresConnectionInfo(
            host: nonEmpty(values["host"]) ?? hostaddr ?? defaultSocketDirectory, hostaddr: hostaddr, port: port, user: user,
            password: values["password"], database: nonEmpty(values["dbname"]) ?? user, sslMode: mode,
            sslRootCertificate: nonEmpty(values["sslrootcert"]), connectTimeout: timeout,
            applicationName: nonEmpty(values["application_name"]), passwordFile: nonEmpty(values["passfile"]))
    }

    /// The password to send, as libpq picks it: the explicit one (URL, `?password=`, `PGPASSWORD`)
    /// when not empty, else the first matching line of the password file (`passfile=`,
    /// `PGPASSFILE`, else `HOME/.pgpass`).
    ///
    /// - Parameters:
    ///   - home: The home folder (`$HOME`, else the user's home from the password database).
    ///   - warn: Receives libpq's warning when the password file is ignored for its permissions.
    /// - Returns: The password, or nil when there is none (no password file, or no line of it matches).
    public func resolvedPassword(home: String?, warn: (String) -> Void = { _ in }) -> String? {
        if let password, !password.isEmpty { return password }
        let file: String
        if let passwordFile { file = passwordFile } else if let home, !home.isEmpty { file = home + "/.pgpass" } else { return nil }
        // libpq looks the host up as given; the default socket directory counts as "localhost".
        let lookupHost = host.isEmpty || host == Self.defaultSocketDirectory ? "localhost" : host
        return PostgresPasswordFile.lookup(file: file, host: lookupHost, port: String(port), database: database, user: user, warn: warn)
    }

    /// `url` without its password (`user:secret@` becomes `user@`, `password=` parameters are
    /// left out), for messages and ``AssessmentStore/location``.
    public static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        var rest = url[scheme.upperBound...]
        var query: Substring?
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        var authority = rest, path: Substring = ""
        if let slash = rest.firstIndex(of: "/") {
            authority = rest[..<slash]
            path = rest[slash...]
        }
        if let at = authority.lastIndex(of: "@") {
            let userinfo = authority[..<at]
            let user = userinfo.firstIndex(of: ":").map { userinfo[..<$0] } ?? userinfo
            authority = user + authority[at...]
        }
        var result = String(url[..<scheme.upperBound]) + authority + path
        if let query {
            let kept = query.split(separator: "&", omittingEmptySubsequences: false).filter { !$0.hasPrefix("password=") }
            if !kept.isEmpty { result += "?" + kept.joined(separator: "&") }
        }
        return result
    }

    /// The effective user's login name, as libpq finds it (the password database, not `$USER`).
    public static func effectiveUserName() -> String {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return "" }
        return String(cString: name)
    }

    /// The home folder libpq reads `.pgpass` from: `$HOME`, else the password database's.
    public static func homeFolder(environment: [String: String]) -> String? {
        if let home = environment["HOME"], !home.isEmpty { return home }
        guard let entry = getpwuid(geteuid()), let dir = entry.pointee.pw_dir else { return nil }
        return String(cString: dir)
    }
}

private func nonEmpty(_ text: String?) -> String? {
    guard let text, !text.isEmpty else { return nil }
    return text
}

/// Percent-decoding as libpq does it: an invalid escape and `%00` are errors.
private func decode(_ text: Substring) throws -> String {
    var bytes: [UInt8] = []
    var rest = Array(text.utf8)[...]
    while let byte = rest.popFirst() {
        guard byte == UInt8(ascii: "%") else {
            bytes.append(byte)
            continue
        }
        guard rest.count >= 2, let high = hexValue(rest[rest.startIndex]), let low = hexValue(rest[rest.startIndex + 1]) else {
            throw PostgresConnectionInfo.URLProblem("invalid percent-encoded token: \"\(text)\"")
        }
        rest = rest.dropFirst(2)
        let value = high << 4 | low
        if value == 0 { throw PostgresConnectionInfo.URLProblem("forbidden value %00 in percent-encoded value: \"\(text)\"") }
        bytes.append(value)
    }
    return String(decoding: bytes, as: UTF8.self)
}

private func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
}
