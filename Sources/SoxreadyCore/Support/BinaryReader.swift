/// Reads what ``BinaryWriter`` wrote from a byte buffer, checking every length against the bytes
/// left: a truncated or damaged buffer throws ``Malformed``, it never reads out of bounds.
///
/// The reader borrows its buffer: use it only inside the `withUnsafeBytes` that provides it.
struct BinaryReader {
    /// The buffer ends before a value does, or holds a value that cannot be (a varint longer than
    /// 64 bits, a count larger than the bytes left, text that is not UTF-8, an unknown tag).
    struct Malformed: Error, Sendable, CustomStringConvertible {
        /// Where in the buffer, in bytes from its start.
        var offset: Int
        /// What was wrong.
        var reason: String
        var description: String { "at byte \(offset): \(reason)" }
    }

    private let buffer: UnsafeRawBufferPointer
    /// The next byte to read, from the buffer's start.
    private(set) var offset = 0

    /// A reader over `buffer`, which must outlive it.
    init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

    /// True when every byte has been read.
    var isAtEnd: Bool { offset == buffer.count }

    func malformed(_ reason: String) -> Malformed { Malformed(offset: offset, reason: reason) }

    mutating func byte() throws -> UInt8 {
        guard offset < buffer.count else { throw malformed("unexpected end of data") }
        defer { offset += 1 }
        return buffer[offset]
    }

    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        case let other: throw malformed("\(other) is not a boolean")
        }
    }

    mutating func unsigned() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64, shift < 63 || next <= 1 else { throw malformed("a number longer than 64 bits") }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws -> Int {
        let raw = try unsigned()
        let wide = Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
        guard let value = Int(exactly: wide) else { throw malformed("a number out of range") }
        return value
    }

    /// A count of elements or bytes, at most the bytes left (every element takes at least one).
    mutating func count() throws -> Int {
        let raw = try unsigned()
        guard raw <= UInt64(buffer.count - offset) else { throw malformed("a count of \(raw) with \(buffer.count - offset) bytes left") }
        return Int(raw)
    }

    mutating func double() throws -> Double {
        guard buffer.count - offset >= 8 else { throw malformed("unexpected end of data") }
        var bits: UInt64 = 0
        for index in (0..<8).reversed() { bits = bits << 8 | UInt64(buffer[offset + index]) }
        offset += 8
        return Double(bitPattern: bits)
    }

    mutating func bytes(_ count: Int) throws -> UnsafeRawBufferPointer {
        guard count >= 0, buffer.count - offset >= count else { throw malformed("unexpected end of data") }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + count)])
    }

    mutating func string() throws -> String {
        let utf8 = try bytes(try count()).assumingMemoryBound(to: UInt8.self)
        guard let text = String(validating: utf8, as: UTF8.self) else { throw malformed("text that is not UTF-8") }
        return text
    }

    mutating func optional<T>(_ read: (inout BinaryReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout BinaryReader) throws -> T) throws -> [T] {
        let count = try count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    /// A raw value of `E`, written as its text.
    mutating func enumeration<E: RawRepresentable>(_ type: E.Type) throws -> E where E.RawValue == String {
        let raw = try string()
        guard let value = E(rawValue: raw) else { throw malformed("'\(raw)' is not a \(E.self)") }
        return value
    }
}
