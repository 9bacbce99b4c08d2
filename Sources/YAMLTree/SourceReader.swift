internal import CYAML

/// The bytes of a source read piece by piece, with the first piece kept for sniffing the encoding
/// and the NEL, LS and PS of the pieces found as they are handed out.
final class SourceReader {
    private let read: (UnsafeMutableBufferPointer<UInt8>) -> Int?
    private var head: [UInt8]
    private var headOffset = 0
    /// Set when the source reported a read error.
    private(set) var failed = false
    /// The NEL, LS and PS of the bytes handed out so far.
    private(set) var separators = SeparatorScanner()

    init(read: @escaping (UnsafeMutableBufferPointer<UInt8>) -> Int?) {
        self.read = read
        var first = [UInt8](repeating: 0, count: 4096)
        let count = first.withUnsafeMutableBufferPointer { read($0) } ?? 0
        head = Array(first.prefix(count))
    }

    /// The first bytes of the source.
    var prefix: [UInt8] { head }

    /// Fills `buffer`: first with what is left of the first piece, then from the source.
    func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        if headOffset < head.count {
            let count = min(buffer.count, head.count - headOffset)
            for index in 0..<count { buffer[index] = head[headOffset + index] }
            headOffset += count
            separators.scan(UnsafeBufferPointer(rebasing: buffer[..<count]))
            return count
        }
        guard let count = read(buffer) else {
            failed = true
            return nil
        }
        separators.scan(UnsafeBufferPointer(rebasing: buffer[..<count]))
        return count
    }
}

/// libyaml's read handler: asks the `SourceReader` behind `data` for up to `size` bytes.
let sourceReadHandler: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<UInt8>?, Int, UnsafeMutablePointer<Int>?) -> Int32 = {
    data, buffer, size, sizeRead in
    guard let data, let buffer, let sizeRead else { return 0 }
    let reader = Unmanaged<SourceReader>.fromOpaque(data).takeUnretainedValue()
    guard let count = reader.fill(UnsafeMutableBufferPointer(start: buffer, count: size)) else { return 0 }
    sizeRead.pointee = count
    return 1
}
