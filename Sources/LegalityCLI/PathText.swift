extension String {
    /// The folder part of a path ("." for a bare name).
    var parentPath: String {
        guard let slash = lastIndex(of: "/") else { return "." }
        if slash == startIndex { return "/" }
        return String(self[..<slash])
    }

    /// The last component of a path.
    var lastComponent: String {
        guard let slash = lastIndex(of: "/") else { return self }
        return String(self[index(after: slash)...])
    }

    func appendingComponent(_ name: String) -> String {
        if self == "." { return name }
        return hasSuffix("/") ? self + name : self + "/" + name
    }
}
