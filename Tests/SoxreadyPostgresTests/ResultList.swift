import Foundation

/// Numbers and failures gathered from concurrent workers.
final class ResultList: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var numbers: [Int] = []
    private(set) var failures: [String] = []

    func append(_ number: Int) { lock.withLock { numbers.append(number) } }
    func fail(_ text: String) { lock.withLock { failures.append(text) } }
}
