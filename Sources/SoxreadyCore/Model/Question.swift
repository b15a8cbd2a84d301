/// One question of a questionnaire, with everything needed to ask, score and remediate it.
public struct Question: Sendable, Equatable {
    /// Identifier, `[a-z0-9-]+`, unique in the whole questionnaire.
    public var id: String
    /// The question as asked.
    public var prompt: String
    /// A short title (at most 60 characters) for reasons, tables and the executive summary;
    /// nil when the questionnaire gives none (``displayTitle`` falls back to the id).
    public var title: String?
    /// Help: why it matters, the evidence auditors ask for, what good looks like on Azure.
    public var help: String
    /// Answer type.
    public var type: QuestionType
    /// Options; for `yes-no` and `yes-partial-no` the implied yes/partial/no choices.
    public var choices: [Choice]
    /// Smallest allowed number (number questions).
    public var min: Double?
    /// Largest allowed number (number questions).
    public var max: Double?
    /// Unit of a number, such as `days`.
    public var unit: String?
    /// Score bands of a number question, in file order; the first that contains the value wins.
    public var bands: [Band]
    /// Control class, which sets the points unless `weight` is given.
    public var control: ControlClass?
    /// Explicit points; wins over `control`.
    public var weight: Double?
    /// The kind of gate, when a gap here blocks migration: an ICFR gate (`gating: true`) or a
    /// technical one (`gating: technical`, such as an Azure Migrate readiness label).
    public var gate: Gate?
    /// Declared key (`key: true`); gating and preventive-mandatory questions are key anyway (``isKey``).
    public var declaredKey: Bool
    /// When the question can be answered: always, or only after the cutover (`asked: after-cutover`).
    public var asked: AskedStage
    /// What auditors ask for as evidence of this control (the PBC list, help); empty when none.
    public var expectedEvidence: [String]
    /// Explicit gap risk; otherwise derived per SCORING.md.
    public var risk: RiskLevel?
    /// `n/a` is accepted.
    public var notApplicable: Bool
    /// The wizard does not let the question be skipped.
    public var required: Bool
    /// When the question applies; nil means always.
    public var when: Condition?
    /// The `when` text as written in the file.
    public var whenText: String?
    /// Remediation (required on scored questions).
    public var remediation: Remediation?
    /// Reference documents.
    public var references: [String]
    /// ITGC areas (the question's own, else its domain's).
    public var itgc: [ITGCArea]
    /// CUEC theme labels (the question's own, else its domain's).
    public var cuec: [String]
    /// Ids of questions in earlier versions that this one renames or splits.
    public var replaces: [String]
    /// Where the question starts in its file.
    public var location: SourceLocation

    /// True for a gating question of either kind (SCORING.md: G, key, P1).
    public var gating: Bool { gate != nil }

    /// True for a key question: gating, preventive-mandatory, or declared `key: true`.
    public var isKey: Bool { gating || control == .preventiveMandatory || declaredKey }

    /// The short title, else the id: what a person reads first.
    public var displayTitle: String { title ?? id }

    /// True when an answer maps to a score in 0...1 (SCORING.md "scored").
    public var isScored: Bool {
        switch type {
        case .choice, .multi, .yesNo, .yesPartialNo:
            return !choices.isEmpty && choices.allSatisfy { $0.score != nil }
        case .number:
            return !bands.isEmpty
        case .date, .text:
            return false
        }
    }

    /// Points w: `weight`, else the control class's points, else 1.
    public var points: Double { weight ?? control?.points ?? 1 }

    /// Risk of a gap here: `risk` if given; high for a key question; low when
    /// detective- or corrective-discretionary; medium otherwise.
    public var gapRisk: RiskLevel {
        if let risk { return risk }
        if isKey { return .high }
        if control == .detectiveDiscretionary || control == .correctiveDiscretionary { return .low }
        return .medium
    }

    /// The choice with `id`, or nil.
    public func choice(_ id: String) -> Choice? { choices.first { $0.id == id } }

    /// The implied choices of a `yes-partial-no` question: yes 1, partial 0.5, no 0.
    public static let yesPartialNoChoices = [
        Choice(id: "yes", label: "Yes", score: 1),
        Choice(id: "partial", label: "Partly", score: 0.5),
        Choice(id: "no", label: "No", score: 0),
    ]

    /// The implied choices of a `yes-no` question: yes 1, no 0.
    public static let yesNoChoices = [
        Choice(id: "yes", label: "Yes", score: 1),
        Choice(id: "no", label: "No", score: 0),
    ]
}
