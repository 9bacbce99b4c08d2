import Ledgers
import Reporters

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
        try requireNoRecord(output, size: Int(target.st_size))
    }

    /// Refuses an existing file that may be a record of another run: a YAML file (legality writes
    /// no YAML report), or a JSON, CSV or workbook file that is not legality's own report, or one
    /// that cannot be read to tell. A file a pre-commit hook passed as `--output=记录.yaml` replaced
    /// a committed record the run did not read; a link named `.yaml`, a record the user could not
    /// read and a ledger workbook were replaced too. (An empty file holds nothing: a report may go
    /// to one made for it, as by `mktemp`.)
    private static func requireNoRecord(_ output: String, size: Int) throws(RunError) {
        guard size > 0 else { return }
        let name = output.split(separator: "/").last.map(String.init) ?? output
        let fileExtension = name.split(separator: ".").count > 1 ? name.split(separator: ".").last.map { $0.lowercased() } ?? "" : ""
        let mayBeRecord = switch fileExtension {
        case "yaml", "yml": true
        case "json": !ReportSniffer.isReport(output)
        case "csv", "tsv": !ReportSniffer.isCSVReport(FileSystem.prefix(of: output, count: 4096))
        case "xlsx", "xlsm", "xltx", "xltm": !isOwnWorkbook(output)
        default: false
        }
        guard mayBeRecord else { return }
        throw RunError(
            message: "\(output): the file exists and may be decision records (legality writes no report over a YAML file, nor over JSON, CSV or a workbook that is no report of its own); write the report to another file",
            chinese: "\(output)：该文件已存在，可能是决策记录或台账（legality 不会用报告覆盖 YAML 文件，也不覆盖不是其报告的 JSON、CSV 或工作簿文件）；请把报告写到另一个文件")
    }

    /// Whether a workbook is one legality wrote (its application says so), and no ledger.
    private static func isOwnWorkbook(_ path: String) -> Bool {
        guard let bytes = try? FileSystem.read(path), let workbook = try? WorkbookReader.open(bytes) else { return false }
        return workbook.application == WorkbookReporter.application
    }
}
