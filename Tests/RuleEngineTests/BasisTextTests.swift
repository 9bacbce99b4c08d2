import Testing
import RuleLanguage

/// A basis is cited as its instrument and article: joined without a space when a bracket of the
/// citation already separates them, else with one; in English, the rule's own rendering if given.
@Suite("Basis citations")
struct BasisTextTests {
    @Test(arguments: [
        ("《重大行政决策程序暂行条例》", "第二十五条", "《重大行政决策程序暂行条例》第二十五条"),
        ("国办发〔2018〕115号", "", "国办发〔2018〕115号"),
        ("决策记录格式规范", "文件格式", "决策记录格式规范 文件格式"),
        ("某省规定（试行）", "第三条", "某省规定（试行）第三条"),
        ("决策记录格式规范", "（附则）", "决策记录格式规范（附则）"),
        // Only a whole bracket at the end counts: a text that merely holds one is cited with a space.
        ("《条例》实施细则", "第二条", "《条例》实施细则 第二条"),
        ("》", "第一条", "》第一条"),
        ("", "第一条", " 第一条"),
    ])
    func chinese(_ instrument: String, _ article: String, _ cited: String) {
        #expect(Basis(instrument: instrument, article: article).text(.zh) == cited)
    }

    @Test func englishRendering() {
        let basis = Basis(instrument: "决策记录格式规范", article: "文件格式", english: "Decision record format, files")
        #expect(basis.text(.en) == "Decision record format, files")
        #expect(Basis(instrument: "决策记录格式规范", article: "文件格式").text(.en) == "决策记录格式规范 文件格式")
    }
}
