import DecisionRecords
public import YAMLTree

/// Reads `ledger:` documents (mapping files) with every problem at its line and column.
public enum LedgerMappingReader {
    static let keys = ["id", "name", "kind", "sheet", "columns", "ignore", "not_read"]
    static let columnKeys = ["header", "field", "required", "split", "values", "note"]

    /// The mappings of a file.
    /// - Parameter kinds: the record kinds of the vocabulary.
    public static func read(_ bytes: [UInt8], file: String, kinds: Set<String>) throws(LedgerMappingError) -> [LedgerMapping] {
        let documents: [YAMLNode]
        do {
            documents = try YAMLParser.parse(bytes, file: file)
        } catch {
            throw LedgerMappingError(problems: [InputError(file: file, position: error.position, message: error.message, chineseMessage: error.chineseExplanation)])
        }
        var problems: [InputError] = []
        var mappings: [LedgerMapping] = []
        for document in documents {
            if let mapping = read(document, file: file, kinds: kinds, problems: &problems) { mappings.append(mapping) }
        }
        guard problems.isEmpty else { throw LedgerMappingError(problems: problems.sorted()) }
        return mappings
    }

    private static func read(_ document: YAMLNode, file: String, kinds: Set<String>, problems: inout [InputError]) -> LedgerMapping? {
        func problem(_ node: YAMLNode, _ message: String, zh: String?) {
            problems.append(InputError(file: file, position: node.position, message: message, chineseMessage: zh))
        }
        guard let root = document["ledger"], root.mapping != nil else {
            problem(document, "a mapping file holds 'ledger': {id, name, kind, columns}", zh: "台账映射文件应含 ledger 键，其值为 {id, name, kind, columns}")
            return nil
        }
        for pair in root.mapping ?? [] where !keys.contains(pair.key.scalar?.text ?? "") {
            problem(pair.key, "'\(pair.key.scalar?.text ?? "?")' is not a key of a ledger mapping; expected \(keys.joined(separator: ", "))",
                    zh: "\(pair.key.scalar?.text ?? "?") 不是台账映射的键（可用的键：\(keys.joined(separator: "、"))）")
        }
        guard let id = root["id"]?.scalar?.text, !id.isEmpty else {
            problem(root["id"] ?? root, "a ledger mapping needs an 'id', such as penalty-cases", zh: "台账映射须有 id，如 penalty-cases")
            return nil
        }
        guard let kind = root["kind"]?.scalar?.text, kinds.contains(kind) else {
            problem(root["kind"] ?? root, "the ledger mapping '\(id)' needs a 'kind' of the vocabulary: \(kinds.sorted().joined(separator: ", "))",
                    zh: "台账映射 \(id) 须有 kind，取词汇表中的记录类型：\(kinds.sorted().joined(separator: "、"))")
            return nil
        }
        let name = localized(root["name"], file: file, problems: &problems) ?? LocalizedText(zh: id, en: id)
        var columns: [LedgerMapping.Column] = []
        for item in root["columns"]?.sequence ?? [] {
            if let column = column(item, file: file, problems: &problems) { columns.append(column) }
        }
        if root["columns"]?.sequence?.isEmpty != false { problem(root["columns"] ?? root, "'columns' is a list of {header, field}", zh: "columns 应为 {header, field} 的列表") }
        if !columns.contains(where: { $0.field.description == "id" }) { problem(root, "the ledger mapping '\(id)' needs a column for the field 'id'", zh: "台账映射 \(id) 须有一列对应字段 id") }
        var ignored: [String] = []
        if let ignore = root["ignore"] {
            if let items = ignore.sequence, items.allSatisfy({ $0.scalar.map { !$0.text.isEmpty } ?? false }) {
                ignored = items.compactMap(\.scalar?.text)
            } else {
                problem(ignore, "'ignore' is a list of the headers of columns that hold nothing to check, such as [序号, 备注]",
                        zh: "ignore 应为列表，列出无需检查的列的表头，如 [序号, 备注]")
            }
        }
        var notRead: [(header: String, note: LocalizedText)] = []
        for item in root["not_read"].map({ $0.sequence ?? [$0] }) ?? [] {
            guard let header = item["header"]?.scalar?.text, !header.isEmpty, let note = localized(item["note"], file: file, problems: &problems) else {
                problem(item, "'not_read' is a list of {header, note: {zh, en}}: columns known not to be read, and why",
                        zh: "not_read 应为 {header, note: {zh, en}} 的列表：已知不读取的列及其原因")
                continue
            }
            notRead.append((header, note))
        }
        var mapping = LedgerMapping(
            id: id, name: name, kind: kind, sheet: root["sheet"]?.scalar?.text, columns: columns, ignoredHeaders: ignored, file: file)
        mapping.notReadHeaders = notRead
        return mapping
    }

    private static func column(_ node: YAMLNode, file: String, problems: inout [InputError]) -> LedgerMapping.Column? {
        func problem(_ node: YAMLNode, _ message: String, zh: String?) {
            problems.append(InputError(file: file, position: node.position, message: message, chineseMessage: zh))
        }
        guard node.mapping != nil else {
            problem(node, "a column is {header: 立案日期, field: steps[case_filing].date}", zh: "每一列应写成 {header: 立案日期, field: steps[case_filing].date}")
            return nil
        }
        for pair in node.mapping ?? [] where !columnKeys.contains(pair.key.scalar?.text ?? "") {
            problem(pair.key, "'\(pair.key.scalar?.text ?? "?")' is not a key of a column; expected \(columnKeys.joined(separator: ", "))",
                    zh: "\(pair.key.scalar?.text ?? "?") 不是列的键（可用的键：\(columnKeys.joined(separator: "、"))）")
        }
        let headers = node["header"].map { header in header.sequence.map { $0.compactMap(\.scalar?.text) } ?? [header.scalar?.text].compactMap { $0 } } ?? []
        guard !headers.isEmpty, headers.allSatisfy({ !$0.isEmpty }) else {
            problem(node["header"] ?? node, "a column needs a 'header' (or a list of the names it goes by)", zh: "列须有 header（表头，或列出该列所用各个名称的列表）")
            return nil
        }
        guard let fieldText = node["field"]?.scalar?.text, let field = FieldPath(fieldText) else {
            problem(node["field"] ?? node, "'field' is a path such as title, facts.major, steps[case_filing].date or steps[legality_review].signoffs[role=legal_adviser].person",
                    zh: "field 应为字段路径，如 title、facts.major、steps[case_filing].date 或 steps[legality_review].signoffs[role=legal_adviser].person")
            return nil
        }
        var values: [String: String] = [:]
        for pair in node["values"]?.mapping ?? [] {
            if let key = pair.key.scalar?.text, let value = pair.value.scalar?.text { values[key] = value }
        }
        return LedgerMapping.Column(
            headers: headers, field: field, required: node["required"]?.scalar?.text == "true", split: node["split"]?.scalar?.text == "true",
            values: values, note: localized(node["note"], file: file, problems: &problems))
    }

    private static func localized(_ node: YAMLNode?, file: String, problems: inout [InputError]) -> LocalizedText? {
        guard let node else { return nil }
        guard let zh = node["zh"]?.scalar?.text, let en = node["en"]?.scalar?.text else {
            problems.append(InputError(file: file, position: node.position, message: "a name is {zh: ..., en: ...}", chineseMessage: "名称应写成 {zh: ..., en: ...}"))
            return nil
        }
        return LocalizedText(zh: zh, en: en)
    }
}

/// Mapping files that cannot be used: every problem, sorted.
public struct LedgerMappingError: Error, Sendable, CustomStringConvertible {
    /// The problems.
    public var problems: [InputError]

    public var description: String { problems.map(\.description).joined(separator: "\n") }

    /// The problems one a line, in Chinese when `chinese` is set (see `InputError.description(chinese:)`).
    public func description(chinese: Bool) -> String {
        problems.map { $0.description(chinese: chinese) }.joined(separator: "\n")
    }
}
