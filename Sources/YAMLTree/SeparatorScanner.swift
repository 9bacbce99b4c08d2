#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The NEL, LS and PS of a source read piece by piece (a file over 8 MiB), found as libyaml reads
/// the pieces, for the same check a text read whole has (`EventParser.checkSeparators`): a
/// hostile file padded past the size at which it is streamed otherwise hid a step after one.
///
/// Each is placed by its character index, as libyaml's marks count characters (a CR LF two, a
/// byte-order mark none), and by its byte offset, from which a message's line and column are had;
/// positions of a streamed file are libyaml's, which count each as a line end.
struct SeparatorScanner {
    /// A separator found: its character and byte offset, and whether text other than spaces and
    /// a comment follows it before the line's end (LF or CR), which libyaml reads as a line of its own.
    struct Found {
        var characterIndex: Int
        var byteOffset: Int
        var character: Unicode.Scalar
        var textAfter = false
    }

    private(set) var found: [Found] = []
    /// Characters and bytes before the piece being scanned.
    private var characters = 0
    private var bytes = 0
    /// The first separators whose line has not ended by the end of the last piece.
    private var awaiting: Int?
    /// A separator's first bytes at the end of the last piece, whose rest the next one holds.
    private var carried: [UInt8] = []
    private var isFirstPiece = true

    /// Scans the next piece of the source.
    mutating func scan(_ piece: UnsafeBufferPointer<UInt8>) {
        guard !piece.isEmpty else { return }
        if carried.isEmpty {
            scanWhole(piece)
        } else {
            // (Rare: a piece cut inside “ ” — or · needs its first bytes again, which were not
            // counted with the piece before.)
            let joined = carried + Array(piece)
            carried = []
            joined.withUnsafeBufferPointer { scanWhole($0) }
        }
    }

    private mutating func scanWhole(_ piece: UnsafeBufferPointer<UInt8>) {
        var start = 0
        if isFirstPiece {
            isFirstPiece = false
            // libyaml drops a byte-order mark, and counts no character for it.
            if piece.count >= 3, piece[0] == 0xEF, piece[1] == 0xBB, piece[2] == 0xBF {
                start = 3
                bytes += 3
            }
        }
        if let first = awaiting { settleAwaiting(from: first, in: piece, at: start) }
        // Where each separator starts: found with `memchr` for the two lead bytes they start with.
        var places: [Int] = []
        for lead in [UInt8(0xC2), UInt8(0xE2)] {
            guard let base = piece.baseAddress else { break }
            var offset = start
            while offset < piece.count, let hit = memchr(base + offset, Int32(lead), piece.count - offset) {
                let place = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                places.append(place)
                offset = place + 1
            }
        }
        places.sort()
        var counted = start
        var charactersSoFar = characters
        for place in places {
            guard let character = separator(in: piece, at: place) else {
                // A lead byte at the piece's end, whose separator may go on in the next piece.
                if place >= piece.count - 2, mayStartSeparator(piece, at: place) {
                    carried = Array(piece[place...])
                    let kept = Self.characterCount(piece, from: counted, to: place)
                    characters = charactersSoFar + kept
                    bytes += place - start
                    return
                }
                continue
            }
            charactersSoFar += Self.characterCount(piece, from: counted, to: place)
            counted = place
            found.append(Found(characterIndex: charactersSoFar, byteOffset: bytes + place - start, character: character))
            // (The line's earlier separators still awaiting are settled with this one's.)
            let first = awaiting ?? found.count - 1
            awaiting = nil
            settleAwaiting(from: first, in: piece, at: place + Self.width(character))
        }
        characters = charactersSoFar + Self.characterCount(piece, from: counted, to: piece.count)
        bytes += piece.count - start
    }

    /// Whether text other than spaces follows the separators from `first` on before their
    /// line's end, reading the piece from `index`; left awaiting the next piece when it ends first.
    /// (Each byte is read once: the scan stops at the next separator, which goes on with it.)
    private mutating func settleAwaiting(from first: Int, in piece: UnsafeBufferPointer<UInt8>, at index: Int) {
        var index = index
        while index < piece.count {
            let byte = piece[index]
            if byte == 0x0A || byte == 0x0D {
                awaiting = nil
                return
            }
            if separator(in: piece, at: index) != nil || mayStartSeparator(piece, at: index) {
                awaiting = first
                return
            }
            if byte != 0x20, byte != 0x09 {
                // (A comment after it is a comment to libyaml too: `# 注释<LS># 第二段`.)
                for place in first..<found.count { found[place].textAfter = byte != UInt8(ascii: "#") }
                awaiting = nil
                return
            }
            index += 1
        }
        awaiting = first
    }

    /// The bytes of a separator in UTF-8.
    private static func width(_ character: Unicode.Scalar) -> Int {
        character == "\u{85}" ? 2 : 3
    }

    /// The separator whose bytes begin at `index`, if one does.
    private func separator(in piece: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar? {
        switch piece[index] {
        case 0xC2 where index + 1 < piece.count && piece[index + 1] == 0x85: "\u{85}"
        case 0xE2 where index + 2 < piece.count && piece[index + 1] == 0x80 && piece[index + 2] == 0xA8: "\u{2028}"
        case 0xE2 where index + 2 < piece.count && piece[index + 1] == 0x80 && piece[index + 2] == 0xA9: "\u{2029}"
        default: nil
        }
    }

    /// Whether the bytes from `index` to the piece's end may begin a separator.
    private func mayStartSeparator(_ piece: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let rest = piece.count - index
        switch piece[index] {
        case 0xC2: return rest == 1
        case 0xE2: return rest == 1 || (rest == 2 && piece[index + 1] == 0x80)
        default: return false
        }
    }

    /// The characters (UTF-8 lead bytes) of a piece's bytes in a range.
    private static func characterCount(_ piece: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var continuations = 0
        for index in start..<end where piece[index] & 0xC0 == 0x80 { continuations &+= 1 }
        return end - start - continuations
    }
}
