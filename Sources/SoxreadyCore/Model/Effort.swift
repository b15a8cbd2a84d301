/// T-shirt size of a remediation action's effort.
public enum Effort: String, Sendable, Hashable, CaseIterable, Codable {
    case small = "S"
    case medium = "M"
    case large = "L"
}
