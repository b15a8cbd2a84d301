/// libpq's `sslmode`: whether the connection is encrypted and how the server's certificate is checked.
///
/// `disable` and `allow` connect in plain text (postgres-nio has no "try plain first, then TLS");
/// `prefer` (libpq's default) and `require` encrypt without checking the certificate, as libpq does;
/// `verify-ca` checks that a trusted authority signed it (`sslrootcert`), `verify-full` also that it
/// names the host.
public enum PostgresSSLMode: String, Sendable, CaseIterable {
    /// Plain text only.
    case disable
    /// Plain text (libpq would switch to TLS if the server insisted).
    case allow
    /// TLS when the server offers it, else plain text; the certificate is not checked.
    case prefer
    /// TLS or no connection; the certificate is not checked.
    case require
    /// TLS; the certificate must be signed by a trusted authority.
    case verifyCA = "verify-ca"
    /// TLS; the certificate must be signed by a trusted authority and name the host.
    case verifyFull = "verify-full"
}
