import Foundation
@testable import LegalityCLI
import Testing

/// Which record files are read: each is opened once, without following a link, and what it is
/// is asked of the open file; a link is followed only inside the checked folders.
@Suite("Admitting a record file")
struct AdmissionTests {
    /// A folder holding one record file, `a.yaml`, and whatever `setUp` adds; its real path.
    func folder(_ setUp: (String) throws -> Void = { _ in }) throws -> String {
        let folder = try CLIRunner.folder(["a.yaml": "id: A\n"])
        let path = try #require(FileSystem.realPath(folder.path))
        try setUp(path)
        return path
    }

    func refusal(_ admission: Discovery.Admission) -> String? {
        if case .refused(_, let en) = admission { en } else { nil }
    }

    func failure(_ admission: Discovery.Admission) -> String? {
        if case .unopenable(let error) = admission { error.message } else { nil }
    }

    @Test func aRegularFileIsOpenedWithItsSize() throws {
        let root = try folder()
        guard case .readable(let input) = Discovery.admission(of: root + "/a.yaml", roots: [root]) else {
            Issue.record("a regular file was not admitted")
            return
        }
        #expect(input.kind == .file)
        #expect(input.size == 6)
        #expect(try input.readAll(path: "a.yaml", limit: 100) == Array("id: A\n".utf8))
    }

    @Test func aLinkInsideTheFoldersIsFollowedAndOneOutsideIsRefused() throws {
        let root = try folder { root in
            try FileManager.default.createSymbolicLink(atPath: root + "/inside.yaml", withDestinationPath: "a.yaml")
            try FileManager.default.createSymbolicLink(atPath: root + "/outside.yaml", withDestinationPath: "/etc/hostname")
        }
        guard case .readable(let input) = Discovery.admission(of: root + "/inside.yaml", roots: [root]) else {
            Issue.record("a link to a record in the folder was not followed")
            return
        }
        #expect(input.size == 6)
        #expect(refusal(Discovery.admission(of: root + "/outside.yaml", roots: [root]))?.contains("outside the checked folders") == true)
    }

    @Test func aFIFOADeviceAndASocketAreRefusedWithoutBlocking() throws {
        let root = try folder { root in
            #expect(mkfifo(root + "/pipe.yaml", 0o644) == 0)
            // A link inside the folder to the FIFO is followed, and the FIFO refused.
            try FileManager.default.createSymbolicLink(atPath: root + "/to-pipe.yaml", withDestinationPath: "pipe.yaml")
            try bindSocket(at: root + "/socket.yaml")
        }
        for name in ["pipe.yaml", "to-pipe.yaml", "socket.yaml"] {
            #expect(refusal(Discovery.admission(of: root + "/" + name, roots: [root]))?.contains("not a regular file") == true, "\(name)")
        }
        // A device (were `/dev` checked): opened without blocking, and refused unread.
        #expect(refusal(Discovery.admission(of: "/dev/null", roots: ["/dev"]))?.contains("not a regular file") == true)
    }

    @Test func aMissingFileADanglingLinkAndALinkLoopSayWhyTheyCannotBeRead() throws {
        let root = try folder { root in
            try FileManager.default.createSymbolicLink(atPath: root + "/dangling.yaml", withDestinationPath: "nowhere.yaml")
            try FileManager.default.createSymbolicLink(atPath: root + "/loop1.yaml", withDestinationPath: "loop2.yaml")
            try FileManager.default.createSymbolicLink(atPath: root + "/loop2.yaml", withDestinationPath: "loop1.yaml")
        }
        #expect(failure(Discovery.admission(of: root + "/missing.yaml", roots: [root])) == "\(root)/missing.yaml: cannot read: No such file or directory")
        #expect(failure(Discovery.admission(of: root + "/dangling.yaml", roots: [root])) == "\(root)/dangling.yaml: cannot read: No such file or directory")
        #expect(failure(Discovery.admission(of: root + "/loop1.yaml", roots: [root])) == "\(root)/loop1.yaml: cannot read: Too many levels of symbolic links")
    }

    @Test func aFolderIsOpenedAndSaysSoWhenRead() throws {
        let root = try folder { root in try FileManager.default.createDirectory(atPath: root + "/dir.yaml", withIntermediateDirectories: false) }
        guard case .readable(let input) = Discovery.admission(of: root + "/dir.yaml", roots: [root]) else {
            Issue.record("a folder was refused before it was read")
            return
        }
        let error = #expect(throws: RunError.self) { try input.readAll(path: "dir.yaml", limit: .max) }
        #expect(error?.message == "dir.yaml: is a folder, not a file")
    }

    /// Leaves a Unix socket bound at `path`.
    func bindSocket(at path: String) throws {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        try #require(descriptor >= 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (offset, byte) in path.utf8.prefix(buffer.count - 1).enumerated() { buffer[offset] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        close(descriptor)
    }
}
