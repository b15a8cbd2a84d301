import Foundation
import SoxreadyTestSupport
import Testing

@testable import SoxreadyCore

/// The compiled-questionnaire cache: the compiled form is the parsed questionnaire, field for
/// field; an entry that is missing, damaged or of another build is ignored and written again;
/// a changed file is parsed again; loading without a cache always parses the YAML.
struct QuestionnaireCacheTests {
    /// Every questionnaire file of the repository (the bundled one and the test fixtures).
    static let questionnaireFiles: [String] = {
        var files: [String] = []
        for folder in ["Questionnaires", "Tests"] {
            let root = repositoryRoot.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(atPath: root.path) else { continue }
            for case let name as String in walker where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                let path = root.appendingPathComponent(name).path
                guard let text = try? String(contentsOfFile: path, encoding: .utf8),
                    text.contains("format: soxready/questionnaire@1")
                else { continue }
                files.append(path)
            }
        }
        return files.sorted()
    }()

    /// A cache in a fresh temporary folder.
    func temporaryCache(toolVersion: String = "test 1") throws -> (cache: QuestionnaireCache, folder: URL) {
        let folder = try temporaryFolder()
        return (QuestionnaireCache(folder: folder.appendingPathComponent("questionnaires").path, toolVersion: toolVersion), folder)
    }

    /// `text` made unique with a comment, so that no earlier load in this process knows it.
    func unique(_ text: String) -> String { "# \(UUID().uuidString)\n" + text }

    func entries(_ cache: QuestionnaireCache) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache.folder)) ?? []).filter { $0.hasSuffix(".soxq") }
    }

    // MARK: - Compiled == parsed

    @Test func theRepositoryHasQuestionnairesToCompare() {
        #expect(Self.questionnaireFiles.contains { $0.hasSuffix("Questionnaires/sox-azure-migration.yaml") })
        #expect(Self.questionnaireFiles.count >= 5, "\(Self.questionnaireFiles)")
    }

    @Test(arguments: questionnaireFiles)
    func compiledEqualsParsed(path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let parsed: LoadedQuestionnaire
        do throws(QuestionnaireLoadError) {
            parsed = try QuestionnaireLoader.parseUncached(text, file: path)
        } catch {
            // A fixture with errors is never compiled: through a cache it fails the same way.
            let (cache, folder) = try temporaryCache()
            defer { try? FileManager.default.removeItem(at: folder) }
            #expect(throws: error) { try QuestionnaireLoader.parse(text, file: path, cache: cache) }
            #expect(entries(cache).isEmpty)
            return
        }
        let bytes = CompiledQuestionnaire.encode(parsed.questionnaire, warnings: parsed.warnings)
        let (questionnaire, warnings) = try bytes.withUnsafeBytes { try CompiledQuestionnaire.decode($0, file: path) }
        #expect(questionnaire == parsed.questionnaire)
        #expect(warnings == parsed.warnings)

        // And through an entry on disk.
        let (cache, folder) = try temporaryCache()
        defer { try? FileManager.default.removeItem(at: folder) }
        let digest = SHA256Digest.hex(text)
        cache.save(parsed, textDigest: digest)
        let loaded = try #require(cache.load(textDigest: digest, content: text, file: path))
        #expect(loaded == parsed)
    }

    /// Every field of the model set to something other than its default, and every form of `when`.
    static let everyField = """
        format: soxready/questionnaire@1
        id: every-field
        version: 1.2.3
        title: Every field
        description: |
          Two lines
          of description.
        sources:
          - {title: Guide, url: "https://example.com/guide", note: framing}
          - {title: Bare}
        thresholds: {ready: 80, notReady: 55, criticalDomainFloor: 45, unknownConfidence: 35, conditionalConfidence: 65,
                     readyConfidence: 88, closeWindowBefore: 5, closeWindowAfter: 10, minOperatingDays: 60}
        calendar: {cutover: cutover-date, fiscalYearEnd: fy-end}
        sharedResponsibility: {question: hosting, models: {onprem: on-premises, iaas: iaas, paas: paas}}
        domains:
          - id: profile
            title: Profile
            summary: Context.
            criticality: high
            weight: 2.5
            itgc: [entity]
            cuec: [Theme A]
            questions:
              - {id: hosting, prompt: Hosting?, type: multi, choices: [{id: onprem, label: On premises}, {id: iaas, label: IaaS}, {id: paas, label: PaaS}]}
              - {id: tier, prompt: Tier?, type: choice, choices: [{id: gold, label: Gold}, {id: silver, label: Silver}]}
              - {id: users, prompt: Users?, type: number, min: -5, max: 100000, unit: users}
              - {id: cutover-date, prompt: Cutover?, type: date}
              - {id: fy-end, prompt: Fiscal year end?, type: date}
              - {id: notes, prompt: Notes?, type: text}
          - id: access
            title: Access
            criticality: critical
            questions:
              - id: mfa
                prompt: MFA for administrators? ✓ «quoted»
                title: MFA for admins
                help: |
                  Why it matters. Evidence: screenshots.
                type: yes-partial-no
                choices: [{id: partial, label: Partly rolled out, action: Finish the rollout.}]
                control: preventive-mandatory
                gating: true
                key: true
                risk: low
                notApplicable: true
                required: true
                when: "hosting contains 'iaas' and not (tier == 'silver' or users > 500)"
                remediation: {action: Enforce MFA., owner: IT security, phase: cutover, effort: L, azure: [Entra ID, PIM], after: [reviews]}
                references: [Doc 1, Doc 2]
                itgc: [access, change]
                cuec: [Theme B]
                replaces: [old-mfa, older-mfa]
                expectedEvidence: [Conditional access export]
              - id: reviews
                prompt: Reviews?
                type: choice
                weight: 4
                gating: technical
                choices:
                  - {id: q, label: Quarterly, score: 1}
                  - {id: a, label: Annual, score: 0.5, action: Move to quarterly.}
                  - {id: n, label: Never, score: 0}
                when: "answered(users) or users in [1, 2.5] or cutover-date >= 2027-01-31 or notes contains 'x' or tier in ['gold'] or users != 3 or users <= 4 or users < 5 or users >= 6 or tier != 'gold' or cutover-date == 2026-12-01"
                remediation: {action: Review access quarterly., phase: after-cutover, effort: S}
              - id: retention
                prompt: Retention days?
                type: number
                min: 0
                bands:
                  - {min: 0, max: 89.5, score: 0}
                  - {min: 89.5, max: 364.5, score: 0.5}
                  - {min: 364.5, score: 1}
                remediation: {action: Retain the logs., effort: M}
              - {id: hypercare, prompt: After go-live?, type: yes-no, asked: after-cutover, control: detective-discretionary,
                 remediation: {action: Check.}}
        """

    @Test func everyFieldAndEveryConditionRoundTrips() throws {
        let parsed = try QuestionnaireLoader.parseUncached(Self.everyField, file: "every-field.yaml")
        let q = parsed.questionnaire
        // The fixture does exercise what it claims to.
        #expect(!parsed.warnings.isEmpty)
        #expect(q.sharedResponsibility?.models.count == 3)
        #expect(q.calendar.cutover == "cutover-date" && q.calendar.fiscalYearEnd == "fy-end")
        #expect(q.questions.contains { $0.gate == .technical } && q.questions.contains { $0.gate == .icfr })
        #expect(q.questions.contains { $0.asked == .afterCutover })
        #expect(q.question("reviews")?.when != nil && q.question("mfa")?.when != nil)

        let bytes = CompiledQuestionnaire.encode(q, warnings: parsed.warnings)
        let (questionnaire, warnings) = try bytes.withUnsafeBytes { try CompiledQuestionnaire.decode($0, file: "elsewhere.yaml") }
        #expect(questionnaire == q)
        // Warnings name the file the text is loaded under now.
        #expect(
            warnings
                == parsed.warnings.map { warning in
                    var renamed = warning
                    renamed.file = "elsewhere.yaml"
                    return renamed
                })
    }

    /// The codec's list of fields is the model's: a field added to a model type must be added to
    /// the compiled form (and ``CompiledQuestionnaire/formatVersion`` changed).
    @Test func theCompiledFormCoversEveryStoredProperty() throws {
        let q = try QuestionnaireLoader.parseUncached(Self.everyField, file: "every-field.yaml").questionnaire
        let question = try #require(q.question("mfa"))
        let samples: [String: Any] = [
            "Questionnaire": q, "Source": q.sources[0], "Thresholds": q.thresholds, "CalendarRoles": q.calendar,
            "SharedResponsibilityLink": try #require(q.sharedResponsibility), "Domain": q.domains[0], "Question": question,
            "Choice": question.choices[0], "Band": try #require(q.question("retention")?.bands.first),
            "Remediation": try #require(question.remediation), "SourceLocation": question.location,
            "CalendarDate": try #require(CalendarDate("2027-01-31")),
            "Diagnostic": Diagnostic(file: "f", location: nil, message: "m"),
        ]
        #expect(Set(samples.keys) == Set(CompiledQuestionnaire.fields.keys))
        for (type, sample) in samples {
            let properties = Mirror(reflecting: sample).children.compactMap(\.label)
            #expect(properties == CompiledQuestionnaire.fields[type], "\(type)")
        }
    }

    // MARK: - Entries on disk

    @Test func aLoadThroughTheCacheWritesOneEntryAndTheNextReadsIt() throws {
        let (cache, folder) = try temporaryCache()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = unique(try String(contentsOfFile: fixturePath("scoring-small.yaml"), encoding: .utf8))
        let first = try QuestionnaireLoader.parse(text, file: "small.yaml", cache: cache)
        #expect(entries(cache).count == 1)
        let compiled = try #require(cache.load(textDigest: SHA256Digest.hex(text), content: text, file: "small.yaml"))
        #expect(compiled == first)
        // An entry is only for its owner (0600) in a folder of the user's (0700).
        let mode = try FileManager.default.attributesOfItem(atPath: cache.folder)[.posixPermissions] as? Int
        #expect(mode == 0o700)
    }

    @Test func aPlantedEntryIsWhatTheCacheReturnsButNeverWhatTheYAMLLoaderReturns() throws {
        let (cache, folder) = try temporaryCache()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("small.yaml").path
        let text = unique(try String(contentsOfFile: fixturePath("scoring-small.yaml"), encoding: .utf8))
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        var planted = try QuestionnaireLoader.parseUncached(text, file: file)
        planted.questionnaire.title = "Planted"
        cache.save(planted, textDigest: SHA256Digest.hex(text))

        #expect(try QuestionnaireLoader.load(path: file, cache: cache).questionnaire.title == "Planted")
        // Without a cache (`questionnaire validate`) the YAML is read, even after this process
        // loaded the planted entry for the same text.
        #expect(try QuestionnaireLoader.load(path: file).questionnaire.title == "Hand-worked scoring example")
    }

    @Test func aChangedFileIsParsedAgain() throws {
        let (cache, folder) = try temporaryCache()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("q.yaml").path
        let original = unique(try String(contentsOfFile: fixturePath("scoring-small.yaml"), encoding: .utf8))
        try original.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try QuestionnaireLoader.load(path: file, cache: cache).questionnaire.title == "Hand-worked scoring example")
        try original.replacingOccurrences(of: "title: Hand-worked scoring example", with: "title: Changed")
            .write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try QuestionnaireLoader.load(path: file, cache: cache).questionnaire.title == "Changed")
        #expect(entries(cache).count == 2)
    }

    @Test func aFileWithAnErrorStillReportsItWhenAnEarlierVersionIsCached() throws {
        let (cache, folder) = try temporaryCache()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("q.yaml").path
        let original = unique(try String(contentsOfFile: fixturePath("scoring-small.yaml"), encoding: .utf8))
        try original.write(toFile: file, atomically: true, encoding: .utf8)
        _ = try QuestionnaireLoader.load(path: file, cache: cache)
        try original.replacingOccurrences(of: "type: yes-partial-no", with: "type: yes-partial-nope")
            .write(toFile: file, atomically: true, encoding: .utf8)

        var withoutCache: QuestionnaireLoadError?
        do throws(QuestionnaireLoadError) { _ = try QuestionnaireLoader.load(path: file) } catch { withoutCache = error }
        let expected = try #require(withoutCache)
        #expect(expected.description.hasPrefix("\(file):"), "\(expected)")
        #expect(expected.description.contains(": error: 'yes-partial-nope' is not a valid type"), "\(expected)")
        #expect(throws: expected) { try QuestionnaireLoader.load(path: file, cache: cache) }
        #expect(entries(cache).count == 1)
    }

    /// Damaged entries of every kind: each is ignored, the YAML is parsed, and the entry is written again.
    @Test(arguments: ["empty", "garbage", "truncated", "flipped byte", "other build", "other text", "trailing bytes"])
    func aDamagedEntryIsIgnoredAndRebuilt(damage: String) throws {
        let (cache, folder) = try temporaryCache()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = unique(try String(contentsOfFile: fixturePath("scoring-v2.yaml"), encoding: .utf8))
        let digest = SHA256Digest.hex(text)
        let parsed = try QuestionnaireLoader.parseUncached(text, file: "v2.yaml")
        cache.save(parsed, textDigest: digest)
        let path = cache.entryPath(textDigest: digest)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        switch damage {
        case "empty": bytes = Data()
        case "garbage": bytes = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        case "truncated": bytes = bytes.prefix(bytes.count / 2)
        case "flipped byte": bytes[bytes.count - 100] ^= 0x20
        case "trailing bytes": bytes.append(contentsOf: [0, 1, 2])
        case "other build":
            let other = QuestionnaireCache(folder: cache.folder, toolVersion: "test 2")
            other.save(parsed, textDigest: digest)
            bytes = try Data(contentsOf: URL(fileURLWithPath: other.entryPath(textDigest: digest)))
        default:  // an entry of another text under this text's name
            let otherText = unique(try String(contentsOfFile: fixturePath("scoring-small.yaml"), encoding: .utf8))
            let otherDigest = SHA256Digest.hex(otherText)
            cache.save(try QuestionnaireLoader.parseUncached(otherText, file: "small.yaml"), textDigest: otherDigest)
            bytes = try Data(contentsOf: URL(fileURLWithPath: cache.entryPath(textDigest: otherDigest)))
        }
        try bytes.write(to: URL(fileURLWithPath: path))

        #expect(cache.load(textDigest: digest, content: text, file: "v2.yaml") == nil)
        #expect(try QuestionnaireLoader.parse(text, file: "v2.yaml", cache: cache) == parsed)
        #expect(cache.load(textDigest: digest, content: text, file: "v2.yaml") == parsed)
    }

    @Test func aFolderThatCannotBeWrittenMeansNoCache() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        // A folder below a regular file can never be created (whoever runs the tests).
        let cache = QuestionnaireCache(folder: file.appendingPathComponent("questionnaires").path, toolVersion: "test 1")
        let text = unique(try String(contentsOfFile: fixturePath("scoring-small.yaml"), encoding: .utf8))
        let loaded = try QuestionnaireLoader.parse(text, file: "small.yaml", cache: cache)
        #expect(loaded.questionnaire.id == "scoring-small")
        #expect(cache.load(textDigest: SHA256Digest.hex(text), content: text, file: "small.yaml") == nil)
    }

    @Test func theLeastRecentlyUsedEntriesGoBeyondTheLimit() throws {
        let (cache, folder) = try temporaryCache()
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = try String(contentsOfFile: fixturePath("scoring-small.yaml"), encoding: .utf8)
        var texts: [String] = []
        for index in 0...QuestionnaireCache.maximumEntries {
            let text = "# \(index)\n" + base
            texts.append(text)
            let digest = SHA256Digest.hex(text)
            cache.save(try QuestionnaireLoader.parseUncached(text, file: "q.yaml"), textDigest: digest)
            // Distinct, increasing times of use, whatever the file system's clock resolution.
            var times = [timespec(tv_sec: 1_700_000_000 + index, tv_nsec: 0), timespec(tv_sec: 1_700_000_000 + index, tv_nsec: 0)]
            utimensat(AT_FDCWD, cache.entryPath(textDigest: digest), &times, 0)
        }
        #expect(entries(cache).count == QuestionnaireCache.maximumEntries)
        #expect(cache.load(textDigest: SHA256Digest.hex(texts[0]), content: texts[0], file: "q.yaml") == nil)
        #expect(cache.load(textDigest: SHA256Digest.hex(texts[1]), content: texts[1], file: "q.yaml") != nil)
    }

    // MARK: - Where it lives

    @Test func theFolderFollowsTheEnvironment() {
        #expect(QuestionnaireCache.rootFolder(environment: ["SOXREADY_CACHE": "/c", "XDG_CACHE_HOME": "/x", "HOME": "/h"]) == "/c")
        #expect(QuestionnaireCache.rootFolder(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]) == "/x/soxready")
        #expect(QuestionnaireCache.rootFolder(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"]) == "/h/.cache/soxready")
        #expect(QuestionnaireCache.rootFolder(environment: ["HOME": "/h"]) == "/h/.cache/soxready")
        #expect(QuestionnaireCache.standard(environment: ["HOME": "/h"], toolVersion: "t")?.folder == "/h/.cache/soxready/questionnaires")
    }

    @Test(arguments: [
        ["SOXREADY_CACHE": "off", "HOME": "/h"], ["SOXREADY_CACHE": "OFF", "HOME": "/h"], ["SOXREADY_CACHE": "", "HOME": "/h"],
        ["HOME": ""], [:],
    ])
    func noCacheWhenDisabledOrHomeless(environment: [String: String]) {
        #expect(QuestionnaireCache.standard(environment: environment, toolVersion: "t") == nil)
    }
}
