import ArgumentParser

/// `legality init`: a starter configuration, registry and example record in the current folder,
/// copied from the `starter/` folder of the built-in rules.
struct InitCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "init",
            abstract: Interface.text("在当前文件夹写入初始的 .legality.yaml、registry.yaml、示例记录和记录格式的 JSON Schema；不覆盖已有文件。", "Write a starter .legality.yaml, registry.yaml, an example record and the record schema here; never overwrites.")
        )
    }

    func run() throws {
        guard let rules = Discovery.builtinRulesFolder() else {
            throw RunError(message: "cannot find the built-in rules folder, which holds the starter files; set LEGALITY_RULES")
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
}
