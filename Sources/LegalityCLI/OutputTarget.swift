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
        if let input = others.first(where: isTarget) ?? records.first(where: isTarget) {
            throw RunError(
                message: "\(output): the report would replace \(input), which this run reads; write the report to another file",
                chinese: "\(output)：报告会覆盖本次运行读取的文件 \(input)；请把报告写到另一个文件")
        }
        try requireNoRecord(output)
    }

    /// Refuses an existing file that may be a record of another run: a YAML file (legality writes
    /// no YAML report), or a JSON or CSV file that is not legality's own report. A file a
    /// pre-commit hook passed as `--output=记录.yaml` replaced a committed record the run did not
    /// read. (A workbook cannot be told from a ledger by its first bytes, and is replaced; an
    /// empty file holds nothing.)
    private static func requireNoRecord(_ output: String) throws(RunError) {
        // (An empty file holds no record: a report may go to one made for it, as by `mktemp`.)
        let prefix = FileSystem.prefix(of: output, count: 4096)
        guard !prefix.isEmpty else { return }
        let name = output.split(separator: "/").last.map(String.init) ?? output
        let fileExtension = name.split(separator: ".").count > 1 ? name.split(separator: ".").last.map { $0.lowercased() } ?? "" : ""
        let mayBeRecord = switch fileExtension {
        case "yaml", "yml": true
        case "json": !ReportSniffer.isReport(output)
        case "csv", "tsv": !ReportSniffer.isCSVReport(prefix)
        default: false
        }
        guard mayBeRecord else { return }
        throw RunError(
            message: "\(output): the file exists and may be a decision record (legality writes no report over a YAML file, nor over JSON or CSV that is no report of its own); write the report to another file",
            chinese: "\(output)：该文件已存在，可能是决策记录（legality 不会用报告覆盖 YAML 文件，也不覆盖不是其报告的 JSON 或 CSV 文件）；请把报告写到另一个文件")
    }
}
