import Foundation

/// The thread the store's async code runs on: a task executor of its own, so that a caller
/// blocked in ``BlockingBridge/run(timeout:_:)`` never waits for a thread of Swift's cooperative
/// pool (which has one thread per core; with every one of them blocked in a bridge, the bodies
/// they wait for could never run).
final class BridgeExecutor: TaskExecutor, @unchecked Sendable {
    /// The one executor of the process (its thread lives as long as the process).
    static let shared = BridgeExecutor()

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var thread: pthread_t?

    private init() {
        let thread = Thread { [self] in run() }
        thread.name = "soxready.postgres"
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// True when the caller runs on the executor's thread (where blocking would deadlock).
    var isCurrent: Bool {
        condition.lock()
        defer { condition.unlock() }
        guard let thread else { return false }
        return pthread_equal(thread, pthread_self()) != 0
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func run() {
        condition.lock()
        thread = pthread_self()
        condition.unlock()
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
