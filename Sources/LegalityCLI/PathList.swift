import DecisionRecords

/// The record files of a run, kept as the bytes of one buffer: a run of a million files held a
/// million strings (about 96 bytes each for a path of 42 bytes: a heap object and a slot), where
/// this keeps the 42 bytes and an 8-byte end. Each path becomes a `String` when it is read.
struct PathList: RandomAccessCollection, Sendable {
    private var bytes: [UInt8] = []
    /// Where each path ends in `bytes`; the next one starts there.
    private var ends: [Int] = []

    init() {}

    init(_ paths: some Sequence<String>) {
        for path in paths { append(path) }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { ends.count }

    subscript(position: Int) -> String {
        String(decoding: bytes[range(of: position)], as: UTF8.self)
    }

    mutating func append(_ path: String) {
        bytes += path.utf8
        ends.append(bytes.count)
    }

    private func range(of position: Int) -> Range<Int> {
        (position == 0 ? 0 : ends[position - 1])..<ends[position]
    }

    /// The same paths in byte order (`String.precedesInUTF8`), compared in place in the buffer.
    func sortedByBytes() -> PathList {
        var order = Array(indices)
        bytes.withUnsafeBufferPointer { buffer in
            order.sort { lhs, rhs in String.bytesPrecede(buffer[range(of: lhs)], buffer[range(of: rhs)]) }
        }
        var sorted = PathList()
        sorted.bytes.reserveCapacity(bytes.count)
        sorted.ends.reserveCapacity(ends.count)
        for position in order {
            sorted.bytes += bytes[range(of: position)]
            sorted.ends.append(sorted.bytes.count)
        }
        return sorted
    }
}
