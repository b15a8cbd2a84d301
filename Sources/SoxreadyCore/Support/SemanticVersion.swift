/// `MAJOR.MINOR.PATCH` with an optional `-prerelease`, compared numerically.
public struct SemanticVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Major, minor and patch numbers.
    public var major: Int, minor: Int, patch: Int
    /// Pre-release label after `-`, empty when none.
    public var prerelease: String

    /// Parses `1.2.3` or `1.2.3-rc.1`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        let numbers = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 3,
            numbers.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let major = Int(numbers[0]), let minor = Int(numbers[1]), let patch = Int(numbers[2])
        else { return nil }
        if parts.count == 2, parts[1].isEmpty { return nil }
        self.major = major
        self.minor = minor
        self.patch = patch
        prerelease = parts.count == 2 ? String(parts[1]) : ""
    }

    /// `MAJOR.MINOR.PATCH[-prerelease]`.
    public var description: String { "\(major).\(minor).\(patch)" + (prerelease.isEmpty ? "" : "-\(prerelease)") }

    /// Orders by major, minor and patch numerically; at equal numbers a pre-release comes before the release,
    /// and pre-release labels compare as text.
    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        if (lhs.major, lhs.minor, lhs.patch) != (rhs.major, rhs.minor, rhs.patch) {
            return (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
        }
        if lhs.prerelease.isEmpty != rhs.prerelease.isEmpty { return !lhs.prerelease.isEmpty }
        return lhs.prerelease < rhs.prerelease
    }
}
