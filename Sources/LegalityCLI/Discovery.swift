/// Finds record files, the registry, and the built-in rules folder.
enum Discovery {
    static let recordExtensions = [".yaml", ".yml", ".json"]

    /// Record files under the given paths, as cli.md says: folders are searched recursively,
    /// skipping hidden names, folders named `rules` or `registry`, and files named
    /// `registry.yaml` or `.legality.yaml`; a file named explicitly is always read.
    /// Files are returned in byte order of their paths, each once.
    static func recordFiles(_ paths: [String]) throws(RunError) -> [String] {
        var files: [String] = []
        for path in paths {
            switch FileSystem.kind(of: path) {
            case .missing:
                throw RunError(message: "\(path): no such file or folder")
            case .directory:
                var visited: Set<String> = []
                try walk(path, into: &files, visited: &visited)
            default:
                files.append(path)
            }
        }
        files.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        // The same file named twice (`a.yaml ./a.yaml`, or a file inside a folder also given) is
        // read once. A folder walk alone never repeats a file, so only then are paths resolved.
        guard paths.count > 1 else { return files }
        var seen: Set<String> = []
        return files.filter { seen.insert(FileSystem.realPath($0) ?? $0).inserted }
    }

    private static func walk(_ folder: String, into files: inout [String], visited: inout Set<String>) throws(RunError) {
        // A folder reached twice through links is read once, so link loops end.
        guard let real = FileSystem.realPath(folder), visited.insert(real).inserted else { return }
        for name in try FileSystem.list(folder) where !name.hasPrefix(".") {
            let path = folder.appendingComponent(name)
            switch FileSystem.kind(of: path) {
            case .directory:
                if name != "rules", name != "registry" { try walk(path, into: &files, visited: &visited) }
            case .file, .missing, .other:
                // A dangling link or an unreadable entry with a record's name is kept, so that reading
                // it reports the problem instead of the file silently going unchecked.
                if name != "registry.yaml", recordExtensions.contains(where: name.hasSuffix) { files.append(path) }
            }
        }
    }

    /// The registry beside the records: `registry.yaml` or the files of `registry/`, looked for in
    /// the folder of each path given (a file's own folder), then in the folders above it up to the
    /// current folder.
    static func registryFiles(near paths: [String]) throws(RunError) -> [String] {
        let current = FileSystem.currentDirectory()
        for path in paths {
            var folder = FileSystem.kind(of: path) == .directory ? path : path.parentPath
            while true {
                let file = folder.appendingComponent("registry.yaml")
                if FileSystem.kind(of: file) == .file { return [file] }
                let directory = folder.appendingComponent("registry")
                if FileSystem.kind(of: directory) == .directory {
                    return try FileSystem.list(directory)
                        .filter { name in !name.hasPrefix(".") && recordExtensions.contains(where: name.hasSuffix) }
                        .map { directory.appendingComponent($0) }
                }
                guard let real = FileSystem.realPath(folder), real != current, real != "/",
                      real.hasPrefix(current + "/") else { break }
                folder = folder == "." ? ".." : folder.appendingComponent("..")
            }
        }
        return []
    }

    /// The built-in rules folder: `$LEGALITY_RULES`, else `rules/` in a folder above the
    /// executable (a checkout's `.build/release/legality`), else `share/legality/rules` beside its `bin`.
    static func builtinRulesFolder() -> String? {
        if let explicit = FileSystem.environment("LEGALITY_RULES"), !explicit.isEmpty { return explicit }
        guard var folder = FileSystem.realPath("/proc/self/exe")?.parentPath else { return nil }
        while folder != "/", !folder.isEmpty {
            let shared = folder.appendingComponent("share/legality/rules")
            if FileSystem.kind(of: shared.appendingComponent("definitions.yaml")) == .file { return shared }
            let candidate = folder.appendingComponent("rules")
            if FileSystem.kind(of: candidate.appendingComponent("definitions.yaml")) == .file { return candidate }
            folder = folder.parentPath
        }
        return nil
    }

    /// Rule and calendar files under a folder (or the file itself), sorted, recursively.
    static func yamlFiles(under path: String) throws(RunError) -> [String] {
        switch FileSystem.kind(of: path) {
        case .missing: throw RunError(message: "\(path): no such file or folder")
        case .directory:
            var result: [String] = []
            for name in try FileSystem.list(path) where !name.hasPrefix(".") {
                let child = path.appendingComponent(name)
                if FileSystem.kind(of: child) == .directory {
                    result += try yamlFiles(under: child)
                } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                    result.append(child)
                }
            }
            return result
        default:
            return [path]
        }
    }
}
