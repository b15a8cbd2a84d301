/// The hosting models of Microsoft's shared-responsibility matrix.
public enum HostingModel: String, Sendable, Hashable, CaseIterable, Codable {
    case onPremises = "on-premises"
    case iaas, paas, saas
}
