import Logging
import PostgresNIO

/// Calls postgres-nio's async API from the store's synchronous protocol: one call per store
/// operation (a whole transaction), never per statement.
///
/// The body runs as a task on ``BridgeExecutor`` (never on Swift's cooperative pool, whose
/// threads the callers may be blocking); the calling thread waits on an `EventLoopFuture`, whose
/// `wait()` the compiler refuses in async code and NIO refuses on an event-loop thread, so a
/// deadlock is loud instead of silent. The wait is bounded: postgres-nio 1.33.2 never answers a
/// query sent on a connection the server has dropped, and ignores cancellation then; past the
/// deadline the caller gets ``TimedOut`` and the stuck task is left to the end of the process.
enum BlockingBridge {
    /// The body did not finish within the deadline.
    struct TimedOut: Error {
        /// The deadline, in seconds.
        var seconds: Double
    }

    /// A logger that drops everything: postgres-nio logs at debug and trace only, but
    /// `Logger(label:)` alone would set up swift-log's default handler on stdout.
    static let logger = Logger(label: "soxready.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Runs `body` and blocks the calling thread until it finishes or `timeout` seconds pass.
    static func run<T: Sendable>(timeout: Double, _ body: @escaping @Sendable () async throws -> T) throws -> T {
        let loop = MultiThreadedEventLoopGroup.singleton.any()
        let promise = loop.makePromise(of: T.self)
        let task = Task(executorPreference: BridgeExecutor.shared) {
            do { promise.succeed(try await body()) } catch { promise.fail(error) }
        }
        // A promise completes once; whichever of the task and the timer comes second is ignored.
        let timer = loop.scheduleTask(in: .nanoseconds(Int64(timeout * 1_000_000_000))) {
            promise.fail(TimedOut(seconds: timeout))
            task.cancel()
        }
        defer { timer.cancel() }
        return try promise.futureResult.wait()
    }

    /// Runs `body` with a deadline inside async code: whichever finishes first wins and the other
    /// is cancelled (postgres-nio's `connectTimeout` covers the TCP connect only, not TLS, the
    /// start-up and authentication, which a server can stall).
    static func withDeadline<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
                throw TimedOut(seconds: seconds)
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw TimedOut(seconds: seconds) }
            return first
        }
    }
}
