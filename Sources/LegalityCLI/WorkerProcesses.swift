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
/// workers take some 4 % more than one job (each evaluation written and read back; the pipe).
///
/// Every process claims the next run of items nobody has claimed whenever it is free
/// (`RunClaims`: up to 16 items that lie together, single ones at the end), so none sits idle
/// while another has work left: this process, which also settles and reports every item, claims
/// fewer. When the next item in order is in a run a worker has not handed over yet, this process
/// checks the next unclaimed run meanwhile and keeps its pieces until their turn (`runsAhead`): as
/// they are when its files are small, written as a worker writes them when they are large (a file
/// of 100,000 documents kept as pieces took more memory than the run's budget). (Runs shared out
/// in turn in advance left a large file in whichever share it fell: two at the end of a folder
/// went to one process, one after the other.) A worker runs ahead of this process by what its pipe
/// holds (1 MiB, some 4,000 documents) and what this process has read ahead from it (see
/// `readAheadBudget`).
///
/// Used only where it is safe and gives the same result: on Linux, when this process has no other
/// thread (a process forked from a threaded one may find a lock held for ever), and for runs that
/// keep nothing but each document's evaluation (no record summaries). A worker that ends early (a
/// crash, a kill) costs nothing but time: its runs, from the item it was writing, are checked
/// here, and the pieces it already handed over are not handed over again (checking is
/// deterministic, so the first pieces of an item checked again are the same — unless the file
/// was changed in between, as a file changed during any run may be read half old, half new).
final class WorkerProcesses<Piece> {
    /// The pipe of one worker process.
    private struct Worker {
        let pid: Int32
        let pipe: Int32
        var alive = true
        var stream = FrameStream()
    }

    /// Where the items of the run being taken come from.
    private enum Source {
        /// Checked here as they are taken.
        case here
        /// Checked here earlier: `aheadItems`, or frames in `aheadStream`.
        case ahead
        /// Written by the worker of that place in `workers`.
        case worker(Int)
    }

    /// The most bytes read ahead from the workers' pipes or made ahead by this process (as `weigh`
    /// counts them) and not yet taken, all together (some 250,000 documents): within it, what a worker writes is read
    /// while this process checks its own files or waits for another worker, so a worker runs ahead
    /// through a file of many documents; beyond it a worker waits, its pipe full, and this process
    /// checks no run ahead.
    private static var readAheadBudget: Int { 64 << 20 }
    /// The bytes read ahead from the workers' pipes and made ahead here, not yet taken.
    private var readAhead = 0
    /// Pieces this process made itself since it last read ahead.
    private var madeSinceReadingAhead = 0

    private let claims: RunClaims
    private var workers: [Worker]
    /// This process's runs checked ahead of their turn, in order: each item's pieces, or nil for a
    /// run of large files, whose frames wait in `aheadStream`; and how many of its items were
    /// checked (checking stops once the budget is spent: the rest are checked in their turn).
    private var runsAhead: [(run: Range<Int>, items: [[Piece]]?, checked: Int)] = []
    /// The frames of the runs of large files checked ahead, as a worker writes them.
    private var aheadStream = FrameStream()
    /// The most bytes of files a run whose pieces are kept as they are may hold.
    private static var aheadFileBytes: Int { 1 << 20 }
    /// The most bytes of frames of large files checked ahead waiting at once, within the budget:
    /// with the whole budget theirs, a million records in ten files peaked at 204 MB.
    private static var encodedAheadBudget: Int { 16 << 20 }
    /// The items of the run being taken, when it was checked ahead, the next one's place, and how
    /// many were checked ahead.
    private var aheadItems: [[Piece]] = []
    private var nextAheadItem = 0
    private var aheadChecked = 0
    /// Whether the run being taken was written to `aheadStream`.
    private var aheadEncoded = false
    /// The run whose items are being taken, and where they come from.
    private var currentRun = 0..<0
    private var source = Source.here
    /// An item checked here: its pieces go to `emit`.
    private let work: (Int, (consuming Piece) -> Void) -> Void
    private let encode: (Piece, inout TransferWriter) -> Void
    private let decode: (inout TransferReader) throws(TransferError) -> Piece
    /// Where a run of large files checked ahead is written.
    private var writer = TransferWriter()
    /// About how many bytes a piece holds, for the budget of what is kept ahead.
    private let weigh: (borrowing Piece) -> Int
    /// The size in bytes of an item's file.
    private let size: (Int) -> Int
    /// Whether a worker's early end has been reported.
    private var reportedLoss = false
    /// Whether the workers have been waited for.
    private var finished = false
    /// Whether every item has been taken (a run stopped early ends its workers with an error).
    private var allTaken = false
    /// Memory each read from a pipe goes to first.
    private let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 256 << 10)

    /// Forks `processes - 1` workers for `count` items; nil when worker processes cannot be used
    /// here (another platform, another thread in this process, or `fork` failed), so the caller
    /// uses threads.
    /// - Parameters:
    ///   - work: checks an item, emitting its pieces (in a worker, and here for this process's share).
    ///   - encode: writes a piece as bytes, in a worker.
    ///   - decode: reads a piece back, here.
    ///   - weigh: about how many bytes a piece holds in memory.
    ///   - size: the size in bytes of an item's file.
    static func start(
        count: Int, processes: Int, work: @escaping (Int, (consuming Piece) -> Void) -> Void,
        encode: @escaping (Piece, inout TransferWriter) -> Void,
        decode: @escaping (inout TransferReader) throws(TransferError) -> Piece,
        weigh: @escaping (borrowing Piece) -> Int, size: @escaping (Int) -> Int
    ) -> WorkerProcesses? {
        #if os(Linux)
        guard processes > 1, count > 1, isSingleThreaded() else { return nil }
        guard let claims = RunClaims(count: count, processes: processes) else { return nil }
        var workers: [Worker] = []
        // No interrupting signal reaches a worker before it has forgotten the temporary report,
        // which is this process's to remove.
        // (The handlers installed first, with the signals a launcher blocked let through: installed
        // between `block` and `restore`, they would stay blocked.)
        InterruptCleanup.endOnInterrupt([])
        let mask = InterruptCleanup.block()
        defer { InterruptCleanup.restore(mask) }
        for _ in 1..<processes {
            var ends: [Int32] = [0, 0]
            let pid = pipe(&ends) == 0 ? fork() : -1
            if pid == 0 {
                // The temporary report is the forking process's to remove, and its workers to end.
                InterruptCleanup.clear()
                InterruptCleanup.forgetWorkers()
                InterruptCleanup.restore(mask)
                close(ends[0])
                for worker in workers { close(worker.pipe) }
                serve(claims: claims, to: ends[1], work: work, encode: encode)
            }
            guard pid > 0 else {
                // The workers may have claimed runs already: with one missing, none can be used.
                if ends != [0, 0] { ends.forEach { close($0) } }
                for worker in workers {
                    close(worker.pipe)
                    kill(worker.pid, SIGKILL)
                    var status: Int32 = 0
                    _ = waitpid(worker.pid, &status, 0)
                }
                ExitReaper.removeAll()
                InterruptCleanup.forgetWorkers()
                claims.release()
                return nil
            }
            close(ends[1])
            // Room for a worker to run ahead (F_SETPIPE_SZ; the default is 64 KiB).
            _ = fcntl(ends[0], 1031, Int32(1 << 20))
            workers.append(Worker(pid: pid, pipe: ends[0]))
            ExitReaper.add(pid)
        }
        InterruptCleanup.endOnInterrupt(workers.map(\.pid))
        return WorkerProcesses(claims: claims, workers: workers, work: work, encode: encode, decode: decode, weigh: weigh, size: size)
        #else
        return nil
        #endif
    }

    private init(
        claims: RunClaims, workers: [Worker], work: @escaping (Int, (consuming Piece) -> Void) -> Void,
        encode: @escaping (Piece, inout TransferWriter) -> Void,
        decode: @escaping (inout TransferReader) throws(TransferError) -> Piece, weigh: @escaping (borrowing Piece) -> Int,
        size: @escaping (Int) -> Int
    ) {
        self.claims = claims
        self.workers = workers
        self.work = work
        self.encode = encode
        self.decode = decode
        self.weigh = weigh
        self.size = size
    }

    /// Hands the pieces of `index` to `body` in the order they were emitted; indices must be
    /// taken in order, each once.
    func take(_ index: Int, _ body: (consuming Piece) -> Void) {
        if !currentRun.contains(index) {
            (currentRun, source) = self.run(startingAt: index)
        }
        if index == claims.count - 1 { allTaken = true }
        switch source {
        case .here:
            checkHere(index, skipping: 0, body)
        case .ahead where index - currentRun.lowerBound >= aheadChecked:
            // Past what was checked ahead before the budget ran out: checked now.
            checkHere(index, skipping: 0, body)
        case .ahead where aheadEncoded:
            handItem(from: { nextAheadFrame() }, body) { handed in
                // (Never expected: this process wrote the frames.) The rest is checked again.
                readAhead -= aheadStream.waiting
                aheadStream = FrameStream()
                runsAhead.removeAll { $0.items == nil }
                source = .here
                checkHere(index, skipping: handed, body)
            }
        case .ahead:
            let pieces = aheadItems[nextAheadItem]
            aheadItems[nextAheadItem] = []
            nextAheadItem += 1
            for piece in pieces {
                readAhead -= weigh(piece)
                body(piece)
            }
        case .worker(let number):
            handItem(from: { readFrame(of: number) }, body) { handed in
                lose(number)
                // Checked here again, the rest of the run too; the pieces already handed over are passed by.
                source = .here
                checkHere(index, skipping: handed, body)
            }
        }
    }

    /// Hands the pieces of an item's frames to `body` until the item's end; when a frame cannot be
    /// read, `lost` is told how many pieces were handed over.
    private func handItem(from next: () -> Frame, _ body: (consuming Piece) -> Void, lost: (Int) -> Void) {
        var handed = 0
        while true {
            switch next() {
            case .piece(let piece):
                body(piece)
                handed += 1
            case .itemEnd:
                return
            case .lost:
                lost(handed)
                return
            }
        }
    }

    /// The run that starts at `first` (the first item not yet taken: runs follow one another, so
    /// one starts there) and where its items come from, once that is known: this process claims
    /// it if nobody has, and while it waits for a worker that has, checks the next unclaimed run ahead.
    private func run(startingAt first: Int) -> (Range<Int>, Source) {
        while true {
            if let ahead = runsAhead.first, ahead.run.lowerBound == first {
                runsAhead.removeFirst()
                aheadEncoded = ahead.items == nil
                aheadItems = ahead.items ?? []
                nextAheadItem = 0
                aheadChecked = ahead.checked
                return (ahead.run, .ahead)
            }
            if claims.claimed <= first {
                // Nobody has it yet: this process claims it, or, when a worker claimed it
                // meanwhile, the next one, to check ahead. (When the workers claimed every run
                // meanwhile, one of them has it.)
                guard let claimed = claims.claim() else { continue }
                if claimed.lowerBound == first { return (claimed, .here) }
                checkAhead(fitting: claimed)
                continue
            }
            // A worker claimed it: the one whose next frame starts it hands it over. Each
            // worker's next frame starts its next run, which is this one or a later one.
            readAheadWithoutWaiting()
            var undecided: [Int] = []
            // Where the next run known to be someone's starts: a run of a worker that ended
            // before handing it over ends there.
            var nextKnown = min(claims.claimed, runsAhead.first?.run.lowerBound ?? .max)
            for number in workers.indices where workers[number].alive {
                switch nextRun(of: number) {
                case .run(let run) where run.lowerBound == first:
                    takeRunFrame(from: &workers[number].stream)
                    return (run, .worker(number))
                case .run(let run):
                    nextKnown = min(nextKnown, run.lowerBound)
                case .done:
                    continue
                case .notYet:
                    // A pipe that ended before the worker said it was done: the worker was lost.
                    if workers[number].stream.ended { lose(number) } else { undecided.append(number) }
                case .broken:
                    lose(number)
                }
            }
            // Claimed by a worker that ended before handing it over: checked here.
            guard !undecided.isEmpty else { return (first..<max(first + 1, nextKnown), .here) }
            if !claimAhead() { waitForBytes(from: undecided) }
        }
    }

    /// What a worker's next frame says, between runs.
    private enum NextRun {
        /// It starts this run.
        case run(Range<Int>)
        /// The worker has claimed its last run and ended.
        case done
        /// It has not all come yet.
        case notYet
        /// It is neither (the worker wrote what cannot be read).
        case broken
    }

    /// What a worker's next frame says, as far as it has come.
    private func nextRun(of number: Int) -> NextRun {
        let stream = workers[number].stream
        guard stream.waiting >= WorkerFrames.headerSize else { return .notYet }
        if stream.buffer[stream.start] == WorkerFrames.done {
            return WorkerFrames.number(in: stream.buffer, at: stream.start + 1) == 0 ? .done : .broken
        }
        guard stream.waiting >= WorkerFrames.runFrameSize else { return stream.buffer[stream.start] == WorkerFrames.run ? .notYet : .broken }
        return stream.runAtStart.map(NextRun.run) ?? .broken
    }

    /// Takes the frame that starts a run off a stream (`nextRun` found it there).
    private func takeRunFrame(from stream: inout FrameStream) {
        stream.start += WorkerFrames.runFrameSize
        readAhead -= WorkerFrames.runFrameSize
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
            madeOnePiece()
        }
    }

    /// While a worker's run is awaited: claims the next run and checks it ahead, keeping its pieces
    /// as they are when its files are small and written as bytes when they are large; false when
    /// nothing was done (no run left, or the budget spent).
    private func claimAhead() -> Bool {
        guard readAhead < Self.readAheadBudget, !runsAhead.contains(where: { $0.checked == 0 }), let claimed = claims.claim() else {
            return false
        }
        return checkAhead(fitting: claimed)
    }

    /// Checks a run claimed ahead of its turn in the form that fits it: its pieces as they are
    /// when its files are small, written as bytes when they are large; false when it is kept to
    /// be checked in its turn (large files, with frames enough waiting already), after which this
    /// process waits for the workers rather than claim every large file left for itself.
    @discardableResult
    private func checkAhead(fitting run: Range<Int>) -> Bool {
        var bytes = 0
        for item in run where bytes <= Self.aheadFileBytes { bytes += size(item) }
        if bytes <= Self.aheadFileBytes {
            checkAhead(run)
        } else if mayEncodeAhead {
            checkAheadEncoded(run)
        } else {
            runsAhead.append((run, nil, 0))
            return false
        }
        return true
    }

    /// Whether a run of large files may be checked ahead now (see `encodedAheadBudget`).
    private var mayEncodeAhead: Bool {
        readAhead < Self.readAheadBudget && aheadStream.waiting < Self.encodedAheadBudget
    }

    /// Checks a run of large files ahead of its turn, its pieces written as a worker writes them,
    /// until the budget is spent (the rest are checked in their turn).
    private func checkAheadEncoded(_ run: Range<Int>) {
        aheadStream.compact()
        var checked = 0
        for item in run {
            if checked > 0, !mayEncodeAhead { break }
            checked += 1
            work(item) { (piece: consuming Piece) in
                writer.removeAll()
                encode(piece, &writer)
                WorkerFrames.appendHeader(WorkerFrames.piece, writer.bytes.count, to: &aheadStream.buffer)
                aheadStream.buffer.append(contentsOf: writer.bytes)
                readAhead += WorkerFrames.headerSize + writer.bytes.count
                madeOnePiece()
            }
            WorkerFrames.appendHeader(WorkerFrames.itemEnd, 0, to: &aheadStream.buffer)
            readAhead += WorkerFrames.headerSize
        }
        runsAhead.append((run, nil, checked))
        // A large piece's memory is not kept for the next.
        if writer.bytes.count >= 1 << 20 { writer = TransferWriter() }
    }

    /// The next frame of the runs of large files checked ahead here.
    private func nextAheadFrame() -> Frame {
        guard aheadStream.waiting >= WorkerFrames.headerSize else { return .lost }
        let length = WorkerFrames.number(in: aheadStream.buffer, at: aheadStream.start + 1)
        guard length <= UInt64(aheadStream.waiting - WorkerFrames.headerSize) else { return .lost }
        return frame(from: &aheadStream)
    }

    /// Checks a run this process claimed ahead of its turn, its pieces kept until then, until the
    /// budget is spent (the rest are checked in their turn).
    private func checkAhead(_ run: Range<Int>) {
        var items: [[Piece]] = []
        for item in run {
            if !items.isEmpty, readAhead >= Self.readAheadBudget { break }
            var pieces: [Piece] = []
            work(item) { (piece: consuming Piece) in
                readAhead += weigh(piece)
                pieces.append(piece)
                madeOnePiece()
            }
            items.append(pieces)
        }
        runsAhead.append((run, items, items.count))
    }

    /// Counts a piece made here; every 64, what the workers wrote is read ahead.
    private func madeOnePiece() {
        madeSinceReadingAhead += 1
        if madeSinceReadingAhead >= 64 {
            madeSinceReadingAhead = 0
            readAheadWithoutWaiting()
        }
    }

    /// Waits for every worker to end (each has written its last item once all are taken; one
    /// that has not, because the run stopped early, ends when its pipe closes).
    func finish() {
        guard !finished else { return }
        finished = true
        for number in workers.indices {
            // After a whole run a worker has nothing left but to say it is done, and is let do
            // so (its pipe closed first, it would end on the write); after a run stopped early it
            // ends when its pipe closes.
            while allTaken, workers[number].alive, !workers[number].stream.ended { waitForBytes(from: [number]) }
            let worker = workers[number]
            close(worker.pipe)
            var status: Int32 = 0
            _ = waitpid(worker.pid, &status, 0)
            // A worker that did not end well after a whole run (killed once this process no
            // longer needed it, say) is said to have been lost too: what it held was checked here.
            let endedWell = status & 0x7F == 0 && (status >> 8) & 0xFF == 0
            if allTaken, worker.alive, !endedWell { reportLoss() }
        }
        ExitReaper.removeAll()
        InterruptCleanup.forgetWorkers()
        claims.release()
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

    /// The next frame from a worker, waiting for it.
    private func readFrame(of number: Int) -> Frame {
        guard fill(number, to: WorkerFrames.headerSize) else { return .lost }
        let length = WorkerFrames.number(in: workers[number].stream.buffer, at: workers[number].stream.start + 1)
        guard length <= UInt64(Int.max - WorkerFrames.headerSize) else { return .lost }
        // (Filling may move what is waiting to the buffer's start: the frame is read after.)
        guard fill(number, to: WorkerFrames.headerSize + Int(length)) else { return .lost }
        return frame(from: &workers[number].stream)
    }

    /// Takes the frame at the start of what waits in a stream, which holds all of it.
    private func frame(from stream: inout FrameStream) -> Frame {
        let header = stream.start
        let kind = stream.buffer[header]
        let size = WorkerFrames.headerSize + Int(WorkerFrames.number(in: stream.buffer, at: header + 1))
        let (payload, end) = (header + WorkerFrames.headerSize, header + size)
        stream.start = end
        readAhead -= size
        switch kind {
        case WorkerFrames.itemEnd:
            return size == WorkerFrames.headerSize ? .itemEnd : .lost
        case WorkerFrames.piece:
            let decoded: Result<Piece, TransferError> = stream.buffer.withUnsafeBufferPointer { bytes in
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
    /// the worker is still checking the item, this process checks the next unclaimed run ahead
    /// (waiting for a worker through a file of thousands of documents left one process idle);
    /// when none is left, it waits, reading what the other workers write (within the budget).
    private func fill(_ number: Int, to bytes: Int) -> Bool {
        while workers[number].stream.waiting < bytes {
            guard !workers[number].stream.ended else { return false }
            readAheadWithoutWaiting()
            guard workers[number].stream.waiting < bytes else { break }
            if !claimAhead() { waitForBytes(from: [number]) }
        }
        return true
    }

    /// Waits until one of the given workers' pipes has bytes to read (or has ended) and reads
    /// them; what the other workers wrote meanwhile is read too, within the budget.
    private func waitForBytes(from wanted: [Int]) {
        var others = workers.indices.filter { !wanted.contains($0) && workers[$0].alive && !workers[$0].stream.ended }
        if readAhead >= Self.readAheadBudget { others = [] }
        let polled = wanted + others
        var descriptors = polled.map { pollfd(fd: workers[$0].pipe, events: Int16(POLLIN), revents: 0) }
        let ready = poll(&descriptors, nfds_t(descriptors.count), -1)
        if ready < 0, errno == EINTR { return }
        guard ready > 0 else {
            for number in wanted { workers[number].stream.ended = true }
            return
        }
        for (place, number) in polled.enumerated() where descriptors[place].revents != 0 {
            readOnce(number)
        }
    }

    /// Reads what the workers have written so far, without waiting, within the budget.
    private func readAheadWithoutWaiting() {
        for number in workers.indices where workers[number].alive && !workers[number].stream.ended {
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
        workers[number].stream.compact()
        let pipe = workers[number].pipe
        var got = 0
        repeat {
            got = systemRead(pipe, scratch.baseAddress, scratch.count)
        } while got < 0 && errno == EINTR
        if got > 0 { workers[number].stream.buffer.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[..<got])) }
        if got <= 0 { workers[number].stream.ended = true }
        readAhead += max(0, got)
        return max(0, got)
    }

    /// A worker that ended early (or wrote what cannot be read) is stopped; the runs it had are
    /// checked here.
    private func lose(_ number: Int) {
        workers[number].alive = false
        readAhead -= workers[number].stream.waiting
        workers[number].stream = FrameStream(ended: true)
        kill(workers[number].pid, SIGKILL)
        reportLoss()
    }

    private func reportLoss() {
        guard !reportedLoss else { return }
        reportedLoss = true
        FileSystem.writeStandardError("legality: " + Interface.text(
            "一个工作进程意外结束，其文件已由主进程检查（报告完整）\n",
            "a worker process ended unexpectedly; its files are checked by the main process (the report is complete)\n"))
    }
}
