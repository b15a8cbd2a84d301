import Foundation

/// The `assess` command's logic: the wizard flow (name, resume or restart, answers carried over
/// from the last run, `--only-gaps`, the questions, the review of skipped questions, recording)
/// and the batch flow (`--answers FILE`, `--update`).
///
/// It talks to a store through ``AssessmentStore``, reads lines through a ``LineReader``, takes
/// the time from `clock`, and writes text through `write` (standard output) and `warn`
/// (standard error); the executable keeps the arguments, the terminal and the exit codes. Errors
/// are passed on as the store, the loader or the answers file threw them, or as
/// ``AssessFlowError``: nothing is turned into an empty default.
public struct AssessFlow {
    /// How the wizard treats an unfinished draft of the application.
    public enum DraftChoice: Sendable, Equatable {
        /// Ask whether to resume it (the default).
        case ask
        /// Resume it without asking (`--resume`).
        case resume
        /// Discard it and start again without asking (`--restart`).
        case restart
    }

    /// The wizard's options, from the command line.
    public struct WizardOptions: Sendable {
        /// `--app`; asked for when nil.
        public var appName: String?
        /// `--questionnaire` (an id, `id@version` or a path); the last run's, else the default, when nil.
        public var questionnaire: String?
        /// `--only-gaps`.
        public var onlyGaps = false
        /// `--resume` / `--restart`.
        public var draft = DraftChoice.ask
        /// `--take-over`: take the draft from another session or user.
        public var takeOver = false
        /// The user running the session (`--user`, else the login name).
        public var user: String
        /// A person at a terminal (line editing): the skipped questions are offered again before
        /// recording and there is no limit on invalid answers.
        public var interactive: Bool
        /// Decorates headings (bold on a colour terminal).
        public var emphasis: @Sendable (String) -> String = { $0 }
        /// `--prepared-by`: the preparer's name (the wizard then asks only for the attestation).
        public var preparedBy: String?
        /// The command that resumes the assessment of an application, shown when it stops
        /// (already terminal-safe).
        public var resumeCommand: @Sendable (String) -> String

        /// Creates options.
        public init(
            appName: String? = nil, questionnaire: String? = nil, onlyGaps: Bool = false, draft: DraftChoice = .ask,
            takeOver: Bool = false, user: String, interactive: Bool,
            resumeCommand: @escaping @Sendable (String) -> String = { "soxready assess --app '\($0)'" }
        ) {
            self.appName = appName
            self.questionnaire = questionnaire
            self.onlyGaps = onlyGaps
            self.draft = draft
            self.takeOver = takeOver
            self.user = user
            self.interactive = interactive
            self.resumeCommand = resumeCommand
        }
    }

    /// How the wizard ended.
    public enum Outcome: Sendable {
        /// The run was recorded and its plans written to `plans`.
        case recorded(StoredRun, plans: [String])
        /// The lead typed `:quit`; everything answered is saved (nil: quit at the name prompt).
        case quit(SavedWork?)
        /// Input ended before the last question; nothing was taken as a default.
        case endOfInput(SavedWork, firstUnanswered: Question?)
        /// Plain mode gave up after too many invalid lines on this question.
        case tooManyInvalidAnswers(SavedWork, questionID: String)
        /// Every question was passed, but the preparer did not attest the answers: nothing was
        /// recorded, the draft keeps everything.
        case notAttested(SavedWork)
    }

    /// What an unfinished session leaves in the draft.
    public struct SavedWork: Sendable, Equatable {
        /// The application.
        public var appName: String
        /// Questions with an answer.
        public var answered: Int
        /// Questions with only a note or evidence so far.
        public var annotated: Int

        /// "Saved 12 answers", "Saved 1 answer and 2 notes or evidence references", "Saved nothing yet".
        public var description: String {
            var parts: [String] = []
            if answered > 0 { parts.append("\(answered) answer\(answered == 1 ? "" : "s")") }
            if annotated > 0 {
                parts.append("\(annotated) note\(annotated == 1 ? "" : "s") or evidence reference\(annotated == 1 ? "" : "s")")
            }
            return parts.isEmpty ? "Saved nothing yet" : "Saved " + parts.joined(separator: " and ")
        }

        init(appName: String, answers: AnswerSheet) {
            self.appName = appName
            answered = answers.values.count { $0.answer != nil }
            annotated = answers.values.count { $0.answer == nil && ($0.note != nil || $0.evidence != nil) }
        }
    }

    /// The store.
    public var store: any AssessmentStore
    /// Where questionnaire ids are looked up.
    public var catalog: QuestionnaireCatalog
    /// The time of drafts and runs.
    public var clock: @Sendable () -> Date
    /// Standard output (text already made terminal-safe, newline-terminated).
    public var write: (String) -> Void
    /// Standard error, one message per call.
    public var warn: (String) -> Void
    /// Writes the plans of a recorded run.
    public var plans: PlanWriter
    /// The folder for an application's plans, from its slug.
    public var planFolder: (String) -> String

    /// Creates a flow.
    public init(
        store: any AssessmentStore, catalog: QuestionnaireCatalog, clock: @escaping @Sendable () -> Date,
        plans: PlanWriter, planFolder: @escaping (String) -> String,
        write: @escaping (String) -> Void, warn: @escaping (String) -> Void
    ) {
        self.store = store
        self.catalog = catalog
        self.clock = clock
        self.plans = plans
        self.planFolder = planFolder
        self.write = write
        self.warn = warn
    }

    // MARK: - The wizard

    /// Runs the wizard for one application.
    ///
    /// - Parameters:
    ///   - options: The command line's options.
    ///   - reader: Where the lead's lines come from.
    ///   - started: Called with the application's name once it is known (the executable uses it
    ///     for the message of an interrupting signal).
    /// - Returns: How it ended.
    /// - Throws: ``StoreError``, ``QuestionnaireLoadError``, ``AssessFlowError``,
    ///   ``AtomicFile/WriteError``, ``PlanRenderer/TemplateError``.
    public func runWizard(_ options: WizardOptions, reader: any LineReader, started: (String) -> Void = { _ in }) throws -> Outcome {
        guard let appName = try options.appName.map({ try canonicalName(AppName.validated($0)) }) ?? askAppName(reader: reader)
        else { return .quit(nil) }
        started(appName)
        // Fail before the first question, not after the last, when the plans cannot be written.
        do {
            try plans.check(folder: planFolder(try store.appSlug(for: appName)))
        } catch let error as AtomicFile.WriteError {
            throw AssessFlowError.plansCannotBeWritten(reason: error.description, resume: nil)
        }
        let session = DraftSession.current(user: options.user, at: clock())
        let latest = try latestRun(of: appName)

        var resumed: Draft?
        // Whether this session holds the application's draft (it then releases it when it stops).
        var holdsDraft = false
        var existing: Draft?
        switch options.draft {
        case .ask:
            existing = try store.draft(appName: appName)
            guard let existing else { break }
            let count = existing.answers.values.count { $0.answer != nil }
            write(
                WizardText.wrap(
                    "An unfinished assessment of \(appName.terminalSafe()) from \(Timestamp.string(existing.updatedAt)) has "
                        + "\(count) answer\(count == 1 ? "" : "s").", width: WizardText.layoutWidth(reader.columns)) + "\n")
            let resume = try askYesNo(
                "Resume it? (y = resume, n = start again" + (latest != nil ? " from the last run)" : ")"),
                reader: reader)
            // Taking hold of the draft also tells whether another session has it open.
            if resume || options.takeOver {
                let claimed = try store.claimDraft(appName: appName, session: session, takeOver: options.takeOver)
                holdsDraft = true
                if resume { resumed = claimed }
            }
        case .resume, .restart:
            // Nothing to ask, so the draft is not read first: taking hold of it tells whether there
            // is one. Starting again needs no hold at all (startDraft refuses a draft another
            // session holds in the same way), unless taking it over: one write before the first
            // question, not two.
            guard options.draft == .resume || options.takeOver else {
                existing = try store.draft(appName: appName)
                break
            }
            let claimed = try claimDraftIfAny(appName: appName, session: session, takeOver: options.takeOver)
            holdsDraft = claimed != nil
            existing = claimed
            if options.draft == .resume { resumed = claimed }
        }

        let loaded: LoadedQuestionnaire
        let base: StoredRun?
        var answers: AnswerSheet
        let onlyGaps: Bool
        var pendingDraft: NewDraft?
        if let resumed {
            loaded = try QuestionnaireLoader.parse(resumed.questionnaireContent, file: "the draft's questionnaire", cache: catalog.cache)
            answers = resumed.answers
            onlyGaps = resumed.onlyGaps
            base = try resumed.basedOnRun.map { number throws(StoreError) in try store.run(appName: appName, number: number) }
            let width = WizardText.layoutWidth(reader.columns)
            if let requested = options.questionnaire, try catalog.resolve(requested).content != resumed.questionnaireContent {
                write(
                    WizardText.wrap(
                        "Note: the draft was started on \(loaded.questionnaire.reference.terminalSafe()); it continues on that "
                            + "version.", width: width) + "\n")
            }
            if options.onlyGaps && !resumed.onlyGaps {
                write(
                    WizardText.wrap(
                        "Note: --only-gaps applies when an assessment starts; the resumed draft keeps its own answers.",
                        width: width) + "\n")
            }
        } else {
            loaded = try catalog.resolve(options.questionnaire ?? latest?.summary.questionnaireID ?? QuestionnaireCatalog.defaultID)
            base = latest
            onlyGaps = options.onlyGaps
            answers = [:]
            if onlyGaps {
                guard let base else { throw AssessFlowError.needsRecordedRun(app: appName, option: "--only-gaps") }
                answers = try AnswerCarryOver.keptByOnlyGaps(from: base, to: loaded.questionnaire)
            }
            // Nothing is written before the first answer: the new draft starts with it (or with the
            // run, if none is given), so that the first question costs no write and quitting before
            // answering leaves the store as it was. Whether another session keeps this one from
            // the draft is read now, so that the lead is told before the first question.
            if !holdsDraft, let existing,
                let holder = DraftHoldRules.otherHolder(
                    owner: existing.owner, holderToken: nil, holder: existing.holder,
                    startedAt: existing.startedAt, session: session)
            {
                throw StoreError.draftHeld(app: appName, holder: holder)
            }
            pendingDraft = NewDraft(
                appName: appName, questionnaire: loaded, answers: answers, basedOnRun: base?.summary.number,
                onlyGaps: onlyGaps, startedAt: clock())
        }
        func startPendingDraft() throws(StoreError) {
            guard let draft = pendingDraft else { return }
            try store.startDraft(draft, session: session)
            pendingDraft = nil
            holdsDraft = true
        }
        // Stopping before any answer leaves the store as it was, except that a draft the lead chose
        // to start again (--restart, or "n" to resuming) is replaced then: it was asked for.
        func release() throws(StoreError) {
            if pendingDraft != nil, existing != nil { try startPendingDraft() }
            if holdsDraft { try store.releaseDraft(appName: appName, session: session) }
        }
        // A rerun pre-fills every question with the base run's answer, also when resumed.
        let carried =
            try base.map { try AnswerCarryOver.carry($0.answers, from: $0.questionnaire(cache: catalog.cache), to: loaded.questionnaire) }
            ?? AnswerCarryOver.Result()
        let defaults = carried.answers

        let questionnaire = loaded.questionnaire
        let width = WizardText.layoutWidth(reader.columns)
        func say(_ text: String) { write(WizardText.wrap(text, width: width) + "\n") }
        write(
            "\n"
                + options.emphasis(
                    WizardText.wrap(
                        "soxready · \(appName) · \(questionnaire.title) \(questionnaire.version)".terminalSafe(),
                        width: width)) + "\n")
        let late = questionnaire.calendar.cutover == nil ? 0 : questionnaire.questions.count { $0.asked == .afterCutover }
        say(
            "\(questionnaire.questions.count) questions in \(questionnaire.domains.count) domains"
                + (late > 0 ? " (\(late) of them asked only after go-live)" : "") + ". Every answer is saved as you go; "
                + "? shows help, :quit stops (resume later).")
        if let base, !defaults.isEmpty {
            if onlyGaps && resumed == nil {
                let kept = answers.count
                say(
                    "\(kept) answer\(kept == 1 ? "" : "s") from run \(base.summary.number) carried over unchanged; asking only the gaps "
                        + "of run \(base.summary.number) and new questions, with the last answers pre-filled.")
            } else {
                say(
                    "Answers from run \(base.summary.number) are pre-filled: Enter keeps one, editing changes it, clearing it leaves "
                        + "the question unanswered.")
            }
            for (old, new) in carried.renamed.sorted(by: { $0.key < $1.key }) {
                write(
                    WizardText.wrap(
                        "\(old.terminalSafe()) is now \(new.terminalSafe()): its answer carries over.", width: width,
                        indent: "  ", continuation: "    ") + "\n")
            }
            for (old, reason) in carried.dropped.sorted(by: { $0.key < $1.key }) {
                write(
                    WizardText.wrap(
                        "\(old.terminalSafe()): \(reason.terminalSafe()); it will be asked again.", width: width,
                        indent: "  ", continuation: "    ") + "\n")
            }
        }

        // --only-gaps asks only what it did not carry over (the last run's gaps and new questions).
        var asking: Set<String>?
        if onlyGaps, let base {
            let kept = try AnswerCarryOver.keptByOnlyGaps(from: base, to: questionnaire)
            asking = Set(questionnaire.questions.map(\.id).filter { kept[$0] == nil })
        }
        // The stage is decided on the run's date (SCORING.md): the questions asked only after go-live
        // are not yet due, and not asked, while the cutover answered so far is still ahead.
        let asOf = CalendarDate(utc: clock())
        var wizard = WizardSession(
            questionnaire: questionnaire, answers: answers, defaults: defaults, resumeAt: resumed?.position,
            asking: asking, asOf: asOf)
        let loop = WizardLoop(maxInvalidAttempts: options.interactive ? nil : 3, emphasis: options.emphasis)
        loop.offersReview = options.interactive
        let save: (String, AnswerRecord?, String?) throws -> Void = { id, record, next in
            try startPendingDraft()
            try store.saveDraftAnswer(appName: appName, questionID: id, record: record, next: next, at: clock(), session: session)
        }
        var outcome = try loop.run(&wizard, reader: reader, write: write, save: save)
        // At a terminal, offer to go back over what was skipped before recording the run.
        while outcome == .finished, options.interactive, let skipped = Self.unansweredSummary(wizard) {
            let width = WizardText.layoutWidth(reader.columns)
            write("\n" + WizardText.wrap(skipped.text, width: width) + "\n")
            let again =
                skipped.count == 1 ? "Answer it now? (n = record the run as it is)" : "Answer them now? (n = record the run as it is)"
            guard try askYesNo(again, reader: reader, defaultYes: false) else { break }
            wizard = WizardSession(
                questionnaire: questionnaire, answers: wizard.answers, defaults: defaults, asking: skipped.ids,
                countLabel: "Skipped", asOf: asOf)
            outcome = try loop.run(&wizard, reader: reader, write: write, save: save)
        }

        switch outcome {
        case .finished:
            // The preparer names themselves and attests the answers before the run is recorded.
            guard let preparer = try askPreparer(given: options.preparedBy, suggested: latest?.preparer?.name, reader: reader) else {
                try release()
                return .notAttested(SavedWork(appName: appName, answers: wizard.answers))
            }
            // The run completes the draft: it must exist and be this session's.
            try startPendingDraft()
            let recorded = try record(
                appName: appName, questionnaire: loaded, answers: wizard.recordedAnswers, preparer: preparer,
                completing: session, resumeCommand: options.resumeCommand(appName))
            return .recorded(recorded.run, plans: recorded.plans)
        case .quit:
            try release()
            return .quit(SavedWork(appName: appName, answers: wizard.answers))
        case .endOfInput:
            try release()
            return .endOfInput(SavedWork(appName: appName, answers: wizard.answers), firstUnanswered: wizard.firstUnanswered)
        case .tooManyInvalidAnswers(let id):
            try release()
            return .tooManyInvalidAnswers(SavedWork(appName: appName, answers: wizard.answers), questionID: id)
        }
    }

    /// The application's draft, now held by `session`; nil when it has none.
    func claimDraftIfAny(appName: String, session: DraftSession, takeOver: Bool) throws(StoreError) -> Draft? {
        do {
            return try store.claimDraft(appName: appName, session: session, takeOver: takeOver)
        } catch {
            if case .draftNotFound = error { return nil }
            throw error
        }
    }

    /// The application's latest run, nil when it has none yet; other store errors are thrown.
    func latestRun(of appName: String) throws(StoreError) -> StoredRun? {
        do {
            return try store.run(appName: appName, number: nil)
        } catch {
            switch error {
            case .appNotFound, .runNotFound: return nil
            default: throw error
            }
        }
    }

    /// Asks for the application's name until an acceptable one is given; nil after `:quit`.
    /// The stored spelling of a name given with `--app` ("general ledger" → "General Ledger"), or the
    /// name as given for a new application.
    func canonicalName(_ name: String) throws(StoreError) -> String {
        try store.storedAppName(matching: name) ?? name
    }

    func askAppName(reader: any LineReader) throws -> String? {
        let known = try store.apps()
        let active = known.filter { $0.archivedAt == nil }
        let tab = active.isEmpty ? "" : reader.editsLine ? "; Tab completes the \(active.count) in the store" : ""
        let width = WizardText.layoutWidth(reader.columns)
        for _ in 0..<3 {
            write(
                WizardText.wrap(
                    "Which application are you assessing? (its name, for example General Ledger\(tab); :quit to stop)",
                    width: width) + "\n")
            guard
                case .line(let line) = reader.readLine(
                    LineRequest(
                        prompt: "Application: ",
                        completions: Completions(primary: active.map(\.name))))
            else { throw AssessFlowError.inputEnded(while: "the application's name") }
            let typed = line.trimmingWhitespace.lowercased()
            if typed == ":quit" || typed == ":q" { return nil }
            let name: String
            do {
                name = try AppName.validated(line)
            } catch {
                write(WizardText.wrap(error.description.terminalSafe(), width: width, indent: "  ! ", continuation: "    ") + "\n")
                continue
            }
            guard let match = Self.knownApp(name, in: known) else { return name }
            if let archived = match.archivedAt {
                let message =
                    "\(match.name.terminalSafe()) was archived on \(Timestamp.string(archived)); restore it first "
                    + "(soxready apps restore \"\(match.name.terminalSafe())\"), or give another name"
                write(WizardText.wrap(message, width: width, indent: "  ! ", continuation: "    ") + "\n")
                continue
            }
            if match.name != name {
                write(WizardText.wrap("Found \(match.name.terminalSafe())\(Self.standing(match)).", width: width, indent: "  ") + "\n")
            }
            return match.name
        }
        throw AssessFlowError.noAnswer(to: "the application's name")
    }

    /// The application a typed name means: the same name ignoring case and runs of spaces, or its slug.
    static func knownApp(_ name: String, in known: [AppSummary]) -> AppSummary? {
        let folded = AppNameMatching.folded(name)
        return known.first { $0.name == name } ?? known.first { AppNameMatching.folded($0.name) == folded }
            ?? known.first { $0.slug == name }
    }

    /// " (3 runs, the latest Ready with conditions on 2026-11-30; an unfinished draft)".
    static func standing(_ app: AppSummary) -> String {
        var parts: [String] = []
        if let latest = app.latest {
            parts.append(
                "\(latest.number) run\(latest.number == 1 ? "" : "s"), the latest \(latest.readiness.title) on "
                    + String(Timestamp.string(latest.recordedAt).prefix(10)))
        }
        if app.draft != nil { parts.append("an unfinished draft") }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
    }

    /// Asks who prepared the answers and whether they attest them; nil when they do not.
    ///
    /// The name is typed every time, never pre-filled nor taken from an empty line: naming the
    /// preparer is part of the attestation, and a rerun may be prepared by someone else. The last
    /// run's preparer (`suggested`) is named in the question and offered by Tab.
    func askPreparer(given: String?, suggested: String?, reader: any LineReader) throws -> Preparer? {
        let width = WizardText.layoutWidth(reader.columns)
        var name = try given.map { try AppName.validated($0, field: "the preparer's name") }
        var attempts = 0
        var asked = false
        while name == nil {
            if !asked {
                var question =
                    "Every question is answered or left open. Who prepared these answers? "
                    + "(your name, as it should appear in the plan; the reviewer who signs off must be someone else)"
                if let suggested {
                    question += " The last run was prepared by \(suggested)" + (reader.editsLine ? "; Tab completes that name." : ".")
                }
                write("\n" + WizardText.wrap(question.terminalSafe(), width: width) + "\n")
                asked = true
            }
            guard
                case .line(let line) = reader.readLine(
                    prompt: "Prepared by: ", prefill: nil, completions: Completions(primary: suggested.map { [$0] } ?? []))
            else { throw AssessFlowError.inputEnded(while: "the preparer's name") }
            do {
                name = try AppName.validated(line, field: "the preparer's name")
            } catch {
                write(WizardText.wrap(error.description.terminalSafe(), width: width, indent: "  ! ", continuation: "    ") + "\n")
                attempts += 1
                if attempts == 3 { throw AssessFlowError.noAnswer(to: "the preparer's name") }
            }
        }
        guard let name else { return nil }
        let agreed = try askYesNo(
            WizardText.wrap(
                "\(name.terminalSafe()), do you attest: \"\(Preparer.attestation)\" "
                    + "(n = do not record the run now; everything stays saved)", width: width),
            reader: reader, defaultYes: false)
        return agreed ? Preparer(name: name) : nil
    }

    func askYesNo(_ question: String, reader: any LineReader, defaultYes: Bool = true) throws -> Bool {
        for _ in 0..<3 {
            write(WizardText.wrap(question, width: WizardText.layoutWidth(reader.columns)) + "\n")
            guard
                case .line(let line) = reader.readLine(
                    prompt: defaultYes ? "[Y/n] " : "[y/N] ", prefill: nil,
                    completions: Completions(primary: ["yes", "no"]))
            else { throw AssessFlowError.inputEnded(while: "the question '\(question)'") }
            switch line.trimmingWhitespace.lowercased() {
            case "": return defaultYes
            case "y", "yes": return true
            case "n", "no": return false
            default: write("  ! answer y or n\n")
            }
        }
        throw AssessFlowError.noAnswer(to: question)
    }

    /// "N questions are still unanswered (K gating): Q3 id, …" for the questions still open, or nil;
    /// the questions not yet due are not open.
    static func unansweredSummary(_ session: WizardSession) -> (text: String, count: Int, ids: Set<String>)? {
        let statuses = Applicability.statuses(session.questionnaire, answers: session.answers, notYetDue: session.notYetDue)
        let open = session.questionnaire.questions.filter { statuses[$0.id] == .unanswered }
        guard !open.isEmpty else { return nil }
        let gating = open.count(where: \.gating)
        let numbers = Dictionary(uniqueKeysWithValues: session.questionnaire.questions.enumerated().map { ($1.id, $0 + 1) })
        let ids = open.prefix(12).map { "Q\(numbers[$0.id] ?? 0) \($0.id)" }.joined(separator: ", ") + (open.count > 12 ? ", …" : "")
        let text =
            "\(open.count) question\(open.count == 1 ? " is" : "s are") still unanswered" + (gating > 0 ? " (\(gating) gating)" : "")
            + ": \(ids)"
        return (text.terminalSafe(), open.count, Set(open.map(\.id)))
    }

    // MARK: - Recording

    /// Scores the answers, checks that the plans can be written, records the run and writes its plans.
    func record(
        appName: String, questionnaire loaded: LoadedQuestionnaire, answers: AnswerSheet, preparer: Preparer,
        completing session: DraftSession?, resumeCommand: String?
    ) throws -> (run: StoredRun, plans: [String]) {
        let slug = try store.appSlug(for: appName)
        let folder = planFolder(slug)
        do {
            try plans.preflight(folder: folder, fileName: plans.formats.first?.fileName(appSlug: slug, run: 1))
        } catch {
            throw AssessFlowError.plansCannotBeWritten(reason: error.description, resume: resumeCommand)
        }
        do {
            try plans.prepareTemplates()
        } catch {
            throw AssessFlowError.plansCannotBeWritten(reason: error.description, resume: resumeCommand)
        }
        let run = try store.record(
            RunToRecord(
                scoring: answers, appName: appName, questionnaire: loaded, recordedAt: clock(),
                preparer: preparer, completingDraft: session))
        do {
            let context = try ReportContext.load(run: run, from: store, appendix: plans.appendix)
            return (run, try plans.write(context, folder: planFolder(run.appSlug)))
        } catch {
            throw AssessFlowError.recordedWithoutPlans(
                run: run.summary.number, app: run.appName, fingerprint: run.fingerprint,
                reason: "\(error)")
        }
    }

    // MARK: - Batch

    /// The outcome of `assess --answers`.
    public struct BatchOutcome: Sendable {
        /// The run recorded.
        public var run: StoredRun
        /// The plans written.
        public var plans: [String]
    }

    /// Records an answers file as the application's next run (`assess --answers FILE [--update]`).
    ///
    /// - Parameters:
    ///   - path: The answers file.
    ///   - appName: `--app`, which must agree with the file's `app:` when both are given.
    ///   - questionnaire: `--questionnaire`, else the file's `questionnaire:`, else the default.
    ///   - update: Keep the latest run's answers and change only those the file names.
    ///   - preparedBy: `--prepared-by`, which must agree with the file's `preparedBy:`.
    /// - Returns: The run and the plans written.
    /// - Throws: ``AnswersFileError`` (every problem of the file; nothing recorded),
    ///   ``QuestionnaireLoadError``, ``StoreError``, ``AssessFlowError``.
    public func runBatch(
        answersFile path: String, appName: String?, questionnaire: String?, update: Bool,
        preparedBy: String? = nil
    ) throws -> BatchOutcome {
        try recordBatch(
            try Self.check(
                answersFile: path, appName: appName, questionnaire: questionnaire, preparedBy: preparedBy,
                catalog: catalog), update: update)
    }

    /// Checks an answers file completely, without the store: its text, its questionnaire, every
    /// answer, the application and the preparer it names.
    ///
    /// - Parameters:
    ///   - path: The answers file.
    ///   - appName: `--app`, which must agree with the file's `app:` when both are given.
    ///   - questionnaire: `--questionnaire`, else the file's `questionnaire:`, else the default.
    ///   - preparedBy: `--prepared-by`, which must agree with the file's `preparedBy:`.
    ///   - catalog: Where questionnaire ids are looked up.
    /// - Returns: The checked file, ready for ``recordBatch(_:update:)``.
    /// - Throws: ``AnswersFileError`` (every problem of the file), ``QuestionnaireLoadError``,
    ///   ``AssessFlowError``.
    public static func check(
        answersFile path: String, appName: String?, questionnaire: String?, preparedBy: String?,
        catalog: QuestionnaireCatalog
    ) throws -> CheckedAnswersFile {
        let text = try AnswersFileParser.read(path: path)
        let header = AnswersFileParser.header(text)
        let loaded = try catalog.resolve(questionnaire ?? header.questionnaire ?? QuestionnaireCatalog.defaultID)
        let file = try AnswersFileParser.parse(text, file: path, questionnaire: loaded.questionnaire)
        let name = try Self.appName(given: appName, inFile: file.app, answersPath: path)
        let preparer = try Self.preparer(given: preparedBy, inFile: file.preparedBy, answersPath: path)
        return CheckedAnswersFile(path: path, questionnaire: loaded, file: file, appName: name, preparer: preparer)
    }

    /// Records a checked answers file as the application's next run.
    ///
    /// - Parameters:
    ///   - checked: The file, from ``check(answersFile:appName:questionnaire:preparedBy:catalog:)``.
    ///   - update: Keep the latest run's answers and change only those the file names.
    /// - Returns: The run and the plans written.
    /// - Throws: ``StoreError``, ``AssessFlowError``, ``AtomicFile/WriteError``.
    public func recordBatch(_ checked: CheckedAnswersFile, update: Bool) throws -> BatchOutcome {
        let (loaded, file, name, preparer) = (checked.questionnaire, checked.file, checked.appName, checked.preparer)
        for warning in file.warnings { warn(warning.description.terminalSafe()) }

        var sheet = file.answers
        if update {
            guard let latest = try latestRun(of: name) else { throw AssessFlowError.needsRecordedRun(app: name, option: "--update") }
            let carried = AnswerCarryOver.carry(
                latest.answers, from: try latest.questionnaire(cache: catalog.cache), to: loaded.questionnaire)
            sheet = carried.answers.merging(file.answers) { _, new in new }
            let count = file.answers.count
            warn(
                "soxready: updating run \(latest.summary.number): \(count) answer\(count == 1 ? "" : "s") from the file, "
                    + "\(sheet.count - count) carried over")
        }
        // Not yet due on the run's date (the cutover answered is still ahead): neither unanswered nor scored.
        let asOf = CalendarDate(utc: clock())
        let cutover = ReadinessScorer.stage(loaded.questionnaire, answers: sheet, asOf: asOf).cutover
        let notYetDue = ReadinessScorer.notYetDue(loaded.questionnaire, answers: sheet, asOf: asOf)
        let statuses = Applicability.statuses(loaded.questionnaire, answers: sheet, notYetDue: notYetDue)
        reportUnanswered(loaded.questionnaire, statuses: statuses, answered: sheet)
        reportNotYetDue(loaded.questionnaire, statuses: statuses, answered: sheet, cutover: cutover)
        reportNotAsked(loaded.questionnaire, statuses: statuses, answered: sheet)
        let recorded = try record(
            appName: name, questionnaire: loaded, answers: sheet, preparer: preparer, completing: nil, resumeCommand: nil)
        return BatchOutcome(run: recorded.run, plans: recorded.plans)
    }

    /// The application's name from `--app` and the file's `app:`.
    static func appName(given: String?, inFile: String?, answersPath: String) throws -> String {
        let given = try given.map { try AppName.validated($0) }
        let inFile = try inFile.flatMap { $0.trimmingWhitespace.isEmpty ? nil : $0 }.map { try AppName.validated($0) }
        switch (given, inFile) {
        case (let given?, let inFile?) where given != inFile:
            throw AssessFlowError.appNameMismatch(given: given, inFile: inFile, answersPath: answersPath)
        case (let given?, _): return given
        case (nil, let inFile?): return inFile
        case (nil, nil): throw AssessFlowError.noAppName(answersPath: answersPath)
        }
    }

    /// The preparer of a batch run: `--prepared-by` or the file's `preparedBy:` (both must agree);
    /// naming them is their attestation (docs/store.md).
    static func preparer(given: String?, inFile: String?, answersPath: String) throws -> Preparer {
        let given = try given.map { try AppName.validated($0, field: "the preparer's name") }
        let inFile = try inFile.map { try AppName.validated($0, field: "the preparer's name") }
        switch (given, inFile) {
        case (let given?, let inFile?) where !SignOffRules.samePerson(given, inFile):
            throw AssessFlowError.preparerMismatch(given: given, inFile: inFile, answersPath: answersPath)
        case (let given?, _): return Preparer(name: given)
        case (nil, let inFile?): return Preparer(name: inFile)
        case (nil, nil): throw AssessFlowError.noPreparer(answersPath: answersPath)
        }
    }

    /// Lists on stderr the questions that apply but have no answer in the file.
    func reportUnanswered(_ questionnaire: Questionnaire, statuses: [String: QuestionOutcome.Status], answered: AnswerSheet) {
        let missing = questionnaire.questions.filter { statuses[$0.id] == .unanswered && answered[$0.id]?.answer == nil }.map(\.id)
        guard !missing.isEmpty else { return }
        warn("soxready: \(missing.count) question\(missing.count == 1 ? "" : "s") not answered in the file count as unanswered:")
        warnIDs(missing)
    }

    /// Lists on stderr, apart from the unanswered ones, the questions not yet due (asked only after
    /// go-live, in a pre-cutover run), and how many of them the file answers (kept, not scored).
    func reportNotYetDue(
        _ questionnaire: Questionnaire, statuses: [String: QuestionOutcome.Status], answered: AnswerSheet,
        cutover: CalendarDate?
    ) {
        let late = questionnaire.questions.filter { statuses[$0.id] == .notYetDue }
        guard !late.isEmpty else { return }
        let one = late.count == 1
        let given = late.count { answered[$0.id]?.answer != nil }
        var text =
            "soxready: \(late.count) question\(one ? " is" : "s are") asked only after go-live and not yet due ("
            + (cutover.map { "the cutover date, \($0), is still ahead" } ?? "no cutover date is given")
            + "), so \(one ? "it does" : "they do") not count as unanswered"
        if given > 0 {
            text +=
                "; \(given == late.count && !one ? "their answers are" : given == 1 ? "1 answer is" : "\(given) answers are") kept, not scored"
        }
        warn(text + ":")
        warnIDs(late.map(\.id))
    }

    /// `ids` on indented lines of at most about 100 characters.
    func warnIDs(_ ids: [String]) {
        var line = " "
        for id in ids {
            if line.count + id.count > 100 {
                warn(line)
                line = " "
            }
            line += " " + id
        }
        warn(line)
    }

    /// Answers given to questions whose `when` does not hold are kept but not scored; say so.
    func reportNotAsked(_ questionnaire: Questionnaire, statuses: [String: QuestionOutcome.Status], answered: AnswerSheet) {
        let ignored = questionnaire.questions.filter { statuses[$0.id] == .notAsked && answered[$0.id]?.answer != nil }.map(\.id)
        guard !ignored.isEmpty else { return }
        warn(
            "soxready: \(ignored.count) answer\(ignored.count == 1 ? " is" : "s are") for questions that do not apply to this application "
                + "(their when condition does not hold); kept but not scored: \(ignored.joined(separator: ", "))")
    }
}
