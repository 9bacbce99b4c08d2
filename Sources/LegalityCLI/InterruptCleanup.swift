#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the temporary file of the report being written when the run is interrupted (Ctrl-C,
/// `kill`, a closed terminal): the report's target is never partial, but the hidden temporary
/// file beside it stayed behind, as large as the report had grown, until a later run of the same
/// target removed it. Ends the run's worker processes too.
///
/// One report is written at a time; its temporary file's path waits in a buffer made once, before
/// any handler is installed, and never freed (a handler on another thread may be reading it), which
/// the handler only reads (it calls nothing but `unlink`, `signal` and `raise`). A signal the
/// process ignores (`nohup` ignores SIGHUP) stays ignored; one it was started with blocked is let
/// through.
enum InterruptCleanup {
    /// The buffer, when a path waits in it (nil between reports).
    nonisolated(unsafe) private static var pending: UnsafeMutablePointer<CChar>?
    /// The buffer itself, made at the first report.
    nonisolated(unsafe) private static var buffer: UnsafeMutablePointer<CChar>?
    private static var bufferSize: Int { 4096 }

    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// The worker processes an interrupting signal ends with the run (sent to this process alone,
    /// as `timeout` and a cancelled CI job send it, it left them running on to the end of their
    /// file, holding the run's output open), in memory made once, as the path's.
    nonisolated(unsafe) private static var workers: UnsafeMutablePointer<Int32>?
    nonisolated(unsafe) private static var workerCount = 0
    private static var mostWorkers: Int { 1024 }

    /// From now until `forgetWorkers`, an interrupting signal ends these processes too (the first
    /// `mostWorkers` of them) before this one ends.
    static func endOnInterrupt(_ pids: [Int32]) {
        _ = install()
        guard let workers else { return }
        workerCount = 0
        for (place, pid) in pids.prefix(mostWorkers).enumerated() { workers[place] = pid }
        workerCount = min(pids.count, mostWorkers)
    }

    /// No worker to end any more (waited for; or, in a forked worker, its siblings are not its own).
    static func forgetWorkers() {
        workerCount = 0
    }

    /// From now until `clear`, an interrupting signal removes `path` before the process ends. (A
    /// path too long for the buffer is not removed.)
    static func remove(onInterrupt path: String) {
        let buffer = install()
        pending = nil
        let bytes = Array(path.utf8)
        guard bytes.count < bufferSize else { return }
        for (place, byte) in bytes.enumerated() { buffer[place] = CChar(bitPattern: byte) }
        buffer[bytes.count] = 0
        pending = buffer
    }

    /// No temporary file to remove any more (committed, or removed already; or, in a forked
    /// worker, the forking process's, not the worker's to remove).
    static func clear() {
        pending = nil
    }

    /// Blocks the interrupting signals (around a `fork`, so that none reaches a child before it
    /// has forgotten the temporary file); returns the mask to restore.
    static func block() -> sigset_t {
        var blocked = sigset_t()
        sigemptyset(&blocked)
        for number in signals { sigaddset(&blocked, number) }
        var previous = sigset_t()
        sigprocmask(SIG_BLOCK, &blocked, &previous)
        return previous
    }

    /// Restores a mask `block` returned.
    static func restore(_ mask: sigset_t) {
        var mask = mask
        sigprocmask(SIG_SETMASK, &mask, nil)
    }

    /// The buffer, with the handlers installed the first time.
    private static func install() -> UnsafeMutablePointer<CChar> {
        if let buffer { return buffer }
        let made = UnsafeMutablePointer<CChar>.allocate(capacity: bufferSize)
        made.initialize(repeating: 0, count: bufferSize)
        buffer = made
        let pids = UnsafeMutablePointer<Int32>.allocate(capacity: mostWorkers)
        pids.initialize(repeating: 0, count: mostWorkers)
        workers = pids
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for number in signals {
            // Asked first, so an ignored signal is never handled, even for a moment.
            var current = sigaction()
            guard sigaction(number, nil, &current) == 0, !isIgnored(current) else { continue }
            signal(number, handle)
            sigaddset(&unblocked, number)
        }
        // A process started with these blocked (some launchers block every signal in the child)
        // could not be interrupted at all.
        sigprocmask(SIG_UNBLOCK, &unblocked, nil)
        return made
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        #if canImport(Glibc)
        let handler = action.__sigaction_handler.sa_handler
        #else
        let handler = action.__sigaction_u.__sa_handler
        #endif
        guard let handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    private static let handle: @convention(c) (Int32) -> Void = { number in
        if let path = InterruptCleanup.pending { unlink(path) }
        if let workers = InterruptCleanup.workers {
            var place = 0
            while place < InterruptCleanup.workerCount {
                kill(workers[place], SIGKILL)
                place += 1
            }
        }
        signal(number, SIG_DFL)
        raise(number)
    }
}
