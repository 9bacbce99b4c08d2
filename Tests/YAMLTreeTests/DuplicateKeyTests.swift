import Testing
import YAMLTree

/// A mapping may not hold the same key twice.
@Suite("Duplicate keys")
struct DuplicateKeyTests {
    @Test func duplicateKeyPointsAtTheSecondAndNamesTheFirst() throws {
        let error = try #require(parseError("id: A\ntitle: x\nid: B\n", file: "dup.yaml"))
        #expect(error.kind == .duplicateKey)
        #expect(error.position == pos(3, 1))
        #expect(error.message.contains("'id'"))
        #expect(error.message.contains("line 1, column 1"))
        #expect(error.description.hasPrefix("dup.yaml:3:1: "))
    }

    @Test func duplicateKeyInNestedFlowMapping() throws {
        let error = try #require(parseError("steps:\n  - {type: a, 日期: 1, 日期: 2}\n"))
        #expect(error.kind == .duplicateKey)
        #expect(error.position == pos(2, 22))
        #expect(error.message.contains("line 2, column 15"))
    }

    @Test func duplicateKeyInALargeMapping() throws {
        // Past 16 keys duplicates are found through an index; the result must be the same.
        var lines = (0..<40).map { "k\($0): v" }
        lines.append("k3: again")
        let error = try #require(parseError(lines.joined(separator: "\n") + "\n"))
        #expect(error.kind == .duplicateKey)
        #expect(error.position == pos(41, 1))
        #expect(error.message.contains("line 4, column 1"))
    }

    @Test func duplicateAmongKeysAddedAfterTheIndexWasBuilt() throws {
        var lines = (0..<30).map { "k\($0): v" }
        lines.append("late: 1")
        lines.append("late: 2")
        let error = try #require(parseError(lines.joined(separator: "\n") + "\n"))
        #expect(error.kind == .duplicateKey)
        #expect(error.position == pos(32, 1))
        #expect(error.message.contains("line 31, column 1"))
    }

    @Test func largeMappingsSideBySideAndNestedKeepTheirOwnKeys() throws {
        // Each open mapping past 16 keys has an index of its own; a sibling at the same depth,
        // opened after the first ended, starts without the first's keys.
        let keys = (0..<20).map { "  k\($0): v" }.joined(separator: "\n")
        let root = try parseOne("a:\n\(keys)\nb:\n\(keys)\n")
        #expect(root["a"]?.mapping?.count == 20)
        #expect(root["b"]?["k19"]?.scalar?.text == "v")
        // A large mapping inside a large mapping: a key of the inner one repeated in the outer
        // one is no duplicate, one repeated in the inner one is.
        let outer = (0..<20).map { "k\($0): v" }.joined(separator: "\n")
        let inner = (0..<20).map { "  k\($0): w" }.joined(separator: "\n")
        let nested = try parseOne("\(outer)\ninner:\n\(inner)\nlast: 1\n")
        #expect(nested["inner"]?["k3"]?.scalar?.text == "w")
        #expect(nested["last"]?.scalar?.text == "1")
        let error = try #require(parseError("\(outer)\ninner:\n\(inner)\n  k5: again\n"))
        #expect(error.kind == .duplicateKey)
        #expect(error.position == pos(42, 3))
        #expect(error.message.contains("line 27, column 3"))
        let outerError = try #require(parseError("\(outer)\ninner:\n\(inner)\nk5: again\n"))
        #expect(outerError.position == pos(42, 1))
        #expect(outerError.message.contains("line 6, column 1"))
    }

    @Test func aKeyRepeatedAfterANestedMappingIsStillADuplicate() throws {
        // Mappings and lists opened and closed between the two must not hide the repeat.
        let error = try #require(parseError("id: 1\nmeta:\n  ab: 2\n  list: [{cd: 3}]\nid: 4\n"))
        #expect(error.kind == .duplicateKey)
        #expect(error.position == pos(5, 1))
        #expect(error.message.contains("line 1, column 1"))
        let flow = try #require(parseError("{a: {b: 1}, c: [{d: 2}], a: 3}\n"))
        #expect(flow.position == pos(1, 26))
    }

    @Test func anAliasedKeyIsComparedByItsText() throws {
        // (An alias is the node it names, with that node's position.)
        let error = try #require(parseError("&k id: 1\nname: x\n*k : 2\n"))
        #expect(error.kind == .duplicateKey)
        #expect(error.message.contains("'id'"))
    }

    @Test func sameKeyInDifferentMappingsIsFine() throws {
        let root = try parseOne("a: {id: 1}\nb: {id: 2}\nid: 3\n")
        #expect(root["a"]?["id"]?.scalar?.text == "1")
        #expect(root["b"]?["id"]?.scalar?.text == "2")
        #expect(root["id"]?.scalar?.text == "3")
    }

    @Test func keysThatDifferOnlyInStyleAreTheSameKey() throws {
        let error = try #require(parseError("id: 1\n\"id\": 2\n"))
        #expect(error.kind == .duplicateKey)
        #expect(error.position == pos(2, 1))
    }

    @Test func longKeysAreComparedWhole() throws {
        // A key of more than 15 bytes is kept as bytes, not as a string: two that differ only
        // in their last byte are two keys, two that are the same are one.
        let root = try parseOne("affects_public_interest_a: 1\naffects_public_interest_b: 2\n")
        #expect(root["affects_public_interest_a"]?.scalar?.text == "1")
        #expect(root["affects_public_interest_b"]?.scalar?.text == "2")
        let error = try #require(parseError("affects_public_interest: 1\n重大行政决策事项: 2\naffects_public_interest: 3\n"))
        #expect(error.kind == .duplicateKey)
        #expect(error.position == pos(3, 1))
        #expect(error.message.contains("'affects_public_interest'"))
        let chinese = try #require(parseError("重大行政决策事项: 1\n重大行政决策事项: 2\n"))
        #expect(chinese.kind == .duplicateKey)
    }

    @Test func keysEqualAsTextsAreOneKeyWhateverTheirBytes() throws {
        // Two combining marks written in either order are the same text (canonically
        // equivalent), of the same length in bytes but not the same bytes; as for every key,
        // a string's equality decides, whether the key is short or long.
        let (first, second) = ("a\u{0301}\u{0323}", "a\u{0323}\u{0301}")
        for prefix in ["", "longer_than_fifteen_"] {
            let error = try #require(parseError("\(prefix)\(first): 1\n\(prefix)\(second): 2\n"))
            #expect(error.kind == .duplicateKey)
            let root = try parseOne("\(prefix)\(first): 1\n")
            #expect(root["\(prefix)\(second)"]?.scalar?.text == "1")
        }
    }
}
