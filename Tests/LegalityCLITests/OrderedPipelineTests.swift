import Dispatch
import Foundation
@testable import LegalityCLI
import Testing

/// The pipeline behind `--jobs`: pieces reach the consumer in order, and full budgets make
/// workers wait without ever leaving the consumer and the workers waiting for each other.
@Suite("The ordered pipeline of parallel checking")
struct OrderedPipelineTests {
    /// Runs `count` items on `workers` workers (each item weighing `weight` bytes in flight, and
    /// emitting `pieces(index)` pieces of `pieceWeight` bytes) and returns what the consumer took.
    func run(count: Int, workers: Int, weight: Int, pieces: @escaping @Sendable (Int) -> Int, pieceWeight: Int) -> [[Int]] {
        let pipeline = OrderedPipeline<Int>(
            count: count, workers: workers, weight: { _ in weight }, weigh: { _ in pieceWeight }
        ) { index, emit in
            for piece in 0..<pieces(index) { emit(index * 1_000 + piece) }
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
    func runWithin(_ seconds: Int, count: Int, workers: Int, weight: Int, pieces: @escaping @Sendable (Int) -> Int, pieceWeight: Int) -> [[Int]]? {
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
        let taken = try #require(runWithin(30, count: 2_000, workers: workers, weight: 1, pieces: pieces, pieceWeight: 1), "the run did not end")
        #expect(taken == expected(count: 2_000, pieces: pieces))
    }

    @Test("Full budgets make workers wait, and the run still ends", arguments: [2, 3])
    func fullBudgets(workers: Int) throws {
        // Items of 20 MiB fill the 32 MiB of bytes in flight, and pieces of 8 MiB the 64 MiB queue
        // after eight, so workers wait both for room and to hand pieces over.
        let pieces: @Sendable (Int) -> Int = { 100 + $0 % 50 }
        let taken = try #require(
            runWithin(30, count: 60, workers: workers, weight: 20 << 20, pieces: pieces, pieceWeight: 8 << 20),
            "the consumer and the workers waited for each other")
        #expect(taken == expected(count: 60, pieces: pieces))
    }

    @Test("Each item is weighed by a worker before it starts, never with one worker", arguments: [1, 2, 3])
    func weighing(workers: Int) throws {
        final class Weighed: @unchecked Sendable {
            private let lock = NSLock()
            private var counts: [Int: Int] = [:]
            func add(_ index: Int) { lock.withLock { counts[index, default: 0] += 1 } }
            var all: [Int: Int] { lock.withLock { counts } }
        }
        let weighed = Weighed()
        let count = 500
        let pipeline = OrderedPipeline<Int>(
            count: count, workers: workers, weight: { index in weighed.add(index); return 1 << 20 }, weigh: { _ in 1 }
        ) { index, emit in emit(index) }
        var taken: [Int] = []
        for index in 0..<count { pipeline.take(index) { taken.append($0) } }
        #expect(taken == Array(0..<count))
        if workers == 1 {
            #expect(weighed.all.isEmpty)
        } else {
            // Every item once, or twice when two workers measured it at once.
            #expect(weighed.all.keys.sorted() == Array(0..<count))
            #expect(weighed.all.values.allSatisfy { $0 >= 1 && $0 <= workers })
        }
    }
}
