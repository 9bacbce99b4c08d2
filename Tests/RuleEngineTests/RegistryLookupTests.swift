import DecisionRecords
import RuleEngine
import Testing

/// A record is checked against the registry of the folder its file is in: the few folders of a run
/// are compared with the file's folder in place, many are looked up by name, with the same answers.
@Suite("Registry lookup by folder")
struct RegistryLookupTests {
    /// A registry holding one person, by whose id the test tells registries apart.
    static func registry(_ id: String) -> Registry { Registry(people: [Person(id: id)]) }

    /// The id of the one person in the registry a file is checked against; nil for no registry.
    static func owner(of file: String, in lookup: RegistryLookup) -> String? {
        guard let registry = lookup.registry(for: file) else { return nil }
        return ["A", "AB", "HERE", "ROOT", "CAFE", "TWIN", "EXTRA", "O4", "O5"].first { registry.person($0) != nil }
    }

    static let folders: [(folder: String, registry: Registry)] = [("a", registry("A")), ("a/b", registry("AB")), (".", registry("HERE")), ("/", registry("ROOT"))]

    @Test(arguments: [
        ("a/x.yaml", "A"), ("a/b/y.yaml", "AB"), ("z.yaml", "HERE"), ("/r.yaml", "ROOT"),
        ("c/z.yaml", nil), ("a/b/c/deep.yaml", nil), ("ab/x.yaml", nil), ("a", "HERE"),
    ] as [(String, String?)])
    func aFileUsesTheRegistryOfItsOwnFolder(file: String, expected: String?) {
        let few = RegistryLookup(byFolder: Self.folders, coversEveryRecord: false, files: [])
        #expect(Self.owner(of: file, in: few) == expected)
        // Past four folders they are looked up by name: the same answers.
        let more = Self.folders + [("x", Self.registry("EXTRA"))]
        let many = RegistryLookup(byFolder: more, coversEveryRecord: false, files: [])
        #expect(Self.owner(of: file, in: many) == expected)
    }

    /// A folder named in other bytes of the same text (`café` precomposed and decomposed, `不`
    /// U+4E0D and U+F967) is another folder to the file system, with a registry of its own or
    /// none: as one key, the second used the first's, and a certificate its own registry said had
    /// expired passed.
    @Test(arguments: [4, 6])
    func aFolderNamedInOtherBytesOfTheSameTextIsAnotherFolder(folderCount: Int) {
        var folders: [(folder: String, registry: Registry)] = [("caf\u{E9}", Self.registry("CAFE")), ("\u{F967}予", Self.registry("TWIN"))]
        for index in folders.count..<folderCount { folders.append(("other\(index)", Self.registry("O\(index)"))) }
        let lookup = RegistryLookup(byFolder: folders, coversEveryRecord: false, files: [])
        #expect(Self.owner(of: "caf\u{E9}/record.yaml", in: lookup) == "CAFE")
        #expect(Self.owner(of: "cafe\u{301}/record.yaml", in: lookup) == nil)
        #expect(Self.owner(of: "\u{F967}予/record.yaml", in: lookup) == "TWIN")
        #expect(Self.owner(of: "\u{4E0D}予/record.yaml", in: lookup) == nil)
        #expect(Self.owner(of: "cafe/record.yaml", in: lookup) == nil)
    }

    /// A path's folder is everything before its last slash, read as bytes: Chinese names and
    /// names in other Unicode forms come back as written.
    @Test(arguments: [
        ("a/b/c.yaml", "a/b"), ("c.yaml", "."), ("/c.yaml", "/"), ("记录/二〇二四/文件.yaml", "记录/二〇二四"),
        ("cafe\u{301}/r.yaml", "cafe\u{301}"), ("a//b.yaml", "a/"), ("folder/", "folder"), ("", "."),
    ])
    func aPathsFolderIsWhatComesBeforeItsLastSlash(path: String, folder: String) {
        #expect(Array(RegistryLookup.folder(of: path).utf8) == Array(folder.utf8))
    }

    @Test func oneRegistryGivenByNameServesEveryFile() {
        let lookup = RegistryLookup(Self.registry("A"))
        #expect(Self.owner(of: "anywhere/at/all.yaml", in: lookup) == "A")
        #expect(RegistryLookup(nil).registry(for: "a/x.yaml") == nil)
    }
}
