/// Paths made absolute and rid of `.` and `..` by their words alone, no file asked: SARIF names
/// files from their repository's root with it, and a run finds its repository.
public enum LexicalPath {
    /// The names of a path made absolute (a relative one read from `folder`, itself absolute),
    /// `.` and `..` applied (`..` above the root stays at the root).
    public static func components(_ path: String, from folder: String) -> [Substring] {
        let full = path.hasPrefix("/") ? path : folder + "/" + path
        var parts: [Substring] = []
        for part in full.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return parts
    }

    /// The same, as one absolute path.
    public static func absolute(_ path: String, from folder: String) -> String {
        "/" + components(path, from: folder).joined(separator: "/")
    }
}
