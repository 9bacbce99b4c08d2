import RuleEngine
import Testing

/// A message's text and its `{references}`: braces are found in the text's bytes, and the text
/// between them is kept whole, Chinese included.
@Suite struct MessageTemplateTests {
    static func message(_ template: String) throws -> String {
        let findings = try DeferredFindingTests.findings([
            DeferredFindingTests.rule("TRAP-T", message: "{zh: \"\(template)\", en: \"\(template)\"}", "true"),
        ])
        return try #require(findings.first?.message.zh)
    }

    @Test func referencesBetweenChineseTextAreFilledIn() throws {
        #expect(try Self.message("机关「{record.organ}」的记录 {record.id} 有误") == "机关「甲县」的记录 L-A 有误")
    }

    @Test func spacesAroundAReferenceAndDottedPathsAreRead() throws {
        #expect(try Self.message("{ record.organ }：{record.steps.type}") == "甲县：delivery")
    }

    @Test func doubledBracesAreBracesAndALoneClosingBraceIsText() throws {
        #expect(try Self.message("{{字段}} 与 {record.id}}，｛全角｝") == "{字段} 与 L-A}，｛全角｝")
    }

    @Test func aMessageWithoutReferencesIsItsText() throws {
        #expect(try Self.message("没有引用的消息") == "没有引用的消息")
        #expect(try Self.message("{record.id}") == "L-A")
    }
}
