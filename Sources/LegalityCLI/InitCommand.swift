import ArgumentParser

/// `legality init`: a starter configuration, registry and example record in the current folder.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starter .legality.yaml, registry.yaml and an example record here; never overwrites."
    )

    func run() throws {
        let files: [(String, String)] = [(".legality.yaml", Self.configurationText), ("registry.yaml", Self.registryText), ("decisions/2026-001.yaml", Self.recordText)]
        let existing = files.map(\.0).filter { FileSystem.kind(of: $0) != .missing }
        guard existing.isEmpty else {
            throw RunError(message: "\(existing.joined(separator: ", ")) already exists; init writes nothing over an existing file")
        }
        if FileSystem.kind(of: "decisions") == .missing { try FileSystem.makeDirectory("decisions") }
        for (path, text) in files { try FileSystem.writeAtomically(text, to: path) }
        FileSystem.writeStandardOutput("""
            wrote .legality.yaml, registry.yaml and decisions/2026-001.yaml
            next: legality check decisions

            """)
    }

    static let configurationText = """
        # legality 配置 / configuration. Paths are relative to this file.
        # rules: [rules-local/]            # 本地规则包 / extra rule packs
        # disable: [MAD-011]               # 停用的规则 / rules switched off
        # severity: {MAD-012: error}       # 调整级别 / severity overrides
        parameters:
          # 乡镇可认可镇长办公会议（office）或党政联席会议（party_committee）
          MAD-011: {meeting_types: [executive, plenary]}
          # 规范性文件公布后报送备案的期限（日）
          NOR-006: {days: 30}
        registry: registry.yaml
        # calendars: [calendars/local.yaml]  # 地方调休 / local days off
        lang: zh
        # 经批准的例外：写明规则、记录、理由、批准文件和有效期
        waivers: []
        #  - rule: MAD-007
        #    record: 2026-001
        #    reason: 防汛紧急，经县政府同意缩短审查时间
        #    approved_by: 县政府办公室〔2026〕3号
        #    expires: 2026-12-31

        """

    static let registryText = """
        # 人员名册：记录中 by、officers、attendees、signoffs 引用的人员
        people:
          - id: P-001
            name: 镇长
            roles: [head]
          - id: P-002
            name: 司法所长
            roles: [reviewer]
            qualifications:
              - {type: legal_profession, number: "A00000000000000"}
          - id: P-003
            name: 法律顾问
            roles: [legal_adviser]
            qualifications:
              - {type: legal_profession, number: "A00000000000001"}

        """

    static let recordText = """
        # yaml-language-server: $schema=../legality-record.schema.json
        id: "2026-001"
        kind: major_administrative_decision
        title: 示例：某镇农村公路养护方案
        department: 党政办公室
        facts:
          affects_public_interest: false
        steps:
          - type: legality_review
            submitted: 2026-03-02
            date: 2026-03-13
            outcome: passed
            by: [P-002]
            signoffs:
              - {person: P-003, role: legal_adviser, date: 2026-03-12}
          - type: collective_discussion
            status: planned
            date: 2026-03-20
            meeting: {type: executive}

        """
}
