#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RuleEngine

/// The worker side: what a forked worker process does until it exits.
extension WorkerProcesses {
    /// A worker's whole life: claims runs until none is left, checks each, writes the run's start,
    /// each piece and each item's end to `pipe`, and exits (without running exit handlers or
    /// flushing what this process had buffered).
    static func serve(
        claims: RunClaims, to pipe: Int32, work: (Int, (consuming Piece) -> Void) -> Void,
        encode: @escaping (Piece, inout TransferWriter) -> Void
    ) -> Never {
        var output: [UInt8] = []
        output.reserveCapacity(128 << 10)
        var writer = TransferWriter()
        var lastFlush = milliseconds()
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
        while let run = claims.claim() {
            WorkerFrames.appendHeader(WorkerFrames.run, 16, to: &output)
            WorkerFrames.appendNumber(UInt64(run.lowerBound), to: &output)
            WorkerFrames.appendNumber(UInt64(run.count), to: &output)
            for item in run {
                work(item) { (piece: consuming Piece) in
                    writer.removeAll()
                    encode(piece, &writer)
                    let payload = writer.bytes
                    WorkerFrames.appendHeader(WorkerFrames.piece, payload.count, to: &output)
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
                WorkerFrames.appendHeader(WorkerFrames.itemEnd, 0, to: &output)
                // An item that took a while (a large file) is handed over at once: the process
                // that settles items in order may be waiting for it.
                if milliseconds() - lastFlush >= 2 { flush() }
            }
            flush()
        }
        WorkerFrames.appendHeader(WorkerFrames.done, 0, to: &output)
        flush()
        _exit(0)
    }

    #if os(Linux)
    /// Whether this process runs one thread (counted in /proc/self/task).
    static func isSingleThreaded() -> Bool {
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
    static func milliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1_000 + now.tv_nsec / 1_000_000
    }
}
