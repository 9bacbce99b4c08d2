extension String {
    /// Whether this text sorts before `other` byte by byte in UTF-8: the order of files, paths
    /// and months in every report, the same on every machine and in every locale.
    ///
    /// Compares the stored bytes in place; `utf8.lexicographicallyPrecedes` gives the same
    /// answer but walks the view an index at a time, which shows when thousands of paths are sorted.
    public func precedesInUTF8(_ other: String) -> Bool {
        let inPlace = utf8.withContiguousStorageIfAvailable { lhs in
            other.utf8.withContiguousStorageIfAvailable { rhs in
                for index in 0..<Swift.min(lhs.count, rhs.count) where lhs[index] != rhs[index] {
                    return lhs[index] < rhs[index]
                }
                return lhs.count < rhs.count
            }
        }
        if let answer = inPlace ?? nil { return answer }
        return utf8.lexicographicallyPrecedes(other.utf8)
    }
}
