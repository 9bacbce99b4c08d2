import DecisionRecords
import Testing

/// `precedesInUTF8` is the byte order every report sorts files by; it must be exactly the order
/// of the texts' UTF-8 bytes.
@Suite("UTF-8 order")
struct UTF8OrderTests {
    static let texts = [
        "", "a", "ab", "a/b", "a-b", "a.yaml", "a/b.yaml", "B", "b", "z", "~", "é", "中", "中文", "中文/记录.yaml",
        "records/d00001/r0000010.yaml", "records/d00001/r000001.yaml", "records/d00010", "\u{1F600}", "a\u{0}b",
    ]

    @Test func agreesWithTheBytesForEveryPair() {
        for lhs in Self.texts {
            for rhs in Self.texts {
                #expect(lhs.precedesInUTF8(rhs) == lhs.utf8.lexicographicallyPrecedes(rhs.utf8), "\(lhs) vs \(rhs)")
            }
        }
    }

    @Test func sortsAsTheBytesDo() {
        let shuffled = Self.texts.reversed() + Self.texts.shuffled()
        #expect(shuffled.sorted { $0.precedesInUTF8($1) } == shuffled.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    @Test func aPrefixComesFirstAndNothingPrecedesItself() {
        #expect("abc".precedesInUTF8("abcd"))
        #expect(!"abcd".precedesInUTF8("abc"))
        #expect(!"中文".precedesInUTF8("中文"))
        #expect("".precedesInUTF8("a") && !"".precedesInUTF8(""))
    }

    @Test func asciiTextsAreToldFromOthers() {
        #expect("legality_review".isAllASCII)
        #expect("".isAllASCII)
        #expect(!"合法性审查".isAllASCII)
        #expect(!"cafe\u{301}".isAllASCII)
        #expect(!"\u{212A}".isAllASCII)
    }
}
