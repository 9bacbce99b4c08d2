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
