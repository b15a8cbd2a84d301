import SoxreadyTestSupport
import Testing
@testable import SoxreadyCore

/// The bundled questionnaire meets the content bar of the foundation issue.
struct BundledQuestionnaireTests {
    let loaded: LoadedQuestionnaire

    init() throws {
        loaded = try QuestionnaireLoader.load(path: repositoryRoot.appendingPathComponent("Questionnaires/sox-azure-migration.yaml").path)
    }

    var questionnaire: Questionnaire { loaded.questionnaire }

    @Test func hasTheApplicationProfileAndFourteenScoredDomains() {
        #expect(questionnaire.id == "sox-azure-migration")
        #expect(questionnaire.domains.first?.id == "application-profile")
        #expect(questionnaire.domains.first?.isScored == false)
        #expect(questionnaire.domains.filter(\.isScored).count >= 14)
    }

    @Test func hasAtLeast110QuestionsAnd18Gating() {
        #expect(questionnaire.questions.count >= 110)
        #expect(questionnaire.questions.filter(\.gating).count >= 18)
    }

    @Test func everyScoredQuestionCarriesHelpRemediationTagsAndClass() {
        for question in questionnaire.questions where question.isScored {
            #expect(question.help.count >= 80, "\(question.id) needs help text")
            #expect(question.help.contains("Evidence"), "\(question.id) help should name the evidence auditors ask for")
            let remediation = question.remediation
            #expect(remediation?.action.isEmpty == false, "\(question.id)")
            #expect(remediation?.owner.isEmpty == false, "\(question.id)")
            #expect(remediation?.effort != nil, "\(question.id)")
            #expect(!question.itgc.isEmpty, "\(question.id) needs ITGC tags")
            #expect(question.control != nil || question.weight != nil, "\(question.id) needs a control class")
        }
    }

    @Test func whenConditionsUseTheApplicationProfile() {
        let conditional = questionnaire.questions.filter { $0.when != nil }
        #expect(conditional.count >= 5)
        let profile = Set(questionnaire.domains[0].questions.map(\.id))
        #expect(conditional.contains { $0.when!.referencedQuestions.contains { profile.contains($0) } })
    }

    @Test func theWhitepaperIsCitedAsTheFramingDocument() {
        #expect(questionnaire.sources.contains { $0.url == "https://aka.ms/Azure-SOX-Guide" })
    }
}

extension BundledQuestionnaireTests {
    @Test func noTextHasAWordBrokenAtAFoldedLine() throws {
        let broken = try Regex("[a-z]- (?!and |or |to )[a-z]")
        for question in questionnaire.questions {
            for text in [question.prompt, question.help, question.remediation?.action ?? ""] {
                #expect(text.firstMatch(of: broken) == nil, "\(question.id): \(text)")
            }
        }
    }
}
