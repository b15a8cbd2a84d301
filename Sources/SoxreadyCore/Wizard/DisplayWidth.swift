extension Character {
    /// Columns the character takes on a terminal: 0 for combining marks and other zero-width
    /// characters, 2 for East Asian wide and fullwidth characters and emoji shown as pictures,
    /// 1 otherwise (the rules of `wcwidth`, per grapheme cluster).
    public var displayWidth: Int {
        var width = 0
        for scalar in unicodeScalars {
            width = max(width, scalar.displayWidth)
        }
        return width
    }
}

extension Unicode.Scalar {
    /// Columns the scalar takes on its own (see ``Swift/Character/displayWidth``).
    public var displayWidth: Int {
        let value = self.value
        if value == 0 { return 0 }
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if value == 0x200B || (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value) { return 0 }
        if properties.isEmojiPresentation { return 2 }
        return Self.wideRanges.contains { $0.contains(value) } ? 2 : 1
    }

    /// East Asian wide and fullwidth ranges, and emoji blocks shown wide.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
        0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}

extension StringProtocol {
    /// Columns the text takes on a terminal, on one line (see ``Swift/Character/displayWidth``).
    public var displayWidth: Int {
        // Printable ASCII, most of what soxready lays out, takes one column a byte: no grapheme
        // breaking or scalar properties needed (tables of 1,000 applications measure every cell).
        let ascii = utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        }
        if ascii == true { return utf8.count }
        return reduce(0) { $0 + $1.displayWidth }
    }
}
