import Foundation
import SoxreadyCore

/// Signing and verifying sign-off statements with OpenSSH's `ssh-keygen -Y` (namespace
/// `soxready`), exactly as git signs commits with SSH keys.
enum SSHSignature {
    /// The signature namespace: a signature made for soxready cannot pass for a git or file signature.
    static let namespace = "soxready"

    /// Why `ssh-keygen` could not sign or verify.
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// The armored signature of `statement` with the private key at `keyPath` (or the public
    /// key of a key held by ssh-agent).
    ///
    /// - Throws: ``Failure`` with what `ssh-keygen` said.
    static func sign(_ statement: String, keyPath: String) throws(Failure) -> String {
        let run = try keygen(["-Y", "sign", "-f", keyPath, "-n", namespace], input: statement)
        guard run.status == 0, run.output.contains("BEGIN SSH SIGNATURE") else {
            throw Failure(message: "ssh-keygen could not sign with \(keyPath): \(run.error.trimmingWhitespaceAndNewlines)")
        }
        return run.output
    }

    /// Checks `signature` of `statement` against an allowed-signers file: finds the principal with
    /// `ssh-keygen -Y find-principals`, then verifies for it with `-Y verify`.
    static func verify(_ statement: String, signature: String, allowedSigners: String) -> StoreVerifier.SignatureCheck {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("soxready-sig-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let signatureFile = folder.appendingPathComponent("statement.sig").path
            try Data(signature.utf8).write(to: URL(fileURLWithPath: signatureFile))
            let found = try keygen(["-Y", "find-principals", "-s", signatureFile, "-f", allowedSigners])
            guard found.status == 0, let principal = found.output.split(separator: "\n").first.map(String.init), !principal.isEmpty else {
                let said = found.error.trimmingWhitespaceAndNewlines
                // ssh-keygen names a line it cannot read as FILE:LINE: (invalid key, bad options …).
                let complaints = said.split(separator: "\n").filter { line in
                    guard let range = line.range(of: "\(allowedSigners):") else { return false }
                    return line[range.upperBound...].first?.isNumber == true
                }
                if !complaints.isEmpty {
                    // ssh-keygen could not read the file: say so, not "bad signature".
                    return .bad(
                        reason: "ssh-keygen cannot read \(allowedSigners) (\(complaints.joined(separator: "; "))); each line is PRINCIPAL "
                            + "namespaces=\"soxready\" KEYTYPE KEY, a principal with spaces in double quotes")
                }
                return .bad(reason: "the key that made it is not in \(allowedSigners)")
            }
            let checked = try keygen(
                ["-Y", "verify", "-f", allowedSigners, "-I", principal, "-n", namespace, "-s", signatureFile],
                input: statement)
            guard checked.status == 0 else {
                return .bad(reason: "it does not match the statement (\(checked.error.trimmingWhitespaceAndNewlines))")
            }
            return .good(principal: principal)
        } catch let error as Failure {
            return .bad(reason: error.description)
        } catch {
            return .bad(reason: "\(error)")
        }
    }

    static func keygen(_ arguments: [String], input: String? = nil) throws(Failure) -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ssh-keygen"] + arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do { try process.run() } catch {
            throw Failure(message: "cannot run ssh-keygen (install openssh-client): \(error.localizedDescription)")
        }
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData = stderr.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try? stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        if process.terminationStatus == 127 { throw Failure(message: "ssh-keygen is not installed (install openssh-client)") }
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }
}

extension String {
    var trimmingWhitespaceAndNewlines: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
