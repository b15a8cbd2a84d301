import Foundation

/// Decoding a file's bytes as UTF-8, and saying where they stop being UTF-8.
///
/// A file that exists but is not UTF-8 text is bad data (exit 65), not missing input (66): the
/// loaders report it with the first offending byte, its offset, line and column.
public enum UTF8Text {
    /// Where a file stops being UTF-8.
    public struct Invalid: Error, Sendable, Equatable {
        /// The first byte that does not belong to a well-formed UTF-8 sequence.
        public var byte: UInt8
        /// Its offset from the start of the file, counted from 0.
        public var offset: Int
        /// Its line (from 1) and column (characters, from 1).
        public var location: SourceLocation

        /// "byte 0xFC at offset 123".
        public var description: String { "byte 0x\(String(byte, radix: 16, uppercase: true).leftPadded(to: 2)) at offset \(offset)" }
    }

    /// The text of `data`.
    ///
    /// - Throws: ``Invalid`` naming the first byte that is not well-formed UTF-8.
    public static func decode(_ data: Data) throws(Invalid) -> String {
        if let invalid = firstInvalid(in: data) { throw invalid }
        // A byte-order mark is not part of the text (as Foundation's decoding had it).
        return String(decoding: data.starts(with: byteOrderMark) ? data.dropFirst(byteOrderMark.count) : data, as: UTF8.self)
    }

    /// The UTF-8 byte-order mark, which some editors put at the start of a file.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The first byte of `data` that is not part of a well-formed UTF-8 sequence (RFC 3629: no
    /// overlong forms, no surrogates, nothing above U+10FFFF), nil when there is none.
    static func firstInvalid(in data: Data) -> Invalid? {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Invalid? in
            let bytes = buffer.bindMemory(to: UInt8.self)
            // The byte-order mark takes no column.
            var index = data.starts(with: byteOrderMark) ? byteOrderMark.count : 0
            var line = 1
            var column = 1
            while index < bytes.count {
                let lead = bytes[index]
                let length: Int
                var secondRange: ClosedRange<UInt8> = 0x80...0xBF
                switch lead {
                case 0x00...0x7F: length = 1
                case 0xC2...0xDF: length = 2
                case 0xE0:
                    length = 3
                    secondRange = 0xA0...0xBF
                case 0xED:
                    length = 3
                    secondRange = 0x80...0x9F
                case 0xE1...0xEF: length = 3
                case 0xF0:
                    length = 4
                    secondRange = 0x90...0xBF
                case 0xF1...0xF3: length = 4
                case 0xF4:
                    length = 4
                    secondRange = 0x80...0x8F
                default: return Invalid(byte: lead, offset: index, location: SourceLocation(line: line, column: column))
                }
                for position in 1..<length {
                    let next = index + position
                    let allowed = position == 1 ? secondRange : 0x80...0xBF
                    guard next < bytes.count, allowed.contains(bytes[next]) else {
                        // The sequence is cut short: the lead byte is where the text stops being UTF-8.
                        return Invalid(byte: lead, offset: index, location: SourceLocation(line: line, column: column))
                    }
                }
                if lead == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                index += length
            }
            return nil
        }
    }
}
