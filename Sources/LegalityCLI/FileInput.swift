#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file read piece by piece, for the YAML parser's read handler; closed when released.
final class FileInput {
    private let descriptor: Int32

    init?(path: String) {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 { return nil }
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
