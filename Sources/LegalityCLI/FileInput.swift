#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file (or standard input) to read records from, whole or piece by piece; closed when
/// released. What it is was asked of the open file, so it is what will be read, even if the
/// path is changed meanwhile.
final class FileInput: Sendable {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    /// The file's size in bytes when it was opened (0 when it has none, as a pipe).
    let size: Int
    /// What the open file is: a regular file, a folder, or something else (a FIFO, a device).
    let kind: FileSystem.Kind

    private init(descriptor: Int32, owned: Bool, size: Int, kind: FileSystem.Kind) {
        self.descriptor = descriptor
        ownsDescriptor = owned
        self.size = size
        self.kind = kind
    }

    /// Standard input (left open when released).
    static func standardInput() -> FileInput {
        var info = stat()
        guard fstat(0, &info) == 0 else { return FileInput(descriptor: 0, owned: false, size: 0, kind: .other) }
        return FileInput(descriptor: 0, owned: false, size: max(Int(info.st_size), 0), kind: FileSystem.kind(of: info))
    }

    /// Opens a path for reading, without blocking (a FIFO's open would wait for a writer), without
    /// becoming the controlling terminal, and, unless `followingLinks`, failing with `ELOOP` on a
    /// symbolic link. On failure, `errno` says why.
    static func open(_ path: String, followingLinks: Bool) -> FileInput? {
        let flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | (followingLinks ? 0 : O_NOFOLLOW)
        let descriptor = systemOpen(path, flags)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let failure = errno
            close(descriptor)
            errno = failure
            return nil
        }
        // O_NONBLOCK only kept the open from waiting on a FIFO; reads of a regular file ignore it.
        return FileInput(descriptor: descriptor, owned: true, size: max(Int(info.st_size), 0), kind: FileSystem.kind(of: info))
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Fills the buffer with the next bytes: how many (0 at the end), or nil on a read error.
    func read(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        while true {
            let count = systemRead(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { return nil }
        }
    }

    /// The whole file's bytes (from where reading stands), read straight into an array of the
    /// file's size. `path` names the file in messages.
    /// - Throws: `RunError` when it cannot be read, is a folder, is no regular file (standard input
    ///   may be a pipe), or is larger than `limit` bytes.
    func readAll(path: String, limit: Int) throws(RunError) -> [UInt8] {
        guard kind != .directory else { throw RunError(message: "\(path): is a folder, not a file", chinese: "\(path)：是文件夹，不是文件") }
        guard !ownsDescriptor || kind == .file else {
            throw RunError(message: "\(path): not a regular file (a FIFO, a device or a socket); not read", chinese: "\(path)：不是普通文件（而是管道、设备或套接字），未读取")
        }
        guard size <= limit else {
            throw RunError(message: "the file is \(size) bytes, over the limit of \(limit) bytes; raise it with --max-file-bytes", chinese: "文件有 \(size) 字节，超过上限 \(limit) 字节；可用 --max-file-bytes 提高上限")
        }
        var bytes: [UInt8] = []
        var capacity = size + 1
        while true {
            var failure: Int32 = 0
            let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = 0
                while count < buffer.count {
                    let got = systemRead(descriptor, buffer.baseAddress.map { $0 + count }, buffer.count - count)
                    if got < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if got == 0 { break }
                    count += got
                    // A file read to the size it reported is not asked again for its end: one
                    // system call a file fewer (a file that grows meanwhile is read as it was).
                    if bytes.isEmpty, size > 0, count == size { break }
                }
            }
            if failure != 0 { throw RunError(message: "\(path): cannot read: \(String(cString: strerror(failure)))", chinese: "\(path)：无法读取：\(String(cString: strerror(failure)))") }
            if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
            // A file that grew while being read (or reports no size) is read on in larger chunks.
            if chunk.count < capacity { return bytes }
            guard bytes.count <= limit else { throw RunError(message: "the file grew past the limit of \(limit) bytes while it was read", chinese: "文件在读取期间增大，超过上限 \(limit) 字节") }
            capacity = max(capacity * 2, 1 << 16)
        }
    }
}
