import Foundation
import Testing

@testable import SoxreadyCore

/// `PathText.parent(of:)` answers as `NSString.deletingLastPathComponent` does, including for the
/// one-character names that make Foundation trap (Swift 6.3.1 on Linux).
struct PathTextTests {
    @Test(arguments: [
        ("p", ""), ("pq", ""), ("/p", "/"), ("/", "/"), ("", ""), ("a/p", "a"), ("a/b/c", "a/b"), ("a/b/", "a"), ("./p", "."),
        ("/a//b", "/a"), ("é", ""), ("Reports/general-ledger", "Reports"),
    ])
    func theParentFolderOfAPath(path: String, parent: String) {
        #expect(PathText.parent(of: path) == parent)
    }

    /// The same answers as Foundation where Foundation does not trap.
    @Test(arguments: ["pq", "/p", "/", "a/p", "a/b/c", "a/b/", "./p", "Reports/general-ledger", "/tmp/x.sqlite"])
    func agreesWithFoundation(path: String) {
        #expect(PathText.parent(of: path) == (path as NSString).deletingLastPathComponent)
    }
}
