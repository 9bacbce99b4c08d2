import Foundation

/// Runs the built `legality` executable, as a user would, and captures what it says.
struct CLIRunner {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The executable under test: `$LEGALITY_BINARY` (as `make sanitize` sets it), else the debug build.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["LEGALITY_BINARY"], !path.isEmpty {
            return path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
        }
        return root.appendingPathComponent(".build/debug/legality")
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in directory: URL = root, environment: [String: String] = [:]) throws -> Result {
        try launch(binary, arguments, in: directory, environment: environment)
    }

    /// Runs a bash script in which `$0` is the executable under test.
    static func shell(_ script: String, in directory: URL) throws -> Result {
        try launch(URL(fileURLWithPath: "/bin/bash"), ["-c", script, binary.path], in: directory, environment: [:])
    }

    private static func launch(_ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["LEGALITY_RULES"] = root.appendingPathComponent("rules").path
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        // Output goes to files, not pipes: a child that fills one pipe while the test waits on the
        // other would never finish.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("legality-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        // (A file that could not be made fails the opening below.)
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// The folder that holds every folder this test process makes; removed when the process exits,
    /// so a run of the suite leaves nothing behind in the temporary directory.
    static let scratchRoot: URL = {
        atexit {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("legality-tests-\(getpid())")
            try? FileManager.default.removeItem(at: root)
        }
        return FileManager.default.temporaryDirectory.appendingPathComponent("legality-tests-\(getpid())")
    }()

    /// A fresh folder with the given files (path → text), under `scratchRoot`.
    static func folder(_ files: [String: String]) throws -> URL {
        let url = scratchRoot.appendingPathComponent(UUID().uuidString)
        for (path, text) in files {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }
}

enum Fixtures {
    static let registry = """
        people:
          - {id: P-1, name: 王镇长, roles: [head]}
          - {id: P-2, name: 钱律师, qualifications: [{type: legal_profession}]}
          - {id: P-3, name: 张执法, certificates: [{type: enforcement, valid_from: 2019-01-01, valid_until: 2030-12-31}]}
          - {id: P-4, name: 刘执法, certificates: [{type: enforcement, valid_from: 2019-01-01, valid_until: 2030-12-31}]}
        """

    static let compliant = """
        id: T-2024-001
        kind: major_administrative_decision
        title: 某镇老旧小区改造方案
        steps:
          - type: legality_review
            submitted: 2024-03-01
            date: 2024-03-15
            outcome: passed
            by: [P-2]
            signoffs:
              - {person: P-2, role: legal_adviser, date: 2024-03-15}
          - type: collective_discussion
            date: 2024-03-20
            meeting: {type: executive, minutes: true}
          - {type: decision, date: 2024-03-20, by: [P-1]}
          - {type: publication, date: 2024-03-25}
        """

    /// The compliant record with the review moved after the meeting: MAD-002.
    static var lateReview: String {
        compliant.replacingOccurrences(of: "T-2024-001", with: "T-2024-002")
            .replacingOccurrences(of: "submitted: 2024-03-01\n    date: 2024-03-15", with: "date: 2024-03-22")
            .replacingOccurrences(of: "date: 2024-03-15}", with: "date: 2024-03-22}")
    }

    /// Only a warning: no minutes (MAD-012).
    static var noMinutes: String {
        compliant.replacingOccurrences(of: "T-2024-001", with: "T-2024-003").replacingOccurrences(of: "minutes: true", with: "minutes: false")
    }
}
