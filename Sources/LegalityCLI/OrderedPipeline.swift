import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `work` for indices 0..<count on worker threads and hands the results out in index order.
/// Workers stay at most a few items, and at most `budget` of weight (file bytes), ahead of the
/// consumer, so memory is bounded by the window, not by the number or size of the files.
final class OrderedPipeline<Result: Sendable>: @unchecked Sendable {
    private let work: @Sendable (Int) -> Result
    private let count: Int
    private let window: Int
    private let inline: Bool
    // Guarded by `mutex`:
    private var results: [Int: Result] = [:]
    private var next = 0
    private var consumed = 0
    private var weightInFlight = 0
    private let weights: [Int]
    private let budget = 32 << 20
    private let mutex: UnsafeMutablePointer<pthread_mutex_t> = .allocate(capacity: 1)
    private let changed: UnsafeMutablePointer<pthread_cond_t> = .allocate(capacity: 1)

    init(count: Int, workers: Int, weights: [Int], work: @escaping @Sendable (Int) -> Result) {
        self.work = work
        self.count = count
        self.weights = weights
        window = workers * 4
        inline = workers <= 1
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
        guard !inline else { return }
        for _ in 0..<workers {
            DispatchQueue.global().async { self.runWorker() }
        }
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        changed.deallocate()
        mutex.deallocate()
    }

    /// The result for `index`; indices must be taken in order, each once.
    func take(_ index: Int) -> Result {
        if inline { return work(index) }
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while true {
            if let result = results.removeValue(forKey: index) {
                consumed = index + 1
                weightInFlight -= weights[index]
                pthread_cond_broadcast(changed)
                return result
            }
            pthread_cond_wait(changed, mutex)
        }
    }

    private func runWorker() {
        while true {
            pthread_mutex_lock(mutex)
            // The item the consumer waits for is always allowed; others only within the window and budget.
            while next < count && next > consumed
                && (next >= consumed + window || weightInFlight + weights[next] > budget) {
                pthread_cond_wait(changed, mutex)
            }
            guard next < count else {
                pthread_mutex_unlock(mutex)
                return
            }
            let index = next
            next += 1
            weightInFlight += weights[index]
            pthread_mutex_unlock(mutex)
            let result = work(index)
            pthread_mutex_lock(mutex)
            results[index] = result
            pthread_cond_broadcast(changed)
            pthread_mutex_unlock(mutex)
        }
    }
}
