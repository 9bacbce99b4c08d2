/// An Office Open XML package (a .docx or .xlsx file): named parts zipped together.
///
/// Written deterministically: parts in the order given, each deflated and dated 1980-01-01
/// (the earliest date ZIP can hold), so the same report gives the same bytes.
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
        var writer = ZIPWriter()
        for part in parts {
            guard let compressed = Deflate.compress(part.bytes) else {
                throw WriteError(description: "the part \(part.path) could not be compressed")
            }
            try writer.add(path: part.path, original: part.bytes, compressed: compressed)
        }
        return try writer.finish()
    }
}
