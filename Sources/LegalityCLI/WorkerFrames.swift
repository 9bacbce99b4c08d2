/// How a worker process writes to its pipe (and how this process keeps the runs it checked
/// ahead as large files): frames, each a kind byte and an 8-byte length (little-endian), then
/// that many bytes. A run's start (its first item and its number of items follow, 8 bytes each),
/// a piece (its bytes follow), the end of an item, and the worker's own end once no run is left
/// to claim (a pipe that ends without it is a worker lost).
enum WorkerFrames {
    static var piece: UInt8 { 1 }
    static var itemEnd: UInt8 { 2 }
    static var run: UInt8 { 3 }
    static var done: UInt8 { 4 }
    static var headerSize: Int { 9 }
    static var runFrameSize: Int { headerSize + 16 }

    static func appendHeader(_ kind: UInt8, _ length: Int, to bytes: inout [UInt8]) {
        bytes.append(kind)
        appendNumber(UInt64(length), to: &bytes)
    }

    static func appendNumber(_ number: UInt64, to bytes: inout [UInt8]) {
        for offset in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: number >> (8 * UInt64(offset)))) }
    }

    /// An 8-byte little-endian number at a place in bytes.
    static func number(in bytes: [UInt8], at place: Int) -> UInt64 {
        var value: UInt64 = 0
        for offset in 0..<8 { value |= UInt64(bytes[place + offset]) << (8 * UInt64(offset)) }
        return value
    }
}

/// Frames read in order from a worker's pipe (or written here for a run checked ahead).
struct FrameStream {
    /// Bytes read or written; those before `start` are taken.
    var buffer: [UInt8] = []
    var start = 0
    /// Whether no more bytes will come (what was read before may still wait in `buffer`).
    var ended = false

    var waiting: Int { buffer.count - start }

    /// Drops what was taken once it is half the buffer (so each byte moves at most once or twice).
    mutating func compact() {
        guard start > 0, start >= buffer.count / 2 else { return }
        buffer.removeFirst(start)
        start = 0
    }

    /// The run a run's first frame at the start of what waits names (nil when the frame there is
    /// another, or names no run). The whole frame must be waiting.
    var runAtStart: Range<Int>? {
        let header = start
        guard buffer[header] == WorkerFrames.run, WorkerFrames.number(in: buffer, at: header + 1) == 16 else { return nil }
        let first = WorkerFrames.number(in: buffer, at: header + WorkerFrames.headerSize)
        let count = WorkerFrames.number(in: buffer, at: header + WorkerFrames.headerSize + 8)
        guard first <= UInt64(Int.max), count >= 1, count <= UInt64(Int.max) - first else { return nil }
        return Int(first)..<Int(first + count)
    }
}
