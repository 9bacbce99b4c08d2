import Testing
import YAMLTree

/// Reading a stream piece by piece gives the same trees as reading it whole, and an encoding
/// error carries the byte offset from which its position is computed.
@Suite struct PiecewiseReadingTests {
    /// A source that hands out at most `piece` bytes at a time.
    final class Pieces: @unchecked Sendable {
        let bytes: [UInt8]
        let piece: Int
        var offset = 0

        init(_ text: [UInt8], piece: Int) {
            bytes = text
            self.piece = piece
        }

        func read(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> Int? {
            let count = min(piece, buffer.count, bytes.count - offset)
            for index in 0..<count { buffer[index] = bytes[offset + index] }
            offset += count
            return count
        }
    }

    static let stream = Array((0..<200).map { "---\nid: R-\($0)\n名称: 值\($0)\nsteps:\n  - {type: decision, date: 2024-01-02}\n" }.joined().utf8)

    func positions(_ documents: [YAMLNode]) -> [SourcePosition] {
        documents.compactMap { $0.pair(for: "名称")?.value.position }
    }

    @Test(arguments: [1, 7, 4096])
    func piecesGiveTheSameTreesAsTheWhole(piece: Int) throws {
        let whole = try YAMLParser.parse(Self.stream, file: "s.yaml")
        var pieced: [YAMLNode] = []
        let source = Pieces(Self.stream, piece: piece)
        try YAMLParser.parse(reading: source.read, file: "s.yaml") { document throws(YAMLError) in pieced.append(document) }
        #expect(pieced.count == 200)
        #expect(positions(pieced) == positions(whole))
        #expect(pieced.last?["id"]?.scalar?.text == "R-199")
    }

    @Test func anEncodingErrorCarriesItsByteOffset() throws {
        var bytes = Self.stream
        let middle = bytes.count / 2
        bytes.insert(contentsOf: [0xFF, 0xFE, 0x41], at: middle + 1)  // not at the start, so not a UTF-16 mark
        let source = Pieces(bytes, piece: 100)
        do {
            try YAMLParser.parse(reading: source.read, file: "s.yaml") { _ throws(YAMLError) in }
            Issue.record("an invalid byte was accepted")
        } catch {
            #expect(error.kind == .encoding)
            let offset = try #require(error.byteOffset)
            #expect(offset == middle + 1)
            // The same bytes read whole fail at the position computed from the offset.
            do {
                _ = try YAMLParser.parse(bytes, file: "s.yaml")
                Issue.record("read whole, the invalid byte was accepted")
            } catch let whole {
                #expect(YAMLParser.position(ofByte: offset, in: bytes) == whole.position)
            }
        }
    }

    /// A NEL, LS or PS that hides text is refused read piece by piece too, wherever the pieces
    /// cut it (a file over 8 MiB is streamed, and a hostile one padded past that size hid a step
    /// after a comment in every format but the text report); the problem carries the separator's
    /// byte offset. One inside a quoted title, or ending its line, is read.
    @Test(arguments: [1, 2, 3, 5, 7, 64])
    func aHiddenLineBreakIsRefusedWhereverThePiecesCut(piece: Int) throws {
        for separator in ["\u{85}", "\u{2028}", "\u{2029}"] {
            for bom in ["", "\u{FEFF}"] {
                let hidden = bom + "steps:\n  # 备注：无\(separator)  - {type: legal_review}\n  - {type: decision}\n"
                let bytes = Array(hidden.utf8)
                let offset = try #require(bytes.indices.first { bytes[$0] == Array(separator.utf8)[0] && Array(bytes[$0...].prefix(separator.utf8.count)) == Array(separator.utf8) })
                do {
                    try YAMLParser.parse(reading: Pieces(bytes, piece: piece).read, file: "s.yaml") { _ throws(YAMLError) in }
                    Issue.record("read: \(hidden.debugDescription), pieces of \(piece)")
                } catch {
                    #expect(error.byteOffset == offset, "\(hidden.debugDescription), pieces of \(piece)")
                    #expect(error.message.contains("which YAML reads as a line break though editors show none"))
                }
                for shown in [bom + "title: \"甲\(separator)乙\" # 注释\na: [1, 2]\n", bom + "# 注释\(separator)\na: 1\n", bom + "a: 1 # 注释\(separator)   \nb: 2\n",
                              bom + "# 注释\(separator)  # 第二段\na: 1\n"] {
                    #expect(throws: Never.self, "\(shown.debugDescription), pieces of \(piece)") {
                        try YAMLParser.parse(reading: Pieces(Array(shown.utf8), piece: piece).read, file: "s.yaml") { _ throws(YAMLError) in }
                    }
                }
            }
        }
    }
}
