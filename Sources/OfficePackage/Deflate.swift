internal import CZlib

/// Raw deflate (RFC 1951), as ZIP stores it, and the CRC-32 ZIP records, through zlib.
enum Deflate {
    /// The bytes deflated at the default level; nil when zlib fails.
    static func compress(_ input: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard legality_raw_deflate_init(&stream, Z_DEFAULT_COMPRESSION) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 16)
        guard run(&stream, input[...], into: &output, deflate) == Z_STREAM_END else { return nil }
        output.removeLast(output.count - Int(stream.total_out))
        return output
    }

    /// Inflates raw deflate data that should give `expected` bytes; nil when the data is corrupt
    /// or would give more than `expected` (inflating stops there, so a lying header cannot make it
    /// grow without bound).
    static func decompress(_ input: ArraySlice<UInt8>, expected: Int) -> [UInt8]? {
        var stream = z_stream()
        guard legality_raw_inflate_init(&stream) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        // One byte more than expected, to tell "exactly as declared" from "more than declared".
        var output = [UInt8](repeating: 0, count: expected + 1)
        guard run(&stream, input, into: &output, inflate) == Z_STREAM_END, Int(stream.total_out) == expected else { return nil }
        output.removeLast()
        return output
    }

    /// The CRC-32 of bytes.
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(crc32(crc32(0, nil, 0), buffer.baseAddress, uInt(buffer.count)))
        }
    }

    /// One `Z_FINISH` call of `step` (deflate or inflate) from all of `input` into `output`, in
    /// place: zlib reads the input without changing it, so no copy is made.
    private static func run(
        _ stream: inout z_stream, _ input: ArraySlice<UInt8>, into output: inout [UInt8], _ step: (z_streamp?, Int32) -> Int32
    ) -> Int32 {
        input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress.map { UnsafeMutablePointer(mutating: $0) }
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return step(&stream, Z_FINISH)
            }
        }
    }
}
