import Foundation

/// The repository root, found from this file's path (`Tests/SoxreadyTestSupport/Paths.swift`).
public let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The path of a fixture file of the core tests (`Tests/SoxreadyCoreTests/Fixtures/NAME`).
public func fixturePath(_ name: String) -> String {
    repositoryRoot.appendingPathComponent("Tests/SoxreadyCoreTests/Fixtures/\(name)").path
}

/// The path of a file in `Tests/Fixtures/` (fixtures shared by every test target).
public func sharedFixturePath(_ name: String) -> String {
    repositoryRoot.appendingPathComponent("Tests/Fixtures/\(name)").path
}

/// A fresh temporary folder; remove it when done.
public func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("soxready-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A copy of the rules-1 fixture store in a fresh temporary folder (the fixture itself is never
/// opened, so no test can change it).
public func copyOfRules1Store() throws -> (folder: URL, path: String) {
    let folder = try temporaryFolder()
    let path = folder.appendingPathComponent("store.sqlite").path
    try FileManager.default.copyItem(atPath: sharedFixturePath("rules-1/store.sqlite"), toPath: path)
    return (folder, path)
}
