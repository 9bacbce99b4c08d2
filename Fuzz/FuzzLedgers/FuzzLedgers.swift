#if canImport(Glibc)
import Glibc
#endif
import DecisionRecords
import Ledgers
import OfficePackage
import YAMLTree

/// The penalty-case layout, read once from the built-in rules.
private let mappings: [LedgerMapping] = {
    let kinds: Set<String> = ["administrative_penalty", "major_administrative_decision", "normative_document"]
    var bytes: [UInt8] = []
    if let file = fopen("rules/ledgers/penalty-cases.yaml", "rb") {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let count = fread(&buffer, 1, buffer.count, file)
        fclose(file)
        bytes = Array(buffer.prefix(count))
    }
    return (try? LedgerMappingReader.read(bytes, file: "penalty-cases.yaml", kinds: kinds)) ?? []
}()

/// libFuzzer entry: any bytes as a ledger. `PK…` is read as a workbook; `<…` as a sheet's XML,
/// packed into a workbook first (so the XML reader and the sheet reader see every mutation);
/// anything else as CSV. Each table is matched and its rows turned into records and YAML.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLedgers(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if bytes.first == UInt8(ascii: "<") {
        let parts: [OfficePackage.Part] = [
            .init("xl/workbook.xml", text: #"<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            .init("xl/_rels/workbook.xml.rels", text: #"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#),
            .init("xl/styles.xml", text: #"<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>"#),
            OfficePackage.Part("xl/worksheets/sheet1.xml", text: String(decoding: bytes, as: UTF8.self)),
        ]
        guard let packed = try? OfficePackage(parts: parts).zipped() else { return 0 }
        bytes = packed
    }
    let tables: [LedgerTable]
    if bytes.starts(with: [0x50, 0x4B]) {
        guard let read = try? WorkbookReader.read(bytes, maxRows: 1_000) else { return 0 }
        tables = read
        _ = (try? WorkbookReader.open(bytes))?.application
    } else {
        guard let read = try? CSVTableReader.read(bytes, maxRows: 1_000) else { return 0 }
        tables = [read]
    }
    for table in tables {
        guard case .matched(let layout) = LedgerConverter.match(table, mappings: mappings) else { continue }
        for row in table.rows.prefix(200) where LedgerConverter.isRecord(row, layout: layout) {
            let record = LedgerConverter.record(row, layout: layout, person: { $0 == "张伟" ? "P-1" : nil })
            _ = RecordWriter.yaml(record.node, comment: "fuzz")
            // What the unread cells of a row are reported as: why, and how the header is quoted.
            for column in record.unread.prefix(8) {
                _ = layout.whyUnread(column)
                _ = layout.shownHeader(column)
            }
        }
    }
    return 0
}
