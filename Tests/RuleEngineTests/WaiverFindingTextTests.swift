@testable import RuleEngine
import Testing

@Suite("A waiver's finding text names one finding")
struct WaiverFindingTextTests {
    @Test("An id is found whole: P-1 is not P-12, P-123 or XP-1", arguments: [
        ("张一（P-1）的执法证已过期", true),
        ("P-1", true),
        ("officer P-1's certificate expired", true),
        ("李十二（P-12）的执法证已过期", false),
        ("P-123 的执法证已过期", false),
        ("XP-1 的执法证已过期", false),
        ("P-1_a 的执法证已过期", false),
        ("执法人员P-1未持证", true),
    ])
    func idIsWhole(message: String, named: Bool) {
        #expect(Waiver.names("P-1", in: message) == named)
    }

    @Test("A day is found whole; a name in Chinese is found inside Chinese text")
    func daysAndNames() {
        #expect(Waiver.names("2025-06-03", in: "检查（2025-06-03）没有记录出示证件"))
        #expect(!Waiver.names("2025-06-0", in: "检查（2025-06-03）没有记录出示证件"))
        #expect(Waiver.names("22 日", in: "送达晚了 22 日"))
        #expect(!Waiver.names("22 日", in: "送达晚了 122 日"))
        #expect(Waiver.names("张一", in: "执法人员张一（P-1）的执法证已过期"))
        #expect(!Waiver.names("张二", in: "执法人员张一（P-1）的执法证已过期"))
        #expect(!Waiver.names("", in: "任何文字"))
    }
}
