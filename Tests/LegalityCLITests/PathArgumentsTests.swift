import Foundation
@testable import LegalityCLI
import Testing

/// Thousands of paths on the command line are read past the argument parser (whose time grows
/// with their square), and reach the command exactly as the parser would have given them.
@Suite struct PathArgumentsTests {
    static func paths(_ count: Int) -> [String] { (0..<count).map { "records/r\($0).yaml" } }

    @Test func aShortCommandLineIsParsedWhole() {
        // The run at the end is the option's value and the paths: the threshold's length in all.
        let arguments = ["check", "--format", "json"] + Self.paths(PathArguments.threshold - 1)
        let (parsed, setAside) = PathArguments.split(arguments)
        #expect(parsed == arguments)
        #expect(setAside.isEmpty)
    }

    @Test func theRunOfPathsAtTheEndIsShortened() throws {
        let paths = Self.paths(1_000)
        let arguments = ["check", "--format", "json"] + paths
        let (parsed, setAside) = PathArguments.split(arguments)
        // The run begins with the option's value: it and the first paths stay with the parser.
        #expect(parsed == ["check", "--format", "json"] + paths.prefix(PathArguments.kept - 1))
        #expect(setAside == Array(paths.dropFirst(PathArguments.kept - 1)))
        // What the parser makes of the rest, with the paths set aside given back, is what it
        // makes of the whole command line.
        var command = try Legality.parseAsRoot(parsed)
        #expect(PathArguments.restore(setAside, to: &command))
        let whole = try #require(try Legality.parseAsRoot(arguments) as? CheckCommand)
        let restored = try #require(command as? CheckCommand)
        #expect(restored.paths == whole.paths)
        #expect(restored.paths == paths)
    }

    @Test func pathsAfterAnOptionInTheMiddleOrWithoutASubcommandComeBackInOrder() throws {
        let paths = Self.paths(600)
        for arguments in [
            Array(paths.prefix(3)) + ["--jobs", "2"] + Array(paths.dropFirst(3)),
            paths,
            ["gate", "--meeting", "2026-04-08"] + paths,
        ] {
            let (parsed, setAside) = PathArguments.split(arguments)
            #expect(!setAside.isEmpty)
            var command = try Legality.parseAsRoot(parsed)
            #expect(PathArguments.restore(setAside, to: &command))
            let restored = try #require(command as? any TakesPaths)
            #expect(restored.paths == paths)
        }
    }

    @Test func aCommandThatTakesNoPathsIsParsedWhole() throws {
        // `rules lint` takes rule files, not record paths: the set-aside paths cannot be given
        // back, and the caller parses the whole command line instead.
        let arguments = ["rules", "lint"] + Self.paths(400)
        let (parsed, setAside) = PathArguments.split(arguments)
        var command = try Legality.parseAsRoot(parsed)
        #expect(!PathArguments.restore(setAside, to: &command))
    }

    @Test func aCheckOfPathsNamedOneByOneReportsAsOfTheirFolder() throws {
        var files: [String: String] = [:]
        let record = try String(contentsOf: CLIRunner.root.appendingPathComponent("cases/mad/liuwan-sand-failed-review.yaml"), encoding: .utf8)
        for index in 0..<400 { files["r/\(index / 100)/\(index).yaml"] = record }
        let folder = try CLIRunner.folder(files)
        let listed = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted().map { "./" + $0 }
        #expect(listed.count == 400)
        let byFolder = try CLIRunner.run(["check", "--format", "json", "--as-of", "2026-12-03", "./r"], in: folder)
        let byName = try CLIRunner.run(["check", "--format", "json", "--as-of", "2026-12-03"] + listed, in: folder)
        #expect(byFolder.status == 1)
        #expect(byName.status == byFolder.status)
        #expect(byName.stdout == byFolder.stdout)
        #expect(byName.stdout.contains("\"records\": 400") || byName.stdout.contains("\"records\":400"))
    }
}
