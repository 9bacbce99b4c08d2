@testable import LegalityCLI
import RuleEngine
import Testing

@Suite("The run's list of record files")
struct PathListTests {
    static let paths = [
        "记录/2026/决策.yaml", "a/b.yaml", "a-c.yaml", "a.yaml", "a/b/c.yaml", "A.yaml", "a", "",
        "z/\u{e9}.yaml", "z/e\u{301}.yaml", "./a.yaml", "记录/2026-1.yaml", "记录/2026/决策.yml",
    ]

    @Test("Every path reads back as it was appended")
    func roundTrip() {
        let list = PathList(Self.paths)
        #expect(list.count == Self.paths.count)
        #expect(Array(list) == Self.paths)
        #expect(PathList().isEmpty)
    }

    @Test("Standard input is told by its bytes, and only the path '-' is it")
    func standardInput() {
        #expect(!PathList(Self.paths).holdsStandardInput)
        #expect(!PathList(["-a.yaml", "a/-", "--", ""]).holdsStandardInput)
        #expect(PathList(["a.yaml", "-", "b.yaml"]).holdsStandardInput)
        #expect(PathList(["-"]).holdsStandardInput)
    }

    @Test("Paths sort by their bytes, exactly as every report orders files")
    func byteOrder() {
        let sorted = PathList(Self.paths).sortedByBytes()
        #expect(Array(sorted) == Self.paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        // A folder's files come after a sibling whose name continues with a byte below '/'.
        #expect(Array(sorted).firstIndex(of: "a-c.yaml")! < Array(sorted).firstIndex(of: "a/b.yaml")!)
    }

    @Test("Thousands of paths in any order come out in byte order")
    func manyPaths() {
        var generator = SystemRandomNumberGenerator()
        let paths = (0..<5_000).map { number in "d\(number % 37)/记录-\(UInt32.random(in: 0...999_999, using: &generator)).yaml" }
        #expect(Array(PathList(paths).sortedByBytes()) == paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    @Test("Each run of paths in one folder gives its folder once, with the run's first path")
    func folderRuns() {
        let paths = ["a/x.yaml", "a/y.yaml", "b/z.yaml", "a/w.yaml", "q.yaml", "r.yaml", "/s.yaml", "/t.yaml",
                     "记录/二〇二四/甲.yaml", "记录/二〇二四/乙.yaml", "记录/丙.yaml", "./u.yaml", "v.yaml", "ab/c.yaml"]
        let runs = PathList(paths).folderRuns()
        #expect(runs.map(\.folder) == ["a", "b", "a", ".", "/", "记录/二〇二四", "记录", ".", ".", "ab"])
        #expect(runs.map(\.firstPath) == ["a/x.yaml", "b/z.yaml", "a/w.yaml", "q.yaml", "/s.yaml", "记录/二〇二四/甲.yaml",
                                           "记录/丙.yaml", "./u.yaml", "v.yaml", "ab/c.yaml"])
        // Each run's folder is the folder the registry lookup gives each of its paths.
        for path in paths { #expect(runs.contains { $0.folder == RegistryLookup.folder(of: path) }) }
        #expect(PathList().folderRuns().isEmpty)
    }
}

@Suite("A path's folder and last component")
struct PathTextTests {
    @Test("The folder is what comes before the last slash")
    func parentPath() {
        #expect("记录/2026/决策.yaml".parentPath == "记录/2026")
        #expect("决策.yaml".parentPath == ".")
        #expect("/决策.yaml".parentPath == "/")
        #expect("a/".parentPath == "a")
        #expect("z/e\u{301}/f.yaml".parentPath == "z/e\u{301}")
    }

    @Test("The last component is what comes after the last slash")
    func lastComponent() {
        #expect("记录/2026/决策.yaml".lastComponent == "决策.yaml")
        #expect("决策.yaml".lastComponent == "决策.yaml")
        #expect("rules/".lastComponent == "")
        #expect("z/e\u{301}".lastComponent == "e\u{301}")
    }
}
