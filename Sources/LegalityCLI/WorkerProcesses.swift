#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RuleEngine

/// Checks the items of a run (files) in worker processes forked from this one, which check their
/// share and write what each item gave, piece by piece, to a pipe; this process checks a share of
/// its own and takes every item's pieces in order, its own as it makes them and the others' as the
/// workers wrote them, so the run is settled exactly as with one job.
///
/// Why processes rather than threads: two threads of one process took some 15 % more processor
/// time than one job for the same files (the allocator takes a lock on most calls once a process
/// has a second thread, the two threads count references to shared objects, the kernel wakes the
/// consumer between them), where two processes, each alone, take no more than one job. Forked
/// workers take some 6 % more than one job (each evaluation written and read back, 2 % more
/// instructions; the pipe): 20,000 small files in 0.44 s against 0.47 s with two threads. Items
/// are shared out in runs (`Shares`), so each process reads files that lie together. A worker
/// runs ahead of this process by what its pipe holds (1 MiB, some 4,000 documents) and what this
/// process has read ahead from it (see `readAheadBudget`).
///
/// Used only where it is safe and gives the same result: on Linux, when this process has no other
/// thread (a process forked from a threaded one may find a lock held for ever), and for runs that
/// keep nothing but each document's evaluation (no record summaries). A worker that ends early (a
/// crash, a kill) costs nothing but time: its items, from the one it was writing, are checked
/// here, and the pieces it already handed over are not handed over again (checking is
/// deterministic, so the first pieces of an item checked again are the same — unless the file
/// was changed in between, as a file changed during any run may be read half old, half new).
final class WorkerProcesses<Piece> {
    /// The pipe of one worker process.
    private struct Worker {
        let pid: Int32
        let pipe: Int32
        var alive = true
        /// Whether its pipe has ended (what was read before may still wait in `buffer`).
        var ended = false
        /// Bytes read from the pipe; those before `start` are taken.
        var buffer: [UInt8] = []
        var start = 0

        var waiting: Int { buffer.count - start }
    }

    /// The most bytes read ahead from the workers' pipes and not yet taken, all workers together
    /// (some 250,000 documents): within it, what a worker writes is read while this process
    /// checks its own files or waits for another worker, so a worker runs ahead through a file of
    /// many documents; beyond it a worker waits, its pipe full.
    private static var readAheadBudget: Int { 64 << 20 }
    private var readAhead = 0
    /// Pieces this process made itself since it last read ahead.
    private var madeSinceReadingAhead = 0

    private let shares: Shares
    private var workers: [Worker]
    /// An item checked here: its pieces go to `emit`.
    private let work: (Int, (consuming Piece) -> Void) -> Void
    private let decode: (inout TransferReader) throws(TransferError) -> Piece
    /// Whether a worker's early end has been reported.
    private var reportedLoss = false
    /// Whether the workers have been waited for.
    private var finished = false
    /// Memory each read from a pipe goes to first.
    private let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 256 << 10)

    /// Forks `processes - 1` workers for `count` items; nil when worker processes cannot be used
    /// here (another platform, another thread in this process, or `fork` failed), so the caller
    /// uses threads.
    /// - Parameters:
    ///   - work: checks an item, emitting its pieces (in a worker, and here for this process's share).
    ///   - encode: writes a piece as bytes, in a worker.
    ///   - decode: reads a piece back, here.
    static func start(
        count: Int, processes: Int, work: @escaping (Int, (consuming Piece) -> Void) -> Void,
        encode: @escaping (Piece, inout TransferWriter) -> Void,
        decode: @escaping (inout TransferReader) throws(TransferError) -> Piece
    ) -> WorkerProcesses? {
        #if os(Linux)
        guard processes > 1, count > 1, isSingleThreaded() else { return nil }
        let shares = Shares(count: count, processes: processes)
        var workers: [Worker] = []
        for number in 1..<processes {
            var ends: [Int32] = [0, 0]
            let pid = pipe(&ends) == 0 ? fork() : -1
            if pid == 0 {
                close(ends[0])
                for worker in workers { close(worker.pipe) }
                serve(number: number, shares: shares, to: ends[1], work: work, encode: encode)
            }
            guard pid > 0 else {
                // Every worker was told how the items are shared: with one missing, none can be used.
                if ends != [0, 0] { ends.forEach { close($0) } }
                for worker in workers {
                    close(worker.pipe)
                    kill(worker.pid, SIGKILL)
                    var status: Int32 = 0
                    _ = waitpid(worker.pid, &status, 0)
                }
                ExitReaper.removeAll()
                return nil
            }
            close(ends[1])
            // Room for a worker to run ahead (F_SETPIPE_SZ; the default is 64 KiB).
            _ = fcntl(ends[0], 1031, Int32(1 << 20))
            workers.append(Worker(pid: pid, pipe: ends[0]))
            ExitReaper.add(pid)
        }
        return WorkerProcesses(shares: shares, workers: workers, work: work, decode: decode)
        #else
        return nil
        #endif
    }

    private init(
        shares: Shares, workers: [Worker], work: @escaping (Int, (consuming Piece) -> Void) -> Void,
        decode: @escaping (inout TransferReader) throws(TransferError) -> Piece
    ) {
        self.shares = shares
        self.workers = workers
        self.work = work
        self.decode = decode
    }

    /// Which process checks which items: runs of items in turn, this process's runs a little
    /// shorter, since it also settles and reports every item (with longer ones it finished last).
    struct Shares {
        let count: Int
        let processes: Int
        /// Items in a worker's run, and in this process's.
        let run: Int
        let ownRun: Int

        init(count: Int, processes: Int) {
            self.count = count
            self.processes = processes
            // Runs of up to 16 items, and at least eight runs a process so that none waits long.
            run = max(1, min(16, count / (processes * 8)))
            ownRun = max(1, run - run / Self.ownShareCut)
        }

        /// How much shorter this process's runs are: by a part of this many (an eighth; the
        /// consumer's own work, settling and reporting, was some 6 % of a check).
        static var ownShareCut: Int { 8 }

        /// Items in one turn of every process's run.
        var cycle: Int { ownRun + (processes - 1) * run }

        /// Which process checks an item: 0 for this one, else the worker of that number.
        func owner(of index: Int) -> Int {
            let place = index % cycle
            return place < ownRun ? 0 : 1 + (place - ownRun) / run
        }

        /// The items of one worker (numbered from 1), in order.
        func items(of number: Int) -> [Range<Int>] {
            stride(from: ownRun + (number - 1) * run, to: count, by: cycle).map { $0..<min($0 + run, count) }
        }
    }

    /// Hands the pieces of `index` to `body` in the order they were emitted; indices must be
    /// taken in order, each once.
    func take(_ index: Int, _ body: (consuming Piece) -> Void) {
        let owner = shares.owner(of: index)
        guard owner > 0, workers[owner - 1].alive else {
            checkHere(index, skipping: 0, body)
            return
        }
        var handed = 0
        while true {
            switch readFrame(of: owner - 1) {
            case .piece(let piece):
                body(piece)
                handed += 1
            case .itemEnd:
                return
            case .lost:
                lose(owner - 1)
                // Checked here again; the pieces already handed over are passed by.
                checkHere(index, skipping: handed, body)
                return
            }
        }
    }

    /// Checks an item here, handing its pieces to `body` but for the first `skipped`; every 64
    /// pieces, what the workers wrote is read ahead, so none waits on a full pipe meanwhile.
    private func checkHere(_ index: Int, skipping skipped: Int, _ body: (consuming Piece) -> Void) {
        var passedBy = 0
        work(index) { (piece: consuming Piece) in
            if passedBy < skipped {
                passedBy += 1
            } else {
                body(piece)
            }
            madeSinceReadingAhead += 1
            if madeSinceReadingAhead >= 64 {
                madeSinceReadingAhead = 0
                readAheadWithoutWaiting()
            }
        }
    }

    /// Waits for every worker to end (each has written its last item once all are taken; one
    /// that has not, because the run stopped early, ends when its pipe closes).
    func finish() {
        guard !finished else { return }
        finished = true
        for worker in workers {
            close(worker.pipe)
            var status: Int32 = 0
            _ = waitpid(worker.pid, &status, 0)
        }
        ExitReaper.removeAll()
    }

    deinit {
        finish()
        scratch.deallocate()
    }

    private enum Frame {
        case piece(Piece)
        case itemEnd
        case lost
    }

    /// The kinds of frame a worker writes: a piece (its bytes follow), or the end of an item.
    private static var pieceFrame: UInt8 { 1 }
    private static var itemEndFrame: UInt8 { 2 }

    /// The next frame from a worker: a kind byte and an 8-byte length (little-endian), then that
    /// many bytes.
    private func readFrame(of number: Int) -> Frame {
        let headerSize = 9
        guard fill(number, to: headerSize) else { return .lost }
        let header = workers[number].start
        let kind = workers[number].buffer[header]
        var length: UInt64 = 0
        for offset in 0..<8 { length |= UInt64(workers[number].buffer[header + 1 + offset]) << (8 * UInt64(offset)) }
        guard length <= UInt64(Int.max - headerSize) else { return .lost }
        let size = headerSize + Int(length)
        // (Filling may move what is waiting to the buffer's start: the frame's place is read after.)
        guard fill(number, to: size) else { return .lost }
        let payload = workers[number].start + headerSize
        let end = workers[number].start + size
        workers[number].start = end
        readAhead -= size
        switch kind {
        case Self.itemEndFrame:
            return size == headerSize ? .itemEnd : .lost
        case Self.pieceFrame:
            let decoded: Result<Piece, TransferError> = workers[number].buffer.withUnsafeBufferPointer { bytes in
                var reader = TransferReader(UnsafeBufferPointer(rebasing: bytes[payload..<end]))
                do throws(TransferError) {
                    let piece = try decode(&reader)
                    guard reader.isAtEnd else { throw TransferError("bytes left after a piece") }
                    return .success(piece)
                } catch {
                    return .failure(error)
                }
            }
            guard case .success(let piece) = decoded else { return .lost }
            return .piece(piece)
        default:
            return .lost
        }
    }

    /// Reads from a worker's pipe until `bytes` bytes are waiting; false when it ends first. While
    /// it waits, what the other workers write is read ahead too (within the budget).
    private func fill(_ number: Int, to bytes: Int) -> Bool {
        while workers[number].waiting < bytes {
            guard !workers[number].ended else { return false }
            var others = workers.indices.filter { $0 != number && workers[$0].alive && !workers[$0].ended }
            if readAhead >= Self.readAheadBudget { others = [] }
            var descriptors = ([number] + others).map { pollfd(fd: workers[$0].pipe, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&descriptors, nfds_t(descriptors.count), -1)
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else {
                workers[number].ended = true
                return false
            }
            for (place, worker) in ([number] + others).enumerated() where descriptors[place].revents != 0 {
                readOnce(worker)
            }
        }
        return true
    }

    /// Reads what the workers have written so far, without waiting, within the budget.
    private func readAheadWithoutWaiting() {
        for number in workers.indices where workers[number].alive && !workers[number].ended {
            var descriptor = pollfd(fd: workers[number].pipe, events: Int16(POLLIN), revents: 0)
            while readAhead < Self.readAheadBudget, poll(&descriptor, 1, 0) > 0, descriptor.revents != 0 {
                guard readOnce(number) > 0 else { break }
            }
        }
    }

    /// One read from a worker's pipe (which has something to read, or has ended), of up to 256 KiB;
    /// marks the pipe ended at its end or on an error. Returns the bytes read.
    @discardableResult
    private func readOnce(_ number: Int) -> Int {
        // What was taken goes once it is half the buffer (so each byte moves at most once or twice).
        if workers[number].start > 0, workers[number].start >= workers[number].buffer.count / 2 {
            workers[number].buffer.removeFirst(workers[number].start)
            workers[number].start = 0
        }
        let pipe = workers[number].pipe
        var got = 0
        repeat {
            got = systemRead(pipe, scratch.baseAddress, scratch.count)
        } while got < 0 && errno == EINTR
        if got > 0 { workers[number].buffer.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[..<got])) }
        if got <= 0 { workers[number].ended = true }
        readAhead += max(0, got)
        return max(0, got)
    }

    /// A worker that ended early (or wrote what cannot be read) is stopped; its items are checked here.
    private func lose(_ number: Int) {
        workers[number].alive = false
        readAhead -= workers[number].waiting
        workers[number].buffer = []
        workers[number].start = 0
        kill(workers[number].pid, SIGKILL)
        if !reportedLoss {
            reportedLoss = true
            FileSystem.writeStandardError("legality: " + Interface.text(
                "一个工作进程意外结束，其文件已由主进程检查（报告完整）\n",
                "a worker process ended unexpectedly; its files are checked by the main process (the report is complete)\n"))
        }
    }

    /// A worker's whole life: checks its share, writes each piece and each item's end to `pipe`,
    /// and exits (without running exit handlers or flushing what this process had buffered).
    private static func serve(
        number: Int, shares: Shares, to pipe: Int32, work: (Int, (consuming Piece) -> Void) -> Void,
        encode: @escaping (Piece, inout TransferWriter) -> Void
    ) -> Never {
        var output: [UInt8] = []
        output.reserveCapacity(128 << 10)
        var writer = TransferWriter()
        var lastFlush = milliseconds()
        func header(_ kind: UInt8, _ length: Int) {
            output.append(kind)
            for offset in 0..<8 { output.append(UInt8(truncatingIfNeeded: UInt64(length) >> (8 * UInt64(offset)))) }
        }
        func send(_ bytes: UnsafeBufferPointer<UInt8>) {
            var written = 0
            while written < bytes.count {
                let result = systemWrite(pipe, bytes.baseAddress.map { $0 + written }, bytes.count - written)
                if result < 0, errno == EINTR { continue }
                // The reading process is gone: nothing more to do.
                if result <= 0 { _exit(1) }
                written += result
            }
        }
        func flush() {
            output.withUnsafeBufferPointer { send($0) }
            output.removeAll(keepingCapacity: true)
            lastFlush = milliseconds()
        }
        for items in shares.items(of: number) {
            for item in items {
                work(item) { (piece: consuming Piece) in
                    writer.removeAll()
                    encode(piece, &writer)
                    let payload = writer.bytes
                    header(pieceFrame, payload.count)
                    if payload.count >= 1 << 20 {
                        // A large piece (a file's text, for excerpts) is written from where it was
                        // encoded, not copied again, and its memory is not kept.
                        flush()
                        payload.withUnsafeBufferPointer { send($0) }
                        writer = TransferWriter()
                    } else {
                        output.append(contentsOf: payload)
                        if output.count >= 64 << 10 { flush() }
                    }
                }
                header(itemEndFrame, 0)
                // An item that took a while (a large file) is handed over at once: the process
                // that settles items in order may be waiting for it.
                if milliseconds() - lastFlush >= 2 { flush() }
            }
            flush()
        }
        _exit(0)
    }

    #if os(Linux)
    /// Whether this process runs one thread (counted in /proc/self/task).
    private static func isSingleThreaded() -> Bool {
        guard let directory = opendir("/proc/self/task") else { return false }
        defer { closedir(directory) }
        var threads = 0
        while let entry = readdir(directory) {
            let first = withUnsafeBytes(of: entry.pointee.d_name) { $0.first ?? 0 }
            if first != UInt8(ascii: ".") { threads += 1 }
        }
        return threads == 1
    }
    #endif

    /// Milliseconds on a clock that only goes forward.
    private static func milliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1_000 + now.tv_nsec / 1_000_000
    }
}

/// Stops and waits for the workers when this process exits before it has waited for them (the
/// report writer exits at once when standard output closes, `legality check | head`): else they
/// would run on to their next write, and stay unreaped where the system's first process reaps no
/// orphan (as in some containers).
enum ExitReaper {
    /// The workers not yet waited for. (Changed only by the one thread that forks them, before
    /// any worker thread exists; read by the exit handler on that thread.)
    nonisolated(unsafe) private static var workers: [Int32] = []
    nonisolated(unsafe) private static var registered = false

    static func add(_ pid: Int32) {
        if !registered {
            registered = true
            atexit {
                for pid in ExitReaper.workers {
                    kill(pid, SIGKILL)
                    var status: Int32 = 0
                    _ = waitpid(pid, &status, 0)
                }
            }
        }
        workers.append(pid)
    }

    static func removeAll() {
        workers.removeAll()
    }
}
