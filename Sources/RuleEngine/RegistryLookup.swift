public import DecisionRecords

/// Which registry of people each record is checked against: one for every record (`--registry`),
/// or the nearest one at or above the record's folder.
public struct RegistryLookup: Sendable {
    /// The registry for every record, when one was named.
    private var single: Registry?
    /// The registry of each folder that holds records, by the folder's bytes: two folders whose
    /// names are canonically equivalent in Unicode but other bytes (`不` U+4E0D and U+F967) are
    /// two to the file system, each with its own registry (as `String` keys, the second used the
    /// first's, and a certificate its own registry said had expired passed).
    private var byFolder: [[UInt8]: Registry]
    /// The same registries as a list, searched in place when there are few.
    private var folderList: [(folder: String, registry: Registry)]
    /// Whether every record checked has a registry (else the record pack reports the run).
    public var coversEveryRecord: Bool
    /// The registry files in use, sorted, for reports.
    public var files: [String]
    /// Registries found beside records that hide another above them (`nearer` is read, `hidden`
    /// is not), sorted: each is said, since a copy dropped beside a record replaced the
    /// repository's registry unsaid.
    public var hidden: [(nearer: String, hidden: String)] = []

    /// One registry for every record, or none at all.
    public init(_ registry: Registry?, files: [String] = []) {
        single = registry
        byFolder = [:]
        folderList = []
        coversEveryRecord = registry != nil
        self.files = files
    }

    /// Registries by folder: a record uses the one given for the folder its file is in.
    public init(byFolder: [(folder: String, registry: Registry)], coversEveryRecord: Bool, files: [String]) {
        single = nil
        self.byFolder = Dictionary(byFolder.map { (Array($0.folder.utf8), $0.registry) }, uniquingKeysWith: { first, _ in first })
        folderList = byFolder
        self.coversEveryRecord = coversEveryRecord
        self.files = files.sorted { $0.precedesInUTF8($1) }
    }

    /// The registry a record file is checked against; nil when it has none.
    public func registry(for file: String) -> Registry? {
        if let single { return single }
        guard !byFolder.isEmpty else { return nil }
        // Asked for every record: with a few folders, their names are compared with the file's
        // folder in place, without making a string of it and hashing that.
        if folderList.count <= 4 {
            var path = file
            return path.withUTF8 { bytes in
                let folder: UnsafeBufferPointer<UInt8>
                switch bytes.lastIndex(of: UInt8(ascii: "/")) {
                case nil: return registry(inFolderNamed: ".")
                case 0: return registry(inFolderNamed: "/")
                case let slash?: folder = UnsafeBufferPointer(rebasing: bytes[..<slash])
                }
                for entry in folderList {
                    var name = entry.folder
                    if name.withUTF8({ String.sameBytes($0[...], folder[...]) }) { return entry.registry }
                }
                return nil
            }
        }
        return byFolder[Array(Self.folder(of: file).utf8)]
    }

    private func registry(inFolderNamed name: String) -> Registry? { byFolder[Array(name.utf8)] }


    /// The folder part of a path ("." for a bare name).
    public static func folder(of path: String) -> String {
        // Read as bytes in place: searching the string's UTF-8 view and cutting a substring of it
        // cost some 1,200 instructions a path, and every record file's folder is asked for.
        var path = path
        return path.withUTF8 { bytes in
            switch bytes.lastIndex(of: UInt8(ascii: "/")) {
            case nil: "."
            case 0: "/"
            case let slash?: String(decoding: UnsafeBufferPointer(rebasing: bytes[..<slash]), as: UTF8.self)
            }
        }
    }
}
