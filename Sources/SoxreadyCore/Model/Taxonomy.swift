/// The seven answer types of a question in `soxready/questionnaire@1`.
///
/// Raw values are the spellings used in questionnaire files (`type:`).
public enum QuestionType: String, Sendable, Hashable, CaseIterable, Codable {
    /// One choice id out of `choices`; scored by the choice's `score`.
    case choice
    /// `yes` / `partial` / `no`, scored 1 / 0.5 / 0.
    case yesPartialNo = "yes-partial-no"
    /// `yes` / `no`, scored 1 / 0.
    case yesNo = "yes-no"
    /// A list of choice ids; scored by the sum of their scores, capped at 1.
    case multi
    /// A number within optional `min`...`max`; scored through `bands`.
    case number
    /// A calendar date `YYYY-MM-DD`; context only.
    case date
    /// Free text on one logical line; context only.
    case text
}

/// Microsoft Purview Compliance Manager's action types, which set a question's points.
///
/// Points per SCORING.md: preventive-mandatory 27, preventive-discretionary 9,
/// detective-mandatory 3, detective-discretionary 1, corrective-mandatory 3,
/// corrective-discretionary 1.
public enum ControlClass: String, Sendable, Hashable, CaseIterable, Codable {
    case preventiveMandatory = "preventive-mandatory"
    case preventiveDiscretionary = "preventive-discretionary"
    case detectiveMandatory = "detective-mandatory"
    case detectiveDiscretionary = "detective-discretionary"
    case correctiveMandatory = "corrective-mandatory"
    case correctiveDiscretionary = "corrective-discretionary"

    /// The question points this class gives (27, 9, 3, 1, 3 or 1).
    public var points: Double {
        switch self {
        case .preventiveMandatory: 27
        case .preventiveDiscretionary: 9
        case .detectiveMandatory: 3
        case .detectiveDiscretionary: 1
        case .correctiveMandatory: 3
        case .correctiveDiscretionary: 1
        }
    }

    /// The short code used in outlines: PM, PD, DM, DD, CM or CD.
    public var code: String {
        switch self {
        case .preventiveMandatory: "PM"
        case .preventiveDiscretionary: "PD"
        case .detectiveMandatory: "DM"
        case .detectiveDiscretionary: "DD"
        case .correctiveMandatory: "CM"
        case .correctiveDiscretionary: "CD"
        }
    }
}

/// How much a domain weighs in the overall score: critical ×3, high ×2, medium ×1.
public enum Criticality: String, Sendable, Hashable, CaseIterable, Codable {
    case critical, high, medium

    /// The domain multiplier m of SCORING.md (3, 2 or 1).
    public var multiplier: Double {
        switch self {
        case .critical: 3
        case .high: 2
        case .medium: 1
        }
    }
}

/// The IT general control areas, plus entity-level controls.
public enum ITGCArea: String, Sendable, Hashable, CaseIterable, Codable {
    /// Access to programs and data.
    case access
    /// Program change.
    case change
    /// Computer operations.
    case operations
    /// Program development (including data conversion).
    case development
    /// Entity-level controls (COSO control environment, risk assessment, monitoring).
    case entity

    /// The area's name as auditors say it.
    public var title: String {
        switch self {
        case .access: "Access to programs and data"
        case .change: "Program change"
        case .operations: "Computer operations"
        case .development: "Program development"
        case .entity: "Entity-level controls"
        }
    }
}

/// The risk of a gap, as AWS Well-Architected's high and medium risk issues.
public enum RiskLevel: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case high, medium, low

    /// Remediation priority of a non-gating gap with this risk: high 2, medium 3, low 4.
    public var rank: Int {
        switch self {
        case .high: 2
        case .medium: 3
        case .low: 4
        }
    }

    /// Orders by ``rank``: high comes before medium, medium before low.
    public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool { lhs.rank < rhs.rank }
}

/// When a remediation action belongs in the migration.
public enum MigrationPhase: String, Sendable, Hashable, CaseIterable, Codable {
    case beforeMigration = "before-migration"
    case cutover
    case afterCutover = "after-cutover"

    /// The phase's heading in plans: "Before migration", "Cutover", "After cutover".
    public var title: String {
        switch self {
        case .beforeMigration: "Before migration"
        case .cutover: "Cutover"
        case .afterCutover: "After cutover"
        }
    }
}

/// T-shirt size of a remediation action's effort.
public enum Effort: String, Sendable, Hashable, CaseIterable, Codable {
    case small = "S"
    case medium = "M"
    case large = "L"
}
