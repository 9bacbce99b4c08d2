@testable import Reporters
import Testing

/// How SARIF names a file: from the root of the run's repository, wherever the run was started,
/// and a file outside it by its absolute path.
@Suite struct SARIFPathTests {
    @Test(arguments: [
        // (file, working folder, repository path or nil)
        ("a.yaml", "/r/county", "county/a.yaml"),
        ("../.legality.yaml", "/r/county", ".legality.yaml"),
        ("repo/county seat/a.yaml", "/tmp", nil),
        ("r/county/a.yaml", "/", "county/a.yaml"),
        ("/r/county/a.yaml", "/elsewhere", "county/a.yaml"),
        ("../../../r/a.yaml", "/r/x", "a.yaml"),
        ("../other/b.yaml", "/r", nil),
        ("/r", "/", nil),
        ("-", "/r", nil),
    ] as [(String, String, String?)])
    func aFileIsNamedFromTheRepositorysRoot(file: String, workingFolder: String, expected: String?) {
        #expect(SARIFReporter.repositoryPath(file, (root: "/r", workingFolder: workingFolder)) == expected)
    }

    @Test func aRepositoryAtTheRootOfTheFileSystemHoldsEveryFile() {
        #expect(SARIFReporter.repositoryPath("a/b.yaml", (root: "/", workingFolder: "/x")) == "x/a/b.yaml")
    }

    /// A file outside the repository is named by its absolute path: `other/b.yaml`, relative to
    /// the root, pointed at a file of the repository that may exist.
    @Test func aFileOutsideTheRepositoryIsNamedByItsAbsolutePath() throws {
        let json = SARIFReporter.physicalLocation(file: "other/b.yaml", position: nil, repository: (root: "/s/repo", workingFolder: "/s"))
        var text = ""
        json.write(to: &text, indent: "")
        #expect(text.contains("\"uri\": \"file:///s/other/b.yaml\""), "\(text)")
        #expect(!text.contains("uriBaseId"), "\(text)")
    }
}
