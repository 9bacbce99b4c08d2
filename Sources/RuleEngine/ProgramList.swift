/// Programs kept in order, each called without counting a reference to what it captured.
///
/// A program taken out of an array to be called had its closure's context counted and released
/// around the call, two atomic operations (as callgrind counts them), where a program held by a
/// `let` of a class the caller holds is called as it lies. So each program here lies in a cell of
/// its own, and the cells are reached through references that are not counted (`Unmanaged`), the
/// list holding them for as long as it lives.
final class ProgramList: Sendable {
    /// The cells, which the list owns.
    private let cells: [ProgramCell]
    /// The same cells, reached without a count.
    private let uncounted: [Unmanaged<ProgramCell>]

    init(_ programs: [Program]) {
        cells = programs.map(ProgramCell.init)
        uncounted = cells.map(Unmanaged.passUnretained)
    }

    /// How many programs.
    var count: Int { cells.count }

    /// Calls the program at `index` on the evaluator's record.
    func call(_ index: Int, _ evaluator: Evaluator) -> Value {
        uncounted[index]._withUnsafeGuaranteedRef { $0(evaluator) }
    }
}

/// One program, held by a constant of a class: called as it lies. (A rule's optional parts,
/// `when`, `at` and `about`, are cells: an optional program was copied out, and its closure's
/// context counted, for every rule on every record.)
final class ProgramCell: Sendable {
    let program: Program

    init(_ program: Program) {
        self.program = program
    }

    /// Evaluates the program on the evaluator's record.
    @inline(__always) func callAsFunction(_ evaluator: Evaluator) -> Value {
        program(evaluator)
    }
}
