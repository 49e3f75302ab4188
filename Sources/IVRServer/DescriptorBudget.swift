#if canImport(Glibc)
import Glibc
#endif

/// Descriptors the process may still open, from `RLIMIT_NOFILE` and those already open. Each
/// connection is one descriptor; the rest of the server (bundle reloads, the log, the runtime's
/// own event and timer descriptors) needs `reserve` more at any moment, so the connection caps
/// are lowered to leave them free and EMFILE never reaches code that cannot survive it.
public enum DescriptorBudget {
    /// Headroom kept for everything but connections: a reload reads a bundle one file at a
    /// time; NIO and the runtime open a few event and timer descriptors lazily.
    public static let reserve = 32

    /// The soft `RLIMIT_NOFILE`; nil when unlimited or unknown.
    public static var limit: Int? {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
        return Int(clamping: limit.rlim_cur)
    }

    /// Descriptors open now, counted in `/proc/self/fd` (nil where that cannot be listed).
    public static var open: Int? {
        guard let directory = opendir("/proc/self/fd") else { return nil }
        defer { closedir(directory) }
        var count = 0
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { count += 1 }
        }
        // The descriptor listing the directory is not the server's.
        return count - 1
    }

    /// `limits` with both caps lowered to what the descriptor table leaves room for; nil when
    /// it leaves none (the operator must raise `ulimit -n`).
    public static func fitted(_ limits: ConnectionLimits, limit: Int?, open: Int?) -> ConnectionLimits? {
        guard let limit else { return limits }
        let available = limit - (open ?? 0) - reserve
        var fitted = limits
        fitted.maxOperationsConnections = min(limits.maxOperationsConnections, max(1, available / 8))
        fitted.maxConnections = min(limits.maxConnections, available - fitted.maxOperationsConnections)
        return fitted.maxConnections >= 1 ? fitted : nil
    }
}
