/// Reads the entries of a ZIP archive held in memory (an .xlsx or .docx), refusing what could
/// hang or exhaust a run: encrypted entries, entries declared larger than a limit, a ratio of
/// declared to compressed size over 100:1 (a zip bomb), and sizes that the data does not bear out.
public struct ZIPReader: Sendable {
    /// Why an archive or entry cannot be read, in Chinese and English.
    public struct ReadError: Error, Sendable {
        /// The reason in Chinese.
        public var chinese: String
        /// The reason in English.
        public var english: String
    }

    /// The largest entry read (declared, uncompressed).
    public static let maxEntryBytes = 256 << 20
    /// The largest ratio of an entry's declared size to its compressed size, above 1 MiB.
    public static let maxRatio = 100

    private struct Entry {
        var method: UInt16
        var flags: UInt16
        var compressedSize: Int
        var size: Int
        var localHeader: Int
    }

    private let bytes: [UInt8]
    private var entries: [String: Entry] = [:]
    /// Entry names, in the order of the central directory.
    public private(set) var names: [String] = []

    /// Reads an archive's central directory.
    public init(_ bytes: [UInt8]) throws(ReadError) {
        self.bytes = bytes
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw ReadError(
                chinese: "工作簿设有打开密码，或是旧的 .xls 格式；请在 Excel 或 WPS 中取消密码并另存为 .xlsx",
                english: "the workbook is password-protected or in the old .xls format; remove the password and save it as .xlsx")
        }
        guard bytes.starts(with: [0x50, 0x4B]) else { throw Self.corrupt("the file is not a ZIP archive") }
        guard let end = Self.endRecord(in: bytes) else { throw Self.corrupt("its end of central directory is missing") }
        let count = Int(Self.read16(bytes, end + 10))
        let size = Int(Self.read32(bytes, end + 12))
        var offset = Int(Self.read32(bytes, end + 16))
        guard offset + size <= end else { throw Self.corrupt("its central directory lies outside the file") }
        // Each entry's data is its own: entries of other names pointing at one part made a
        // workbook of 4.5 KB forty sheets of the same rows (no program writes such an archive);
        // so did headers nested in each other's extra fields, each starting its data at one part.
        var localHeaders: Set<Int> = []
        var dataRanges: [Range<Int>] = []
        for _ in 0..<count {
            guard offset + 46 <= end, Self.read32(bytes, offset) == 0x0201_4b50 else { throw Self.corrupt("its central directory is damaged") }
            let nameLength = Int(Self.read16(bytes, offset + 28))
            let extraLength = Int(Self.read16(bytes, offset + 30))
            let commentLength = Int(Self.read16(bytes, offset + 32))
            guard offset + 46 + nameLength <= end else { throw Self.corrupt("its central directory is damaged") }
            let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            let localHeader = Int(Self.read32(bytes, offset + 42))
            if !localHeaders.insert(localHeader).inserted, entries[name] == nil {
                throw Self.corrupt("two of its entries share one entry's data")
            }
            // Where the entry's data lies (a damaged header is said when the entry is read).
            if localHeader + 30 <= bytes.count, Self.read32(bytes, localHeader) == 0x0403_4b50 {
                let start = localHeader + 30 + Int(Self.read16(bytes, localHeader + 26)) + Int(Self.read16(bytes, localHeader + 28))
                let compressed = Int(Self.read32(bytes, offset + 20))
                if compressed > 0, entries[name] == nil { dataRanges.append(start..<(start + compressed)) }
            }
            entries[name] = Entry(
                method: Self.read16(bytes, offset + 10), flags: Self.read16(bytes, offset + 8),
                compressedSize: Int(Self.read32(bytes, offset + 20)), size: Int(Self.read32(bytes, offset + 24)),
                localHeader: localHeader)
            names.append(name)
            offset += 46 + nameLength + extraLength + commentLength
        }
        dataRanges.sort { $0.lowerBound < $1.lowerBound }
        for (earlier, later) in zip(dataRanges, dataRanges.dropFirst()) where later.lowerBound < earlier.upperBound {
            throw Self.corrupt("two of its entries share one entry's data")
        }
    }

    /// An entry's bytes; nil when there is no such entry.
    public func read(_ name: String) throws(ReadError) -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        if entry.flags & 1 != 0 {
            throw ReadError(chinese: "\(name) 已加密，无法读取", english: "\(name) is encrypted")
        }
        guard entry.size <= Self.maxEntryBytes else {
            throw ReadError(
                chinese: "\(name) 解压后声明为 \(entry.size) 字节，超过上限 \(Self.maxEntryBytes) 字节",
                english: "\(name) declares \(entry.size) bytes uncompressed, more than the limit of \(Self.maxEntryBytes)")
        }
        if entry.size > 1 << 20, entry.size / max(entry.compressedSize, 1) > Self.maxRatio {
            throw ReadError(
                chinese: "\(name) 的压缩比超过 \(Self.maxRatio):1（\(entry.compressedSize) 字节解压为 \(entry.size) 字节），疑为压缩炸弹，未读取",
                english: "\(name) has a compression ratio over \(Self.maxRatio):1 (\(entry.compressedSize) bytes to \(entry.size)); a zip bomb is suspected, so it was not read")
        }
        let header = entry.localHeader
        guard header + 30 <= bytes.count, Self.read32(bytes, header) == 0x0403_4b50 else { throw Self.corrupt("the entry \(name) is damaged") }
        let start = header + 30 + Int(Self.read16(bytes, header + 26)) + Int(Self.read16(bytes, header + 28))
        guard start + entry.compressedSize <= bytes.count else { throw Self.corrupt("the entry \(name) is cut short") }
        let data = bytes[start..<(start + entry.compressedSize)]
        let content: [UInt8]?
        switch entry.method {
        case 0: content = entry.size == entry.compressedSize ? Array(data) : nil
        case 8: content = Deflate.decompress(data, expected: entry.size)
        default:
            throw ReadError(chinese: "\(name) 使用了不支持的压缩方式 \(entry.method)", english: "\(name) uses compression method \(entry.method), which is not supported")
        }
        guard let content else { throw Self.corrupt("the entry \(name) does not decompress to its declared size") }
        return content
    }

    private static func corrupt(_ english: String) -> ReadError {
        ReadError(chinese: "文件已损坏或不是有效的 .xlsx（\(english)）", english: "the file is damaged or not a valid .xlsx: \(english)")
    }

    /// The offset of the end of central directory record, searched from the end (a comment may follow it).
    private static func endRecord(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        var offset = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        while offset >= lowest {
            if read32(bytes, offset) == 0x0605_4b50 { return offset }
            offset -= 1
        }
        return nil
    }

    private static func read16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        guard offset + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private static func read32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        guard offset + 4 <= bytes.count else { return 0 }
        return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}
