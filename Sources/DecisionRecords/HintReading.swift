/// How a "did you mean" hint reads a value that is no code: as a reader would (traditional
/// characters and full-width letters as their plain forms), and which words in it make it another
/// thing than a name without them. A hint that drops such a word (征求合法性审查意见 → 合法性审查)
/// turned an opinion solicited into a formal review, and an unlawful record into one that passed.
enum HintReading {
    /// The value with the traditional characters of the vocabulary's names and of the
    /// meaning-changing words as simplified ones, full-width letters and digits as ASCII, and
    /// letters in lower case (`送達` reads 送达, `ＭＡＪＯＲ` reads major).
    static func plain(_ value: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            if (0xFF01...0xFF5E).contains(scalar.value), let folded = Unicode.Scalar(scalar.value - 0xFEE0) {
                result.append(folded)
            } else if let simplified = simplifiedCharacters[scalar] {
                result.append(simplified)
            } else {
                result.append(scalar)
            }
        }
        return String(result).lowercased()
    }

    /// The meaning-changing words a value holds, read plain and without spaces (`征 求` is 征求).
    static func qualifiers(in value: String) -> [String] {
        let compact = plain(value).filter { !$0.isWhitespace }
        return meaningChangingWords.filter { compact.contains($0) }
    }

    /// Whether a name holds every one of `words` (read as `qualifiers` reads a value).
    static func holds(_ words: [String], _ name: String) -> Bool {
        guard !words.isEmpty else { return true }
        let compact = plain(name).filter { !$0.isWhitespace }
        return words.allSatisfy { compact.contains($0) }
    }

    /// Whether a value is written in Chinese characters.
    static func isChinese(_ value: String) -> Bool {
        value.unicodeScalars.contains { (0x3400...0x9FFF).contains($0.value) || (0xF900...0xFAFF).contains($0.value) }
    }

    /// Whether one text is the other with characters added or dropped at one end only (常务会 and
    /// 常务会议, 已通过 and 通过), not with one character changed for another (同过, 审查 for 检查).
    static func differAtAnEnd(_ one: String, _ other: String) -> Bool {
        let (shorter, longer) = one.count <= other.count ? (one, other) : (other, one)
        return shorter.count < longer.count && (longer.hasPrefix(shorter) || longer.hasSuffix(shorter))
    }

    /// Words that make a value another thing than a name without them: what is asked or consulted
    /// on, waived, signed or read round, done in a simple or first pass, told of in advance,
    /// proposed, held back or undone. A value holding one is proposed only names holding it too.
    /// (Written in simplified characters and lower case, as `plain` reads a value. 书面, 拟 and 草案
    /// are left out: a written review is a review, 拟作出处罚决定告知 the notice of rights, and a
    /// comment on a draft a public comment.)
    static let meaningChangingWords = [
        "征求", "征询", "咨询", "征集", "商请", "免", "传签", "传阅", "圈阅", "轮签", "会签", "代替", "替代",
        "简易", "初步", "初审", "预", "告知", "申请", "建议", "意向", "暂", "撤销", "撤回", "模拟",
        "waive", "exempt", "draft", "planned", "solicit", "request", "circulat", "propos", "prelim", "consult",
    ]

    /// Traditional characters of the vocabulary's names and of the meaning-changing words, with
    /// their simplified forms.
    static let simplifiedCharacters: [Unicode.Scalar: Unicode.Scalar] = {
        let pairs = "開开徵征見见專专論论證证風风險险評评審审體体討讨決决佈布備备調调檢检權权聽听達达處处罰罚規规範范劃划計计條条過过務务"
            + "會会議议辦办黨党職职師师顧顾問问員员長长機机關关執执詢询傳传簽签閱阅書书簡简預预擬拟請请暫暂銷销諮咨輪轮"
            + "並并與与參参記记錄录紀纪談谈準准許许強强協协項项屆届"
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        let scalars = Array(pairs.unicodeScalars)
        for index in stride(from: 0, to: scalars.count - 1, by: 2) { table[scalars[index]] = scalars[index + 1] }
        return table
    }()
}
