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
/// Each item is first prepared (a file opened) by the worker that takes it, which tells the
/// item's weight; what the preparing made is handed to the item's work. Workers stay at most a
/// window of items, and at most `budget` of weight (file bytes), ahead of the consumer: a worker
/// whose item would overrun the budget waits with it, prepared, until the consumer moves on. A
/// worker ahead of the consumer also waits while the queued pieces weigh `queueBudget` bytes (by
/// `weigh`), so memory is bounded by the window, not by the number or size of the files, while a
/// worker can still run a long way ahead through a file of many documents.
final class OrderedPipeline<Prepared: Sendable, Piece: Sendable, Worker: Sendable>: @unchecked Sendable {
    private let work: @Sendable (Worker, Int, consuming Prepared, (consuming Piece) -> Void) -> Void
    /// What each worker uses alone, made by the worker itself (numbered from 0) before its first item.
    private let makeWorker: @Sendable (Int) -> Worker
    /// The one worker's own, with one worker (made with the pipeline, on the consumer's thread,
    /// which runs the items; a constant, so handing it to each item counts no reference).
    private let inlineWorker: Worker?
    private let count: Int
    private let window: Int
    private let inline: Bool
    private let prepare: @Sendable (Int) -> (weight: Int, prepared: Prepared)
    private let weigh: @Sendable (Piece) -> Int
    private let budget = 32 << 20
    /// The bytes of queued pieces (by `weigh`) at which a worker ahead of the consumer waits:
    /// about 50,000 documents, so a second worker overlaps much of a file of many.
    private let queueBudget = 64 << 20
    // Guarded by `mutex`:
    /// Each item's weight, once prepared.
    private var weights: [Int]
    private var queues: [Int: [Piece]] = [:]
    private var finished: Set<Int> = []
    private var next = 0
    private var current = 0
    private var weightInFlight = 0
    /// Whether the consumer sleeps waiting for pieces of `current`.
    private var consumerWaiting = false
    /// The weight of the pieces queued for every index, and the workers asleep until some are taken.
    private var queuedBytes = 0
    private var workersWaitingToEmit = 0
    /// Workers asleep until the consumer moves on (the window or the budget is full).
    private var workersWaitingForRoom = 0
    private let mutex: UnsafeMutablePointer<pthread_mutex_t> = .allocate(capacity: 1)
    /// The consumer and the workers sleep on conditions of their own, and each is woken only when
    /// what it waits for may have come: with one condition for all, every piece and every finished
    /// file woke every thread (some 60,000 context switches for 20,000 small files, and half as
    /// much processor time again as one job).
    private let consumerCondition: UnsafeMutablePointer<pthread_cond_t> = .allocate(capacity: 1)
    private let workerCondition: UnsafeMutablePointer<pthread_cond_t> = .allocate(capacity: 1)
    /// How many pieces of the awaited index wake the consumer before the index is finished: a file
    /// of many documents is settled as it is read, in batches rather than piece by piece.
    private let wakingBatch = 64
    /// Left by each worker when it stops (none with one worker, which makes no use of Dispatch).
    private let workersDone: DispatchGroup?

    /// - Parameters:
    ///   - prepare: prepares an item, and says its weight against `budget` (a file's size); asked
    ///     of the worker that takes the item, once, outside the lock, before the item's weight is
    ///     let in (with one worker, which runs items as they are taken, just before its work).
    ///   - weigh: a piece's weight against `queueBudget`.
    ///   - worker: what a worker uses alone (an engine of its own), made by the worker, given its
    ///     number, before its first item (with one worker, once, as the pipeline is made).
    ///   - work: an item's work, given the worker's own and what its preparing made.
    init(
        count: Int, workers: Int, prepare: @escaping @Sendable (Int) -> (weight: Int, prepared: Prepared),
        weigh: @escaping @Sendable (Piece) -> Int,
        worker makeWorker: @escaping @Sendable (Int) -> Worker,
        work: @escaping @Sendable (Worker, Int, consuming Prepared, (consuming Piece) -> Void) -> Void
    ) {
        self.work = work
        self.makeWorker = makeWorker
        self.count = count
        self.prepare = prepare
        weights = Array(repeating: 0, count: count)
        self.weigh = weigh
        // Sixteen items a worker: small files are cheap to hold, and the consumer, woken once half
        // the window is finished, then settles eight files a wakeup rather than one.
        window = workers * 16
        inline = workers <= 1
        inlineWorker = inline ? makeWorker(0) : nil
        workersDone = inline ? nil : DispatchGroup()
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(consumerCondition, nil)
        pthread_cond_init(workerCondition, nil)
        guard let workersDone else { return }
        for number in 0..<workers {
            workersDone.enter()
            DispatchQueue.global().async {
                self.runWorker(number)
                workersDone.leave()
            }
        }
    }

    deinit {
        pthread_cond_destroy(consumerCondition)
        pthread_cond_destroy(workerCondition)
        pthread_mutex_destroy(mutex)
        consumerCondition.deallocate()
        workerCondition.deallocate()
        mutex.deallocate()
    }

    /// Waits, once every index is taken, until every worker has stopped and let go of `pipeline`,
    /// so that what its work holds (the engine and its rules) is released on this thread. (Each
    /// worker let go of the pipeline just after its last item; the process could then exit while
    /// a worker was still freeing the rules, which the leak sanitizer reported, unreachable, about
    /// one run in thirty.)
    static func finish(_ pipeline: inout OrderedPipeline) {
        guard let workersDone = pipeline.workersDone else { return }
        workersDone.wait()
        // A worker's block lets go of the pipeline as it returns, just after the worker stopped.
        var spins = 0
        while !isKnownUniquelyReferenced(&pipeline), spins < 1_000_000 {
            sched_yield()
            spins += 1
        }
    }

    /// Hands the pieces of `index` to `body` in the order they were emitted; indices must be
    /// taken in order, each once.
    func take(_ index: Int, _ body: (consuming Piece) -> Void) {
        if inline {
            let prepared = prepare(index).prepared
            // (Made with the pipeline whenever it runs its items inline: never missing here.)
            guard let worker = inlineWorker else { return }
            withoutActuallyEscaping(body) { body in work(worker, index, prepared, body) }
            return
        }
        pthread_mutex_lock(mutex)
        current = index
        // A worker holding pieces of this index back (the queue was full) may now hand them over.
        if workersWaitingToEmit > 0 { pthread_cond_broadcast(workerCondition) }
        while true {
            while queues[index, default: []].isEmpty && !finished.contains(index) {
                consumerWaiting = true
                pthread_cond_wait(consumerCondition, mutex)
                consumerWaiting = false
            }
            var pieces = queues.removeValue(forKey: index) ?? []
            let done = finished.contains(index)
            for piece in pieces { queuedBytes -= weigh(piece) }
            if workersWaitingToEmit > 0 { pthread_cond_broadcast(workerCondition) }
            pthread_mutex_unlock(mutex)
            // Each piece is handed over, not copied: the consumer may then change what it holds (a
            // document's findings) in place.
            pieces.reverse()
            while let piece = pieces.popLast() { body(piece) }
            pthread_mutex_lock(mutex)
            if done, queues[index, default: []].isEmpty {
                finished.remove(index)
                queues.removeValue(forKey: index)
                weightInFlight -= weights[index]
                current = index + 1
                if workersWaitingForRoom > 0 || workersWaitingToEmit > 0 { pthread_cond_broadcast(workerCondition) }
                pthread_mutex_unlock(mutex)
                return
            }
        }
    }

    private func runWorker(_ number: Int) {
        let worker = makeWorker(number)
        while true {
            pthread_mutex_lock(mutex)
            // The item the consumer waits for is always allowed; others only within the window and budget.
            while next < count && next > current && next >= current + window { waitForRoom() }
            guard next < count else {
                pthread_mutex_unlock(mutex)
                return
            }
            // Taken before it is prepared, outside the lock (a file opened), so that no other
            // worker prepares it too.
            let index = next
            next += 1
            pthread_mutex_unlock(mutex)
            let (measured, made) = prepare(index)
            let weight = max(0, measured)
            pthread_mutex_lock(mutex)
            weights[index] = weight
            while index > current && weightInFlight + weight > budget { waitForRoom() }
            weightInFlight += weight
            pthread_mutex_unlock(mutex)
            work(worker, index, made) { (piece: consuming Piece) in self.emit(piece, for: index) }
            pthread_mutex_lock(mutex)
            finished.insert(index)
            if consumerWaiting && finished.contains(current) && consumerMayWake { pthread_cond_signal(consumerCondition) }
            pthread_mutex_unlock(mutex)
        }
    }

    /// Sleeps until the consumer moves on. (Called with the mutex held.)
    private func waitForRoom() {
        workersWaitingForRoom += 1
        wakeConsumerBeforeSleeping()
        pthread_cond_wait(workerCondition, mutex)
        workersWaitingForRoom -= 1
    }

    /// Whether the consumer, waiting for `current`, which is finished, is woken now: once half the
    /// window is finished, so that it settles several files a wakeup, or at once when a worker
    /// waits for it or no file is left to start. (Called with the mutex held.)
    private var consumerMayWake: Bool {
        finished.count >= window / 2 || next >= count || workersWaitingForRoom > 0 || workersWaitingToEmit > 0
    }

    /// A worker about to sleep until the consumer moves on wakes the consumer if it could move on:
    /// otherwise both could sleep, each waiting for the other. (Called with the mutex held.)
    private func wakeConsumerBeforeSleeping() {
        if consumerWaiting && (finished.contains(current) || !(queues[current]?.isEmpty ?? true)) {
            pthread_cond_signal(consumerCondition)
        }
    }

    private func emit(_ piece: consuming Piece, for index: Int) {
        pthread_mutex_lock(mutex)
        let weight = weigh(piece)
        while index != current && queuedBytes >= queueBudget {
            workersWaitingToEmit += 1
            wakeConsumerBeforeSleeping()
            pthread_cond_wait(workerCondition, mutex)
            workersWaitingToEmit -= 1
        }
        queues[index, default: []].append(piece)
        queuedBytes += weight
        // A piece matters only to a consumer asleep on this index, and then only once a batch has
        // come: the index's end wakes it anyway (waking it for each document would cost more than
        // the document).
        if consumerWaiting && index == current && queues[index, default: []].count >= wakingBatch {
            pthread_cond_signal(consumerCondition)
        }
        pthread_mutex_unlock(mutex)
    }
}
