import YAMLTree

/// Words for what a value is, in problem messages.
enum Wording {
    static func kind(_ kind: YAMLNode.Kind, _ language: Language) -> String {
        switch kind {
        case .scalar: language == .zh ? "标量" : "a scalar"
        case .sequence: language == .zh ? "列表" : "a list"
        case .mapping: language == .zh ? "映射" : "a mapping"
        }
    }

    static func kind(_ value: CoreValue, _ language: Language) -> String {
        switch value {
        case .null: language == .zh ? "空值" : "empty"
        case .bool: language == .zh ? "布尔值" : "a boolean"
        case .int, .float: language == .zh ? "数字" : "a number"
        case .string: language == .zh ? "文本" : "a text"
        }
    }
}
