import CLibCrypto

/// SHA-256 digests through the system libcrypto.
public enum SHA256Digest {
    /// The SHA-256 of `bytes` as 64 lower-case hex digits.
    public static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var digest = [UInt8](repeating: 0, count: 32)
        func hash(_ buffer: UnsafeBufferPointer<UInt8>) {
            digest.withUnsafeMutableBufferPointer { out in
                soxready_sha256(buffer.baseAddress, buffer.count, out.baseAddress)
            }
        }
        // Hash contiguous bytes (an array, a string's UTF-8) where they are, without a copy.
        if bytes.withContiguousStorageIfAvailable(hash) == nil {
            Array(bytes).withUnsafeBufferPointer(hash)
        }
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The SHA-256 of the UTF-8 bytes of `text`.
    public static func hex(_ text: String) -> String { hex(text.utf8) }
}
