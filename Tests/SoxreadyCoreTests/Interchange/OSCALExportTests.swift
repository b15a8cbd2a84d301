import Foundation
import SoxreadyTestSupport
import Testing

@testable import SoxreadyCore

/// The OSCAL documents of the worked example of docs/scoring.md (two gaps: mfa, an ICFR gate
/// partly met with Dana Lee's on-time commitment due 2027-02-14, P1, high risk, a potential
/// deficiency; reviews, answered "annually", P3, medium, no commitment). Every expected UUID
/// was worked out with Python's `uuid.uuid5` from the fixture fingerprint (docs/export.md).
struct OSCALExportTests {
    typealias JSON = [String: Any]

    func ar(_ run: StoredRun, preparedBy: String? = nil) throws -> JSON {
        let document = try InterchangeFixtures.json(try OSCALBuilder(run: run, preparedBy: preparedBy).assessmentResults())
        return try #require(document["assessment-results"] as? JSON)
    }

    func poam(_ run: StoredRun, preparedBy: String? = nil) throws -> JSON {
        let document = try InterchangeFixtures.json(try OSCALBuilder(run: run, preparedBy: preparedBy).planOfActionAndMilestones())
        return try #require(document["plan-of-action-and-milestones"] as? JSON)
    }

    func objects(_ value: Any?) -> [JSON] { value as? [JSON] ?? [] }

    func props(_ value: Any?) -> [String: String] {
        Dictionary(
            objects(value).compactMap { prop in (prop["name"] as? String).map { ($0, prop["value"] as? String ?? "") } },
            uniquingKeysWith: { first, _ in first })
    }

    @Test func theAssessmentResultsOfTheWorkedExample() throws {
        let doc = try ar(try InterchangeFixtures.worked())
        #expect(doc["uuid"] as? String == "bfb9f489-72ef-5f9a-a9b4-3b85a4737710")
        let metadata = try #require(doc["metadata"] as? JSON)
        #expect(metadata["title"] as? String == "soxready assessment results: General Ledger, run 1")
        #expect(metadata["last-modified"] as? String == "2027-01-15T12:00:00Z")
        #expect(metadata["version"] as? String == "run-1")
        #expect(metadata["oscal-version"] as? String == "1.2.1")
        #expect(props(metadata["props"])["run-fingerprint"] == InterchangeFixtures.fingerprint)
        #expect(props(metadata["props"])["rules-version"] == "2")
        #expect(objects(metadata["roles"]).map { $0["id"] as? String } == ["prepared-by", "remediation-owner"])
        // No preparer recorded: a party that says so; Dana Lee, who owns the commitment.
        #expect(
            objects(metadata["parties"]).map { $0["uuid"] as? String }
                == ["fdb41351-e681-5071-a17c-052460266b80", "86d8dabd-d249-5247-955b-da3ca819bae3"])
        #expect(objects(metadata["parties"]).map { $0["name"] as? String } == ["Preparer not recorded", "Dana Lee"])

        // The questionnaire stands in for the assessment plan, with its SHA-256.
        #expect((doc["import-ap"] as? JSON)?["href"] as? String == "#c22d16e9-ffd2-549b-ad78-0d89157a7757")
        let resources = objects((doc["back-matter"] as? JSON)?["resources"])
        #expect(resources.count == 1)
        #expect(resources.first?["uuid"] as? String == "c22d16e9-ffd2-549b-ad78-0d89157a7757")
        let rlinks = objects(resources.first?["rlinks"])
        let rlink = try #require(rlinks.first)
        #expect(rlink["href"] as? String == "urn:soxready:questionnaire:scoring-v2:1.0.0")
        #expect(objects(rlink["hashes"]).first?["algorithm"] as? String == "SHA-256")
        #expect(objects(rlink["hashes"]).first?["value"] as? String == InterchangeFixtures.scoringV2Hash)

        let result = try #require(objects(doc["results"]).first)
        #expect(result["uuid"] as? String == "cd155a0d-0b33-5e7e-b6dd-f8c4ff5bf30d")
        #expect(result["start"] as? String == "2027-01-15T12:00:00Z")
        #expect(result["title"] as? String == "General Ledger readiness for Azure: Ready with conditions")
        #expect(props(result["props"])["overall-score"] == "70.0")
        #expect(props(result["props"])["cutover-date"] == "2027-04-25")
        // The worked answers record no evidence, so there is no observation (and no empty list).
        #expect(result["observations"] == nil)

        let findings = objects(result["findings"])
        #expect(findings.map { $0["uuid"] as? String } == ["bd1bfa53-5ec4-5ec6-9b87-582052fc3046", "3fcd87f6-63d7-5aea-8a32-1ad1424278d3"])
        #expect(findings.map { $0["title"] as? String } == ["MFA for administrators (mfa)", "Access reviews (reviews)"])
        let mfa = try #require(findings.first)
        #expect(
            props(mfa["props"]) == [
                "question-id": "mfa", "priority": "1", "risk": "high", "phase": "before-migration",
                "points-lost": "13.5", "gate": "icfr", "deficiency-preview": "potential-deficiency",
            ])
        let target = try #require(mfa["target"] as? JSON)
        #expect(target["type"] as? String == "objective-id")
        #expect(target["target-id"] as? String == "soxready-mfa")
        #expect((target["status"] as? JSON)?["state"] as? String == "not-satisfied")
        #expect((target["status"] as? JSON)?["reason"] as? String == "fail")
        #expect(objects(mfa["related-risks"]).first?["risk-uuid"] as? String == "49b39d85-a35a-5680-b562-6224e9ba0ec9")
        #expect(props(findings[1]["props"])["priority"] == "3")
        #expect(props(findings[1]["props"])["risk"] == "medium")

        let risks = objects(result["risks"])
        #expect(risks.map { $0["uuid"] as? String } == ["49b39d85-a35a-5680-b562-6224e9ba0ec9", "ca188432-039c-5251-9325-cd35a45e3e58"])
        #expect(risks.map { $0["status"] as? String } == ["remediating", "open"])
        #expect(risks[0]["deadline"] as? String == "2027-02-14T00:00:00Z")
        #expect(risks[1]["deadline"] == nil)
        let facets = objects(objects(risks[0]["characterizations"]).first?["facets"])
        #expect(
            facets.map { "\($0["name"] ?? "")=\($0["value"] ?? "")" } == [
                "risk=high", "priority=1", "deficiency-preview=potential-deficiency",
            ])
        let remediation = try #require(objects(risks[0]["remediations"]).first)
        #expect(remediation["uuid"] as? String == "b21ffeda-dfab-5ace-9b5f-599ec7776ef1")
        #expect(remediation["lifecycle"] as? String == "planned")
        // The per-choice action of "partial" replaces the question's.
        #expect(remediation["title"] as? String == "Extend MFA to the command line.")
        let task = try #require(objects(remediation["tasks"]).first)
        #expect(task["uuid"] as? String == "dc1b87a9-57ef-5506-8665-1779a110239c")
        #expect(task["type"] as? String == "milestone")
        #expect(((task["timing"] as? JSON)?["on-date"] as? JSON)?["date"] as? String == "2027-02-14T00:00:00Z")
        #expect(props(task["props"]) == ["due-date": "2027-02-14", "commitment-status": "on-time"])
        let responsible = try #require(objects(task["responsible-roles"]).first)
        #expect(responsible["role-id"] as? String == "remediation-owner")
        #expect(responsible["party-uuids"] as? [String] == ["86d8dabd-d249-5247-955b-da3ca819bae3"])
        let reviews = try #require(objects(risks[1]["remediations"]).first)
        #expect(reviews["lifecycle"] as? String == "recommendation")
        #expect(reviews["tasks"] == nil)
    }

    @Test func thePlanOfActionAndMilestonesOfTheWorkedExample() throws {
        let doc = try poam(try InterchangeFixtures.worked())
        #expect(doc["uuid"] as? String == "9715dcdd-3e64-51bf-88f1-720683f96374")
        #expect((doc["metadata"] as? JSON)?["title"] as? String == "soxready plan of action and milestones: General Ledger, run 1")
        #expect((doc["system-id"] as? JSON)?["id"] as? String == "4f287255-709d-5730-a422-03d78f21cfa4")
        #expect((doc["system-id"] as? JSON)?["identifier-type"] as? String == "https://ietf.org/rfc/rfc4122")
        let items = objects(doc["poam-items"])
        #expect(items.map { $0["uuid"] as? String } == ["a6c0aa76-5662-565d-afc5-41ea0b0437f9", "03ea938c-1236-5693-9cd7-da3ebab0bc55"])
        #expect(
            props(items[0]["props"]) == [
                "question-id": "mfa", "priority": "1", "risk": "high", "phase": "before-migration",
                "due-date": "2027-02-14",
            ])
        #expect(
            items[0]["description"] as? String
                == "Extend MFA to the command line.\n\nCommitment: Dana Lee, due 2027-02-14 (on time on 2027-01-15).\n\nControl owner (role): IT security"
        )
        #expect(objects(items[1]["related-risks"]).first?["risk-uuid"] as? String == "ca188432-039c-5251-9325-cd35a45e3e58")
        // The same risks as the assessment results, without observations (the POA&M has none).
        let risks = objects(doc["risks"])
        #expect(risks.map { $0["uuid"] as? String } == ["49b39d85-a35a-5680-b562-6224e9ba0ec9", "ca188432-039c-5251-9325-cd35a45e3e58"])
        #expect(risks.allSatisfy { $0["related-observations"] == nil })
        #expect(
            objects((doc["back-matter"] as? JSON)?["resources"]).map { $0["uuid"] as? String } == ["c22d16e9-ffd2-549b-ad78-0d89157a7757"])
    }

    @Test func theSameRunAlwaysGivesTheSameBytesAndAnotherRunOtherElementUUIDs() throws {
        let run = try InterchangeFixtures.worked()
        let first = try OSCALBuilder(run: run, preparedBy: nil)
        let second = try OSCALBuilder(run: try InterchangeFixtures.worked(), preparedBy: nil)
        #expect(first.assessmentResults().data == second.assessmentResults().data)
        #expect(try first.planOfActionAndMilestones().data == second.planOfActionAndMilestones().data)
        var other = run
        other.fingerprint = String(repeating: "0", count: 64)
        let changed = try ar(other)
        #expect(changed["uuid"] as? String != "bfb9f489-72ef-5f9a-a9b4-3b85a4737710")
        // People keep their UUID across runs.
        #expect(objects((changed["metadata"] as? JSON)?["parties"]).last?["uuid"] as? String == "86d8dabd-d249-5247-955b-da3ca819bae3")
    }

    @Test func anAnswerWithEvidenceIsAnObservationWithItsResource() throws {
        let answers = InterchangeFixtures.worked(with: [
            "mfa": AnswerRecord(
                answer: .value(.choice("partial")), note: "CLI not covered", evidence: "CA-EXPORT-1", owner: "Dana Lee",
                due: CalendarDate(year: 2027, month: 2, day: 14)),
            "backup": AnswerRecord(answer: .value(.choice("yes")), evidence: "https://evidence.example/restore-3"),
        ])
        let doc = try ar(try InterchangeFixtures.scored(answers))
        let result = try #require(objects(doc["results"]).first)
        let observations = objects(result["observations"])
        // Questionnaire order: mfa (access) before backup (ops).
        #expect(observations.map { $0["uuid"] as? String }.first == "7668fd60-ff75-5816-abf8-2e096465a04d")
        #expect(observations.count == 2)
        let mfa = observations[0]
        #expect(mfa["methods"] as? [String] == ["INTERVIEW"])
        #expect(mfa["collected"] as? String == "2027-01-15T12:00:00Z")
        #expect(
            mfa["description"] as? String
                == "Question: Is MFA enforced for every administrator?\n\nAnswer: Partly (partial)\n\nNote: CLI not covered")
        #expect(objects(mfa["relevant-evidence"]).first?["href"] as? String == "#287d9008-3005-5647-85b4-95bb026d2ffb")
        #expect(
            objects(objects(result["findings"]).first?["related-observations"]).first?["observation-uuid"] as? String
                == "7668fd60-ff75-5816-abf8-2e096465a04d")
        let resources = objects((doc["back-matter"] as? JSON)?["resources"])
        #expect(resources.count == 3)
        #expect(resources[1]["uuid"] as? String == "287d9008-3005-5647-85b4-95bb026d2ffb")
        #expect((resources[1]["citation"] as? JSON)?["text"] as? String == "CA-EXPORT-1")
        #expect(resources[1]["rlinks"] == nil)
        // A web URL is a link as well as a citation.
        #expect(objects(resources[2]["rlinks"]).first?["href"] as? String == "https://evidence.example/restore-3")
    }

    @Test func userTextIsEscapedMarkdownOnOneLineWhereOSCALWantsALine() throws {
        let answers = InterchangeFixtures.worked(with: [
            "mfa": AnswerRecord(
                answer: .value(.choice("partial")), note: "<script>alert(1)</script> *all*\nsecond line",
                evidence: "  EV-1\n(draft) ", owner: "Dana\nLee <dana.lee@contoso.com>", due: CalendarDate(year: 2027, month: 2, day: 14))
        ])
        let doc = try ar(try InterchangeFixtures.scored(answers))
        let result = try #require(objects(doc["results"]).first)
        let observation = try #require(objects(result["observations"]).first)
        #expect(
            observation["description"] as? String == "Question: Is MFA enforced for every administrator?\n\nAnswer: Partly (partial)\n\n"
                + "Note: &lt;script&gt;alert(1)&lt;/script&gt; \\*all\\*\n\nsecond line")
        let resource = objects((doc["back-matter"] as? JSON)?["resources"])[1]
        #expect((resource["citation"] as? JSON)?["text"] as? String == "EV-1 (draft)")
        // The owner's address becomes the party's e-mail; the name is the same person as "Dana Lee".
        let party = objects((doc["metadata"] as? JSON)?["parties"]).last
        #expect(party?["name"] as? String == "Dana Lee")
        #expect(party?["email-addresses"] as? [String] == ["dana.lee@contoso.com"])
        #expect(party?["uuid"] as? String == "86d8dabd-d249-5247-955b-da3ca819bae3")
    }

    @Test func aRecordedPreparerIsThePartyWhoPreparedIt() throws {
        let doc = try ar(try InterchangeFixtures.worked(), preparedBy: "Priya Raman")
        let metadata = try #require(doc["metadata"] as? JSON)
        #expect(objects(metadata["parties"]).first?["uuid"] as? String == "a45583a6-b2c3-54a9-a466-e2a69645c59e")
        #expect(objects(metadata["responsible-parties"]).first?["party-uuids"] as? [String] == ["a45583a6-b2c3-54a9-a466-e2a69645c59e"])
        // A preparer who also owns a commitment is one party.
        let same = try ar(try InterchangeFixtures.worked(), preparedBy: "dana lee")
        #expect(objects((same["metadata"] as? JSON)?["parties"]).count == 1)
    }

    @Test func aRunWithNoOpenGapHasNoPlanOfActionAndMilestones() throws {
        let ready = try InterchangeFixtures.scored(ScoringRules2Tests.ready())
        #expect(ready.result.gaps.isEmpty)
        #expect(throws: InterchangeError.nothingToPlan(app: "General Ledger", run: 1)) {
            try OSCALBuilder(run: ready, preparedBy: nil).planOfActionAndMilestones()
        }
        #expect(InterchangeError.nothingToPlan(app: "General Ledger", run: 1).exitStatus == .dataError)
        // Its assessment results still record the run: observations for the evidence, no finding.
        let doc = try ar(ready)
        let result = try #require(objects(doc["results"]).first)
        #expect(result["findings"] == nil)
        #expect(objects(result["observations"]).count == 3)
        #expect(objects((doc["metadata"] as? JSON)?["roles"]).count == 1)
    }

    @Test func aRules1RunExportsWhatItHas() throws {
        let small = try QuestionnaireLoader.load(path: fixturePath("scoring-small.yaml")).questionnaire
        var sheet: AnswerSheet = [:]
        for (id, text) in ScoringTests.worked {
            sheet[id] = AnswerRecord(answer: try AnswerInterpreter.interpret(text, for: try #require(small.question(id))))
        }
        let run = try InterchangeFixtures.scored(sheet, file: "scoring-small.yaml", rules1: true)
        #expect(run.result.rules == .v1)
        let doc = try ar(run)
        #expect(props((doc["metadata"] as? JSON)?["props"])["rules-version"] == "1")
        let result = try #require(objects(doc["results"]).first)
        // Gaps of the rules-1 worked example (Fixtures/scoring-small-result.json): a1, b3, b1, a2, c2.
        let findings = objects(result["findings"])
        #expect(findings.map { props($0["props"])["question-id"] } == ["a1", "b3", "b1", "a2", "c2"])
        #expect(
            findings.map { (($0["target"] as? JSON)?["status"] as? JSON)?["reason"] as? String } == [
                "fail", "other", "fail", "fail", "other",
            ])
        #expect(props(findings[0]["props"])["gate"] == "gating")
        #expect(objects(result["risks"]).allSatisfy { $0["status"] as? String == "open" && $0["deadline"] == nil })
        let plan = try poam(run)
        #expect(objects(plan["poam-items"]).count == 5)
        #expect(objects((plan["metadata"] as? JSON)?["roles"]).map { $0["id"] as? String } == ["prepared-by"])
    }
}
