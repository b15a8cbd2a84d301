import Foundation
import SoxreadyTestSupport
import Testing

/// `--templates DIR` and the frozen rules-1 templates (docs/plan.md, "Templates"): a rules-1 run
/// renders with `DIR/rules-1/` when the folder has one, else with the bundled rules-1 set, so a
/// branded folder never changes how an old run reads unless it brands `rules-1/` too.
struct TemplateFolderTests {
    /// A copy of `Reports/templates` without its `rules-1/` folder, with `edit` applied to every template.
    func brandedCopy(in folder: URL, rules1: Bool, edit: (String) -> String) throws -> URL {
        let source = repositoryRoot.appendingPathComponent("Reports/templates")
        let copy = folder.appendingPathComponent("brand")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path)
        where name.hasSuffix(".mustache") || name.hasSuffix(".css") {
            let text = try String(contentsOf: source.appendingPathComponent(name), encoding: .utf8)
            try edit(text).write(to: copy.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        if rules1 {
            let old = copy.appendingPathComponent("rules-1")
            try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
            for name in ["plan.md.mustache", "plan.html.mustache", "plan.css"] {
                let text = try String(contentsOf: source.appendingPathComponent("rules-1/\(name)"), encoding: .utf8)
                try edit(text).write(to: old.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
        }
        return copy
    }

    func brand(_ text: String) -> String {
        text.replacingOccurrences(of: "Azure migration readiness plan:", with: "Contoso SOX migration plan:")
    }

    @Test func aRules1RunRendersWithTheBundledRules1TemplatesWhenTheFolderHasNone() throws {
        let (folder, store) = try copyOfRules1Store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let branded = try brandedCopy(in: folder, rules1: false, edit: brand)
        for format in ["md", "html"] {
            let result = try runSoxready(
                [
                    "report", "--store", store, "--app", "general-ledger", "--run", "1", "--format", format,
                    "--output", "-", "--templates", branded.path,
                ], directory: folder)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(
                result.stdout == (try String(contentsOfFile: sharedFixturePath("rules-1/general-ledger-run-1.\(format)"), encoding: .utf8)))
        }
    }

    @Test func aRules1RunRendersWithTheFoldersOwnRules1Templates() throws {
        let (folder, store) = try copyOfRules1Store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let branded = try brandedCopy(in: folder, rules1: true, edit: brand)
        let result = try runSoxready(
            [
                "report", "--store", store, "--app", "general-ledger", "--run", "1", "--format", "md",
                "--output", "-", "--templates", branded.path,
            ], directory: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let recorded = try String(contentsOfFile: sharedFixturePath("rules-1/general-ledger-run-1.md"), encoding: .utf8)
        #expect(result.stdout == brand(recorded))
        #expect(result.stdout.hasPrefix("# Contoso SOX migration plan: General Ledger\n"))
    }
}
