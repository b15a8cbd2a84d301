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

/// The fenced blocks of `language` in the repository document `document` (such as
/// `docs/store.md`) under the heading line `heading`, up to the next `###` heading: the commands
/// and SQL the docs give, so that tests run them as a reader would.
///
/// - Throws: When the document cannot be read.
public func documentedBlocks(in document: String, after heading: String, language: String) throws -> [String] {
    let doc = try String(contentsOf: repositoryRoot.appendingPathComponent(document), encoding: .utf8)
    guard let start = doc.range(of: "\n\(heading)\n") else { return [] }
    var section = doc[start.upperBound...]
    if let end = section.range(of: "\n### ") { section = section[..<end.lowerBound] }
    var blocks: [String] = []
    while let open = section.range(of: "```\(language)\n"), let close = section[open.upperBound...].range(of: "```") {
        blocks.append(String(section[open.upperBound..<close.lowerBound]))
        section = section[close.upperBound...]
    }
    return blocks
}
