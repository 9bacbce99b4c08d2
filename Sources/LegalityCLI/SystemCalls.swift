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

/// Whether this user may start about `count` more processes or threads, as far as the limit on
/// them (`RLIMIT_NPROC`, `ulimit -u`) tells: a run of eight jobs under `ulimit -u 2` slept for ever,
/// the thread library retrying to start its threads. (The limit counts every process of the user,
/// which is not known here: a limit below a few dozen is taken as no room.)
func mayStartProcesses(_ count: Int) -> Bool {
    var limit = rlimit()
    #if canImport(Glibc)
    let resource = __rlimit_resource_t(__RLIMIT_NPROC.rawValue)
    #else
    let resource = RLIMIT_NPROC
    #endif
    guard getrlimit(resource, &limit) == 0, limit.rlim_cur != rlim_t.max else { return true }
    return limit.rlim_cur >= rlim_t(max(64, count * 4))
}
