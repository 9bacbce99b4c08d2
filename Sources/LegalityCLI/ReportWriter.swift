#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a report as it is made: to standard output, or to a temporary file beside `--output`
/// that is flushed and renamed over it only when the report is complete, so a reader never sees
/// half a report and a failed run leaves the old one whole.
final class ReportWriter {
    private let target: String?
    private let temporary: String?
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var committed = false

    init(path: String?) throws(RunError) {
        target = path
        guard let path else {
            temporary = nil
            descriptor = 1
            return
        }
        // A new temporary file beside the target, never an existing file or a planted link.
        var attempt = 0
        var opened: (String, Int32)?
        while opened == nil {
            let candidate = path + ".tmp-\(getpid())-\(attempt)"
            let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if descriptor >= 0 {
                opened = (candidate, descriptor)
            } else if errno != EEXIST || attempt > 100 {
                throw RunError(message: "\(path): cannot write: \(String(cString: strerror(errno)))")
            }
            attempt += 1
        }
        guard let (temporary, descriptor) = opened else { throw RunError(message: "\(path): cannot write") }
        // A report that replaces another keeps its permissions.
        var existing = stat()
        if stat(path, &existing) == 0 { fchmod(descriptor, existing.st_mode & 0o777) }
        self.temporary = temporary
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 16)
    }

    deinit {
        if let temporary, !committed {
            close(descriptor)
            unlink(temporary)
        }
    }

    /// Appends text; it reaches the file in blocks.
    func write(_ text: String) throws(RunError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Finishes the report: flushes it and, for a file, moves it into place.
    func commit() throws(RunError) {
        try flush()
        guard let target, let temporary else { return }
        committed = true
        let synced = fsync(descriptor) == 0
        let syncError = errno
        let closed = close(descriptor) == 0
        guard synced, closed else {
            let reason = String(cString: strerror(synced ? errno : syncError))
            unlink(temporary)
            throw RunError(message: "\(target): cannot write: \(reason)")
        }
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw RunError(message: "\(target): cannot write: \(reason)")
        }
        // The rename itself reaches the disk with the folder.
        let folder = open(target.parentPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    private func flush() throws(RunError) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                // The reader of standard output has gone (`| head`): the report cannot be delivered.
                if target == nil, errno == EPIPE { exit(2) }
                throw RunError(message: "\(target ?? "standard output"): cannot write: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
