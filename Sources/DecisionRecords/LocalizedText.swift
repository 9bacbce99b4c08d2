/// A language the reports are written in.
public enum Language: String, Sendable, CaseIterable {
    /// Simplified Chinese, the default.
    case zh
    /// English.
    case en
}

/// A text in Chinese and English; users read Chinese first.
public struct LocalizedText: Sendable, Hashable {
    /// The Chinese text.
    public var zh: String
    /// The English text.
    public var en: String

    /// Creates a text in both languages.
    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The text in a language.
    public func text(_ language: Language) -> String {
        language == .zh ? zh : en
    }
}
