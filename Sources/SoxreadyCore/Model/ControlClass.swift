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
