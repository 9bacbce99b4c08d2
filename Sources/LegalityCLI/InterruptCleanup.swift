#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the temporary file of the report being written when the run is interrupted (Ctrl-C,
/// `kill`, a closed terminal): the report's target is never partial, but the hidden temporary
/// file beside it stayed behind, as large as the report had grown, until a later run of the same
/// target removed it.
///
/// One report is written at a time; its temporary file's path waits in memory made before any
/// signal can come, which the handler only reads (it may call nothing but `unlink`, `signal` and
/// `raise`). A signal the process ignores (`nohup` ignores SIGHUP) stays ignored; one it was
/// started with blocked is let through.
enum InterruptCleanup {
    /// The temporary file's path as a C string, or nil between reports.
    nonisolated(unsafe) private static var pending: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var installed = false

    private static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// From now until `clear`, an interrupting signal removes `path` before the process ends.
    static func remove(onInterrupt path: String) {
        install()
        let copy = strdup(path)
        let previous = pending
        pending = copy
        free(previous)
    }

    /// No temporary file to remove any more (committed, or removed already).
    static func clear() {
        let previous = pending
        pending = nil
        free(previous)
    }

    /// In a forked worker: the temporary file is the forking process's, not the worker's to remove.
    static func forgetInChild() {
        pending = nil
    }

    private static func install() {
        guard !installed else { return }
        installed = true
        let ignored = unsafeBitCast(SIG_IGN, to: Int.self)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for number in signals {
            let previous = signal(number, handle)
            if let previous, unsafeBitCast(previous, to: Int.self) == ignored { signal(number, SIG_IGN) }
            sigaddset(&unblocked, number)
        }
        // A process started with these blocked (some launchers block every signal in the child)
        // could not be interrupted at all.
        sigprocmask(SIG_UNBLOCK, &unblocked, nil)
    }

    private static let handle: @convention(c) (Int32) -> Void = { number in
        if let path = InterruptCleanup.pending { unlink(path) }
        signal(number, SIG_DFL)
        raise(number)
    }
}
