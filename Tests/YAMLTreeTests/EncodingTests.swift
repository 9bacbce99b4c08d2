import Testing
import YAMLTree

/// Byte-order marks, line ends and encodings that are not UTF-8.
@Suite("Encodings and line ends")
struct EncodingTests {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    // EventParser forces YAML_UTF8_ENCODING, so libyaml does not drop the BOM while reading;
    // its scanner then skips it as a character of line 1, which shifts that line one column
    // right. A block mapping that starts on line 1 then seems indented by one, and line 2
    // fails with "did not find expected <document start>".
    @Test func utf8ByteOrderMarkBeforeAMappingOfSeveralLines() throws {
        let bytes = Self.bom + Array("名称: 值\nb: 2\n".utf8)
        do {
            let root: YAMLNode
            do {
                root = try #require(try YAMLParser.parse(bytes, file: "bom.yaml").first)
            } catch {
                Issue.record(error)
                return
            }
            let pair = root.pair(for: "名称")
            #expect(pair?.key.position == pos(1, 1))
            #expect(pair?.value.position == pos(1, 5))
            #expect(root.pair(for: "b")?.key.position == pos(2, 1))
        }
    }

    /// A scalar's text is the same whether it is short (copied into a string of its own size) or
    /// long (decoded through the general path): ASCII, Chinese, combining marks, around 15 bytes.
    @Test(arguments: ["", "a", "type", "2021-02-20", "abcdefghijklmno", "abcdefghijklmnop", "记录", "记录记录记", "记录记录记录",
                      "e\u{301}", "caf\u{E9} au lait", "P-1\u{3000}", "\u{1F600}x"])
    func scalarTextsOfEveryLengthAreRead(text: String) throws {
        let root = try parseOne("k: \"\(text)\"\n")
        #expect(root["k"]?.scalar?.text == text)
        #expect(root["k"]?.scalar.map { Array($0.text.utf8) } == Array(text.utf8))
    }

    @Test func utf8ByteOrderMarkDoesNotShiftTheFirstLine() throws {
        let bytes = Self.bom + Array("名称: 值\n".utf8)
        let root = try #require(try YAMLParser.parse(bytes, file: "bom.yaml").first)
        let pair = try #require(root.pair(for: "名称"), "the BOM must not become part of the first key")
        #expect(pair.value.scalar?.text == "值")
        do {
            #expect(pair.key.position == pos(1, 1))
            #expect(pair.value.position == pos(1, 5))
        }
    }

    @Test func utf8ByteOrderMarkBeforeABlockSequence() throws {
        let bytes = Self.bom + Array("- a\n- b\n".utf8)
        do {
            let root: YAMLNode?
            do {
                root = try YAMLParser.parse(bytes, file: "bom.yaml").first
            } catch {
                Issue.record(error)
                return
            }
            #expect(root?.sequence?.compactMap { $0.scalar?.text } == ["a", "b"])
            #expect(root?.sequence?[1].position == pos(2, 3))
        }
    }

    @Test func utf8ByteOrderMarkBeforeAFlowMappingParses() throws {
        // Flow collections ignore indentation, so the text itself reads correctly.
        let bytes = Self.bom + Array("{id: X,\n title: 决定}\n".utf8)
        let root = try #require(try YAMLParser.parse(bytes, file: "bom.yaml").first)
        #expect(root["id"]?.scalar?.text == "X")
        #expect(root["title"]?.scalar?.text == "决定")
        #expect(root.pair(for: "title")?.key.position == pos(2, 2))
    }

    @Test func byteOrderMarkThenEncodingErrorIsPlacedWithoutCountingTheMark() throws {
        // "a: " then an invalid byte: the byte is the 4th character of line 1.
        let bytes = Self.bom + Array("a: ".utf8) + [0xFF] + Array("\n".utf8)
        let error = try #require(parseError(bytes))
        #expect(error.kind == .encoding)
        #expect(error.position == pos(1, 4))
    }

    @Test func crlfLineEnds() throws {
        let root = try parseOne("a: 1\r\nb:\r\n  - x\r\n  - y\r\nc: |\r\n  one\r\n  two\r\n")
        #expect(root["a"]?.scalar?.text == "1")
        #expect(root.pair(for: "b")?.key.position == pos(2, 1))
        let items = try #require(root["b"]?.sequence)
        #expect(items.map(\.position) == [pos(3, 5), pos(4, 5)])
        #expect(items.map { $0.scalar?.text } == ["x", "y"])
        #expect(root.pair(for: "c")?.key.position == pos(5, 1))
        // Line breaks inside a block scalar are normalised to LF.
        #expect(root["c"]?.scalar?.text == "one\ntwo\n")
    }

    @Test func crlfSyntaxErrorLineIsRight() throws {
        let error = try #require(parseError("a: 1\r\nb: 2\r\n\tc: 3\r\n"))
        #expect(error.kind == .syntax)
        #expect(error.position.line == 3)
    }

    @Test func invalidUTF8IsAnEncodingError() throws {
        let bytes = Array("a: ok\nb: ".utf8) + [0xFF, 0xFE, 0x41] + Array("\n".utf8)
        let error = try #require(parseError(bytes, file: "bad.yaml"))
        #expect(error.kind == .encoding)
        #expect(error.file == "bad.yaml")
        #expect(error.message.contains("not valid UTF-8"))
        #expect(error.message.contains("iconv"))
        #expect(error.message.contains("0xFF"))
        #expect(error.position == pos(2, 4))
    }

    @Test func gbkFileIsAnEncodingErrorWithAHint() throws {
        // '名称: 值'.encode('gbk')
        let gbk: [UInt8] = [0xC3, 0xFB, 0xB3, 0xC6, 0x3A, 0x20, 0xD6, 0xB5, 0x0A]
        let error = try #require(parseError(gbk, file: "gbk.yaml"))
        #expect(error.kind == .encoding)
        #expect(error.message.contains("not valid UTF-8"))
        #expect(error.message.contains("GBK") || error.message.contains("GB18030"))
        #expect(error.message.contains("iconv -f GB18030 -t UTF-8"))
        #expect(error.position.line == 1)
        #expect(error.description.hasPrefix("gbk.yaml:1:"))
    }

    @Test func encodedSurrogateIsReportedAsNotUTF8() throws {
        // U+D800 encoded as if it were a character (CESU-8 style): not valid UTF-8.
        let bytes = Array("a: ".utf8) + [0xED, 0xA0, 0x80] + Array("\n".utf8)
        let error = try #require(parseError(bytes))
        #expect(error.kind == .encoding)
        #expect(error.position == pos(1, 4))
        // libyaml words this one "invalid Unicode character", which EventParser.currentError
        // does not recognise as a UTF-8 problem, so the raw libyaml text is all the user sees.
        do {
            #expect(error.message.contains("not valid UTF-8"))
            #expect(error.message.contains("iconv"))
        }
    }

    @Test func codePointAboveUnicodeRangeIsReportedAsNotUTF8() throws {
        // F4 90 80 80 would be U+110000, past the last Unicode code point.
        let bytes = Array("a: ".utf8) + [0xF4, 0x90, 0x80, 0x80] + Array("\n".utf8)
        let error = try #require(parseError(bytes))
        #expect(error.kind == .encoding)
        do {
            #expect(error.message.contains("not valid UTF-8"))
        }
    }

    @Test func overlongSequenceIsReportedAsNotUTF8() throws {
        let bytes = Array("a: ".utf8) + [0xC0, 0x80] + Array("\n".utf8)
        let error = try #require(parseError(bytes))
        #expect(error.kind == .encoding)
        #expect(error.message.contains("not valid UTF-8"))
        #expect(error.position == pos(1, 4))
    }

    @Test func utf16WithLittleEndianByteOrderMark() throws {
        // '名称: 值\n'.encode('utf-16') on a little-endian machine.
        let bytes: [UInt8] = [0xFF, 0xFE, 0x0D, 0x54, 0xF0, 0x79, 0x3A, 0x00, 0x20, 0x00, 0x3C, 0x50, 0x0A, 0x00]
        let error = try #require(parseError(bytes, file: "u16.yaml"))
        #expect(error.kind == .encoding)
        #expect(error.message.contains("UTF-16"))
        #expect(error.message.contains("iconv"))
        #expect(error.position == pos(1, 1))
    }

    @Test func utf16WithBigEndianByteOrderMark() throws {
        let bytes: [UInt8] = [0xFE, 0xFF, 0x00, 0x61, 0x00, 0x3A, 0x00, 0x20, 0x00, 0x31, 0x00, 0x0A]
        let error = try #require(parseError(bytes))
        #expect(error.kind == .encoding)
        #expect(error.message.contains("UTF-16"))
    }

    @Test func utf16WithoutByteOrderMarkIsRecognised() throws {
        let bytes: [UInt8] = [0x61, 0x00, 0x3A, 0x00, 0x20, 0x00, 0x31, 0x00, 0x0A, 0x00]
        let error = try #require(parseError(bytes))
        #expect(error.kind == .encoding)
        #expect(error.message.contains("UTF-16"))
    }

    @Test func controlCharacterIsAnEncodingError() throws {
        let bytes = Array("a: 1\nb: ".utf8) + [0x01] + Array("\n".utf8)
        let error = try #require(parseError(bytes))
        #expect(error.kind == .encoding)
        #expect(error.message.contains("the character U+0001, which YAML does not allow"), "\(error.message)")
        // Told in Chinese as the character it is, not as a file to convert from GBK.
        #expect(error.chineseMessage?.contains("不允许的字符 U+0001") == true, "\(String(describing: error.chineseMessage))")
        #expect(error.position.line == 2)
        // A character outside the C0 controls, named by its code point.
        let nonCharacter = try #require(parseError(Array("a: x\u{FFFE}y\n".utf8)))
        #expect(nonCharacter.message.contains("U+FFFE"), "\(nonCharacter.message)")
    }

    /// A zero byte is more likely a binary file's than a character pasted in.
    @Test func aZeroByteSuggestsABinaryFile() throws {
        let error = try #require(parseError(Array("a: 1\nb: ".utf8) + [0x00] + Array("\n".utf8)))
        #expect(error.kind == .encoding)
        #expect(error.message.contains("is it a binary file?"), "\(error.message)")
        #expect(error.chineseMessage?.contains("可能是二进制文件") == true, "\(String(describing: error.chineseMessage))")
        // So are a Word or Excel file (a ZIP) and a gzip file saved as .yaml.
        for start in [[0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], [0x1F, 0x8B, 0x08, 0x00]] as [[UInt8]] {
            let binary = try #require(parseError(start + Array("abc".utf8)))
            #expect(binary.message.contains("is it a binary file?"), "\(binary.message)")
        }
    }
}
