/// A place in a source file: 1-based line and 1-based column.
///
/// Columns count Unicode scalars, as libyaml does (and as SARIF's
/// `unicodeCodePoints` column kind declares), so a Chinese character is one column.
///
/// Stored as two 32-bit numbers, so that a node, which holds two positions, stays small: the tree
/// of every record and every value a rule reads carry positions. (A line past 2,147,483,647, in a
/// file of several GB streamed with a raised `--max-file-bytes`, is reported as that line.)
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    private var storedLine: Int32
    private var storedColumn: Int32

    /// The 1-based line.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    /// The 1-based column, in Unicode scalars.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    /// Creates a position from a 1-based line and column.
    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    /// The first character of a file.
    public static let start = SourcePosition(line: 1, column: 1)

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
    }

    public var description: String { "\(line):\(column)" }
}

/// The span of a node: where it starts and where it ends (exclusive).
public struct SourceRange: Sendable, Hashable {
    /// The first character of the span.
    public var start: SourcePosition
    /// The position just after the span.
    public var end: SourcePosition

    /// Creates a range.
    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// A zero-width range at a position.
    public init(at position: SourcePosition) {
        self.init(start: position, end: position)
    }
}
