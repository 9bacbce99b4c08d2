/// Values written as bytes to be read back by another process of the same run (a worker process
/// hands each document's evaluation to the process that settles and reports it). Not a file
/// format: both ends are the same binary, forked from one process, and nothing is kept.
///
/// Integers are variable-length (seven bits a byte, small magnitudes first), texts their UTF-8
/// byte count and bytes.
public struct TransferWriter {
    /// What has been written.
    public private(set) var bytes: [UInt8] = []

    /// An empty writer.
    public init() {}

    /// Forgets what was written, keeping the memory for the next value.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// An integer of any sign.
    public mutating func int(_ value: Int) {
        // Zigzag: small negative numbers stay short too.
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// A truth value.
    public mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    /// A byte, such as a case's number.
    public mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    /// A text.
    public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// A text or none.
    public mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    /// A run of bytes.
    public mutating func data(_ value: [UInt8]) {
        int(value.count)
        bytes.append(contentsOf: value)
    }
}

/// Bytes a `TransferWriter` wrote that cannot be read back: cut short or not the values expected.
public struct TransferError: Error, Sendable, CustomStringConvertible {
    /// What was wrong.
    public var message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

/// Reads back, in order, the values a `TransferWriter` wrote.
public struct TransferReader: ~Copyable {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0

    /// A reader of bytes that stay valid while it reads.
    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { offset == bytes.count }

    /// An integer.
    public mutating func int() throws(TransferError) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw TransferError("an integer runs past 64 bits") }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { break }
            shift += 7
        }
        // Zigzag back, shifting the unsigned bits (a signed shift would copy the top bit down).
        return Int(truncatingIfNeeded: Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1))))
    }

    /// A count or length: an integer that is not negative, and no more than the bytes left (every
    /// value takes at least one), so a damaged count cannot make room for millions of values.
    public mutating func count() throws(TransferError) -> Int {
        let value = try int()
        guard value >= 0, value <= bytes.count - offset else { throw TransferError("a count of \(value) with \(bytes.count - offset) bytes left") }
        return value
    }

    /// A truth value.
    public mutating func bool() throws(TransferError) -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        case let other: throw TransferError("a truth value written as \(other)")
        }
    }

    /// A byte.
    public mutating func byte() throws(TransferError) -> UInt8 {
        guard offset < bytes.count else { throw TransferError("the bytes end before their values") }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// A text.
    public mutating func string() throws(TransferError) -> String {
        let length = try count()
        guard length <= bytes.count - offset else { throw TransferError("a text runs past the bytes") }
        defer { offset += length }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
    }

    /// A text or none.
    public mutating func optionalString() throws(TransferError) -> String? {
        try bool() ? try string() : nil
    }

    /// A run of bytes.
    public mutating func data() throws(TransferError) -> [UInt8] {
        let length = try count()
        guard length <= bytes.count - offset else { throw TransferError("bytes run past their end") }
        defer { offset += length }
        return Array(UnsafeBufferPointer(rebasing: bytes[offset..<offset + length]))
    }
}
