import CLibCrypto
import Foundation

/// Name-based UUIDs, version 5 (RFC 9562 §5.5, formerly RFC 4122 §4.3): the first 16 bytes of
/// SHA-1(namespace's 16 bytes ‖ the name's UTF-8 bytes), with the version nibble set to 5 and
/// the variant bits to `10`. The same namespace and name always give the same UUID, which is
/// what makes soxready's OSCAL documents byte-identical across renders (docs/export.md).
///
/// SHA-1 comes from the system libcrypto (`CLibCrypto`); it serves here as the UUID scheme's
/// hash, not for security.
public enum NameBasedUUID {
    /// The RFC's URL namespace, `6ba7b811-9dad-11d1-80b4-00c04fd430c8`.
    public static let urlNamespace = UUID(
        uuid: (
            0x6B, 0xA7, 0xB8, 0x11, 0x9D, 0xAD, 0x11, 0xD1,
            0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30, 0xC8
        ))

    /// soxready's root namespace: `v5(urlNamespace, "urn:soxready:oscal")`,
    /// `3e0841f4-064d-53b1-b5f8-50c98a7a2353`.
    public static let soxready = v5(namespace: urlNamespace, name: "urn:soxready:oscal")

    /// The version-5 UUID of `name` in `namespace`.
    public static func v5(namespace: UUID, name: String) -> UUID {
        var input = withUnsafeBytes(of: namespace.uuid) { Array($0) }
        input += Array(name.utf8)
        var digest = [UInt8](repeating: 0, count: 20)
        input.withUnsafeBufferPointer { buffer in
            digest.withUnsafeMutableBufferPointer { out in
                _ = SHA1(buffer.baseAddress, buffer.count, out.baseAddress)
            }
        }
        digest[6] = (digest[6] & 0x0F) | 0x50
        digest[8] = (digest[8] & 0x3F) | 0x80
        return UUID(
            uuid: (
                digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6], digest[7],
                digest[8], digest[9], digest[10], digest[11], digest[12], digest[13], digest[14], digest[15]
            ))
    }

    /// The canonical text of `uuid` in lower case, as OSCAL documents show it.
    public static func text(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }
}
