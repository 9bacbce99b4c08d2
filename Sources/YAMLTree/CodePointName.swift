extension Unicode.Scalar {
    /// The character's code point as people write it in messages: `U+0007`, `U+200B`, `U+1F600`.
    public var codePointName: String {
        let digits = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
