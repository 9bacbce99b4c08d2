import ArgumentParser

/// A command whose last argument is a list of paths (records, rule files), which a long command
/// line may fill with thousands (a pre-commit hook names every changed file).
protocol TakesPaths {
    var paths: [String] { get set }
}

extension CheckCommand: TakesPaths {}
extension GateCommand: TakesPaths {}
extension AuditCommand: TakesPaths {}
extension ReportCommand: TakesPaths {}

/// Sets aside the paths at the end of a long command line, so that the argument parser reads
/// only the first of them, and gives them back to the command it made.
///
/// swift-argument-parser takes time that grows with the square of the values of an array
/// argument (each value it adds copies the set of places the values came from): 10,000 paths
/// took 3.4 s before a file was read, 4,000 took 0.5 s. The paths set aside are those after the
/// first `kept` of the longest run of arguments at the end that do not start with `-`: every
/// option of the commands takes at most one value, so only the run's first argument can be an
/// option's value, and the rest are the command's paths, in order.
enum PathArguments {
    /// Runs of more than this many arguments at the end are shortened.
    static let threshold = 256
    /// How many of the run the parser still reads (its first may be an option's value, and the
    /// subcommand's name may stand in it when no option comes before the paths).
    static let kept = 64

    /// The arguments to parse, and the paths set aside (empty for a short command line).
    static func split(_ arguments: [String]) -> (parsed: [String], setAside: [String]) {
        var start = arguments.endIndex
        while start > arguments.startIndex, !arguments[start - 1].hasPrefix("-") { start -= 1 }
        guard arguments.endIndex - start > threshold else { return (arguments, []) }
        let cut = start + kept
        return (Array(arguments[..<cut]), Array(arguments[cut...]))
    }

    /// Gives the paths set aside back to the command, after those it read; false when the
    /// command takes no paths (the caller then parses the whole command line).
    static func restore(_ setAside: [String], to command: inout any ParsableCommand) -> Bool {
        guard !setAside.isEmpty else { return true }
        guard var withPaths = command as? any ParsableCommand & TakesPaths else { return false }
        withPaths.paths += setAside
        command = withPaths
        return true
    }
}
