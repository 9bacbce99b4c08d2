#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Stops and waits for the workers when this process exits before it has waited for them (the
/// report writer exits at once when standard output closes, `legality check | head`): else they
/// would run on to their next write, and stay unreaped where the system's first process reaps no
/// orphan (as in some containers).
enum ExitReaper {
    /// The workers not yet waited for. (Changed only by the one thread that forks them, before
    /// any worker thread exists; read by the exit handler on that thread.)
    nonisolated(unsafe) private static var workers: [Int32] = []
    nonisolated(unsafe) private static var registered = false

    static func add(_ pid: Int32) {
        if !registered {
            registered = true
            atexit {
                for pid in ExitReaper.workers {
                    kill(pid, SIGKILL)
                    var status: Int32 = 0
                    _ = waitpid(pid, &status, 0)
                }
            }
        }
        workers.append(pid)
    }

    static func removeAll() {
        workers.removeAll()
    }
}
