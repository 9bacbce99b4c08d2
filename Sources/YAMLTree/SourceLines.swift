/// The lines of a file's text, found as they are asked for: what a report quotes under a finding,
/// and what syntax advice reads around an error.
///
/// Lines end at LF, CR LF or a lone CR, as positions count them (`LineBreakCorrection`).
/// One pass over the bytes notes where every 64th line starts, and where the first line starts
/// after every 64 KiB, so a line is found by reading at most 64 lines or 64 KiB of whole lines,
/// and only as much of it as is asked for. (Splitting the whole text into a list of lines cost
/// some nine times the file: a 60 MB file of empty lines took 4 GB for the excerpt of one finding,
/// and a finding on a line of a megabyte copied the whole line again for every finding on it.)
public struct SourceLines: Sendable {
    /// A line as asked for.
    public enum Line: Sendable, Equatable {
        /// The line's text, without its line end.
        case text(String)
        /// The line is longer than the limit asked for: it is not read.
        case tooLong
    }

    private let bytes: [UInt8]
    /// How many lines the text has: one more than it has line ends (the last may be empty).
    public let count: Int
    /// Line numbers and where they start, in order: line 1, every 64th line after it, and the
    /// first line to start 64 KiB or more after the previous entry.
    private let marks: [(line: Int, offset: Int)]

    private static let linesBetweenMarks = 64
    private static let bytesBetweenMarks = 64 << 10

    /// The lines of UTF-8 bytes (a byte-order mark is dropped).
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        (marks, count) = bytes.withUnsafeBufferPointer { buffer in
            // Reading starts after a byte-order mark.
            var index = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var marks = [(line: 1, offset: index)]
            var line = 1
            while index < buffer.count {
                guard Self.stepOver(buffer, &index) else { continue }
                line += 1
                if let last = marks.last, line - last.line >= Self.linesBetweenMarks || index - last.offset >= Self.bytesBetweenMarks {
                    marks.append((line, index))
                }
            }
            return (marks, line)
        }
    }

    /// Line `number` (1-based), or nil when the text has fewer lines; `tooLong` when it holds more
    /// than `limit` bytes.
    public func line(_ number: Int, upTo limit: Int) -> Line? {
        guard number >= 1, number <= count else { return nil }
        switch place(ofLine: number, upTo: limit) {
        case .missing: return nil
        case .tooLong: return .tooLong
        case .range(let range): return .text(String(decoding: bytes[range], as: UTF8.self))
        }
    }

    /// Where a line lies in the bytes.
    private enum Place {
        case missing
        case tooLong
        case range(Range<Int>)
    }

    private func place(ofLine number: Int, upTo limit: Int) -> Place {
        // The last mark at or before the line (marks are in order of both line and offset).
        var low = 0
        var high = marks.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if marks[middle].line <= number { low = middle } else { high = middle - 1 }
        }
        let mark = marks[low]
        return bytes.withUnsafeBufferPointer { buffer -> Place in
            var (line, index) = mark
            let count = buffer.count
            while line < number {
                guard index < count else { return .missing }
                if Self.stepOver(buffer, &index) { line += 1 }
            }
            // (A text has one line more than it has line ends: the last may be empty.)
            let lineStart = index
            while index < count, buffer[index] != UInt8(ascii: "\n"), buffer[index] != UInt8(ascii: "\r") {
                if index - lineStart >= limit { return .tooLong }
                index += 1
            }
            return .range(lineStart..<index)
        }
    }

    /// Steps over the byte at `index`; true when it ended a line (CR LF is stepped over as one).
    @inline(__always)
    private static func stepOver(_ buffer: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Bool {
        let byte = buffer[index]
        index += 1
        guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else { return false }
        if byte == UInt8(ascii: "\r"), index < buffer.count, buffer[index] == UInt8(ascii: "\n") { index += 1 }
        return true
    }
}
