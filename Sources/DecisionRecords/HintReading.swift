/// How a "did you mean" hint reads a value that is no code: as a reader would (traditional
/// characters and full-width letters as their plain forms), and which words in it make it another
/// thing than a name without them. A hint that drops such a word (征求合法性审查意见 → 合法性审查)
/// turned an opinion solicited into a formal review, and an unlawful record into one that passed.
enum HintReading {
    /// The value with the traditional characters of the vocabulary's names and of the
    /// meaning-changing words as simplified ones, full-width letters and digits as ASCII, and
    /// letters in lower case (`送達` reads 送达, `ＭＡＪＯＲ` reads major).
    static func plain(_ value: String) -> String {
        // ASCII holds no full-width or traditional character: its lower case alone, told by its
        // bytes (each scalar looked up cost some 2,500 instructions a code, and a registry of 8,000
        // ids took seconds to load).
        if value.utf8.allSatisfy({ $0 < 0x80 }) {
            return value.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) ? value.lowercased() : value
        }
        var result = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            if scalar.isASCII {
                result.append(scalar)
            } else if (0xFF01...0xFF5E).contains(scalar.value), let folded = Unicode.Scalar(scalar.value - 0xFEE0) {
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
        let compact = Array(plain(value).filter { !$0.isWhitespace }.utf8)
        return meaningChangingWords.filter { holds(compact, $0) }
    }

    /// Whether a name holds every one of `words` (read as `qualifiers` reads a value).
    static func holds(_ words: [String], _ name: String) -> Bool {
        guard !words.isEmpty else { return true }
        let compact = Array(plain(name).filter { !$0.isWhitespace }.utf8)
        return words.allSatisfy { holds(compact, $0) }
    }

    /// Whether a text's bytes hold a word's. (By bytes: the library's search of a text for a
    /// text, set up anew for each of the fifty words, cost some 400,000 instructions a value no
    /// code, and 16,000 unknown step types took seconds.)
    static func holds(_ text: [UInt8], _ word: String) -> Bool {
        let length = word.utf8.count
        guard length > 0, text.count >= length else { return length == 0 }
        return (0...(text.count - length)).contains { start in text[start...].starts(with: word.utf8) }
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
    /// on, waived, signed, read or voted round in writing, done in a simple or first pass, told of
    /// in advance, proposed, drafted, still to come, internal, held back or undone, or an
    /// assistant's. A value holding one is proposed only names holding it too. (Written in
    /// simplified characters and lower case, as `plain` reads a value. A written review, 书面审查,
    /// and the notice of the intended penalty, 拟作出处罚决定告知, lose their hint with them: a
    /// hint that turned 待通过 into 通过 or 集体讨论（书面） into a discussion held made a
    /// pending or paper step a done one.)
    static let meaningChangingWords = [
        "征求", "征询", "咨询", "征集", "商请", "免", "传签", "传阅", "圈阅", "轮签", "会签", "书面", "通讯", "代替", "替代",
        "简易", "初步", "初审", "预", "拟", "待", "草案", "草拟", "告知", "申请", "建议", "意向", "暂", "撤销", "撤回", "模拟",
        "内部", "助理",
        "waive", "exempt", "draft", "planned", "pending", "solicit", "request", "circulat", "propos", "prelim", "consult",
        "withdraw", "revok", "cancel", "assistant",
    ]

    /// Traditional characters of the vocabulary's names and of the meaning-changing words, with
    /// their simplified forms.
    static let simplifiedCharacters: [Unicode.Scalar: Unicode.Scalar] = {
        // Each pair: a traditional character, then its simplified form.
        let pairs = [
            "開开", "徵征", "見见", "專专", "論论", "證证", "風风", "險险", "評评", "審审", "體体", "討讨", "決决", "佈布", "備备",
            "調调", "檢检", "權权", "聽听", "達达", "處处", "罰罚", "規规", "範范", "劃划", "計计", "條条", "過过", "務务", "會会",
            "議议", "辦办", "黨党", "職职", "師师", "顧顾", "問问", "員员", "長长", "機机", "關关", "執执", "詢询", "傳传", "簽签",
            "閱阅", "書书", "簡简", "預预", "擬拟", "請请", "暫暂", "銷销", "諮咨", "輪轮", "並并", "與与", "參参", "記记", "錄录",
            "紀纪", "談谈", "準准", "許许", "強强", "協协", "項项", "屆届", "況况", "緊紧", "內内", "訊讯",
        ]
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for pair in pairs {
            let scalars = Array(pair.unicodeScalars)
            if scalars.count == 2 { table[scalars[0]] = scalars[1] }
        }
        return table
    }()
}
