/// Records a folder search passes over as cli.md has it — in hidden files and folders, and in
/// folders named `rules` or `registry` — found and said on standard error, so an engineer knows what was not
/// checked: `decisions/rules/x.yaml` or `.drafts/x.yaml` went unchecked without a word, and the
/// pre-commit hook passed.
///
/// A file counts when its first bytes hold a record's top-level `id:`, `kind:`, `title:` and
/// `steps:` (a rule file holds `kinds:`, a Drone pipeline `kind:` and `steps:` but no `id:` or
/// `title:`). Tools' own folders (`.git`, `.github`, `node_modules`...)
/// are not looked into, and the look stops after a few hundred files.
struct PassedOverRecords {
    private(set) var found: [String] = []
    private var looked = 0
    private static let mostLookedAt = 500
    private static let toolFolders: Set<String> = [".git", ".github", ".gitlab", ".svn", ".hg", ".vscode", ".idea", ".build", "node_modules", ".cache"]

    /// Looks at an entry the search passes over: a file, or a folder searched down.
    mutating func look(at path: String, name: String, kind: FileSystem.Kind?) {
        guard looked < Self.mostLookedAt, !Self.toolFolders.contains(name) else { return }
        switch kind ?? FileSystem.kind(of: path) {
        case .directory:
            // (Not through links: a folder reached twice, or one outside, is no concern of this note.)
            guard !FileSystem.isLink(path), let entries = try? FileSystem.entries(path) else { return }
            // A copy of legality's own rules (its starter record among them) holds no record.
            if entries.contains(where: { $0.name == "definitions.yaml" || $0.name == "manifest.yaml" }) { return }
            let prefix = path.hasSuffix("/") ? path : path + "/"
            for (inner, listed) in entries { look(at: prefix + inner, name: inner, kind: listed) }
        case .file:
            guard Discovery.hasRecordExtension(name), !Discovery.isRegistryFileName(name), name != ".legality.yaml" else { return }
            looked += 1
            let bytes = FileSystem.prefix(of: path, count: 4096)
            if Self.looksLikeRecord(bytes) || (name.hasSuffixIgnoringCase(".json") && Self.looksLikeJSONRecord(bytes)) { found.append(path) }
        default:
            return
        }
    }

    /// Whether a file's first bytes hold a record's top-level `id:`, `kind:`, `title:` and `steps:` lines.
    static func looksLikeRecord(_ bytes: [UInt8]) -> Bool {
        var saw = (id: false, kind: false, title: false, steps: false)
        var lineStart = true
        for (index, byte) in bytes.enumerated() {
            if lineStart {
                if Self.begins(bytes, at: index, with: "id:") { saw.id = true }
                if Self.begins(bytes, at: index, with: "kind:") { saw.kind = true }
                if Self.begins(bytes, at: index, with: "title:") { saw.title = true }
                if Self.begins(bytes, at: index, with: "steps:") { saw.steps = true }
            }
            lineStart = byte == UInt8(ascii: "\n")
        }
        return saw.id && saw.kind && saw.title && saw.steps
    }

    /// Whether a JSON file's first bytes name a record's `"id"`, `"kind"`, `"title"` and `"steps"`
    /// (a JSON Schema names them under `"properties"`, with `"$schema"` or `"type": "object"`).
    static func looksLikeJSONRecord(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        guard !text.contains("\"$schema\""), !text.contains("\"properties\"") else { return false }
        return ["\"id\"", "\"kind\"", "\"title\"", "\"steps\""].allSatisfy(text.contains)
    }

    private static func begins(_ bytes: [UInt8], at index: Int, with text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return text.withUTF8Buffer { word in (0..<count).allSatisfy { bytes[index + $0] == word[$0] } }
    }

    /// Says what was found, on standard error.
    func say() {
        guard let first = found.min(by: { $0.precedesInUTF8($1) }) else { return }
        let count = found.count
        FileSystem.writeStandardError(Interface.text(
            "legality：\(count) 个看似决策记录的文件位于隐藏文件夹、rules/ 或 registry/ 文件夹中（或是隐藏文件），按约定不检查（如“\(first)”）；是记录的，请移出这些文件夹，或直接指定该文件\n",
            "legality: \(count) \(count == 1 ? "file that looks" : "files that look") like a decision record \(count == 1 ? "is" : "are") hidden or in a rules/ or registry/ folder, which a search passes over (such as '\(first)'), and \(count == 1 ? "was" : "were") not checked; move a record out, or name the file\n"))
    }
}
