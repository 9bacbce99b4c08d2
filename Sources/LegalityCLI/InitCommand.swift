import ArgumentParser
import Ledgers
import OfficePackage

/// `legality init`: a starter configuration, registry and example record in the current folder,
/// copied from the `starter/` folder of the built-in rules.
struct InitCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "init",
            abstract: Interface.text("在当前文件夹写入初始的 .legality.yaml、registry.yaml、示例记录和记录格式的 JSON Schema；不覆盖已有文件。", "Write a starter .legality.yaml, registry.yaml, an example record and the record schema here; never overwrites.")
        )
    }

    @Option(name: .customLong("ledger"), help: Interface.help("改为写出一个空白台账模板（.xlsx）：penalty-cases、major-decisions 或 normative-documents。", "Write an empty ledger template (.xlsx) instead: penalty-cases, major-decisions or normative-documents.", valueName: "kind"))
    var ledger: String?

    /// Read before the command line is parsed (`Interface.language`); declared so that `init`
    /// takes it as every other command does.
    @Option(name: .customLong("lang"), help: Interface.help("提示信息和台账模板说明的语言：zh 或 en（默认按 LANG）。", "Language of the messages and the template's instructions: zh or en (default: by LANG)."))
    var languageOption: LanguageOption?

    func run() throws {
        if let ledger {
            try writeTemplate(ledger)
            return
        }
        guard let rules = Discovery.builtinRulesFolder() else {
            throw RunError(message: "cannot find the built-in rules folder, which holds the starter files; set LEGALITY_RULES", chinese: "找不到存放初始文件的内置规则文件夹；请设置 LEGALITY_RULES")
        }
        let starter = rules.appendingComponent("starter")
        let files = [("legality.yaml", ".legality.yaml"), ("registry.yaml", "registry.yaml"), ("record.yaml", "decisions/2026-001.yaml")]
        let schema = "legality-record.schema.json"
        // A link among the targets (a planted `decisions -> /elsewhere`) is refused, never followed.
        let links = (files.map(\.1) + [schema, "decisions"]).filter(FileSystem.isLink)
        guard links.isEmpty else {
            throw RunError(
                message: "\(links.joined(separator: ", ")) is a symbolic link; init writes nothing through a link",
                chinese: "\(links.joined(separator: "、")) 是符号链接；init 不会通过链接写入")
        }
        let existing = (files.map(\.1) + [schema]).filter { FileSystem.kind(of: $0) != .missing }
        guard existing.isEmpty else {
            throw RunError(
                message: "\(existing.joined(separator: ", ")) already exists; init writes nothing over an existing file",
                chinese: "\(existing.joined(separator: "、")) 已存在；init 不会覆盖已有文件")
        }
        let texts = try files.map { source, _ throws(RunError) in try FileSystem.read(starter.appendingComponent(source)) }
        if FileSystem.kind(of: "decisions") == .missing { try FileSystem.makeDirectory("decisions") }
        for ((_, target), bytes) in zip(files, texts) {
            try FileSystem.deliver(String(decoding: bytes, as: UTF8.self), to: target)
        }
        try FileSystem.deliver(RecordSchema.text(vocabulary: try RunSetup.builtinRules().vocabulary), to: schema)
        try FileSystem.deliver(Interface.text(
            "已写入 .legality.yaml、registry.yaml、decisions/2026-001.yaml 和 \(schema)\n下一步：legality check decisions\n",
            "wrote .legality.yaml, registry.yaml, decisions/2026-001.yaml and \(schema)\nnext: legality check decisions\n"), to: nil)
    }

    /// An empty ledger of a built-in layout: its columns on the first sheet (header frozen), and a
    /// sheet of instructions saying what each column holds and which field it fills.
    private func writeTemplate(_ id: String) throws(RunError) {
        let mappings = try RunSetup.ledgerMappings([], kinds: Set(try RunSetup.builtinRules().kindNames.keys))
        guard let mapping = mappings.first(where: { $0.id == id }) else {
            throw RunError(
                message: "no ledger layout '\(id)'; known: \(mappings.map(\.id).joined(separator: ", "))",
                chinese: "没有名为 \(id) 的台账格式；可用：\(mappings.map(\.id).joined(separator: "、"))")
        }
        // A template is a document for the office, in Chinese as reports are unless `--lang en`
        // asks otherwise (its instructions sheet came out in English wherever LANG was not zh).
        let language = Interface.languageAsked ?? .zh
        let zh = language == .zh
        // Named in Chinese whatever the interface's language, as its headers are: an English name
        // had spaces (`administrative penalty case ledger.xlsx`), and the hint pasted into a shell
        // named three files.
        let file = "\(mapping.name.zh).xlsx"
        let shown = Self.shellWord(file)
        guard FileSystem.kind(of: file) == .missing, !FileSystem.isLink(file) else {
            throw RunError(message: "\(file) already exists; init writes nothing over an existing file", chinese: "\(file) 已存在；init 不会覆盖已有文件")
        }
        let instructions = mapping.columns.map { column -> [WorkbookWriter.Cell] in
            [
                .text(column.headers[0]), .text(column.required ? (zh ? "必填" : "required") : ""),
                .text(column.note?.text(language) ?? ""), .text(column.field.description),
                .text(column.headers.dropFirst().joined(separator: zh ? "、" : ", ")),
            ]
        }
        let notRead = mapping.ignoredHeaders.map { header -> [WorkbookWriter.Cell] in
            [.text(header), .text(""), .text(zh ? "可以增加此列，不检查" : "may be added; not checked"), .text(""), .text("")]
        } + [[
            .text(zh ? "（其他列）" : "(other columns)"), .text(""),
            .text(zh ? "不读取；其中有内容的单元格，检查时逐格提示" : "not read; each cell that holds something is reported"),
            .text(""), .text(""),
        ]]
        let workbook = WorkbookWriter(sheets: [
            .init(name: mapping.sheet ?? mapping.name.zh, header: mapping.columns.map(\.headers[0]), rows: []),
            .init(
                name: zh ? "填写说明" : "Instructions",
                header: zh ? ["列", "必填", "填写说明", "对应的记录字段", "也可写作"] : ["column", "required", "what to write", "record field", "other headers accepted"],
                rows: instructions + notRead),
        ], application: "legality init --ledger")
        try FileSystem.deliver(bytes: BinaryReport.bytes { () throws(OfficePackage.WriteError) in try workbook.bytes() }, to: file)
        try FileSystem.deliver(Interface.text(
            "已写入 \(file)\n填写后检查：legality check \(shown)\n", "wrote \(file)\nonce filled in: legality check \(shown)\n"), to: nil)
    }

    /// A file name as one word of a shell command: quoted when a character of it would split or
    /// change the command.
    static func shellWord(_ name: String) -> String {
        guard name.contains(where: { $0.isWhitespace || "'\"$`\\!*?[](){}<>|&;#~".contains($0) }) else { return name }
        return "'" + name.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
