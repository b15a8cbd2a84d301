import Foundation
import Synchronization
import Yams

/// A questionnaire with the exact text it was loaded from.
public struct LoadedQuestionnaire: Sendable, Equatable {
    /// The validated questionnaire.
    public var questionnaire: Questionnaire
    /// The file's exact content, as UTF-8 text (kept with every run so reports can be rebuilt).
    public var content: String
    /// The path it was read from, as given; nil when parsed from memory.
    public var path: String?
    /// What the loader ignored (each a `warning:` line); the file still loads.
    public var warnings: [Diagnostic] = []
}

/// Loads and validates `soxready/questionnaire@1` files with Yams.
///
/// The loader reports *every* problem in a file, each with its line and column, as
/// ``QuestionnaireLoadError/invalid(_:)``; the rules are listed in `docs/questionnaire-format.md`.
public enum QuestionnaireLoader {
    /// Reads and validates the questionnaire at `path`.
    ///
    /// - Parameters:
    ///   - path: A file path, relative to the current directory or absolute.
    ///   - cache: Compiled questionnaires to try before parsing the YAML (see ``parse(_:file:cache:)``);
    ///     nil (the default) always parses the file, as `questionnaire validate` does.
    /// - Returns: The questionnaire and its exact content.
    /// - Throws: ``QuestionnaireLoadError/unreadable(path:reason:)`` when the file cannot be read;
    ///   ``QuestionnaireLoadError/invalid(_:)`` with every problem found, or where the file stops
    ///   being UTF-8 text.
    public static func load(path: String, cache: QuestionnaireCache? = nil) throws(QuestionnaireLoadError) -> LoadedQuestionnaire {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a regular file" : "no such file"
            throw .unreadable(path: path, reason: reason)
        }
        let text: String
        do {
            text = try UTF8Text.decode(data)
        } catch {
            throw .invalid([Diagnostic.notUTF8(error, file: path)])
        }
        var loaded = try parse(text, file: path, cache: cache)
        loaded.path = path
        return loaded
    }

    /// Parses and validates questionnaire text.
    ///
    /// A text already parsed in this process is not parsed again. With a `cache`, a text parsed by
    /// an earlier process is read from its compiled form instead of its YAML; a text that is not
    /// in the cache is parsed and, when it has no error, added to it.
    ///
    /// - Parameters:
    ///   - text: The YAML text.
    ///   - file: The name used in diagnostics.
    ///   - cache: Compiled questionnaires to try before parsing; nil (the default) parses the YAML.
    /// - Returns: The questionnaire and `text`.
    /// - Throws: ``QuestionnaireLoadError/invalid(_:)`` with every problem, sorted by line and column.
    public static func parse(
        _ text: String, file: String, cache: QuestionnaireCache? = nil
    ) throws(QuestionnaireLoadError)
        -> LoadedQuestionnaire
    {
        // A report reads the same stored content for several runs: parse each distinct text once.
        // The key is the content's SHA-256: hashing a 150 KB String as a dictionary key would
        // normalise it to NFC first, which costs more than libcrypto's digest.
        let key = SHA256Digest.hex(text)
        // Without a cache, only what this process parsed from YAML itself will do.
        if let known = inProcess.withLock({ $0[key] }), known.parsed || cache != nil { return known.loaded }
        if let compiled = cache?.load(textDigest: key, content: text, file: file) {
            inProcess.withLock { $0[key] = (compiled, parsed: false) }
            return compiled
        }
        let loaded = try parseUncached(text, file: file)
        inProcess.withLock { $0[key] = (loaded, parsed: true) }
        cache?.save(loaded, textDigest: key)
        return loaded
    }

    /// Questionnaires loaded in this process, by the SHA-256 of their content (only valid ones);
    /// `parsed` when from the YAML, else from the cache.
    private static let inProcess = Mutex<[String: (loaded: LoadedQuestionnaire, parsed: Bool)]>([:])

    static func parseUncached(_ text: String, file: String) throws(QuestionnaireLoadError) -> LoadedQuestionnaire {
        // Values are read as the text typed (YAML 1.1 booleans stay words), so no implicit tag
        // resolution is needed; the basic resolver also spares a regular expression per scalar.
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, Resolver.basic)
        } catch {
            throw .invalid([yamlDiagnostic(error, file: file)])
        }
        guard let root else {
            throw .invalid([
                Diagnostic(
                    file: file, location: SourceLocation(line: 1, column: 1),
                    message: "the file is empty",
                    expected: "expected a questionnaire starting with 'format: \(QuestionnaireDecoder.formatName)'")
            ])
        }
        var decoder = QuestionnaireDecoder(file: file)
        let questionnaire = decoder.decode(root)
        // In file order, at most Diagnostic.maximumListed, then the count of the rest.
        let diagnostics = decoder.fields.sortedDiagnostics
        guard diagnostics.isEmpty, let questionnaire else {
            throw .invalid(diagnostics)
        }
        return LoadedQuestionnaire(questionnaire: questionnaire, content: text, path: nil, warnings: decoder.warnings)
    }

    /// Turns a Yams syntax error into one diagnostic with its line and column.
    static func yamlDiagnostic(_ error: any Error, file: String) -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return Diagnostic(file: file, location: nil, message: "cannot parse YAML: \(error)")
        }
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(line: mark.line, column: mark.column) }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) at line \($0.mark.line), " } ?? ""
            return Diagnostic(
                file: file, location: at(mark), message: "invalid YAML: \(detail)\(problem)",
                expected: "expected well-formed YAML (check indentation and quoting)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(
                file: file, location: at(context.mark), message: "a mapping repeats the key \(keys)",
                expected: "expected each key once per mapping")
        case .reader(let problem, _, _, _):
            return Diagnostic(file: file, location: nil, message: "cannot read YAML: \(problem)", expected: "expected UTF-8 text")
        default:
            return Diagnostic(file: file, location: nil, message: "cannot parse YAML: \(yamlError)")
        }
    }
}
