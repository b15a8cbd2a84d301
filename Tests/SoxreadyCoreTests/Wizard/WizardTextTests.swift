import SoxreadyTestSupport
import Testing

@testable import SoxreadyCore

/// Wrapping to the terminal's width (issue 10 item 15): word boundaries, wide characters.
struct WizardTextTests {
    @Test func wrapsAtWordBoundariesWithinTheWidth() {
        let text = "Auditors sample user access reviews more than any other control, so keep the sign-off."
        #expect(
            WizardText.wrap(text, width: 30, indent: "  ", continuation: "    ") == """
                  Auditors sample user access
                    reviews more than any
                    other control, so keep the
                    sign-off.
                """)
    }

    @Test func wideCharactersCountTwoColumnsAndCombiningMarksNone() {
        #expect("総勘定元帳".displayWidth == 10)
        #expect("Cafe\u{301}".displayWidth == 4)
        #expect("👍🏽".displayWidth == 2)
        // 総勘定 元帳の is 13 columns: the second word goes to the next line.
        #expect(WizardText.wrap("総勘定 元帳の 照合", width: 12) == "総勘定\n元帳の 照合")
    }

    @Test func onlyAWordWiderThanALineIsBroken() {
        #expect(WizardText.wrap("see https://example.com/a/very/long/path", width: 16) == "see\nhttps://example.\ncom/a/very/long/\npath")
    }

    @Test func theLayoutWidthIsTheTerminalsUpToOneHundredColumns() {
        #expect(WizardText.layoutWidth(80) == 80)
        #expect(WizardText.layoutWidth(200) == 100)
        #expect(WizardText.layoutWidth(5) == 20)
    }

    @Test func theLoopUsesTheWidthReadBeforeEachText() throws {
        let questionnaire = try QuestionnaireLoader.load(path: fixturePath("scoring-small.yaml")).questionnaire
        var session = WizardSession(questionnaire: questionnaire)
        let reader = ScriptedLineReader(["2", ":quit"])
        reader.columns = 40
        var shown: [String] = []
        _ = WizardLoop().run(
            &session, reader: reader,
            write: { text in
                shown.append(text)
                reader.columns = 60  // a resize after the first text
            }
        ) { _, _, _ in }
        let longest = shown.map { $0.split(separator: "\n").map(\.displayWidth).max() ?? 0 }
        #expect(longest[0] <= 40)
        #expect(shown.joined().contains("Answer with y(es), p(artial) or n(o) · ? help · :back :skip\n:unknown :quit\n"))
    }
}
