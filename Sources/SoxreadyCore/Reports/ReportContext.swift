import Foundation

/// What a renderer reads: the run as stored, its plan document, and the finance review around it.
public struct ReportContext: Sendable {
    /// The run, exactly as recorded.
    public var run: StoredRun
    /// The plan document built from the run's stored result.
    public var document: PlanDocument
    /// The application's sign-offs, oldest first.
    public var signOffs: [SignOff]
    /// The latest run before this one whose latest sign-off approves it, if any.
    public var lastApproved: StoredRun?
    /// What does not verify about the run (empty when it verifies); a report is rendered with
    /// problems only under `--unverified`, and then says so on its first page.
    public var verificationProblems: [String]

    /// Creates a context.
    public init(
        run: StoredRun, document: PlanDocument, signOffs: [SignOff] = [], lastApproved: StoredRun? = nil,
        verificationProblems: [String] = []
    ) {
        self.run = run
        self.document = document
        self.signOffs = signOffs
        self.lastApproved = lastApproved
        self.verificationProblems = verificationProblems
    }

    /// The decision that counts for this run: its latest sign-off, or nil (pending).
    public var signOff: SignOff? { signOffs.last { $0.runNumber == run.summary.number } }
}

extension ReportContext {
    /// The context of `run` from `store`: its plan document, compared with the run before it and
    /// with the last approved run, with the application's history for the trend, its sign-offs,
    /// and what does not verify about the run.
    ///
    /// - Parameters:
    ///   - run: The run to report on.
    ///   - store: The store holding it, for its history, sign-offs and earlier runs.
    ///   - appendix: False for `--no-appendix` (the rules-2 plan leaves the appendix out).
    /// - Returns: The run's context: its plan document, its application's sign-offs, the last approved
    ///   run before it (nil when none) and what does not verify.
    /// - Throws: ``StoreError``, or ``QuestionnaireLoadError`` naming the run whose stored
    ///   questionnaire does not load (this run's, the previous one's or the last approved one's).
    public static func load(run: StoredRun, from store: any AssessmentStore, appendix: Bool = true) throws -> ReportContext {
        let history = try store.runs(appName: run.appName)
        let previous = run.summary.number > 1 ? try store.run(appName: run.appName, number: run.summary.number - 1) : nil
        let signOffs = try store.signOffs(appName: run.appName)
        let approved = SignOffStatus.lastApprovedRun(before: run.summary.number, signOffs: signOffs)
        let lastApproved = try approved.map { number throws(StoreError) in
            if let previous, previous.summary.number == number { return previous }
            return try store.run(appName: run.appName, number: number)
        }
        // What does not verify: the run itself, and any of the application's sign-offs (a plan
        // shows the decisions, so a forged or edited one is not shown as if it held).
        var named: [Int: StoredRun] = [run.summary.number: run]
        if let previous { named[previous.summary.number] = previous }
        for number in Set(signOffs.map(\.runNumber)) where named[number] == nil && history.contains(where: { $0.number == number }) {
            named[number] = try store.run(appName: run.appName, number: number)
        }
        let signOffProblems = StoreVerifier.check(
            signOffs, app: run.appName, slug: run.appSlug, runs: { named[$0] },
            checkSignature: nil
        ).problems
        let problems = StoreVerifier.check(run, previous: previous) + signOffProblems.map { "\($0.item): \($0.what)" }
        let document = try PlanDocument(
            run: run, previous: previous, history: history, signOffs: signOffs, lastApproved: lastApproved,
            verificationProblems: problems, appendix: appendix)
        return ReportContext(run: run, document: document, signOffs: signOffs, lastApproved: lastApproved, verificationProblems: problems)
    }
}
