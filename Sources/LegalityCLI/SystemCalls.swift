#if canImport(Glibc)
import Glibc

/// `read(2)` and `write(2)` under names that methods called `read` and `write` do not shadow.
let systemRead = Glibc.read
let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin

/// `read(2)` and `write(2)` under names that methods called `read` and `write` do not shadow.
let systemRead = Darwin.read
let systemWrite = Darwin.write
#endif

/// `open(2)` of a path without a mode, under a name that methods called `open` do not shadow.
func systemOpen(_ path: String, _ flags: Int32) -> Int32 {
    open(path, flags)
}
