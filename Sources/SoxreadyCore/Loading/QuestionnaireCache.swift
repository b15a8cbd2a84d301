import Foundation

/// A folder of compiled questionnaires (``CompiledQuestionnaire``), so that a questionnaire read
/// before loads without parsing its YAML again.
///
/// The cache is an optimisation only. An entry is found by a key made of the SHA-256 of the
/// questionnaire's exact text, the compiled format's version and soxready's version and build
/// (``toolVersion``), and it is used only when all of them match what its header records and its
/// payload's SHA-256 checks out. A missing, unreadable, truncated, damaged or other-version entry
/// is ignored and written again; a folder that cannot be created or written means no cache. No
/// error of the cache ever reaches the user, and only a questionnaire that loaded without errors
/// is ever written, so a file with an error is always parsed and reported as before.
///
/// Where it lives: `$SOXREADY_CACHE` when set (empty or `off` disables the cache), else
/// `$XDG_CACHE_HOME/soxready`, else `~/.cache/soxready`; the entries are in its `questionnaires/`
/// folder, at most ``maximumEntries`` of them (the least recently used go first).
public struct QuestionnaireCache: Sendable {
    /// The folder that holds the entries (`<cache>/questionnaires`).
    public let folder: String
    /// soxready's version and build; an entry written by another build is never read.
    public let toolVersion: String

    /// The most entries kept; writing one more removes the least recently used.
    public static let maximumEntries = 32

    /// A cache whose entries are in `folder`, for the soxready build `toolVersion`.
    ///
    /// - Parameters:
    ///   - folder: The entries' folder (created when the first entry is written).
    ///   - toolVersion: soxready's version and build identity, such as `0.1.0 38121344-1764608400.5`.
    public init(folder: String, toolVersion: String) {
        self.folder = folder
        self.toolVersion = toolVersion
    }

    /// The soxready cache folder for an environment: `SOXREADY_CACHE` (nil when it is empty or
    /// `off`), else `XDG_CACHE_HOME/soxready` (when absolute), else `HOME/.cache/soxready`; nil
    /// when none of them is set.
    public static func rootFolder(environment: [String: String]) -> String? {
        if let own = environment["SOXREADY_CACHE"] {
            return own.isEmpty || own.lowercased() == "off" ? nil : own
        }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return (xdg as NSString).appendingPathComponent("soxready")
        }
        if let home = environment["HOME"], !home.isEmpty {
            return (home as NSString).appendingPathComponent(".cache/soxready")
        }
        return nil
    }

    /// The cache for an environment (see ``rootFolder(environment:)``), or nil when it is disabled
    /// or there is nowhere to keep it.
    public static func standard(environment: [String: String], toolVersion: String) -> QuestionnaireCache? {
        rootFolder(environment: environment).map {
            QuestionnaireCache(folder: ($0 as NSString).appendingPathComponent("questionnaires"), toolVersion: toolVersion)
        }
    }

    /// The entry file for the text whose SHA-256 is `textDigest`.
    func entryPath(textDigest: String) -> String {
        let key = SHA256Digest.hex("soxready/compiled-questionnaire \(CompiledQuestionnaire.formatVersion)\n\(toolVersion)\n\(textDigest)")
        return (folder as NSString).appendingPathComponent("\(key).\(Self.fileExtension)")
    }

    static let fileExtension = "soxq"
    /// The first bytes of every entry.
    static let magic = Array("soxready-compiled-questionnaire\n".utf8)

    // MARK: - Reading

    /// The questionnaire compiled from `content` (whose SHA-256 is `textDigest`), loaded under the
    /// name `file`; nil when there is no usable entry.
    func load(textDigest: String, content: String, file: String) -> LoadedQuestionnaire? {
        let path = entryPath(textDigest: textDigest)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let decoded: (Questionnaire, [Diagnostic])? = data.withUnsafeBytes { bytes in
            do {
                var reader = BinaryReader(bytes)
                let header = try Self.header(&reader)
                guard header.format == CompiledQuestionnaire.formatVersion, header.tool == toolVersion,
                    header.textDigest == textDigest
                else { return nil }
                let payload = try reader.bytes(try reader.count())
                guard reader.isAtEnd, SHA256Digest.hex(payload) == header.payloadDigest else { return nil }
                return try CompiledQuestionnaire.decode(payload, file: file)
            } catch {
                return nil
            }
        }
        guard let (questionnaire, warnings) = decoded else { return nil }
        // Least recently used goes first: a hit counts as a use.
        utimensat(AT_FDCWD, path, nil, 0)
        return LoadedQuestionnaire(questionnaire: questionnaire, content: content, path: nil, warnings: warnings)
    }

    /// An entry's header: the layout version, the soxready build, the text's and the payload's SHA-256.
    static func header(
        _ reader: inout BinaryReader
    ) throws
        -> (format: Int, tool: String, textDigest: String, payloadDigest: String)
    {
        guard Array(try reader.bytes(magic.count)) == magic else { throw reader.malformed("not a compiled questionnaire") }
        return (try reader.int(), try reader.string(), try reader.string(), try reader.string())
    }

    /// The soxready build that wrote the entry at `path`, or nil when it is not an entry.
    static func toolVersion(ofEntryAt path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return data.withUnsafeBytes { bytes in
            var reader = BinaryReader(bytes)
            return try? header(&reader).tool
        }
    }

    // MARK: - Writing

    /// Writes the entry of `loaded` (whose text's SHA-256 is `textDigest`) atomically, then removes
    /// the least recently used entries beyond ``maximumEntries``. Failures are ignored: the next
    /// load parses the YAML again.
    func save(_ loaded: LoadedQuestionnaire, textDigest: String) {
        let payload = CompiledQuestionnaire.encode(loaded.questionnaire, warnings: loaded.warnings)
        var out = BinaryWriter(capacity: payload.count + 256)
        out.bytes(Self.magic)
        out.int(CompiledQuestionnaire.formatVersion)
        out.string(toolVersion)
        out.string(textDigest)
        out.string(SHA256Digest.hex(payload))
        out.unsigned(UInt64(payload.count))
        out.bytes(payload)
        do {
            if !FileManager.default.fileExists(atPath: folder) {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            }
            try AtomicFile.write(Data(out.bytes), to: entryPath(textDigest: textDigest), mode: 0o600)
        } catch {
            return
        }
        prune()
    }

    /// Removes the least recently used entries beyond ``maximumEntries``, and temporary files a
    /// crashed writer left more than a day ago.
    func prune() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        var entries: [(path: String, used: Date)] = []
        let dayAgo = Date().addingTimeInterval(-86_400)
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let used = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date else { continue }
            if name.hasSuffix(".\(Self.fileExtension)") {
                entries.append((path, used))
            } else if name.hasPrefix("."), name.contains(".\(Self.fileExtension).tmp-"), used < dayAgo {
                unlink(path)
            }
        }
        guard entries.count > Self.maximumEntries else { return }
        for entry in entries.sorted(by: { $0.used > $1.used }).dropFirst(Self.maximumEntries) {
            unlink(entry.path)
        }
    }
}
