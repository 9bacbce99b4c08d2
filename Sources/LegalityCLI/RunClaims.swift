#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if os(Linux)
import Synchronization
#endif

/// The items of a check shared out among worker processes as they become free, in runs: the
/// first item nobody has claimed is kept in memory the processes share (made before they are
/// forked), and each process claims the run that starts there. Runs follow one another, so each
/// item is claimed by exactly one process, and the run holding the first item not yet taken
/// always starts at that item.
///
/// A run holds up to 16 items, fewer as the items left run out (an eighth of what is left for
/// each process): files that lie together are read together, and the last runs are single
/// files, so that two large files at the end of a folder go to two processes, not one after
/// the other to the same.
struct RunClaims: @unchecked Sendable {
    /// The shared page holding the first unclaimed item.
    private let memory: UnsafeMutableRawPointer
    /// How many items there are to claim.
    let count: Int
    /// How many processes claim them.
    let processes: Int

    private static var pageSize: Int { 4096 }

    /// Shared memory for the counter, or nil where there is none (another platform; `mmap` failed).
    init?(count: Int, processes: Int) {
        #if os(Linux)
        guard let memory = mmap(nil, Self.pageSize, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0),
              memory != MAP_FAILED else { return nil }
        memory.bindMemory(to: Atomic<Int>.self, capacity: 1).initialize(to: Atomic(0))
        self.memory = memory
        self.count = count
        self.processes = max(1, processes)
        #else
        return nil
        #endif
    }

    /// How many items a run holds when `remaining` items are left unclaimed.
    static func runLength(remaining: Int, processes: Int) -> Int {
        max(1, min(16, remaining / (max(1, processes) * 8)))
    }

    /// Claims the next run: its items, or nil when every item is claimed.
    func claim() -> Range<Int>? {
        #if os(Linux)
        let next = memory.assumingMemoryBound(to: Atomic<Int>.self)
        var start = next.pointee.load(ordering: .relaxed)
        while start < count {
            let end = start + Self.runLength(remaining: count - start, processes: processes)
            let (exchanged, found) = next.pointee.compareExchange(expected: start, desired: end, ordering: .relaxed)
            if exchanged { return start..<end }
            start = found
        }
        return nil
        #else
        return nil
        #endif
    }

    /// How many items have been claimed so far (each item before this number is in someone's run).
    var claimed: Int {
        #if os(Linux)
        memory.assumingMemoryBound(to: Atomic<Int>.self).pointee.load(ordering: .relaxed)
        #else
        count
        #endif
    }

    /// Gives the shared memory back; no process may claim afterwards.
    func release() {
        munmap(memory, Self.pageSize)
    }
}
