import Foundation
import Testing

@testable import SoxreadyCore

/// Where bytes stop being UTF-8 (RFC 3629), as the loaders report it.
struct UTF8TextTests {
    func invalid(_ bytes: [UInt8]) -> UTF8Text.Invalid? {
        do {
            _ = try UTF8Text.decode(Data(bytes))
            return nil
        } catch {
            return error
        }
    }

    @Test func wellFormedTextDecodes() throws {
        let text = "Zürich 総勘定元帳 ✅ e\u{301}\n"
        #expect(try UTF8Text.decode(Data(text.utf8)) == text)
        #expect(try UTF8Text.decode(Data()) == "")
        // A byte-order mark is dropped and takes no column.
        #expect(try UTF8Text.decode(Data([0xEF, 0xBB, 0xBF, 0x61])).unicodeScalars.map(\.value) == [0x61])
        #expect(invalid([0xEF, 0xBB, 0xBF, 0x61, 0xFC])?.location == SourceLocation(line: 1, column: 2))
    }

    @Test func theFirstBadByteIsNamedWithItsOffsetLineAndColumn() {
        // "a\nZ\xfcrich": 0xFC at offset 3, line 2, column 2.
        #expect(
            invalid([0x61, 0x0A, 0x5A, 0xFC, 0x72]) == UTF8Text.Invalid(byte: 0xFC, offset: 3, location: SourceLocation(line: 2, column: 2))
        )
        #expect(invalid([0x61, 0x0A, 0x5A, 0xFC, 0x72])?.description == "byte 0xFC at offset 3")
        // Columns count characters: "ü" (2 bytes) then 0x80 is column 2 of line 1.
        #expect(invalid([0xC3, 0xBC, 0x80])?.location == SourceLocation(line: 1, column: 2))
    }

    @Test(
        arguments: [
            [0xC0, 0xAF],  // overlong "/"
            [0xE0, 0x80, 0xAF],  // overlong, three bytes
            [0xED, 0xA0, 0x80],  // a UTF-16 surrogate
            [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
            [0xF5, 0x80, 0x80, 0x80],  // no such lead byte
            [0xE2, 0x82],  // cut short at the end
            [0xE2, 0x41, 0x41],  // cut short by ASCII
            [0xFF, 0xFE, 0x41, 0x00],  // UTF-16 with its byte-order mark
        ] as [[UInt8]])
    func malformedSequencesAreRefusedAtTheirLeadByte(bytes: [UInt8]) {
        #expect(invalid([0x41] + bytes) == UTF8Text.Invalid(byte: bytes[0], offset: 1, location: SourceLocation(line: 1, column: 2)))
    }
}
