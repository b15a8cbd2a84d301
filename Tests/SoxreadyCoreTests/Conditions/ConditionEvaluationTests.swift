import Testing

@testable import SoxreadyCore

struct ConditionEvaluationTests {
    let answers: [String: AnswerValue] = [
        "hosting": .choices(["iaas", "paas"]),
        "filer": .choice("accelerated"),
        "days": .number(90),
        "cutover": .date(CalendarDate("2027-03-31")!),
        "notes": .text("Runs on Oracle EBS"),
    ]

    func value(_ text: String) throws -> Bool? {
        try ConditionParser.parse(text).evaluate { answers[$0] }
    }

    @Test func comparisonsOnEachType() throws {
        #expect(try value("hosting contains 'iaas'") == true)
        #expect(try value("hosting contains 'saas'") == false)
        #expect(try value("filer == 'accelerated'") == true)
        #expect(try value("filer != 'accelerated'") == false)
        #expect(try value("filer in ['large-accelerated', 'accelerated']") == true)
        #expect(try value("days >= 90") == true)
        #expect(try value("days > 90") == false)
        #expect(try value("days < 91") == true)
        #expect(try value("days <= 89") == false)
        #expect(try value("days in [30, 60]") == false)
        #expect(try value("cutover < 2027-04-01") == true)
        #expect(try value("cutover == 2027-03-31") == true)
        #expect(try value("notes contains 'oracle'") == true)
        #expect(try value("notes == 'Runs on Oracle EBS'") == true)
    }

    @Test func testsOnUnansweredQuestionsAreUndetermined() throws {
        #expect(try value("missing == 'x'") == nil)
        #expect(try value("not missing == 'x'") == nil)
        #expect(try value("answered(missing)") == false)
        #expect(try value("not answered(missing)") == true)
    }

    @Test func kleeneLogicWithUndeterminedSides() throws {
        #expect(try value("missing == 'x' or days >= 90") == true)
        #expect(try value("missing == 'x' or days > 90") == nil)
        #expect(try value("missing == 'x' and days > 90") == false)
        #expect(try value("missing == 'x' and days >= 90") == nil)
    }

    @Test func undeterminedDoesNotHold() throws {
        let condition = try ConditionParser.parse("not missing == 'x'")
        #expect(condition.holds { answers[$0] } == false)
    }
}
