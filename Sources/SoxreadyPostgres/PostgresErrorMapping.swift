import NIOSSL
import PostgresNIO
import SoxreadyCore

/// postgres-nio's errors as ``StoreError``s, each with its documented exit code: an unreachable
/// server, TLS or a missing database → ``StoreError/connectionFailed(location:reason:)`` (74); a
/// refused password or role → ``StoreError/accessDenied(location:reason:)`` (74); a lock not had
/// in time → ``StoreError/busy(location:waitedSeconds:)`` (75).
enum PostgresErrorMapping {
    /// SQLSTATEs after which the whole transaction is tried again (a serialization failure or a
    /// deadlock): the store gives up after a few tries with ``StoreError/busy(location:waitedSeconds:)``.
    static let retryable: Set<String> = ["40001", "40P01"]

    /// The SQLSTATE of a server error, also inside a transaction error.
    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// The store error for `error`.
    ///
    /// - Parameters:
    ///   - error: The error postgres-nio, NIO or the transaction body threw.
    ///   - location: The store's URL without its password.
    ///   - busyTimeout: The lock wait, for the busy message.
    ///   - passwordSource: Where the password came from, named when the server refuses it.
    /// - Returns: `error` itself when it is a ``StoreError`` already, else the one its type and SQLSTATE map
    ///   to: ``StoreError/connectionFailed(location:reason:)``, ``StoreError/accessDenied(location:reason:)``,
    ///   ``StoreError/busy(location:waitedSeconds:)``, or ``StoreError/io(location:reason:)`` for the rest.
    static func storeError(_ error: any Error, location: String, busyTimeout: Double, passwordSource: String?) -> StoreError {
        if let error = error as? StoreError { return error }
        if let timeout = error as? BlockingBridge.TimedOut {
            return .connectionFailed(location: location, reason: "the server did not answer within \(NumberText.plain(timeout.seconds)) s")
        }
        if error is PostgresConnection.Lost {
            return .connectionFailed(
                location: location, reason: "the connection to the server was lost; nothing more was written, try again")
        }
        if error is CancellationError { return .connectionFailed(location: location, reason: "the server did not answer in time") }
        if error is NIOSSLError || error is BoringSSLError {
            return .connectionFailed(location: location, reason: "the TLS handshake failed (\(error)); check sslmode and sslrootcert")
        }
        guard let error = error as? PSQLError else { return transport(error, location: location) }
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? "?????"
            let message = error.serverInfo?[.message] ?? "an error"
            switch state {
            case "28P01":
                return .accessDenied(
                    location: location,
                    reason: "\(message)" + (passwordSource.map { " (the password came from \($0))" } ?? "")
                        + "; check the user and the password (URL, PGPASSWORD, ~/.pgpass)")
            case "28000":
                return .accessDenied(
                    location: location,
                    reason: "\(message); the server's pg_hba.conf has no entry for this connection "
                        + "(does it require TLS? add ?sslmode=require)")
            case "42501":
                return .accessDenied(
                    location: location, reason: "\(message) (SQLSTATE 42501): the role lacks a grant that docs/store.md lists")
            case "3D000":
                return .connectionFailed(location: location, reason: "\(message); a DBA creates it (docs/store.md, \"PostgreSQL\")")
            case "57P01", "57P02", "57P03", "53300":
                return .connectionFailed(location: location, reason: "\(message) (SQLSTATE \(state)); try again")
            case "55P03", "57014", "40001", "40P01":
                return .busy(location: location, waitedSeconds: busyTimeout)
            case "SX001":
                return .io(location: location, reason: "the database refused to change a recorded row: \(message)")
            default:
                return .io(location: location, reason: "\(message) (SQLSTATE \(state))")
            }
        case .authMechanismRequiresPassword:
            return .accessDenied(
                location: location,
                reason: "the server asks for a password and none was found "
                    + "(in the URL, PGPASSWORD or the password file ~/.pgpass or PGPASSFILE)")
        case .sslUnsupported:
            return .connectionFailed(location: location, reason: "the URL asks for TLS (sslmode) but the server does not offer it")
        case .connectionError:
            return transport(error.underlying, location: location)
        case .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
            if let underlying = error.underlying, underlying is NIOSSLError || underlying is BoringSSLError {
                return .connectionFailed(
                    location: location, reason: "the TLS handshake failed (\(underlying)); check sslmode and sslrootcert")
            }
            return .connectionFailed(location: location, reason: "the server closed the connection; try again")
        case .failedToAddSSLHandler:
            return .connectionFailed(location: location, reason: "TLS could not be set up")
        case .queryCancelled:
            return .connectionFailed(location: location, reason: "the server did not answer in time")
        default:
            return .io(location: location, reason: "the PostgreSQL client failed (\(error.code))")
        }
    }

    /// A failure below the PostgreSQL protocol: refused, unknown host, timeout.
    private static func transport(_ underlying: (any Error)?, location: String) -> StoreError {
        guard let underlying else { return .connectionFailed(location: location, reason: "the connection failed") }
        if let connection = underlying as? NIOConnectionError {
            if connection.dnsAError != nil || connection.dnsAAAAError != nil {
                return .connectionFailed(location: location, reason: "unknown host \(connection.host)")
            }
            let reasons = connection.connectionErrors.map { "\($0.error)" }
            return .connectionFailed(
                location: location,
                reason: "nothing answers at \(connection.host) port \(connection.port)"
                    + (reasons.isEmpty ? "" : " (\(Set(reasons).sorted().joined(separator: "; ")))")
                    + "; is the server running and the URL right?")
        }
        if let channel = underlying as? ChannelError, case .connectTimeout(let limit) = channel {
            return .connectionFailed(
                location: location, reason: "the server did not answer within \(NumberText.plain(Double(limit.nanoseconds) / 1e9)) s")
        }
        if underlying is NIOSSLError || underlying is BoringSSLError {
            return .connectionFailed(location: location, reason: "the TLS handshake failed (\(underlying)); check sslmode and sslrootcert")
        }
        if underlying is SocketAddressError {
            return .connectionFailed(location: location, reason: "unknown host (\(underlying))")
        }
        if let io = underlying as? IOError {
            return .connectionFailed(location: location, reason: "\(io.description); is the server running and the URL right?")
        }
        return .connectionFailed(location: location, reason: "\(underlying)")
    }
}
