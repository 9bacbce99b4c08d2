/// Writes a ZIP archive (PKWARE APPNOTE 6.3) in memory: deflated entries with UTF-8 names, a
/// central directory and its end record. No ZIP64: a package over 4 GiB is refused.
struct ZIPWriter {
    private var bytes: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0

    /// 1980-01-01 00:00 in MS-DOS date and time.
    private static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
    private static let dosTime: UInt16 = 0
    /// Bit 11: the name is UTF-8.
    private static let utf8Flag: UInt16 = 1 << 11
    private static let deflated: UInt16 = 8
    private static let version: UInt16 = 20

    mutating func add(path: String, original: [UInt8], compressed: [UInt8]) throws(OfficePackage.WriteError) {
        let name = Array(path.utf8)
        guard original.count < Int(UInt32.max), compressed.count < Int(UInt32.max), bytes.count < Int(UInt32.max), name.count < Int(UInt16.max) else {
            throw OfficePackage.WriteError(description: "the part \(path) is too large for a ZIP file without ZIP64")
        }
        let checksum = Deflate.checksum(original)
        let offset = UInt32(bytes.count)
        // Local file header.
        Self.append32(0x0403_4b50, to: &bytes)
        for field in [Self.version, Self.utf8Flag, Self.deflated, Self.dosTime, Self.dosDate] { Self.append16(field, to: &bytes) }
        Self.append32(checksum, to: &bytes)
        Self.append32(UInt32(compressed.count), to: &bytes)
        Self.append32(UInt32(original.count), to: &bytes)
        Self.append16(UInt16(name.count), to: &bytes)
        Self.append16(0, to: &bytes)
        bytes += name
        bytes += compressed
        // Its central directory entry.
        Self.append32(0x0201_4b50, to: &directory)
        for field in [Self.version, Self.version, Self.utf8Flag, Self.deflated, Self.dosTime, Self.dosDate] { Self.append16(field, to: &directory) }
        Self.append32(checksum, to: &directory)
        Self.append32(UInt32(compressed.count), to: &directory)
        Self.append32(UInt32(original.count), to: &directory)
        Self.append16(UInt16(name.count), to: &directory)
        for _ in 0..<4 { Self.append16(0, to: &directory) }  // extra, comment, disk, internal attributes
        Self.append32(0, to: &directory)  // external attributes
        Self.append32(offset, to: &directory)
        directory += name
        count += 1
    }

    consuming func finish() throws(OfficePackage.WriteError) -> [UInt8] {
        guard count < Int(UInt16.max), bytes.count + directory.count < Int(UInt32.max) else {
            throw OfficePackage.WriteError(description: "the package is too large for a ZIP file without ZIP64")
        }
        let start = UInt32(bytes.count)
        bytes += directory
        Self.append32(0x0605_4b50, to: &bytes)
        Self.append16(0, to: &bytes)
        Self.append16(0, to: &bytes)
        Self.append16(UInt16(count), to: &bytes)
        Self.append16(UInt16(count), to: &bytes)
        Self.append32(UInt32(directory.count), to: &bytes)
        Self.append32(start, to: &bytes)
        Self.append16(0, to: &bytes)
        return bytes
    }

    private static func append16(_ value: UInt16, to target: inout [UInt8]) {
        target.append(UInt8(value & 0xFF))
        target.append(UInt8(value >> 8))
    }

    private static func append32(_ value: UInt32, to target: inout [UInt8]) {
        for shift in stride(from: 0, through: 24, by: 8) { target.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
