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
/// the consumer; a worker ahead of the consumer also waits while the queued pieces weigh
/// `queueBudget` bytes (by `weigh`), so memory is bounded by the window, not by the number or size
/// of the files, while a worker can still run a long way ahead through a file of many documents.
final class OrderedPipeline<Piece: Sendable>: @unchecked Sendable {
    private let work: @Sendable (Int, (Piece) -> Void) -> Void
    private let count: Int
    private let window: Int
    private let inline: Bool
    private let weights: [Int]
    private let weigh: @Sendable (Piece) -> Int
    private let budget = 32 << 20
    /// The bytes of queued pieces (by `weigh`) at which a worker ahead of the consumer waits:
    /// about 50,000 documents, so a second worker overlaps much of a file of many.
    private let queueBudget = 64 << 20
    // Guarded by `mutex`:
    private var queues: [Int: [Piece]] = [:]
    private var finished: Set<Int> = []
    private var next = 0
    private var current = 0
    private var weightInFlight = 0
    /// Whether the consumer sleeps waiting for pieces of `current` (only then does a piece wake it).
    private var consumerWaiting = false
    /// The weight of the pieces queued for every index, and the workers asleep until some are taken.
    private var queuedBytes = 0
    private var workersWaitingToEmit = 0
    private let mutex: UnsafeMutablePointer<pthread_mutex_t> = .allocate(capacity: 1)
    private let changed: UnsafeMutablePointer<pthread_cond_t> = .allocate(capacity: 1)

    init(
        count: Int, workers: Int, weights: [Int], weigh: @escaping @Sendable (Piece) -> Int,
        work: @escaping @Sendable (Int, (Piece) -> Void) -> Void
    ) {
        self.work = work
        self.count = count
        self.weights = weights
        self.weigh = weigh
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
            while queues[index, default: []].isEmpty && !finished.contains(index) {
                consumerWaiting = true
                pthread_cond_wait(changed, mutex)
                consumerWaiting = false
            }
            let pieces = queues.removeValue(forKey: index) ?? []
            let done = finished.contains(index)
            for piece in pieces { queuedBytes -= weigh(piece) }
            if workersWaitingToEmit > 0 { pthread_cond_broadcast(changed) }
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
        let weight = weigh(piece)
        while index != current && queuedBytes >= queueBudget {
            workersWaitingToEmit += 1
            pthread_cond_wait(changed, mutex)
            workersWaitingToEmit -= 1
        }
        queues[index, default: []].append(piece)
        queuedBytes += weight
        // A piece matters only to a consumer asleep on this index; waking it (and every worker
        // asleep on the same condition) for each document would cost more than the document.
        if consumerWaiting && index == current { pthread_cond_broadcast(changed) }
        pthread_mutex_unlock(mutex)
    }
}
