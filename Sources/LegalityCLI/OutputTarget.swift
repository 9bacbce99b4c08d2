#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `--output` may write: never over a file the run reads. `--output` naming a record being
/// checked (or the registry) replaced it with the report, and the next run read the report as
/// the record, or stopped at a registry it could not read.
enum OutputTarget {
    /// Refuses an output file that is one of the run's records, or one of its other inputs
    /// (registry, configuration, calendars, rule files, ledger mappings, and every data file of the
    /// built-in rules folder and of the rule folders given: a report written over the vocabulary
    /// made every later run stop); the same file by another
    /// path or link counts (it is compared by device and inode). A target that does not exist
    /// yet, or is no regular file (`/dev/null`), reads nothing.
    static func requireNotAnInput(_ output: String?, records: PathList, run: PreparedRun) throws(RunError) {
        guard let output, output != "-" else { return }
        var target = stat()
        guard stat(output, &target) == 0, target.st_mode & S_IFMT == S_IFREG else { return }
        func isTarget(_ path: String) -> Bool {
            var other = stat()
            return path != "-" && stat(path, &other) == 0 && other.st_dev == target.st_dev && other.st_ino == target.st_ino
        }
        // (The rule files loaded, not only the folders named: a rule file inside `--rules FOLDER` is an input too.)
        let folders = [Discovery.builtinRulesFolder()].compactMap { $0 } + run.extraRules + run.mappingPaths
        let others = run.registries.files + [run.configuration.file].compactMap { $0 } + run.extraCalendars + run.extraRules
            + run.rules.rules.map(\.file) + folders.flatMap { (try? Discovery.yamlFiles(under: $0)) ?? [] }
        guard let input = others.first(where: isTarget) ?? records.first(where: isTarget) else { return }
        throw RunError(
            message: "\(output): the report would replace \(input), which this run reads; write the report to another file",
            chinese: "\(output)：报告会覆盖本次运行读取的文件 \(input)；请把报告写到另一个文件")
    }
}
