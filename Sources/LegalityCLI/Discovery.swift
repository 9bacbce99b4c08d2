import DecisionRecords
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds record files, the registry, and the built-in rules folder.
enum Discovery {
    /// Records, ledgers, and spreadsheets legality cannot read (each said, not passed over).
    static let recordExtensions = [".yaml", ".yml", ".json"] + LedgerInput.extensions + LedgerInput.unreadableFormats.map(\.extension)

    /// The real paths a run may read records from: each folder given, and the folder of each file given.
    static func roots(of paths: [String]) -> [String] {
        paths.compactMap { path in
            path == "-" ? nil : FileSystem.realPath(FileSystem.kind(of: path) == .directory ? path : path.parentPath)
        }
    }

    /// Whether a record file may be read: opened, or why not.
    enum Admission: Sendable {
        /// Read it, from this open file.
        case readable(FileInput)
        /// Do not: why, in Chinese and in English.
        case refused(zh: String, en: String)
        /// It could not be opened (it may be missing): reading it reports this problem.
        case unopenable(RunError)

        /// The size in bytes of the file to read (0 when there is none, or it is unknown).
        var size: Int {
            if case .readable(let input) = self { input.size } else { 0 }
        }
    }

    /// Whether a record file may be read, and the file opened if so: not a link that leaves the
    /// checked folders (it could quote `/proc/self/environ` or a secret into a CI log), nor
    /// something that is no regular file (a FIFO or a device would hang the run).
    ///
    /// The file is opened without following a link, without blocking and without becoming the
    /// controlling terminal, and what it is is asked of the open file: one look-up of its path,
    /// where `lstat` and then `open` made two (some 2 µs a file). Only a link is resolved and,
    /// when it stays inside the checked folders, followed.
    static func admission(of path: String, roots: [String]) -> Admission {
        guard path != "-" else { return .readable(.standardInput()) }
        if let opened = FileInput.open(path, followingLinks: false) { return admitted(opened) }
        let failure = errno
        // Not opened: a link (ELOOP), or a path whose status says why it could not be.
        switch FileSystem.linkStatus(of: path).kind {
        case nil:
            let real = FileSystem.realPath(path)
            if let real, !isInside(real, roots) {
                // The target as the link writes it, not resolved: an absolute path named the
                // checkout's place (a home folder, a user name) in every CI log and SARIF upload.
                let target = FileSystem.linkTarget(path) ?? real
                return .refused(zh: "链接指向被检查文件夹之外（\(target)），未读取", en: "the link points outside the checked folders (to \(target)); it was not read")
            }
            if let real, let hidden = passedOverBySearch(real, roots, isFolder: FileSystem.kind(of: real) == .directory) {
                return .refused(
                    zh: "链接指向文件夹搜索不读取的文件（\(hidden)：隐藏文件、rules/、registry/ 或名册），未读取",
                    en: "the link points to a file a folder search never reads (\(hidden): hidden, in rules/ or registry/, or a registry); it was not read")
            }
            if let opened = FileInput.open(path, followingLinks: true) { return admitted(opened) }
            let failure = errno
            return FileSystem.kind(of: path) == .other ? refusedAsNoRegularFile : unopenable(path, failure)
        case .other?:
            return refusedAsNoRegularFile
        default:
            return unopenable(path, failure)
        }
    }

    /// The part of a real path, below the checked folder holding it, that a folder search passes
    /// over — a hidden name, a `rules` or `registry` folder, `registry.yaml` — or nil when there is
    /// none. (A committed link `env.yaml -> ../.env` was followed and its secret quoted in the text
    /// report, where the search reads no hidden file.)
    static func passedOverBySearch(_ real: String, _ roots: [String], isFolder lastIsFolder: Bool) -> String? {
        guard let root = roots.filter({ PathKey(real) != PathKey($0) && isInside(real, [$0]) }).max(by: { $0.utf8.count < $1.utf8.count }) else { return nil }
        // (Below the root by its bytes: dropping as many characters cut into a Chinese path.)
        let below = String(decoding: real.utf8.dropFirst(root.utf8.count), as: UTF8.self).split(separator: "/")
        for (place, name) in below.enumerated() {
            let isFolder = place < below.count - 1 || lastIsFolder
            if name.hasPrefix(".") || (isFolder && (name == "rules" || name == "registry")) || (!isFolder && isRegistryFileName(String(name))) {
                return below[...place].joined(separator: "/")
            }
        }
        return nil
    }

    /// Whether a real path is one of the checked folders or inside one (`/` holds every path).
    private static func isInside(_ real: String, _ roots: [String]) -> Bool {
        roots.contains { real.isPath(inside: $0) }
    }

    private static func admitted(_ opened: FileInput) -> Admission {
        opened.kind == .other ? refusedAsNoRegularFile : .readable(opened)
    }

    private static func unopenable(_ path: String, _ failure: Int32) -> Admission {
        // A name that is no UTF-8 is read with � in place of its bad bytes, and no file has that name.
        if failure == ENOENT, path.unicodeScalars.contains("\u{FFFD}") {
            return .unopenable(RunError(
                message: "\(path): the name of this file or of a folder above it is not UTF-8 (shown with �), so it cannot be read; rename it",
                chinese: "\(path)：此文件或其上级文件夹的名称不是 UTF-8 编码（以 � 显示），无法读取；请重命名"))
        }
        return .unopenable(RunError(message: "\(path): cannot read: \(String(cString: strerror(failure)))", chinese: "\(path)：无法读取：\(String(cString: strerror(failure)))"))
    }

    private static let refusedAsNoRegularFile = Admission.refused(
        zh: "不是普通文件（管道、设备或套接字），未读取", en: "it is not a regular file (a FIFO, a device or a socket); it was not read")

    /// Whether a file is the lock file Excel or WPS keeps beside a workbook it has open (`~$台账.xlsx`):
    /// a spreadsheet's name only (a record named `~$议题.yaml` was passed over unsaid).
    static func isOfficeLockFile(_ name: String) -> Bool {
        name.hasPrefix("~$") && LedgerInput.isSpreadsheet(name)
    }

    /// Whether a file name ends in a record extension, in any case (`.YAML` too).
    static func hasRecordExtension(_ name: String) -> Bool {
        // Asked of every file a search finds: only the extensions ending in the name's last letter
        // are compared (most names end in `l`, `.yaml`).
        guard let last = name.lastByteIgnoringCase else { return false }
        if last == UInt8(ascii: "l") { return name.hasSuffixIgnoringCase(".yaml") || name.hasSuffixIgnoringCase(".yml") }
        return recordExtensions.contains { $0.lastByteIgnoringCase == last && name.hasSuffixIgnoringCase($0) }
    }

    /// Files a folder search never reads as records: JSON Schemas, and legality's own reports
    /// (a JSON report whose `tool.name` is `legality`, a SARIF log, an empty JSON file a shell
    /// opened for one), so a report written into the checked folder is never read back. (A CSV or
    /// workbook report is read as a ledger is, and passed over when none of its tables is one:
    /// `LedgerInput`.)
    static func isOwnFile(_ path: String, name: String) -> Bool {
        // Each of these names ends in n or f (`.json`, `.sarif`), in either case: most names
        // (`.yaml`) are told by their last byte, without comparisons of their ends.
        guard let last = name.lastByteIgnoringCase, last == UInt8(ascii: "n") || last == UInt8(ascii: "f") else { return false }
        if name.hasSuffixIgnoringCase(".schema.json") || name.hasSuffixIgnoringCase(".sarif") { return true }
        guard name.hasSuffixIgnoringCase(".json") else { return false }
        // An empty JSON file is the report a shell's `> report.json` opened before the run
        // started: read, it failed the run it was to hold the report of (a record without its keys).
        let status = FileSystem.status(of: path)
        if status.kind == .file, status.size == 0 { return true }
        return ReportSniffer.isReport(path)
    }

    /// Record files under the given paths, as cli.md says: folders are searched recursively,
    /// skipping hidden names, folders named `rules` or `registry`, and files named
    /// `registry.yaml` or `.legality.yaml`; a file named explicitly is always read.
    /// Files are returned in byte order of their paths, each once.
    static func recordFiles(_ given: [String]) throws(RunError) -> PathList {
        let paths = given.map(\.tidiedPath)
        var files = PathList()
        // Files of a folder whose names are a record's with more after it (`a.yaml.bak`, `b.yml~`):
        // not read, as cli.md says, and said, so an auditor knows what was left out.
        var skipped: [String] = []
        var configurations: [String] = []
        var registryNamed: [String] = []
        var passedOver = PassedOverRecords()
        defer {
            if let first = skipped.min(by: { $0.precedesInUTF8($1) }) {
                FileSystem.writeStandardError(Interface.text(
                    "legality：跳过了 \(skipped.count) 个名称像记录文件副本的文件（如“\(first)”），没有检查；是备份的，可移出检查的文件夹；是记录的，请改为 .yaml 结尾\n",
                    "legality: \(skipped.count) \(skipped.count == 1 ? "file" : "files") named like a copy of a record (such as '\(first)') \(skipped.count == 1 ? "was" : "were") not checked; move a backup out of the checked folder, and give a record a name ending in .yaml\n"))
            }
            passedOver.say()
        }
        for path in paths {
            switch FileSystem.kind(of: path) {
            case .missing where path != "-" && !FileSystem.isLink(path) && !path.unicodeScalars.contains("\u{FFFD}"):
                throw RunError(message: "\(path): no such file or folder", chinese: "\(path)：没有这个文件或文件夹")
            case .missing where path != "-":
                // A link that leads nowhere (a loop, a missing target) is read, and reported as it
                // is when found in a folder ("no such file" said nothing of the link); so is a name
                // that is no UTF-8 (read with � for its bad bytes: "no such file" of a file there,
                // where a folder's search said to rename it).
                files.append(path)
            case .directory:
                var visited: Set<PathKey> = []
                let before = files.count
                walk(path, into: &files, visited: &visited, roots: roots(of: paths), skipped: &skipped, configurations: &configurations, registryNamed: &registryNamed, passedOver: &passedOver)
                // A folder of no record beside others that have some is said: an auditor's
                // `audit 石桥镇 柳湾镇` where one town's folder held only `.bak` files ran on the
                // others without a word (alone, it stops the run, below).
                if files.count == before, paths.count > 1 {
                    FileSystem.writeStandardError(Interface.text(
                        "legality：在“\(path)”中没有找到决策记录文件（跳过隐藏文件、rules/、registry/、其他扩展名的文件和 legality 自己的报告），其中没有记录被检查\n",
                        "legality: no record files found in '\(path)' (hidden files, rules/, registry/, files of other extensions and legality's own reports are skipped), so none of it was checked\n"))
                }
            default:
                files.append(path)
            }
        }
        guard !files.isEmpty else {
            let named = paths.map { "'\($0)'" }.joined(separator: ", ")
            throw RunError(
                message: "no record files found in \(named) (looked for *.yaml, *.yml, *.json and ledgers (*.xlsx, *.xlsm, *.xltx, *.xltm, *.csv, *.tsv), skipping hidden files, rules/, registry/ and legality's own reports)",
                chinese: "在 \(named) 中没有找到决策记录文件（查找 *.yaml、*.yml、*.json 和台账 *.xlsx、*.xlsm、*.xltx、*.xltm、*.csv、*.tsv，跳过隐藏文件、rules/、registry/ 和 legality 自己的报告）")
        }
        var sorted = files.sortedByBytes()
        sorted.configurations = configurations.sorted { $0.precedesInUTF8($1) }
        sorted.registryNamed = registryNamed.sorted { $0.precedesInUTF8($1) }
        sorted.passedOver = (skipped + passedOver.found).sorted { $0.precedesInUTF8($1) }
        // The same file named twice (`a.yaml ./a.yaml`, or a file inside a folder also given) is
        // read once. A folder walk alone never repeats a file, so only then are paths resolved.
        guard paths.count > 1 else { return sorted }
        var seen: Set<PathKey> = []
        var once = PathList(sorted.lazy.filter { seen.insert(PathKey(FileSystem.realPath($0) ?? $0)).inserted })
        once.configurations = sorted.configurations
        once.registryNamed = sorted.registryNamed
        once.passedOver = sorted.passedOver
        return once
    }

    private static func walk(
        _ folder: String, into files: inout PathList, visited: inout Set<PathKey>, roots: [String], skipped: inout [String], configurations: inout [String],
        registryNamed: inout [String], passedOver: inout PassedOverRecords
    ) {
        // A folder whose real path cannot be had (a name that is no UTF-8, a path longer than the
        // system takes) is kept as a path, so that reading it reports it: it went unchecked, unsaid.
        guard let real = FileSystem.realPath(folder) else {
            files.append(folder)
            return
        }
        // A folder reached twice through links is read once, so link loops end.
        guard visited.insert(PathKey(real)).inserted else { return }
        // A link to a folder outside the checked folders is not followed; it is listed, so that
        // reading it reports the link instead of the folder silently going unchecked.
        if FileSystem.isLink(folder), !isInside(real, roots) || passedOverBySearch(real, roots, isFolder: true) != nil {
            files.append(folder)
            return
        }
        // A folder that cannot be listed (no permission) is kept as a path, so that reading it
        // reports it, and the run goes on with the others (it stopped the whole run).
        guard let entries = try? FileSystem.entries(folder) else {
            files.append(folder)
            return
        }
        // The folder's part of each path, made once (`appendingComponent` for each name).
        let prefix = folder == "." ? "" : folder.hasSuffix("/") ? folder : folder + "/"
        for (name, listed) in entries {
            let path = prefix + name
            // Hidden entries are not read (cli.md), but a record among them is said (a draft in
            // `.drafts/` or `.x.yaml` went unchecked without a word).
            if name.hasPrefix("."), name != ".legality.yaml" {
                passedOver.look(at: path, name: name, kind: listed)
                continue
            }
            // (A configuration among the records is noted: the run reads only the one found from
            // the current folder up, and a department's own was passed over unsaid.)
            if name == ".legality.yaml" {
                configurations.append(path)
                continue
            }
            switch listed ?? FileSystem.kind(of: path) {
            case .directory:
                if name != "rules", name != "registry" {
                    walk(path, into: &files, visited: &visited, roots: roots, skipped: &skipped, configurations: &configurations, registryNamed: &registryNamed, passedOver: &passedOver)
                } else {
                    // (A record in `registry/` went unchecked unsaid, as one in `rules/` did.)
                    passedOver.look(at: path, name: name, kind: .directory)
                }
            case .file, .missing, .other:
                // A dangling link or an unreadable entry with a record's name is kept, so that reading
                // it reports the problem instead of the file silently going unchecked.
                // (`~$台账.xlsx` is the owner file Excel and WPS keep beside a workbook while it is
                // open, no workbook: it was a finding of an unreadable file whenever the ledger was open.)
                if hasRecordExtension(name) {
                    if isRegistryFileName(name) { registryNamed.append(path) }
                    if !isRegistryFileName(name), !isOfficeLockFile(name) {
                        if !isOwnFile(path, name: name) {
                            files.append(path)
                        } else if name.hasSuffixIgnoringCase(".schema.json"), PassedOverRecords.looksLikeJSONRecord(FileSystem.prefix(of: path, count: 4096)) {
                            // A record saved under a schema's name is passed over as schemas are, and said.
                            skipped.append(path)
                        }
                    }
                } else if looksLikeRecordCopy(name), !name.lowercased().hasPrefix("registry.") {
                    skipped.append(path)
                } else if looksLikeJSONRecordCopy(name, path: path) {
                    skipped.append(path)
                }
            }
        }
    }

    /// Whether a name is a record file's with more after its extension (`a.yaml.bak`, `b.yml~`,
    /// `c.yaml.orig`): a copy an editor or a person kept, not read as a record.
    /// So is a record's name with spaces after it (`b.yaml `), which no search reads.
    static func looksLikeRecordCopy(_ name: String) -> Bool {
        let lowered = name.lowercased()
        if lowered.last?.isWhitespace == true, hasRecordExtension(String(lowered.reversed().drop(while: \.isWhitespace).reversed())) { return true }
        return lowered.contains(".yaml.") || lowered.contains(".yml.") || lowered.hasSuffix(".yaml~") || lowered.hasSuffix(".yml~")
    }

    /// Whether a name is a JSON file's with more after its extension (`a.json.bak`, `d.json~`),
    /// and its first bytes a record's (a copy of a schema, or `package.json.lock`, is none).
    /// (JSON is a record format too: such copies of records went unsaid.)
    static func looksLikeJSONRecordCopy(_ name: String, path: String) -> Bool {
        let lowered = name.lowercased()
        guard lowered.contains(".json.") || lowered.hasSuffix(".json~") else { return false }
        return PassedOverRecords.looksLikeJSONRecord(FileSystem.prefix(of: path, count: 4096))
    }

    /// Whether a file's name is a registry's: `registry.yaml`, in any letters, or `.yml` (as record
    /// files' extensions are told without regard to case: `Registry.yaml` and `registry.yml` were
    /// read as records, each "lacking" every key of one, and the run had no registry).
    static func isRegistryFileName(_ name: String) -> Bool {
        guard name.utf8.count <= 13 else { return false }
        let lowered = name.lowercased()
        return lowered == "registry.yaml" || lowered == "registry.yml"
    }

    /// The registry file of a folder (see `isRegistryFileName`; `registry.yaml` first, then the
    /// others in byte order), or nil. (A link is asked of too: one leading to nothing is said to,
    /// not passed over.)
    private static func registryFile(in folder: String) -> String? {
        let exact = folder.appendingComponent("registry.yaml")
        if FileSystem.kind(of: exact) == .file || FileSystem.isLink(exact) { return exact }
        guard let names = try? FileSystem.list(folder) else { return nil }
        return names.filter(isRegistryFileName).sorted { $0.precedesInUTF8($1) }.map { folder.appendingComponent($0) }
            .first { FileSystem.kind(of: $0) == .file || FileSystem.isLink($0) }
    }

    /// Refuses a folder holding a second registry beside the one found: another file named as a
    /// registry is (`Registry.yml` beside `registry.yaml`), or a `registry/` folder of files. One
    /// was read and the other passed over unsaid: a stale `registry.yaml` beside the current
    /// `registry/` passed an officer whose certificate had expired.
    private static func refuseSecondRegistry(beside file: String, in folder: String) throws(RunError) {
        let names = ((try? FileSystem.list(folder)) ?? []).filter(isRegistryFileName).map { folder.appendingComponent($0) }
        let directory = folder.appendingComponent("registry")
        let inFolder = FileSystem.kind(of: directory) == .directory
            ? ((try? FileSystem.list(directory)) ?? []).filter { !$0.hasPrefix(".") && hasRecordExtension($0) && !LedgerInput.isSpreadsheet($0) }
            : []
        guard let other = names.first(where: { $0 != file }) ?? (inFolder.isEmpty ? nil : directory + "/") else { return }
        throw RunError(
            message: "two registries of people in one folder: \(file) and \(other); which one holds the people is unknown, so neither is read: keep one, or name it with --registry",
            chinese: "同一文件夹中有两份人员名册：\(file) 和 \(other)；无法确定以哪一份为准，都不读取：请只保留一份，或用 --registry 指定")
    }

    /// What registry searches learned of the folders they passed: each folder's real path and the
    /// registry it holds. The search from a folder goes up through its parents', so a run over a
    /// chain of nested folders, each with a record, asked every folder again for every folder
    /// below it (200 nested folders took 8.8 s).
    struct RegistrySearchMemo {
        /// A registry a folder holds: a registry file, or the record files of its `registry/`.
        enum Held { case file(String), folder([String]) }

        private var held: [PathKey: Held?] = [:]
        /// What the searches found from a folder up, reached before any registry was, by the
        /// search's bounds and whether it had gone above the current folder: the search from the
        /// folder below ends there.
        var searches: [PathKey: (files: [String], hidden: String?)] = [:]
        private var realPaths: [PathKey: String?] = [:]
        /// The current folder, asked once.
        let current = FileSystem.currentDirectory()

        init() {}

        mutating func realPath(_ folder: String) -> String? {
            let key = PathKey(folder)
            if let known = realPaths[key] { return known }
            let real = FileSystem.realPath(folder)
            realPaths[key] = real
            return real
        }

        /// The registry `folder` holds (see `registryFile(in:)`; else a `registry/` folder of
        /// record files: one that holds none is no registry, and the search goes on — an empty one
        /// beside the records hid the registry above them, and the certificate and registration
        /// rules did not run).
        mutating func registry(in folder: String) throws(RunError) -> Held? {
            let key = PathKey(folder)
            if let known = held[key] { return known }
            var found: Held?
            if let file = registryFile(in: folder) {
                found = .file(file)
            } else {
                let directory = folder.appendingComponent("registry")
                if FileSystem.kind(of: directory) == .directory {
                    let files = try FileSystem.list(directory)
                        .filter { name in !name.hasPrefix(".") && hasRecordExtension(name) && !LedgerInput.isSpreadsheet(name) }
                        .map { directory.appendingComponent($0) }
                    if !files.isEmpty { found = .folder(files) }
                }
            }
            held[key] = found
            return found
        }
    }

    /// What the search for a registry finds: the files of the registry nearest to a folder of
    /// records, and the first file of the next one above it within the same bounds, which it hides
    /// (a `registry.yaml` dropped beside a record replaced the repository's, and an expired
    /// certificate passed, unsaid). A registry is `registry.yaml` or the files of `registry/` in
    /// the folder or a folder above it — up to the current folder for records inside it, and up to
    /// `root` (the path given on the command line) for records outside it or when `root` holds the
    /// current folder (`check ..` from a subfolder: the registry beside the path given was passed
    /// over, and a case with an expired certificate passed), so nothing above what the user named
    /// is read. With `searchTop` — the folder of the configuration in force, else the repository's
    /// root — when it holds the current folder, the search goes on above the current folder up to
    /// it (run from a subfolder, the configuration at the repository's root was read and the
    /// registry beside it was not: the certificate rules did not run, exit 0).
    static func registrySearch(
        from start: String, root: String, searchTop: String? = nil, memo: inout RegistrySearchMemo
    ) throws(RunError) -> (files: [String], hidden: String?) {
        let current = memo.current
        let rootFolder = FileSystem.kind(of: root) == .directory ? root : root.parentPath
        let rootReal = memo.realPath(rootFolder)
        // (Paths compared by their bytes, as the file system tells them apart: see `PathKey`.)
        let rootHoldsCurrent = rootReal.map { $0 == "/" || (PathKey(current) != PathKey($0) && current.isPath(inside: $0)) } ?? false
        // The top of the search, when it holds the current folder: the search may go up to it.
        let topReal = searchTop.flatMap { memo.realPath($0) }.flatMap { folder in
            PathKey(current) != PathKey(folder) && current.isPath(inside: folder) ? folder : nil
        }
        var found: [String] = []
        var beyondCurrent = false
        var folder = start
        // The folders passed before a registry was found, each with its search's key: the search
        // from each ends as this one does.
        var passed: [PathKey] = []
        func ending(_ result: (files: [String], hidden: String?)) -> (files: [String], hidden: String?) {
            for key in passed { memo.searches[key] = result }
            return result
        }
        while true {
            if found.isEmpty {
                let key = PathKey("\(beyondCurrent)\u{0}\(root)\u{0}\(searchTop ?? "")\u{0}\(folder)")
                if let known = memo.searches[key] { return ending(known) }
                passed.append(key)
            }
            switch try memo.registry(in: folder) {
            case .file(let file):
                guard found.isEmpty else { return ending((found, file)) }
                try refuseLinkLeaving(file, root: rootReal ?? rootFolder)
                try refuseSecondRegistry(beside: file, in: folder)
                found = [file]
            case .folder(let files):
                // (Never empty: see `RegistrySearchMemo.registry(in:)`.)
                guard found.isEmpty else { return ending((found, files.first)) }
                try refuseLinkLeaving(folder.appendingComponent("registry"), root: rootReal ?? rootFolder)
                for file in files { try refuseLinkLeaving(file, root: rootReal ?? rootFolder) }
                found = files
            case nil:
                break
            }
            guard let real = memo.realPath(folder), real != "/" else { return ending((found, nil)) }
            if PathKey(real) == PathKey(current), !rootHoldsCurrent {
                guard topReal != nil else { return ending((found, nil)) }
                beyondCurrent = true
            }
            if beyondCurrent {
                // Above the current folder, up to the top and no further.
                guard let top = topReal, PathKey(real) != PathKey(top) else { return ending((found, nil)) }
            } else {
                // (Every folder is inside `/`: a run from `/`, as a container starts one, found no
                // registry beside records it was given by an absolute path.)
                let insideCurrent = current == "/" || (PathKey(real) != PathKey(current) && real.isPath(inside: current))
                if !insideCurrent, rootReal.map({ PathKey(real) == PathKey($0) }) ?? true {
                    // Records named outside the current folder but inside the top (`check
                    // ../penalty` from a sibling folder of the repository): on up to the top, as
                    // from the current folder. The registry at the repository's root was passed
                    // over, the certificate rules did not run, and an expired certificate passed,
                    // exit 0, where the same check from the root or from outside failed.
                    guard let top = topReal, PathKey(real) != PathKey(top), real.isPath(inside: top) else { return ending((found, nil)) }
                    beyondCurrent = true
                }
            }
            let last = folder.lastComponent
            folder = last == "." || last == ".." ? folder.appendingComponent("..") : folder.parentPath
        }
    }

    /// Refuses a registry found beside the records (not named) that is a link leading outside the
    /// repository the link is in (outside any, the working folder) and the path given: a
    /// `registry.yaml` linked to a file elsewhere was read, and its names quoted in "did you mean"
    /// hints and its keys in errors, as a named registry outside the repository never is.
    private static func refuseLinkLeaving(_ path: String, root: String) throws(RunError) {
        guard FileSystem.isLink(path) else { return }
        guard let target = FileSystem.realPath(path) else {
            throw RunError(message: "\(path): the registry found beside the records is a link that leads to nothing; correct or remove it (or name a registry with --registry)", chinese: "\(path)：记录旁的人员名册是指向不存在目标的链接；请更正或删除它（或用 --registry 指定人员名册）")
        }
        // The repository the link is in (the records' own, wherever the run is started), else the working folder.
        let linkFolder = FileSystem.realPath(path.parentPath)
        let boundary = linkFolder.flatMap { PreparedRun.enclosingRepository(of: $0) } ?? FileSystem.currentDirectory()
        guard isInside(target, [FileSystem.realPath(boundary) ?? boundary, FileSystem.realPath(root) ?? root]) else {
            throw RunError(message: "\(path): the registry found beside the records is a link that leads outside the repository and the folders checked; it was not read (name a registry kept elsewhere with --registry)", chinese: "\(path)：记录旁的人员名册是指向仓库和所检查文件夹之外的链接，未读取（存放在别处的人员名册请用 --registry 指定）")
        }
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

    /// Rule and calendar files under a folder (or the file itself), sorted, recursively; each real
    /// folder is walked once, so a link loop (`rules-local/a -> .`) ends.
    /// The first link under a folder (walked as `yamlFiles` walks it, hidden names passed by)
    /// whose real path `isInside` refuses; links are not followed. Nil when there is none.
    static func linkLeavingFolder(_ folder: String, isInside: (String) -> Bool) -> String? {
        var pending = [folder]
        var visited: Set<PathKey> = []
        while let current = pending.popLast() {
            guard let real = FileSystem.realPath(current), visited.insert(PathKey(real)).inserted,
                  let names = try? FileSystem.list(current) else { continue }
            for name in names where !name.hasPrefix(".") {
                let child = current.appendingComponent(name)
                if FileSystem.isLink(child) {
                    guard let target = FileSystem.realPath(child), isInside(target) else { return child }
                }
                if FileSystem.kind(of: child) == .directory { pending.append(child) }
            }
        }
        return nil
    }

    static func yamlFiles(under path: String) throws(RunError) -> [String] {
        var visited: Set<PathKey> = []
        return try yamlFiles(under: path, visited: &visited)
    }

    private static func yamlFiles(under path: String, visited: inout Set<PathKey>) throws(RunError) -> [String] {
        switch FileSystem.kind(of: path) {
        case .missing: throw RunError(message: "\(path): no such file or folder", chinese: "\(path)：没有这个文件或文件夹")
        case .directory:
            guard let real = FileSystem.realPath(path), visited.insert(PathKey(real)).inserted else { return [] }
            var result: [String] = []
            for name in try FileSystem.list(path) where !name.hasPrefix(".") {
                let child = path.appendingComponent(name)
                if FileSystem.kind(of: child) == .directory {
                    result += try yamlFiles(under: child, visited: &visited)
                } else if name.hasSuffixIgnoringCase(".yaml") || name.hasSuffixIgnoringCase(".yml") {
                    result.append(child)
                }
            }
            return result
        default:
            return [path]
        }
    }
}
