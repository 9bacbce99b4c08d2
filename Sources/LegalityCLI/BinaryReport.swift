import OfficePackage

/// Binary reports (.xlsx, .docx): their bytes, or a run error that says why they could not be made.
enum BinaryReport {
    /// Why a binary format is not written to a terminal.
    static var needsOutput: String {
        Interface.text("这种格式是二进制文件，请用 --output 指定要写入的文件", "this format is a binary file: name one with --output")
    }

    static func bytes(_ make: () throws(OfficePackage.WriteError) -> [UInt8]) throws(RunError) -> [UInt8] {
        do {
            return try make()
        } catch {
            throw RunError(message: "the report could not be written: \(error.description)", chinese: "无法写出文件：\(error.description)")
        }
    }
}
