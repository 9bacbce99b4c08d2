import Testing
import YAMLTree

/// Positions are 1-based (libyaml's marks are 0-based) and count Unicode scalars.
@Suite("Node positions")
struct PositionTests {
    let text = """
        a:
          b:
            - x
            - {c: d}
          e: [1, 2]
        f: last

        """

    /// Lines end at LF, CR LF and a lone CR, as editors, git and code scanning count them, not at
    /// NEL, LINE SEPARATOR or PARAGRAPH SEPARATOR too, as libyaml does (YAML 1.1): every finding
    /// after one pasted into a comment or a quoted title pointed a line too low.
    @Test(arguments: ["\u{2028}", "\u{2029}", "\u{85}"])
    func unusualLineBreaksDoNotCountAsLines(separator: String) throws {
        let root = try parseOne("# 注释\(separator)\ntitle: \"甲\(separator)乙\"\nlist: {a: \"1\(separator)\", b: 2}\nlast: x\r\nend: y\n")
        let pairs = try #require(root.mapping)
        #expect(pairs.map(\.key.position.line) == [2, 3, 4, 5])
        #expect(root["last"]?.position == pos(4, 7))
        // A key after the separator on its own line keeps its column on that line.
        let list = try #require(root["list"]?.mapping)
        #expect(list.map(\.key.position) == [pos(3, 8), pos(3, 17)])
    }

    /// Such a character with more of its line after it, outside a scalar that goes on past it,
    /// is refused where it stands: libyaml reads the rest of the line as a line of its own, which
    /// no editor shows (a legal review written after `# 备注：无<NEL>` showed as a comment in every
    /// viewer, and was read as done). Inside a quoted scalar, or ending its line, it is read.
    @Test(arguments: ["\u{2028}", "\u{2029}", "\u{85}"])
    func aLineBreakNoEditorShowsIsRefusedWhereItHidesText(separator: String) throws {
        let hidden = [
            "steps:\n  # 备注：无\(separator)  - {type: legal_review}\n  - {type: decision}\n",
            "note: |\n  文字\(separator)status: planned\ntitle: x\n",
            "list: {a: 1,\(separator) b: 2}\n",
            "a: x\(separator)b: y\n",
        ]
        for text in hidden {
            do {
                _ = try YAMLParser.parse(Array(text.utf8), file: "t.yaml")
                Issue.record("read: \(text.debugDescription)")
            } catch {
                #expect(error.message.contains("which YAML reads as a line break though editors show none"), "\(error.message)")
                #expect(error.chineseMessage?.contains("YAML 把它当作换行，而编辑器中看不到换行") == true)
            }
        }
        // Said at the character, as an editor counts: the comment's line, after `  # 备注：无`.
        do {
            _ = try YAMLParser.parse(Array(hidden[0].utf8), file: "t.yaml")
        } catch {
            #expect(error.position == pos(2, 9))
        }
        // (A comment after it is a comment to libyaml too.)
        let shown = ["title: \"甲\(separator)乙\" # 注释\n", "# 注释\(separator)\na: 1\n", "a: 1 # 注释\(separator)   \n",
                     "# 注释\(separator)# 第二段\na: 1\n", "title: \"测试\"\(separator) # 注释\n"]
        for text in shown {
            #expect(throws: Never.self, "\(text.debugDescription)") { try YAMLParser.parse(Array(text.utf8), file: "t.yaml") }
        }
    }

    @Test func topLevelKeysAndRoot() throws {
        let root = try parseOne(text)
        #expect(root.position == pos(1, 1))
        let pairs = try #require(root.mapping)
        #expect(pairs.map(\.key.position) == [pos(1, 1), pos(6, 1)])
        #expect(pairs[1].value.position == pos(6, 4))
    }

    @Test func nestedBlockMappingAndSequence() throws {
        let root = try parseOne(text)
        let a = try #require(root["a"])
        #expect(a.position == pos(2, 3))
        #expect(a.pair(for: "b")?.key.position == pos(2, 3))
        let b = try #require(a["b"])
        #expect(b.position == pos(3, 5))
        let items = try #require(b.sequence)
        #expect(items.count == 2)
        #expect(items[0].position == pos(3, 7))
        #expect(items[0].scalar?.text == "x")
    }

    @Test func nestedFlowCollections() throws {
        let root = try parseOne(text)
        let flowMap = try #require(root["a"]?["b"]?.sequence?[1])
        #expect(flowMap.position == pos(4, 7))
        #expect(flowMap.pair(for: "c")?.key.position == pos(4, 8))
        #expect(flowMap["c"]?.position == pos(4, 11))
        // The flow mapping's range ends just after its closing brace.
        #expect(flowMap.range.end == pos(4, 13))
        let e = try #require(root["a"]?["e"]?.sequence)
        #expect(e.map(\.position) == [pos(5, 7), pos(5, 10)])
    }

    @Test func scalarRangeEndIsExclusive() throws {
        let root = try parseOne("key: value\n")
        let value = try #require(root["key"])
        #expect(value.range == SourceRange(start: pos(1, 6), end: pos(1, 11)))
    }

    @Test func chineseTextCountsUnicodeScalars() throws {
        let root = try parseOne("名称: 值\n")
        let pair = try #require(root.pair(for: "名称"))
        #expect(pair.key.position == pos(1, 1))
        #expect(pair.value.position == pos(1, 5))
        #expect(pair.value.scalar?.text == "值")
        #expect(pair.value.range.end == pos(1, 6))
    }

    @Test func chineseTextOnLaterLinesAndInFlow() throws {
        let root = try parseOne("""
            标题: 石桥镇农村人居环境整治
            机关: [沂源县, 石桥镇人民政府]
            x: 1

            """)
        let organs = try #require(root["机关"]?.sequence)
        #expect(organs.map(\.position) == [pos(2, 6), pos(2, 11)])
        // A line after Chinese text starts at column 1 again.
        #expect(root.pair(for: "x")?.key.position == pos(3, 1))
        #expect(root["x"]?.position == pos(3, 4))
    }

    @Test func characterOutsideTheBMPIsOneColumn() throws {
        // U+20BB7 (𠮷) is four UTF-8 bytes and one Unicode scalar.
        let root = try parseOne("名: 𠮷x\nk: [𠮷, v]\n")
        #expect(root["名"]?.scalar?.text == "𠮷x")
        #expect(root["k"]?.sequence?[1].position == pos(2, 8))
    }

    @Test func sourcePositionOrderAndDescription() {
        #expect(pos(1, 9) < pos(2, 1))
        #expect(pos(3, 2) < pos(3, 10))
        #expect(!(pos(3, 2) < pos(3, 2)))
        #expect(pos(12, 7).description == "12:7")
        #expect(SourcePosition.start == pos(1, 1))
    }

    /// Positions are stored in 32 bits; a line beyond them is reported as the last one, never wrapped.
    @Test func hugeLinesAreClampedNotWrapped() {
        let far = SourcePosition(line: Int(Int32.max) + 10, column: 3)
        #expect(far.line == Int(Int32.max))
        #expect(far.column == 3)
        #expect(pos(Int(Int32.max) - 1, 1) < far)
        var moved = pos(1, 1)
        moved.line = 42
        moved.column = 7
        #expect(moved == pos(42, 7))
    }
}
