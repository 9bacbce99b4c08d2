import DecisionRecords
import Reporters
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file operations legality needs, without Foundation (which costs start-up time).
enum FileSystem {
    enum Kind { case file, directory, other, missing }

    static func kind(of path: String) -> Kind {
        status(of: path).kind
    }

    /// What a path is, following a link, and its size in bytes (0 when it cannot be read).
    static func status(of path: String) -> (kind: Kind, size: Int) {
        var info = stat()
        guard stat(path, &info) == 0 else { return (.missing, 0) }
        return (kind(of: info), Int(info.st_size))
    }

    /// Whether a path is a symbolic link (not followed).
    static func isLink(_ path: String) -> Bool {
        linkStatus(of: path).kind == nil
    }

    /// What a path is without following a link (nil for a symbolic link), and its size in bytes
    /// (a link's own, for a link).
    static func linkStatus(of path: String) -> (kind: Kind?, size: Int) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return (.missing, 0) }
        guard info.st_mode & S_IFMT != S_IFLNK else { return (nil, Int(info.st_size)) }
        return (kind(of: info), Int(info.st_size))
    }

    /// What a file's status says it is (a link's own status is `other`).
    static func kind(of info: stat) -> Kind {
        switch info.st_mode & S_IFMT {
        case S_IFREG: .file
        case S_IFDIR: .directory
        default: .other
        }
    }

    /// The whole file's bytes, read straight into an array of the file's size; `-` is standard input.
    /// The file is opened without blocking and must be a regular file, so a FIFO or a device never
    /// hangs the run.
    /// - Throws: `RunError` when the file cannot be read, is no regular file, or is larger than `limit` bytes.
    static func read(_ path: String, limit: Int = .max) throws(RunError) -> [UInt8] {
        guard let input = path == "-" ? FileInput.standardInput() : FileInput.open(path, followingLinks: true) else {
            throw RunError(message: "\(path): cannot read: \(errorText())", chinese: "\(path)：无法读取：\(errorText())")
        }
        return try input.readAll(path: path, limit: limit)
    }

    /// Up to `count` bytes from the start of a file (fewer, or none, when it is shorter or unreadable).
    /// (A link is not followed, and only a regular file is read.)
    static func prefix(of path: String, count: Int) -> [UInt8] {
        guard let input = FileInput.open(path, followingLinks: false), input.kind == .file else { return [] }
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
            filled = input.read(buffer) ?? 0
        }
    }

    /// The names in a folder, sorted by bytes.
    static func list(_ path: String) throws(RunError) -> [String] {
        try entries(path).map(\.name)
    }

    /// The names in a folder, sorted by bytes, each with its kind when the folder listing tells it
    /// (a file or a folder; nil for a link or when the file system does not say, so ask `kind(of:)`).
    /// A folder of thousands of records is then walked without a `stat` per file.
    static func entries(_ path: String) throws(RunError) -> [(name: String, kind: Kind?)] {
        guard let directory = opendir(path) else { throw RunError(message: "\(path): cannot list: \(errorText())", chinese: "\(path)：无法列出文件夹内容：\(errorText())") }
        defer { closedir(directory) }
        var entries: [(name: String, kind: Kind?)] = []
        // Each name's bytes, one after another, to sort by.
        var keys = NameKeys()
        // The name is read where it lies in the entry: an entry is only as long as its name needs,
        // and copying the whole 256-byte field out read past the end of the last entry of a buffer.
        guard let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name) else { return [] }
        while let entry = readdir(directory) {
            let rawName = UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self)
            let name = String(cString: rawName)
            guard name != ".", name != ".." else { continue }
            let kind: Kind? = switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): .file
            case Int32(DT_DIR): .directory
            default: nil
            }
            // A folder whose name is no UTF-8 (a GBK name from a Windows archive) cannot be read
            // under the name a `String` gives it: it is listed (to be reported) only when it holds
            // a record file, else passed over (a folder of scanned PDFs is nothing to check).
            if kind != .file, String(validatingCString: rawName) == nil, isFolder(rawName, in: dirfd(directory), listed: kind),
               !holdsRecordFiles(in: dirfd(directory), named: rawName, depth: 0) { continue }
            entries.append((name, kind))
            keys.add(name)
        }
        return keys.byteOrder().map { entries[$0] }
    }

    /// Whether the entry `name` of the open folder `parent` is a folder itself (not a link to one):
    /// as the listing says, else as its status says. Anything else with a record's name is kept,
    /// and reported when read.
    private static func isFolder(_ name: UnsafePointer<CChar>, in parent: Int32, listed: Kind?) -> Bool {
        if let listed { return listed == .directory }
        var info = stat()
        return fstatat(parent, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Whether the folder `name` inside the open folder `parent` (or a folder within it) holds a
    /// file with a record's extension; one nested deeper than 16 is taken to (so it is reported,
    /// not passed over). Opened by its bytes, whatever they are.
    private static func holdsRecordFiles(in parent: Int32, named name: UnsafePointer<CChar>, depth: Int) -> Bool {
        guard depth < 16 else { return true }
        let descriptor = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        guard let folder = fdopendir(descriptor) else {
            close(descriptor)
            return false
        }
        defer { closedir(folder) }
        guard let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name) else { return false }
        while let entry = readdir(folder) {
            let rawName = UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self)
            let name = String(cString: rawName)
            guard name != ".", name != "..", !name.hasPrefix(".") else { continue }
            if Discovery.hasRecordExtension(name) || LedgerInput.isLedger(name) { return true }
            if Int32(entry.pointee.d_type) != Int32(DT_REG), holdsRecordFiles(in: dirfd(folder), named: rawName, depth: depth + 1) { return true }
        }
        return false
    }

    /// The UTF-8 bytes of names, one after another, and the order of the names by those bytes.
    /// (Comparing the strings' UTF-8 views cost some 400 instructions a comparison, and an array
    /// of bytes for each name an allocation; a folder of 2,000 records takes 22,000 comparisons.)
    private struct NameKeys {
        private var bytes: [UInt8] = []
        private var spans: [(start: Int, count: Int)] = []
        /// Each name's first eight bytes as one number, the first byte highest, zeros after a
        /// shorter name: numbers in order are names in byte order, as far as those bytes tell.
        private var heads: [UInt64] = []

        mutating func add(_ name: String) {
            let start = bytes.count
            bytes.append(contentsOf: name.utf8)
            spans.append((start, bytes.count - start))
            var head: UInt64 = 0
            for place in 0..<8 {
                head <<= 8
                if start + place < bytes.count { head |= UInt64(bytes[start + place]) }
            }
            heads.append(head)
        }

        /// The indices of the names in byte order (`String.bytesPrecede`); names of equal bytes
        /// keep their order. Names are told apart by their heads first: most differ there (a
        /// name holds no zero byte, so a shorter name's padding sorts before any byte of a longer one).
        func byteOrder() -> [Int] {
            var order = Array(spans.indices)
            bytes.withUnsafeBufferPointer { buffer in
                heads.withUnsafeBufferPointer { heads in
                    order.sort { first, second in
                        if heads[first] != heads[second] { return heads[first] < heads[second] }
                        let (one, other) = (spans[first], spans[second])
                        return String.bytesPrecede(buffer[one.start..<(one.start + one.count)], buffer[other.start..<(other.start + other.count)])
                    }
                }
            }
            return order
        }
    }

    /// Makes a folder and the folders above it that are missing (`--out a/b` with no `a`).
    static func makeDirectory(_ path: String) throws(RunError) {
        let parent = path.parentPath
        if !parent.isEmpty, parent != path, parent != ".", parent != "/", kind(of: parent) == .missing { try makeDirectory(parent) }
        guard mkdir(path, 0o755) == 0 || (errno == EEXIST && kind(of: path) == .directory) else {
            throw RunError(message: "\(path): cannot create the folder: \(errorText())", chinese: "\(path)：无法创建文件夹：\(errorText())")
        }
    }

    /// Writes text to a file atomically, or to standard output when `path` is nil (see `ReportWriter`).
    static func deliver(_ text: String, to path: String?) throws(RunError) {
        try deliver(bytes: Array(text.utf8), to: path)
    }

    /// Writes bytes to a file atomically, or to standard output when `path` is nil.
    static func deliver(bytes: [UInt8], to path: String?) throws(RunError) {
        let writer = try ReportWriter(path: path)
        try writer.write(bytes: bytes)
        try writer.commit()
    }

    /// Writes to standard error, every control, escape and bidirectional character but the line
    /// ends shown as `�`: messages quote keys and file names from records, registries,
    /// configurations and rule folders, which may hold a terminal's escape sequences.
    static func writeStandardError(_ text: String) {
        var bytes = Array(TextReporter.terminalSafe(text).utf8)
        _ = bytes.withUnsafeMutableBytes { systemWrite(2, $0.baseAddress, $0.count) }
    }

    static func coreCount() -> Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    static func environment(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }

    #if os(Linux)
    /// `O_PATH` (Linux's `<fcntl.h>` defines it only for GNU sources, which Swift's Glibc module is not).
    private static let openForPathOnly: Int32 = 0o10000000
    #endif

    /// The canonical absolute path, with links resolved.
    static func realPath(_ path: String) -> String? {
        #if os(Linux)
        // The path is walked once, by opening it (without reading: a FIFO never blocks), and the
        // kernel names what it reached. glibc's `realpath` asks each component whether it is a
        // link, one walk from the start for each, so a path n folders deep cost n² steps, and a
        // record at the bottom of 1,000 nested folders took 28 s to find.
        let descriptor = open(path, openForPathOnly | O_CLOEXEC)
        if descriptor >= 0 {
            defer { close(descriptor) }
            if let named = linkTarget("/proc/self/fd/\(descriptor)"), named.hasPrefix("/"), named.utf8.count < Int(PATH_MAX) - 1 { return named }
        }
        #endif
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// What a symbolic link says, as written in it (`../outside/secret.yaml`); nil for no link.
    static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink(path, &buffer, buffer.count - 1)
        guard length >= 0 else { return nil }
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func currentDirectory() -> String {
        guard let path = getcwd(nil, 0) else { return "." }
        defer { free(path) }
        return String(cString: path)
    }

    /// Today's date in the local time zone, as year, month, day.
    static func today() -> (Int, Int, Int) {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return (Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
