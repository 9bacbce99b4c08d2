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
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw RunError(message: "\(path): cannot write: \(String(cString: strerror(errno)))") }
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
        if fsync(descriptor) != 0 || close(descriptor) != 0 {
            committed = true
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw RunError(message: "\(target): cannot write: \(reason)")
        }
        committed = true
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw RunError(message: "\(target): cannot write: \(reason)")
        }
    }

    private func flush() throws(RunError) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                // The reader of standard output has gone (`| head`): the report cannot be delivered.
                if target == nil, errno == EPIPE { Glibc.exit(2) }
                throw RunError(message: "\(target ?? "standard output"): cannot write: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
