import Dispatch
import Foundation
@testable import LegalityCLI
import Testing

/// The pipeline behind `--jobs`: pieces reach the consumer in order, and full budgets make
/// workers wait without ever leaving the consumer and the workers waiting for each other.
@Suite("The ordered pipeline of parallel checking")
struct OrderedPipelineTests {
    /// Runs `count` items on `workers` workers (each item weighing `weight(index)` bytes in flight, and
    /// emitting `pieces(index)` pieces of `pieceWeight` bytes) and returns what the consumer took.
    func run(count: Int, workers: Int, weight: @escaping @Sendable (Int) -> Int, pieces: @escaping @Sendable (Int) -> Int, pieceWeight: Int) -> [[Int]] {
        let pipeline = OrderedPipeline<Int, Int, Int>(
            count: count, workers: workers, prepare: { index in (weight(index), index) }, weigh: { _ in pieceWeight },
            worker: { $0 }
        ) { _, index, prepared, emit in
            for piece in 0..<pieces(index) { emit(prepared * 1_000 + piece) }
        }
        var taken: [[Int]] = []
        for index in 0..<count {
            var items: [Int] = []
            pipeline.take(index) { items.append($0) }
            taken.append(items)
        }
        return taken
    }

    /// `run` on a thread of its own, given `seconds` to end: a pipeline whose consumer and workers
    /// wait for each other fails the test instead of hanging the suite. Nil when it did not end.
    func runWithin(_ seconds: Int, count: Int, workers: Int, weight: @escaping @Sendable (Int) -> Int, pieces: @escaping @Sendable (Int) -> Int, pieceWeight: Int) -> [[Int]]? {
        final class Outcome: @unchecked Sendable { var taken: [[Int]]? }
        let outcome = Outcome()
        let ended = DispatchSemaphore(value: 0)
        // A thread of its own, as the command's consumer is: a block on the shared queues could
        // wait for a thread the workers hold.
        Thread.detachNewThread {
            outcome.taken = run(count: count, workers: workers, weight: weight, pieces: pieces, pieceWeight: pieceWeight)
            ended.signal()
        }
        guard ended.wait(timeout: .now() + .seconds(seconds)) == .success else { return nil }
        return outcome.taken
    }

    /// What each item emits, as the consumer must see it.
    func expected(count: Int, pieces: (Int) -> Int) -> [[Int]] {
        (0..<count).map { index in (0..<pieces(index)).map { index * 1_000 + $0 } }
    }

    @Test("Every piece comes in order, with any number of workers", arguments: [1, 2, 3, 8])
    func order(workers: Int) throws {
        // Items without pieces, with one, and with a few, so the consumer waits for all of them.
        let pieces: @Sendable (Int) -> Int = { $0 % 7 }
        let weight: @Sendable (Int) -> Int = { _ in 1 }
        let taken = try #require(runWithin(30, count: 2_000, workers: workers, weight: weight, pieces: pieces, pieceWeight: 1), "the run did not end")
        #expect(taken == expected(count: 2_000, pieces: pieces))
    }

    @Test("Full budgets make workers wait, and the run still ends", arguments: [2, 3])
    func fullBudgets(workers: Int) throws {
        // Items of 20 MiB fill the 32 MiB of bytes in flight, and pieces of 8 MiB the 64 MiB queue
        // after eight, so workers wait both for room and to hand pieces over.
        let pieces: @Sendable (Int) -> Int = { 100 + $0 % 50 }
        let weight: @Sendable (Int) -> Int = { _ in 20 << 20 }
        let taken = try #require(
            runWithin(30, count: 60, workers: workers, weight: weight, pieces: pieces, pieceWeight: 8 << 20),
            "the consumer and the workers waited for each other")
        #expect(taken == expected(count: 60, pieces: pieces))
    }

    @Test("An item over the budget waits, prepared, while smaller ones after it run, and the run still ends", arguments: [2, 3])
    func largeItemsWaitPrepared(workers: Int) throws {
        // Every third item weighs 30 MiB of the 32 MiB in flight, the others a byte: a worker holds
        // a large item until the consumer reaches it or room is made, while others start.
        let weight: @Sendable (Int) -> Int = { $0 % 3 == 0 ? 30 << 20 : 1 }
        let pieces: @Sendable (Int) -> Int = { 1 + $0 % 4 }
        let taken = try #require(
            runWithin(30, count: 300, workers: workers, weight: weight, pieces: pieces, pieceWeight: 1),
            "the consumer and the workers waited for each other")
        #expect(taken == expected(count: 300, pieces: pieces))
    }

    @Test("Each item is prepared before it starts, and its work is given what was prepared for it", arguments: [1, 2, 3])
    func preparing(workers: Int) throws {
        final class Prepared: @unchecked Sendable {
            private let lock = NSLock()
            private var counts: [Int: Int] = [:]
            func add(_ index: Int) { lock.withLock { counts[index, default: 0] += 1 } }
            var all: [Int: Int] { lock.withLock { counts } }
        }
        let preparedItems = Prepared()
        let count = 500
        let pipeline = OrderedPipeline<String, String, Int>(
            count: count, workers: workers, prepare: { index in preparedItems.add(index); return (1 << 20, "prepared \(index)") }, weigh: { _ in 1 },
            worker: { $0 }
        ) { _, index, prepared, emit in emit("\(prepared), worked \(index)") }
        var taken: [String] = []
        for index in 0..<count { pipeline.take(index) { taken.append($0) } }
        #expect(taken == (0..<count).map { "prepared \($0), worked \($0)" })
        // Every item once, by the worker that took it (a file opened twice would be a file read twice).
        #expect(preparedItems.all == Dictionary(uniqueKeysWithValues: (0..<count).map { ($0, 1) }))
    }

    @Test("Each worker makes its own once, on its own thread, and works with nothing else", arguments: [1, 2, 3])
    func workersOwn(workers: Int) throws {
        final class Log: @unchecked Sendable {
            private let lock = NSLock()
            private var made: [Int] = []
            private var threadsByWorker: [Int: Set<ObjectIdentifier>] = [:]
            func make(_ number: Int) -> Int {
                lock.withLock { made.append(number) }
                return number
            }
            func use(_ worker: Int) {
                let thread = ObjectIdentifier(Thread.current)
                lock.withLock { _ = threadsByWorker[worker, default: []].insert(thread) }
            }
            var madeNumbers: [Int] { lock.withLock { made.sorted() } }
            var threads: [Int: Set<ObjectIdentifier>] { lock.withLock { threadsByWorker } }
        }
        let log = Log()
        let count = 400
        var pipeline = OrderedPipeline<Int, Int, Int>(
            count: count, workers: workers, prepare: { index in (1, index) }, weigh: { _ in 1 },
            worker: { log.make($0) }
        ) { worker, _, prepared, emit in
            log.use(worker)
            emit(prepared)
        }
        var taken: [Int] = []
        for index in 0..<count { pipeline.take(index) { taken.append($0) } }
        #expect(taken == Array(0..<count))
        // Every worker has stopped (a worker may start after the others have taken every item).
        OrderedPipeline.finish(&pipeline)
        // One made for each worker, numbered from 0 (with one worker, once, as the pipeline is made).
        #expect(log.madeNumbers == Array(0..<workers))
        // Each worker's own was used on one thread alone: an engine of a worker is never shared.
        #expect(log.threads.values.allSatisfy { $0.count == 1 })
    }
}
