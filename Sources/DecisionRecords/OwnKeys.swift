import YAMLTree

/// Keys of the user's own (`x_备注`, `x-意见`): no rule reads them and the record format reports
/// none of them, but one saying the review did not pass, is not done, or the person did not agree
/// is said, and the gate holds the item (`x_备注: 审查未通过，先上会` went READY with no finding at
/// all, where `备注:` said the same held it).
extension RecordReader {
    /// A problem (`Code.ownKey`) for a key of the user's own in `mapping` whose value says so: read
    /// as the key without its prefix is (`YesNoWords`, `RecordFormat.saysReviewFailed`), and, for an
    /// opinion of a signoff or a review, as refusing (`RecordFormat.refuses`).
    mutating func ownKey(
        _ keyNode: BorrowedNode, _ key: String, value: BorrowedNode, in mapping: BorrowedNode, level: RecordFormat.Level,
        what describe: @autoclosure () -> LocalizedText
    ) {
        guard let text = value.scalar?.text, !text.isEmpty, text.utf8.count <= 640, key.utf8.count > 2 else { return }
        // (A record's first keys of its own are read, each a few reads of its words: 20,000 keys
        // of 600 bytes in one mapping took 99 s.)
        guard ownKeys.read < Self.ownKeysRead else {
            ownKeys.passedOver += 1
            return
        }
        ownKeys.read += 1
        let name = String(key.dropFirst(2))
        let ofAReview = level == .step && Self.mayBeAReview(mapping, format: format)
        var says = false
        if let asked = format.readYesOrNo(key: name, value: text), !asked.answer {
            // (Of officers' certificates, only where it names a person: `是否持证: 否` may be the party's.)
            let asksOfCertificates = asked.question == .certified
            says = asksOfCertificates ? asked.namesPerson : asked.namesReview || asked.namesPerson || level == .signoff || ofAReview
        }
        if !says, level == .signoff || ofAReview, RecordFormat.namesOpinion(name) {
            says = RecordFormat.refuses(text)
        }
        // (The review's conclusion named by the key, anywhere: `x_审查结论: 违反上位法`.)
        if !says, RecordFormat.namesReviewsOpinion(name) {
            says = RecordFormat.refuses(text)
        }
        guard says else { return }
        let what = describe()
        let shown = "\(key.onOneLine): \(text.onOneLine)"
        add(.ownKey,
            zh: "\(what.zh)中的自定义字段 \(key.onOneLine)（以 x_ 开头，没有规则读取）说审查没有通过、没有完成或不同意（\(shown)），而记录的审查按其步骤读取，它所说的没有被检查；请核实后在审查步骤中如实写明 status、outcome 或签署（尚未签署的不要写入 signoffs）；所说的已不属实的，请改正此字段",
            en: "the key of your own '\(key.onOneLine)' of \(what.en) (read by no rule, as it starts with x_) says the review did not pass, is not done, or the person did not agree (\(shown)), while the record's review is read from its steps, so what it says was not checked; find out, and write the true status, outcome or signoffs in the review's step (leave a signoff not yet made out of signoffs); if it no longer holds, correct this key",
            at: keyNode, misreadKey: true)
    }

    /// The most keys of the user's own a record has read (`ownKey`).
    static let ownKeysRead = 256

    /// A problem (`Code.ownKey`) saying how many keys of the user's own were not read past
    /// `ownKeysRead`: one of them may say the review did not pass, so the gate holds the item.
    mutating func sayOwnKeysPassedOver(at document: BorrowedNode) {
        guard ownKeys.passedOver > 0 else { return }
        let (read, rest) = (ownKeys.read, ownKeys.passedOver)
        add(.ownKey,
            zh: "记录中有 \(read + rest) 个以 x_ 开头的自定义字段；前 \(read) 个已逐一读取，其余 \(rest) 个没有读取，其中可能有说审查未通过的字段，记录的意思不能确定；请删去不属于记录的字段",
            en: "the record holds \(read + rest) keys of your own (starting with x_); the first \(read) were read one by one, the other \(rest) were not and may hold one saying the review did not pass, so what the record says is in doubt; remove the keys that are no part of the record",
            at: document, misreadKey: true)
    }
}
