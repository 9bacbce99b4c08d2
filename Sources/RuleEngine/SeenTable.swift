import DecisionRecords

/// The values one `seen_before` expression has met, each with where it was first seen.
///
/// A run of a million records keeps a million of these, so they are stored compactly: the bytes
/// of every value (and of the record id, when it is not the value itself, and of a ledger row's
/// cell) in one buffer, a 32-byte entry each, and an open-addressing index probed from the
/// value's hash (`Hasher`, seeded per process, so crafted ids cannot make every lookup collide).
/// A dictionary of strings to places cost about 115 bytes a value, and twice that while it grew.
///
/// Each slot of the index holds 32 bits of its value's hash beside the entry's number: a probe
/// passes over a slot of another hash without reading its entry or its bytes (a run's ids are
/// mostly of one length, and each such read was a cache miss: `perf` put nine tenths of a look-up's
/// time on them), and the index grows by placing its slots again, without hashing any value again.
struct SeenTable: Sendable {
    /// Where a value was first seen: the record's id, the file's number in the run, the line.
    struct Place: Equatable {
        var record: String
        var file: Int
        var line: Int
        /// The cell of a ledger's row (`台账!A2`), said in place of the line.
        var cell: String? = nil
    }

    private struct Entry {
        /// Where the value's bytes start in `bytes`; the record id's follow them.
        var start: Int
        var valueLength: UInt32
        /// The record id's length, or `sameAsValue` when the id is the value itself.
        var recordLength: UInt32
        var file: UInt32
        var line: UInt32
        /// The length of the cell's text, after the record id's bytes (0 for none: a line).
        var cellLength: UInt32
    }

    private static let sameAsValue = UInt32.max

    private var bytes: [UInt8] = []
    private var entries: [Entry] = []
    /// For each slot, 0 when empty, else the value's 32 bits of hash (`hash32`) in the high half and
    /// its entry number + 1 in the low half; never more than half full. A value's first slot is
    /// the low bits of its 32 bits of hash.
    private var slots: [UInt64] = Array(repeating: 0, count: 64)

    /// How many values are kept.
    var count: Int { entries.count }

    /// The place `value` was first seen; when it was not seen before, `place` is kept as its first
    /// and nil is returned. (A value or an id longer than 4 GiB, or a run of more than four billion
    /// values, is never kept: such a value always counts as first seen.)
    mutating func firstPlace(of value: String, else place: Place) -> Place? {
        var value = value
        return value.withUTF8 { valueBytes in
            let hash = Self.hash32(valueBytes)
            let mask = slots.count - 1
            var slot = Int(hash) & mask
            while slots[slot] != 0 {
                let held = slots[slot]
                if UInt32(truncatingIfNeeded: held >> 32) == hash {
                    let entry = entries[Int(UInt32(truncatingIfNeeded: held)) - 1]
                    if Int(entry.valueLength) == valueBytes.count, matches(entry, valueBytes) { return self.place(of: entry) }
                }
                slot = (slot + 1) & mask
            }
            insert(valueBytes, hash, place, at: slot)
            return nil
        }
    }

    private func matches(_ entry: Entry, _ value: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { stored in
            String.sameBytes(stored[entry.start..<(entry.start + value.count)], value[...])
        }
    }

    private func place(of entry: Entry) -> Place {
        let recordStart = entry.recordLength == Self.sameAsValue ? entry.start : entry.start + Int(entry.valueLength)
        let recordLength = Int(entry.recordLength == Self.sameAsValue ? entry.valueLength : entry.recordLength)
        let record = String(decoding: bytes[recordStart..<(recordStart + recordLength)], as: UTF8.self)
        // The cell's text follows the record id's own bytes, or the value's when it is the id.
        let cellStart = entry.recordLength == Self.sameAsValue ? entry.start + Int(entry.valueLength) : recordStart + recordLength
        let cell = entry.cellLength == 0 ? nil : String(decoding: bytes[cellStart..<(cellStart + Int(entry.cellLength))], as: UTF8.self)
        return Place(record: record, file: Int(entry.file), line: Int(entry.line), cell: cell)
    }

    private mutating func insert(_ value: UnsafeBufferPointer<UInt8>, _ hash: UInt32, _ place: Place, at slot: Int) {
        // (Compared in the id's own bytes: walking its UTF-8 view cost some 600 instructions a record.)
        var record = place.record
        let sameAsValue = record.withUTF8 { String.sameBytes($0[...], value[...]) }
        let limit = Int(UInt32.max - 1)
        let cellLength = place.cell?.utf8.count ?? 0
        guard value.count <= limit, place.record.utf8.count <= limit, cellLength <= limit, entries.count < limit else { return }
        let entry = Entry(
            start: bytes.count, valueLength: UInt32(value.count),
            recordLength: sameAsValue ? Self.sameAsValue : UInt32(place.record.utf8.count),
            file: UInt32(clamping: place.file), line: UInt32(clamping: place.line), cellLength: UInt32(cellLength))
        bytes.append(contentsOf: value)
        if !sameAsValue { bytes.append(contentsOf: place.record.utf8) }
        if let cell = place.cell { bytes.append(contentsOf: cell.utf8) }
        entries.append(entry)
        slots[slot] = UInt64(hash) << 32 | UInt64(entries.count)
        if entries.count * 2 > slots.count { grow() }
    }

    /// Doubles the index and places every slot again by the hash it holds.
    private mutating func grow() {
        var larger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        for held in slots where held != 0 {
            var slot = Int(UInt32(truncatingIfNeeded: held >> 32)) & mask
            while larger[slot] != 0 { slot = (slot + 1) & mask }
            larger[slot] = held
        }
        slots = larger
    }

    /// 32 bits of the value's hash, which spread the slots of any index a run can hold (a billion
    /// values would need 2^31).
    private static func hash32(_ value: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(value))
        return UInt32(truncatingIfNeeded: hasher.finalize())
    }
}
