import Foundation
import SoxreadyTestSupport

/// What a run of the `soxready` binary produced.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The built `soxready` binary, next to the test bundle.
let soxreadyBinary: URL = {
    let candidates =
        [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
    for folder in candidates {
        let url = folder.appendingPathComponent("soxready")
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return repositoryRoot.appendingPathComponent(".build/debug/soxready")
}()

/// The compiled-questionnaire cache of the binaries the tests run: one temporary folder for this
/// test process (removed when it ends), so that no test writes into the home folder's cache.
let testCacheFolder = FileManager.default.temporaryDirectory.appendingPathComponent("soxready-cli-cache-\(getpid())").path
private let removeTestCacheFolderAtExit: Void = { atexit { try? FileManager.default.removeItem(atPath: testCacheFolder) } }()

/// Runs `soxready` with `arguments`, feeding `input` on stdin, in `directory`, with `environment`
/// added to this process's (less `COLUMNS`) and the variables `removing` names taken out; with the PostgreSQL
/// database of the folder's ``TestStore`` as `SOXREADY_STORE` when it has one.
func runSoxready(
    _ arguments: [String], input: String = "", directory: URL = repositoryRoot,
    environment: [String: String] = [:], removing: [String] = []
) throws -> CommandResult {
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    env.removeValue(forKey: "SOXREADY_STORE")
    env.removeValue(forKey: "SOXREADY_QUESTIONNAIRES")
    // Output is laid out to COLUMNS when it is set: only the tests that set it get it.
    env.removeValue(forKey: "COLUMNS")
    if let url = TestStore.url(for: directory) { env["SOXREADY_STORE"] = url }
    _ = removeTestCacheFolderAtExit
    env["SOXREADY_CACHE"] = testCacheFolder
    for (key, value) in environment { env[key] = value }
    for key in removing { env.removeValue(forKey: key) }
    return try runProcess(soxreadyBinary.path, arguments, directory: directory, environment: env, input: input)
}

/// Runs `executable` with `arguments` in `directory` with exactly `environment`, feeding `input`
/// on stdin, and reads both pipes to their end (concurrently, so that a full pipe never blocks
/// the child).
func runProcess(
    _ executable: String, _ arguments: [String], directory: URL, environment: [String: String], input: String = ""
) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = environment
    let stdinPipe = Pipe(), stdoutPipe = Pipe(), stderrPipe = Pipe()
    process.standardInput = stdinPipe
    process.standardOutput = stdoutPipe
    process.standardError = stderrPipe
    try process.run()
    // The child may exit before reading its input: a closed pipe is not a test failure.
    try? stdinPipe.fileHandleForWriting.write(contentsOf: Data(input.utf8))
    try? stdinPipe.fileHandleForWriting.close()
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errData = stderrPipe.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = stdoutPipe.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return CommandResult(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
}
