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
        // `--output -` is standard output, as for other tools (it made a file named "-").
        guard let path, path != "-" else {
            target = nil
            temporary = nil
            descriptor = 1
            return
        }
        guard !path.isEmpty else {
            throw RunError(message: "--output needs a file name, found an empty one", chinese: "--output 需要文件名，给出的是空的")
        }
        target = path
        var existing = stat()
        let exists = stat(path, &existing) == 0
        if exists, existing.st_mode & S_IFMT == S_IFDIR { throw RunError(message: "\(path): is a folder, not a file", chinese: "\(path)：是文件夹，不是文件") }
        // A device or a FIFO (`--output /dev/null`, `/dev/stdout`) is written straight into: renaming
        // a file over it would replace the device node.
        if exists, existing.st_mode & S_IFMT != S_IFREG {
            // Only when it is named as one: a link committed at the report's path (`report.sarif ->
            // /dev/null`, or a disk) sent the report there, and the link stayed.
            var named = stat()
            if lstat(path, &named) == 0, named.st_mode & S_IFMT == S_IFLNK, !path.hasPrefix("/dev/"), !path.hasPrefix("/proc/") {
                throw RunError(
                    message: "\(path): is a link to a device or FIFO, not a file; not written (remove the link, or name the device itself)",
                    chinese: "\(path)：是指向设备或管道的链接，不是文件；未写入（请删除该链接，或直接写设备本身的路径）")
            }
            let direct = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
            guard direct >= 0 else { throw RunError(message: "\(path): cannot write: \(String(cString: strerror(errno)))", chinese: "\(path)：无法写入：\(String(cString: strerror(errno)))") }
            _ = fcntl(direct, F_SETFL, fcntl(direct, F_GETFL) & ~O_NONBLOCK)
            temporary = nil
            descriptor = direct
            return
        }
        Self.removeStaleTemporaries(of: path)
        // A new temporary file beside the target, never an existing file or a planted link; hidden,
        // so a folder search never reads it as records.
        var attempt = 0
        var opened: (String, Int32)?
        while opened == nil {
            let candidate = Self.temporaryName(of: path, pid: getpid(), attempt: attempt)
            // Named for removal before it exists, so an interruption never leaves it behind.
            InterruptCleanup.remove(onInterrupt: candidate)
            let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if descriptor >= 0 {
                opened = (candidate, descriptor)
            } else if errno != EEXIST || attempt > 100 {
                InterruptCleanup.clear()
                throw RunError(message: "\(path): cannot write: \(String(cString: strerror(errno)))", chinese: "\(path)：无法写入：\(String(cString: strerror(errno)))")
            }
            attempt += 1
        }
        guard let (temporary, descriptor) = opened else { throw RunError(message: "\(path): cannot write", chinese: "\(path)：无法写入") }
        // A report that replaces another keeps its permissions.
        if exists { fchmod(descriptor, existing.st_mode & 0o777) }
        self.temporary = temporary
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 16)
    }

    /// `.NAME.legality-tmp-PID-N` beside the target.
    static func temporaryName(of path: String, pid: pid_t, attempt: Int) -> String {
        path.parentPath.appendingComponent(".\(path.lastComponent).legality-tmp-\(pid)-\(attempt)")
    }

    /// Removes the temporary files a killed run left beside the same target (their process is gone,
    /// and they were last written an hour ago or more: a process number is asked of this machine,
    /// and a run writing the same report in a shared folder from another computer or container,
    /// whose number was none here, lost its live file and ended with "cannot write").
    /// A folder is listed once a run: `import` writes thousands of files into one, and listing it
    /// for each made the import quadratic (8,000 rows took 15 s).
    private static func removeStaleTemporaries(of path: String) {
        let folder = path.parentPath
        if temporariesByFolder[folder] == nil {
            temporariesByFolder[folder] = ((try? FileSystem.list(folder)) ?? []).filter { $0.hasPrefix(".") && $0.contains(".legality-tmp-") }
        }
        let prefix = ".\(path.lastComponent).legality-tmp-"
        for name in temporariesByFolder[folder] ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }), pid != getpid() else { continue }
            let temporary = folder.appendingComponent(name)
            var info = stat()
            guard kill(pid, 0) == -1, errno == ESRCH, lstat(temporary, &info) == 0,
                  time(nil) - info.st_mtim.tv_sec >= Self.staleAfterSeconds else { continue }
            unlink(temporary)
        }
    }

    /// How long a temporary file of a process that is gone waits before it is removed.
    static let staleAfterSeconds = 3_600

    /// The temporary files found in each folder written to, when it was first written to in this
    /// run (only the thread that writes reports reads and changes it).
    nonisolated(unsafe) private static var temporariesByFolder: [String: [String]] = [:]

    deinit {
        if let temporary, !committed {
            close(descriptor)
            unlink(temporary)
            InterruptCleanup.clear()
        }
    }

    /// Appends text; it reaches the file in blocks.
    func write(_ text: String) throws(RunError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Writes bytes (a binary report such as a .docx).
    func write(bytes: [UInt8]) throws(RunError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Finishes the report: flushes it and, for a file, moves it into place.
    func commit() throws(RunError) {
        try flush()
        guard let target else { return }
        guard let temporary else {
            // Written straight into a device or FIFO.
            committed = true
            if descriptor != 1 { close(descriptor) }
            return
        }
        committed = true
        // Moved into place or removed below: nothing is left for an interruption to remove.
        defer { InterruptCleanup.clear() }
        let synced = fsync(descriptor) == 0
        let syncError = errno
        let closed = close(descriptor) == 0
        guard synced, closed else {
            let reason = String(cString: strerror(synced ? errno : syncError))
            unlink(temporary)
            throw RunError(message: "\(target): cannot write: \(reason)", chinese: "\(target)：无法写入：\(reason)")
        }
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw RunError(message: "\(target): cannot write: \(reason)", chinese: "\(target)：无法写入：\(reason)")
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
                throw RunError(message: "\(target ?? "standard output"): cannot write: \(String(cString: strerror(errno)))", chinese: "\(target ?? "标准输出")：无法写入：\(String(cString: strerror(errno)))")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
