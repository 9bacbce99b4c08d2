import Testing
import YAMLTree

/// Deep nesting and long scalars are refused without exhausting the stack or memory.
@Suite("Limits")
struct LimitTests {
    @Test func hundredThousandOpenBracketsAreRefused() throws {
        let text = String(repeating: "[", count: 100_000)
        let error = try #require(parseError(text, file: "deep.yaml"))
        #expect(error.kind == .nestingDepth)
        #expect(error.file == "deep.yaml")
        // The 257th bracket is the first one too deep for the standard limit of 256.
        #expect(error.position == pos(1, 257))
    }

    @Test func deepBlockMappingsAreRefused() throws {
        var text = ""
        for level in 0..<300 {
            text += String(repeating: " ", count: level) + "k\(level):\n"
        }
        let error = try #require(parseError(text))
        #expect(error.kind == .nestingDepth)
    }

    @Test func nestingUpToTheLimitIsAccepted() throws {
        let limits = YAMLLimits(maxDepth: 5)
        let ok = String(repeating: "[", count: 5) + String(repeating: "]", count: 5)
        #expect(parseError(ok, limits: limits) == nil)
        let tooDeep = String(repeating: "[", count: 6) + String(repeating: "]", count: 6)
        let error = try #require(parseError(tooDeep, limits: limits))
        #expect(error.kind == .nestingDepth)
        #expect(error.position == pos(1, 6))
    }

    @Test func longScalarIsRefused() throws {
        let limits = YAMLLimits(maxScalarBytes: 10)
        #expect(parseError("a: 0123456789\n", limits: limits) == nil)
        let error = try #require(parseError("a: 01234567890\n", limits: limits))
        #expect(error.kind == .size)
        #expect(error.position == pos(1, 4))
    }

    @Test func scalarLimitCountsBytesNotCharacters() throws {
        // Four Chinese characters are twelve UTF-8 bytes.
        let error = try #require(parseError("a: 石桥镇府\n", limits: YAMLLimits(maxScalarBytes: 11)))
        #expect(error.kind == .size)
    }

    @Test func manyKeysInOneMappingStillParse() throws {
        // More than 16 keys switch duplicate detection to an index.
        let text = (0..<2_000).map { "key\($0): \($0)" }.joined(separator: "\n") + "\n"
        let root = try parseOne(text)
        #expect(root.mapping?.count == 2_000)
        #expect(root["key1999"]?.coreValue == .int(1999))
    }
}
