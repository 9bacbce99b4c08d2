import ArgumentParser
import DecisionRecords

/// `legality schema`: the JSON Schema of the decision record format, for editors.
struct SchemaCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "schema",
            abstract: Interface.text("输出决策记录的 JSON Schema（2020-12），供编辑器和 YAML 语言服务器使用。", "Print the JSON Schema (2020-12) of decision records, for editors and the YAML language server."),
            discussion: Interface.text(
                "Schema 比记录格式更严格，以便在编辑器中发现输入错误：除 facts 下和以 x_、x- 开头的字段外，未定义的字段都会标出；代码可写其中文或英文名称。",
                """
                The schema is stricter than the format so that typing mistakes show in the editor: keys other \
                than the documented ones are flagged, except under 'facts' and keys that start with 'x_' or 'x-'.
                """)
        )
    }

    @Option(name: .customLong("output"), help: Interface.help("把 Schema 写入此文件（原子写入）。", "Write the schema to this file (atomically).", valueName: "file"))
    var output: String?

    // Only the options the schema reads (the vocabulary comes with the rules): it took every
    // option of a check (`--registry`, `--calendar`, `--jobs`) and let a missing file pass unsaid.
    @Option(name: .customLong("rules"), help: Interface.help("追加的规则文件或文件夹（其词汇表的代码和名称写入 Schema，可重复）。", "Extra rule files or folders, whose vocabulary's codes and names the schema offers (repeatable).", valueName: "path"))
    var rules: [String] = []

    @Flag(name: .customLong("no-builtin"), help: Interface.help("只用 --rules 给出的规则包（内置词汇表仍然使用）。", "Use only the packs given with --rules (the built-in vocabulary still applies)."))
    var noBuiltin = false

    /// Read before the command line is parsed (`Interface.language`).
    @Option(name: .customLong("lang"), help: Interface.help("提示信息的语言：zh 或 en。", "Language of the messages: zh or en."))
    var languageOption: LanguageOption?

    func run() throws {
        let vocabulary = try RunSetup.rules(noBuiltin: noBuiltin, local: rules, extra: []).rules.vocabulary
        try FileSystem.deliver(RecordSchema.text(vocabulary: vocabulary), to: output)
    }
}

/// The record format (decision-record.md with v2.md) as a JSON Schema, its codes from the
/// vocabulary: each code or one of its names is offered for completion.
enum RecordSchema {
    /// The schema for a vocabulary (the built-in one, plus the user's vocabulary files).
    static func text(vocabulary: Vocabulary) -> String {
        template { enumeration(vocabulary, $0) }
    }

    /// The codes of a section and their names, as a JSON array, codes first.
    private static func enumeration(_ vocabulary: Vocabulary, _ section: String) -> String {
        let codes = vocabulary.codes(in: section).sorted()
        var values = codes
        for code in codes {
            let names = [vocabulary.names(of: code, in: section)?.zh, vocabulary.names(of: code, in: section)?.en].compactMap { $0 }
            for name in names + vocabulary.otherNames(of: code, in: section) where !values.contains(name) { values.append(name) }
        }
        // Codes and names are plain words; a quote or backslash in a user's name is dropped rather than escaped.
        return "[" + values.map { "\"" + String($0.filter { $0 != "\"" && $0 != "\\" }) + "\"" }.joined(separator: ", ") + "]"
    }

    private static func template(_ codes: (String) -> String) -> String {
        #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://legality.invalid/schema/decision-record-1.json",
          "title": "Decision record (决策记录), version 2",
          "description": "One administrative decision and the procedural steps taken on the way to it; checked by legality.",
          "type": "object",
          "required": ["id", "kind", "title", "steps"],
          "properties": {
            "id": {"type": "string", "minLength": 1, "description": "unique id of the decision within a checked set, e.g. SQ-2020-017 (quote a number: \"91\")"},
            "kind": {
              "type": "string",
              "description": "what sort of decision: a code of the vocabulary or its Chinese or English name",
              "enum": \#(codes("kinds"))
            },
            "title": {"type": "string", "minLength": 1, "description": "the decision's title (决策名称)"},
            "organ": {"type": "string", "description": "the deciding organ (决策机关)"},
            "department": {"type": "string", "description": "the sponsoring unit (承办单位)"},
            "facts": {
              "type": "object",
              "description": "free-form facts that rules read",
              "properties": {
                "affects_public_interest": {"type": "boolean", "description": "涉及重大公共利益 / 社会公众切身利益"},
                "technical": {"type": "boolean", "description": "专业性、技术性较强"},
                "stability_risk": {"type": "boolean", "description": "可能对社会稳定、公共安全等造成不利影响"},
                "urgent": {"type": "boolean", "description": "情况紧急"},
                "exploratory_reform": {"type": "boolean", "description": "国家尚无明确规定的探索性改革事项"},
                "major": {"type": "boolean", "description": "重大执法决定 / 重大违法"},
                "complex": {"type": "boolean", "description": "案件情况疑难复杂"},
                "hearing_eligible": {"type": "boolean", "description": "当事人有权要求听证"},
                "party_present_at_decision": {"type": "boolean", "description": "决定书当场交付当事人"},
                "fine_amount": {"type": "number", "description": "罚款金额（元）"}
              }
            },
            "steps": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/step"}}
          },
          "patternProperties": {"^x[-_]": {}},
          "additionalProperties": false,
          "$defs": {
            "date": {
              "type": "string",
              "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?( ?(Z|z|[+-][0-9]{2}(:?[0-9]{2})?))?)?$",
              "description": "YYYY-MM-DD, or a date-time with an offset"
            },
            "person": {"type": "string", "description": "a person id of the registry"},
            "people": {"type": "array", "items": {"$ref": "#/$defs/person"}},
            "step": {
              "type": "object",
              "required": ["type"],
              "anyOf": [{"required": ["date"]}, {"required": ["start", "end"]}],
              "properties": {
                "type": {"type": "string", "anyOf": [{"enum": \#(codes("step_types"))}, {"type": "string"}]},
                "date": {"$ref": "#/$defs/date"},
                "start": {"$ref": "#/$defs/date"},
                "end": {"$ref": "#/$defs/date"},
                "submitted": {"$ref": "#/$defs/date", "description": "the date the material was sent for review"},
                "status": {"enum": \#(codes("statuses"))},
                "outcome": {"enum": \#(codes("outcomes"))},
                "form": {"enum": \#(codes("forms"))},
                "by": {"$ref": "#/$defs/people"},
                "officers": {"$ref": "#/$defs/people"},
                "attendees": {"$ref": "#/$defs/people"},
                "credentials_shown": {"type": "boolean"},
                "signoffs": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": ["person", "role"],
                    "properties": {
                      "person": {"$ref": "#/$defs/person"},
                      "role": {"type": "string", "anyOf": [{"enum": \#(codes("roles"))}, {"type": "string"}]},
                      "date": {"$ref": "#/$defs/date"}
                    },
                    "additionalProperties": false
                  }
                },
                "meeting": {
                  "type": "object",
                  "properties": {
                    "type": {"type": "string", "anyOf": [{"enum": \#(codes("meeting_types"))}, {"type": "string"}]},
                    "ref": {"type": "string"},
                    "minutes": {"type": "boolean"},
                    "dissent_recorded": {"type": "boolean"}
                  },
                  "patternProperties": {"^x[-_]": {}},
                  "additionalProperties": false
                },
                "documents": {
                  "type": "array",
                  "items": {"type": "object", "properties": {"type": {"type": "string"}, "ref": {"type": "string"}}, "required": ["type"]}
                },
                "channel": {"type": "string"}
              },
              "patternProperties": {"^x[-_]": {}},
              "additionalProperties": false
            }
          }
        }

        """#
    }
}
