import Foundation

/// Finds questionnaires by id: `$SOXREADY_QUESTIONNAIRES` (folders separated by `:`), then
/// `./Questionnaires`, then the installed share folder `<prefix>/share/soxready/Questionnaires`.
public struct QuestionnaireCatalog: Sendable {
    /// One questionnaire file found in a search folder.
    public struct Entry: Sendable {
        /// The file path.
        public var path: String
        /// The questionnaire, or the reason it did not load.
        public var result: Result<LoadedQuestionnaire, QuestionnaireLoadError>
    }

    /// Folders searched, in order.
    public var searchPaths: [String]
    /// Compiled questionnaires tried before parsing a file's YAML; nil parses every file.
    public var cache: QuestionnaireCache?

    /// The bundled default questionnaire's id.
    public static let defaultID = "sox-azure-migration"

    /// Creates a catalog over `searchPaths`, in order, loading through `cache` when given.
    public init(searchPaths: [String], cache: QuestionnaireCache? = nil) {
        self.searchPaths = searchPaths
        self.cache = cache
    }

    /// The standard search path for an environment, current directory and executable location.
    ///
    /// - Parameters:
    ///   - environment: Process environment; `SOXREADY_QUESTIONNAIRES` is read from it.
    ///   - currentDirectory: Where `./Questionnaires` is looked for.
    ///   - executablePath: The running binary; `../share/soxready/Questionnaires` from its folder.
    ///   - cache: Compiled questionnaires to load through (nil: parse every file).
    /// - Returns: A catalog searching `SOXREADY_QUESTIONNAIRES`'s folders, `./Questionnaires`, the installed
    ///   share folder and the source tree's `Questionnaires`, in that order, each folder once.
    public static func standard(
        environment: [String: String], currentDirectory: String, executablePath: String?,
        cache: QuestionnaireCache? = nil
    ) -> QuestionnaireCatalog {
        var paths: [String] = []
        if let list = environment["SOXREADY_QUESTIONNAIRES"] {
            paths += list.split(separator: ":").map(String.init).filter { !$0.isEmpty }
        }
        // Relative to the current directory, so that paths print as the user would type them.
        paths.append(
            currentDirectory == FileManager.default.currentDirectoryPath
                ? "Questionnaires" : (currentDirectory as NSString).appendingPathComponent("Questionnaires"))
        if let executablePath {
            // The installed share folder (`bin/../share/soxready/Questionnaires`), then, for a
            // binary run from its build folder, the package it was built from.
            var folder = PathText.parent(of: URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().path)
            paths.append((PathText.parent(of: folder) as NSString).appendingPathComponent("share/soxready/Questionnaires"))
            for _ in 0..<3 {
                folder = PathText.parent(of: folder)
                if folder.isEmpty || folder == "/" { break }
                let candidate = (folder as NSString).appendingPathComponent("Questionnaires")
                if FileManager.default.fileExists(atPath: (candidate as NSString).appendingPathComponent("\(defaultID).yaml")) {
                    paths.append(candidate)
                    break
                }
            }
        }
        // The same folder reached two ways (./Questionnaires and the source tree) is searched once.
        var seen: Set<String> = []
        return QuestionnaireCatalog(
            searchPaths: paths.filter { path in
                let absolute = path.hasPrefix("/") ? path : (currentDirectory as NSString).appendingPathComponent(path)
                return seen.insert(URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path).inserted
            }, cache: cache)
    }

    /// Every `*.yaml` / `*.yml` file directly in the search folders, loaded, in search order then by name.
    public func entries() -> [Entry] {
        var result: [Entry] = []
        for folder in searchPaths {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                let path = (folder as NSString).appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                do throws(QuestionnaireLoadError) {
                    result.append(Entry(path: path, result: .success(try QuestionnaireLoader.load(path: path, cache: cache))))
                } catch {
                    result.append(Entry(path: path, result: .failure(error)))
                }
            }
        }
        return result
    }

    /// True when `text` names a file rather than a questionnaire id: it contains `/`, ends in
    /// `.yaml`/`.yml`, or is an existing file whose name is not a valid id.
    public static func isPath(_ text: String) -> Bool {
        text.contains("/") || text.hasSuffix(".yaml") || text.hasSuffix(".yml")
            || (!text.isEmpty && !text.contains("@") && !Identifier.isValid(text) && FileManager.default.fileExists(atPath: text))
    }

    /// Resolves `text`: a path to a file (see ``isPath(_:)``), or `id` / `id@version` looked up
    /// in the search folders (first match wins).
    ///
    /// - Throws: ``QuestionnaireLoadError`` from loading the file,
    ///   ``QuestionnaireLoadError/invalidReference(_:)`` for a malformed `id@version`, or
    ///   ``QuestionnaireLoadError/notFound(reference:searched:available:)``.
    public func resolve(_ text: String) throws(QuestionnaireLoadError) -> LoadedQuestionnaire {
        if Self.isPath(text) { return try QuestionnaireLoader.load(path: text, cache: cache) }
        let reference: QuestionnaireReference
        do { reference = try QuestionnaireReference(parsing: text) } catch { throw .invalidReference(error) }
        return try resolve(reference)
    }

    /// Finds the questionnaire `reference` names in the search folders (first match wins).
    ///
    /// - Throws: ``QuestionnaireLoadError/notFound(reference:searched:available:)``, or the error
    ///   of loading a file named after the id.
    public func resolve(_ reference: QuestionnaireReference) throws(QuestionnaireLoadError) -> LoadedQuestionnaire {
        // Fast path: a file named after the id.
        for folder in searchPaths {
            for ext in ["yaml", "yml"] {
                let path = (folder as NSString).appendingPathComponent("\(reference.id).\(ext)")
                guard FileManager.default.fileExists(atPath: path) else { continue }
                let loaded = try QuestionnaireLoader.load(path: path, cache: cache)
                if reference.matches(loaded.questionnaire) { return loaded }
            }
        }
        let all = entries()
        for entry in all {
            if case .success(let loaded) = entry.result, reference.matches(loaded.questionnaire) { return loaded }
        }
        let available = all.compactMap { entry -> String? in
            if case .success(let loaded) = entry.result { return loaded.questionnaire.reference }
            return nil
        }
        throw .notFound(reference: reference.description, searched: searchPaths, available: available)
    }
}
