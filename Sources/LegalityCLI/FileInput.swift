#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file read piece by piece, for the YAML parser's read handler; closed when released.
final class FileInput {
    private let descriptor: Int32

    /// Opens a regular file (without blocking on a FIFO or device, which are refused).
    init?(path: String) {
        descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if descriptor < 0 { return nil }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            return nil
        }
        // O_NONBLOCK only kept the open from waiting on a FIFO; reads of a regular file ignore it.
    }

    deinit {
        close(descriptor)
    }

    /// Fills the buffer with the next bytes: how many (0 at the end), or nil on a read error.
    func read(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        while true {
            let count = systemRead(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { return nil }
        }
    }
}
