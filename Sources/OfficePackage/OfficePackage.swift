import Foundation
import ZIPFoundation

/// An Office Open XML package (a .docx or .xlsx file): named parts zipped together.
///
/// Written deterministically: parts in the order given, each compressed with deflate and dated
/// 1980-01-01, so the same report gives the same bytes.
public struct OfficePackage: Sendable {
    /// One part of the package: its path inside the package and its bytes.
    public struct Part: Sendable {
        /// The path inside the package, such as `word/document.xml`.
        public var path: String
        /// The part's content.
        public var bytes: [UInt8]

        /// Creates a part from text, stored as UTF-8.
        public init(_ path: String, text: String) {
            self.path = path
            self.bytes = Array(text.utf8)
        }
    }

    /// The parts, in the order they are written.
    public var parts: [Part]

    /// Creates a package of parts.
    public init(parts: [Part]) {
        self.parts = parts
    }

    /// A package could not be written.
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        /// What went wrong.
        public var description: String
    }

    /// The package as the bytes of a ZIP file.
    public func zipped() throws(WriteError) -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            let fixedDate = Date(timeIntervalSince1970: 315_532_800 + 86_400)  // 1980-01-02, the ZIP epoch's safe side
            for part in parts {
                let data = Data(part.bytes)
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                    compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let bytes = archive.data else { throw WriteError(description: "the package was not written to memory") }
            return Array(bytes)
        } catch let error as WriteError {
            throw error
        } catch {
            throw WriteError(description: "the package could not be written: \(error)")
        }
    }
}
