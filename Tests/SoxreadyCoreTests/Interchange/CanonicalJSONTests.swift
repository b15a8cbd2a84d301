import Foundation
import Testing

@testable import SoxreadyCore

struct CanonicalJSONTests {
    @Test func keysAreSortedAndTheLayoutIsFixed() {
        let value = CanonicalJSON.members([
            "b": .array([.string("x"), .object([:])]),
            "a": .string("1"),
            "B": .members(["z": .string("")]),
            "absent": nil,
            "empty-list": .array([]),
        ])
        #expect(
            value.text == """
                {
                  "B": {
                    "z": ""
                  },
                  "a": "1",
                  "b": [
                    "x",
                    {}
                  ]
                }

                """)
    }

    @Test func stringsAreEscapedAsRFC8259Asks() {
        let value = CanonicalJSON.string("\"\\/\n\r\t\u{0}\u{1F}\u{7F}\u{2028}é€😀")
        #expect(value.text == "\"\\\"\\\\/\\n\\r\\t\\u0000\\u001f\\u007f\\u2028é€😀\"\n")
        // Foundation's parser reads back the same string.
        let parsed = try? JSONSerialization.jsonObject(with: Data("[\(value.text)]".utf8)) as? [String]
        #expect(parsed == ["\"\\/\n\r\t\u{0}\u{1F}\u{7F}\u{2028}é€😀"])
    }
}
