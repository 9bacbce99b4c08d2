import DecisionRecords
import RuleEngine

/// The record files of a run, kept as the bytes of one buffer: a run of a million files held a
/// million strings (about 96 bytes each for a path of 42 bytes: a heap object and a slot), where
/// this keeps the 42 bytes and an 8-byte end. Each path becomes a `String` when it is read.
struct PathList: RandomAccessCollection, Sendable {
    private var bytes: [UInt8] = []
    /// Where each path ends in `bytes`; the next one starts there.
    private var ends: [Int] = []
    /// The configurations (`.legality.yaml`) met in the folders searched for the paths, which a
    /// run reads none of but the one in force (`PreparedRun.noteConfigurationsNotRead`).
    var configurations: [String] = []
    /// The files named as a registry is (`registry.yaml`, `Registry.yml`) met in those folders,
    /// which the search never reads as records (`PreparedRun.noteRegistryNamesNotRead`).
    var registryNamed: [String] = []
    /// Files a folder search passed over that may be records: named like a record's copy
    /// (`a.yaml.txt`, `b.yaml.bak`), or looking like one in a hidden or `rules/` folder. Said on
    /// standard error, and on the gate's checklist, which is what an adviser signs.
    var passedOver: [String] = []

    init() {}

    init(_ paths: some Sequence<String>) {
        for path in paths { append(path) }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { ends.count }

    subscript(position: Int) -> String {
        String(decoding: bytes[range(of: position)], as: UTF8.self)
    }

    /// Whether the list holds standard input (`-`): asked of the bytes, without a string made of
    /// each path.
    var holdsStandardInput: Bool {
        indices.contains { range(of: $0).count == 1 && bytes[range(of: $0).lowerBound] == UInt8(ascii: "-") }
    }

    mutating func append(_ path: String) {
        bytes += path.utf8
        ends.append(bytes.count)
    }

    private func range(of position: Int) -> Range<Int> {
        (position == 0 ? 0 : ends[position - 1])..<ends[position]
    }

    /// The folder of each run of paths in one folder (as `RegistryLookup.folder(of:)` names it),
    /// with the run's first path: compared in the buffer, so the paths of a folder are not each
    /// made a string (20,000 files in one folder make one run). A folder may come in several runs.
    func folderRuns() -> [(folder: String, firstPath: String)] {
        var runs: [(folder: String, firstPath: String)] = []
        // The bytes of the previous path's folder part (empty for a path without a slash).
        var previous: Range<Int>?
        bytes.withUnsafeBufferPointer { buffer in
            for position in indices {
                let path = range(of: position)
                let folder = switch buffer[path].lastIndex(of: UInt8(ascii: "/")) {
                case nil: path.lowerBound..<path.lowerBound
                case path.lowerBound?: path.lowerBound..<(path.lowerBound + 1)
                case let slash?: path.lowerBound..<slash
                }
                if let previous, String.sameBytes(buffer[previous], buffer[folder]) { continue }
                previous = folder
                runs.append((RegistryLookup.folder(of: self[position]), self[position]))
            }
        }
        return runs
    }

    /// The same paths in byte order (`String.precedesInUTF8`), compared in place in the buffer.
    func sortedByBytes() -> PathList {
        var order = Array(indices)
        bytes.withUnsafeBufferPointer { buffer in
            order.sort { lhs, rhs in String.bytesPrecede(buffer[range(of: lhs)], buffer[range(of: rhs)]) }
        }
        var sorted = PathList()
        sorted.bytes.reserveCapacity(bytes.count)
        sorted.ends.reserveCapacity(ends.count)
        for position in order {
            sorted.bytes += bytes[range(of: position)]
            sorted.ends.append(sorted.bytes.count)
        }
        return sorted
    }
}
