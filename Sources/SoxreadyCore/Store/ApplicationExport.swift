import Foundation

/// Everything a store holds about one application, exactly as recorded: what `soxready store
/// copy` reads from one store (``AssessmentStore/exportApplication(_:)``) and writes into another
/// (``AssessmentStore/importApplication(_:)``).
///
/// Runs keep their stored answers and result JSON, questionnaire content, preparer, fingerprint,
/// recipe and link; sign-offs keep every field. A draft is copied with its answers, position and
/// owner, and held by no session.
public struct ApplicationExport: Sendable {
    /// The application's name.
    public var name: String
    /// Its slug (kept: the fingerprints cover it).
    public var slug: String
    /// When it was first seen.
    public var createdAt: Date
    /// When it was archived, or nil.
    public var archivedAt: Date?
    /// Its runs, oldest first.
    public var runs: [StoredRun]
    /// Its sign-offs, oldest first.
    public var signOffs: [SignOff]
    /// Its unfinished draft, if any.
    public var draft: Draft?

    /// Creates an export.
    public init(name: String, slug: String, createdAt: Date, archivedAt: Date?, runs: [StoredRun], signOffs: [SignOff], draft: Draft?) {
        self.name = name
        self.slug = slug
        self.createdAt = createdAt
        self.archivedAt = archivedAt
        self.runs = runs
        self.signOffs = signOffs
        self.draft = draft
    }

    /// What keeps the export from being imported as recorded (empty when it holds together):
    /// runs and sign-offs numbered from 1 without a gap, every fingerprint recomputed by its
    /// recipe, every link naming the one before, every questionnaire content matching its hash,
    /// and every sign-off naming its run's fingerprint.
    public func problems() -> [String] {
        var problems: [String] = []
        var previous: StoredRun?
        for (index, run) in runs.enumerated() {
            let item = "run \(run.summary.number)"
            if run.summary.number != index + 1 { problems.append("\(item) is numbered out of sequence (expected \(index + 1))") }
            if run.appSlug != slug { problems.append("\(item) belongs to '\(run.appSlug)', not '\(slug)'") }
            if SHA256Digest.hex(run.questionnaireContent) != run.questionnaireHash {
                problems.append("\(item): its questionnaire content does not match its hash")
            }
            if Timestamp.string(run.summary.recordedAt) != run.result.run.recordedAt && run.fingerprintRecipe == RunFingerprint.recipe2 {
                problems.append(
                    "\(item): its time \(Timestamp.string(run.summary.recordedAt)) is not the one its result names (\(run.result.run.recordedAt))"
                )
            }
            switch run.fingerprintRecipe {
            case RunFingerprint.recipe1:
                if RunFingerprint.compute(answersJSON: Data(run.answersJSON.utf8), questionnaireContent: run.questionnaireContent)
                    != run.fingerprint
                {
                    problems.append("\(item): its fingerprint does not recompute")
                }
            case RunFingerprint.recipe2:
                if run.previousFingerprint != previous?.fingerprint { problems.append("\(item): its link to the run before is broken") }
                let fields = RunFingerprint.RunFields(
                    appSlug: slug, run: run.summary.number, recordedAt: run.result.run.recordedAt, questionnaireHash: run.questionnaireHash,
                    answersJSON: run.answersJSON, resultJSON: run.resultJSON, preparedBy: run.preparer?.name ?? "",
                    attestation: run.preparer?.attestation ?? "", previousFingerprint: run.previousFingerprint)
                if RunFingerprint.compute(fields) != run.fingerprint { problems.append("\(item): its fingerprint does not recompute") }
            default:
                problems.append("\(item): its fingerprint recipe '\(run.fingerprintRecipe)' is unknown to this soxready")
            }
            previous = run
        }
        var before: SignOff?
        for (index, signOff) in signOffs.enumerated() {
            let item = "sign-off \(signOff.number)"
            if signOff.number != index + 1 { problems.append("\(item) is numbered out of sequence (expected \(index + 1))") }
            if signOff.previousFingerprint != before?.fingerprint { problems.append("\(item): its link to the sign-off before is broken") }
            if RunFingerprint.compute(appSlug: slug, signOff: signOff) != signOff.fingerprint {
                problems.append("\(item): its fingerprint does not recompute")
            }
            if runs.first(where: { $0.summary.number == signOff.runNumber })?.fingerprint != signOff.runFingerprint {
                problems.append("\(item): it names a run fingerprint that run \(signOff.runNumber) does not have")
            }
            before = signOff
        }
        return problems
    }
}

extension ApplicationExport {
    /// What differs between this export and `other` (empty when they hold the same record): the
    /// application's fields, and every run's number, time, stored answers and result JSON,
    /// questionnaire, preparer, recipe, link and fingerprint, every sign-off, and the draft's
    /// answers, position and owner.
    public func differences(from other: ApplicationExport) -> [String] {
        var found: [String] = []
        if name != other.name { found.append("the name is '\(other.name)', not '\(name)'") }
        if slug != other.slug { found.append("the slug is '\(other.slug)', not '\(slug)'") }
        if Timestamp.string(createdAt) != Timestamp.string(other.createdAt) { found.append("the creation time differs") }
        if archivedAt.map(Timestamp.string) != other.archivedAt.map(Timestamp.string) { found.append("the archive time differs") }
        if runs.count != other.runs.count { found.append("\(other.runs.count) runs instead of \(runs.count)") }
        for (mine, theirs) in zip(runs, other.runs) {
            let item = "run \(mine.summary.number)"
            if mine.summary != theirs.summary { found.append("\(item): its summary columns differ") }
            if mine.answersJSON != theirs.answersJSON { found.append("\(item): its answers JSON differs") }
            if mine.resultJSON != theirs.resultJSON { found.append("\(item): its result JSON differs") }
            if mine.questionnaireHash != theirs.questionnaireHash || mine.questionnaireContent != theirs.questionnaireContent {
                found.append("\(item): its questionnaire content differs")
            }
            if mine.preparer != theirs.preparer { found.append("\(item): its preparer differs") }
            if mine.fingerprintRecipe != theirs.fingerprintRecipe || mine.fingerprint != theirs.fingerprint
                || mine.previousFingerprint != theirs.previousFingerprint
            {
                found.append("\(item): its fingerprint or link differs")
            }
        }
        if signOffs.count != other.signOffs.count { found.append("\(other.signOffs.count) sign-offs instead of \(signOffs.count)") }
        for (mine, theirs) in zip(signOffs, other.signOffs) where mine != theirs { found.append("sign-off \(mine.number) differs") }
        switch (draft, other.draft) {
        case (nil, nil): break
        case (let mine?, let theirs?):
            if mine.answers != theirs.answers || mine.position != theirs.position || mine.owner != theirs.owner
                || mine.questionnaireHash != theirs.questionnaireHash || mine.basedOnRun != theirs.basedOnRun
                || mine.onlyGaps != theirs.onlyGaps
            {
                found.append("the draft differs")
            }
        default: found.append(draft == nil ? "a draft appeared" : "the draft is missing")
        }
        return found
    }
}
