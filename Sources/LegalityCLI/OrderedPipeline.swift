import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `work` for indices 0..<count on worker threads; each work item emits its results in
/// pieces, and the consumer takes the pieces of index 0, then of index 1, ... as they come, so a
/// file of a million documents is settled document by document, never held whole.
///
/// Workers stay at most a window of items, and at most `budget` of weight (file bytes), ahead of
/// the consumer; a worker ahead of the consumer also waits when it has a few pieces queued, so
/// memory is bounded by the window, not by the number or size of the files.
final class OrderedPipeline<Piece: Sendable>: @unchecked Sendable {
    private let work: @Sendable (Int, (Piece) -> Void) -> Void
    private let count: Int
    private let window: Int
    private let inline: Bool
    private let weights: [Int]
    private let budget = 32 << 20
    /// Pieces a worker ahead of the consumer may queue before it waits.
    private let queueLimit = 256
    // Guarded by `mutex`:
    private var queues: [Int: [Piece]] = [:]
    private var finished: Set<Int> = []
    private var next = 0
    private var current = 0
    private var weightInFlight = 0
    private let mutex: UnsafeMutablePointer<pthread_mutex_t> = .allocate(capacity: 1)
    private let changed: UnsafeMutablePointer<pthread_cond_t> = .allocate(capacity: 1)

    init(count: Int, workers: Int, weights: [Int], work: @escaping @Sendable (Int, (Piece) -> Void) -> Void) {
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

    /// Hands the pieces of `index` to `body` in the order they were emitted; indices must be
    /// taken in order, each once.
    func take(_ index: Int, _ body: (Piece) -> Void) {
        if inline {
            withoutActuallyEscaping(body) { body in work(index, body) }
            return
        }
        pthread_mutex_lock(mutex)
        current = index
        pthread_cond_broadcast(changed)
        while true {
            while queues[index, default: []].isEmpty && !finished.contains(index) { pthread_cond_wait(changed, mutex) }
            let pieces = queues.removeValue(forKey: index) ?? []
            let done = finished.contains(index)
            pthread_cond_broadcast(changed)
            pthread_mutex_unlock(mutex)
            for piece in pieces { body(piece) }
            pthread_mutex_lock(mutex)
            if done, queues[index, default: []].isEmpty {
                finished.remove(index)
                queues.removeValue(forKey: index)
                weightInFlight -= weights[index]
                current = index + 1
                pthread_cond_broadcast(changed)
                pthread_mutex_unlock(mutex)
                return
            }
        }
    }

    private func runWorker() {
        while true {
            pthread_mutex_lock(mutex)
            // The item the consumer waits for is always allowed; others only within the window and budget.
            while next < count && next > current
                && (next >= current + window || weightInFlight + weights[next] > budget) {
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
            work(index) { piece in self.emit(piece, for: index) }
            pthread_mutex_lock(mutex)
            finished.insert(index)
            pthread_cond_broadcast(changed)
            pthread_mutex_unlock(mutex)
        }
    }

    private func emit(_ piece: Piece, for index: Int) {
        pthread_mutex_lock(mutex)
        while index != current && queues[index, default: []].count >= queueLimit { pthread_cond_wait(changed, mutex) }
        queues[index, default: []].append(piece)
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(mutex)
    }
}
