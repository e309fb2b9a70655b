import Dispatch

/// Runs blocking work (SQLite's calls wait on the disk and on other processes' locks) on a
/// dispatch thread, so that it never holds one of Swift's cooperative threads, which a server's
/// event loop and every other task share.
public enum BlockingWork {
    private static let queue = DispatchQueue(label: "regie.store.blocking", qos: .userInitiated, attributes: .concurrent)

    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws(StoreError) -> T) async throws(StoreError) -> T {
        let job = Job(work)
        let result: Result<T, StoreError> = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: job.run()) }
        }
        return try result.get()
    }

    /// The work, let go of before the caller resumes: what it holds (a store, a database
    /// connection) is then released by the caller, not later on a dispatch thread.
    private final class Job<T>: @unchecked Sendable {
        private var work: (@Sendable () throws(StoreError) -> T)?

        init(_ work: @escaping @Sendable () throws(StoreError) -> T) { self.work = work }

        func run() -> Result<T, StoreError> {
            guard let work else { return .failure(.database(code: 0, message: "blocking work run twice")) }
            self.work = nil
            do throws(StoreError) {
                return .success(try work())
            } catch {
                return .failure(error)
            }
        }
    }
}

/// A value handed to blocking work that runs while its owner awaits it: never used by two at once.
package struct HandedOver<Value>: @unchecked Sendable {
    package let value: Value
    package init(value: Value) { self.value = value }
}
