import Foundation

/// Where soxready keeps applications, wizard drafts and immutable runs: the seam between the
/// assess flow, the commands and a storage backend.
///
/// ``SQLiteStore`` (one file per workspace, the embedded default) and `PostgresStore` (module
/// SoxreadyPostgres: one database a team shares) implement it; the protocol suite in the tests
/// runs against every implementation, so each keeps the same contract:
///
/// - runs are numbered from 1 per application and never change once recorded;
/// - every write is one transaction: it happens completely or not at all;
/// - a writer that cannot get the store in time throws ``StoreError/busy(location:waitedSeconds:)``;
/// - a draft is held by one session at a time (``DraftSession``);
/// - application names match exactly, else ignoring case; the slug is also accepted for reading.
///
/// Methods are synchronous and throw ``StoreError`` only; each error maps to one exit code.
public protocol AssessmentStore: AnyObject, Sendable {
    /// Where the store is, as users name it (a file path; never a password).
    var location: String { get }

    /// The slug of the application `name`: its own when it exists, else the one it would get if
    /// created now (file names and the default plan folder use it).
    func appSlug(for name: String) throws(StoreError) -> String

    /// Renames an application (its slug, its runs and their recorded results stay as they are).
    ///
    /// - Throws: ``StoreError/appNotFound(name:known:)``, ``StoreError/appNameTaken(_:)``.
    func renameApp(_ name: String, to newName: String) throws(StoreError)

    /// Archives an application (hidden from `apps` and the portfolio; runs are never deleted),
    /// or restores it.
    ///
    /// - Throws: ``StoreError/appNotFound(name:known:)``.
    func setArchived(_ name: String, archived: Bool, at date: Date) throws(StoreError)

    /// Every application (archived ones too, with ``AppSummary/archivedAt``), ordered by name, with its latest run and draft.
    func apps() throws(StoreError) -> [AppSummary]

    /// The stored name of the application `name` means: the same name, else the same name ignoring
    /// case and runs of spaces, else the application whose slug it is; nil when it names none
    /// (archived applications count). What `assess --app` resolves before the first question,
    /// without reading every application's runs as ``apps()`` does.
    func storedAppName(matching name: String) throws(StoreError) -> String?

    /// What the portfolio is built from: every application not archived with its latest run's
    /// stored result and sign-off, every run's level, and the questionnaires scored against.
    ///
    /// - Parameter cutoff: Runs and sign-offs recorded after it are left out (nil: none).
    /// - Returns: The applications ordered by name, every run's level and the questionnaire content of
    ///   each hash the latest runs name.
    /// - Throws: ``StoreError`` when the store cannot be read, or a stored result cannot be decoded.
    func portfolioSource(recordedBy cutoff: Date?) throws(StoreError) -> PortfolioSource

    /// The database safeguards that keep recorded runs and sign-offs immutable (triggers) and
    /// that are missing or switched off, by name; empty when all are in place. `verify` reports
    /// each as broken: someone who can drop a trigger can change what it protected.
    ///
    /// - Returns: The names of the missing or disabled triggers ("runIsNeverDeleted").
    /// - Throws: ``StoreError`` when the store cannot be read.
    func missingSafeguards() throws(StoreError) -> [String]

    /// The application's runs, oldest first.
    ///
    /// - Throws: ``StoreError/appNotFound(name:known:)``.
    func runs(appName: String) throws(StoreError) -> [RunSummary]

    /// One run with its answers, result and questionnaire content; the latest when `number` is nil.
    ///
    /// - Throws: ``StoreError/appNotFound(name:known:)`` or ``StoreError/runNotFound(app:number:latest:)``.
    func run(appName: String, number: Int?) throws(StoreError) -> StoredRun

    /// Records `run` as the application's next run in one transaction: creates the application on
    /// its first run, stores the questionnaire content once per SHA-256, assigns the run number
    /// and the application's slug to the result, and computes the fingerprint.
    ///
    /// - Returns: The run as stored.
    /// - Throws: ``StoreError/busy(location:waitedSeconds:)`` when another writer holds the store too
    ///   long (nothing is recorded), ``StoreError/draftLost(app:holder:unsaved:)`` when `run`
    ///   completes a draft that another session took over.
    func record(_ run: RunToRecord) throws(StoreError) -> StoredRun

    /// The application's sign-offs, oldest first (the last one for a run is the one that counts).
    ///
    /// - Throws: ``StoreError/appNotFound(name:known:)``.
    func signOffs(appName: String) throws(StoreError) -> [SignOff]

    /// Records a reviewer's decision on a run, append-only, in one transaction: numbers it, chains
    /// it to the application's sign-off before, and computes its fingerprint.
    ///
    /// - Throws: ``StoreError/runNotFound(app:number:latest:)``; ``StoreError/fingerprintChanged(app:run:)``
    ///   when the run's fingerprint is no longer the one the statement names;
    ///   ``StoreError/selfApproval(app:run:name:preparer:)`` when the reviewer prepared the run (names compared
    ///   as ``SignOffRules/samePerson(_:_:)`` does). Nothing is recorded then.
    func recordSignOff(_ signOff: NewSignOff) throws(StoreError) -> SignOff

    /// The application's unfinished draft, or nil (also for an application never seen).
    func draft(appName: String) throws(StoreError) -> Draft?

    /// Starts a draft for `appName` (replacing any draft the same session may discard), held by
    /// `session`, seeded with `answers`.
    ///
    /// - Throws: ``StoreError/draftHeld(app:holder:)`` when another live session holds the
    ///   application's draft.
    func startDraft(_ draft: NewDraft, session: DraftSession) throws(StoreError)

    /// Takes hold of the application's existing draft for `session`, to resume it.
    ///
    /// - Parameters:
    ///   - appName: The application.
    ///   - session: The session that takes hold of the draft.
    ///   - takeOver: Take it even from another user or a session that may still be alive.
    /// - Returns: The draft, now held by `session`.
    /// - Throws: ``StoreError/draftHeld(app:holder:)`` when another session holds it and
    ///   `takeOver` is false; ``StoreError/draftNotFound(app:)`` when there is none.
    func claimDraft(appName: String, session: DraftSession, takeOver: Bool) throws(StoreError) -> Draft

    /// Saves one answer of the draft (nil removes it) and the question asked next, in one
    /// transaction, before the wizard moves on.
    ///
    /// - Throws: ``StoreError/draftLost(app:holder:unsaved:)`` when another session has taken the
    ///   draft over, or recorded or discarded it.
    func saveDraftAnswer(
        appName: String, questionID: String, record: AnswerRecord?, next position: String?,
        at date: Date, session: DraftSession) throws(StoreError)

    /// Lets go of the draft (after `:quit` or an interruption) so that the next session needs no
    /// take-over; the answers stay.
    func releaseDraft(appName: String, session: DraftSession) throws(StoreError)

    /// Everything recorded about one application, exactly as stored, read in one transaction
    /// (`soxready store copy`).
    ///
    /// - Throws: ``StoreError/appNotFound(name:known:)``.
    func exportApplication(_ name: String) throws(StoreError) -> ApplicationExport

    /// Writes an application exported from another store as it was recorded, in one
    /// transaction: its slug, run numbers, times, stored JSON, fingerprints and links are kept,
    /// not recomputed; its draft is held by no session.
    ///
    /// - Throws: ``StoreError/importRefused(app:reason:)`` when ``ApplicationExport/problems()``
    ///   finds anything, or the store already has an application of that name or slug; nothing
    ///   is written then.
    func importApplication(_ application: ApplicationExport) throws(StoreError)
}

extension AssessmentStore {
    /// ``storedAppName(matching:)`` from ``apps()``, for a store that has no quicker way.
    public func storedAppName(matching name: String) throws(StoreError) -> String? {
        AssessFlow.knownApp(name, in: try apps())?.name
    }
}
