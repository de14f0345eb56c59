#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Ports for chromedriver (and for tests that must name their server's port
/// before it starts): a browser test starts up to four drivers on
/// `port`, `port + 1`, … A random port was once taken by another test
/// ("chromedriver did not start"), so the first of four ports that can all
/// be bound on loopback right now is chosen.
enum DriverPorts {
    static func free(count: Int = 4) -> Int {
        for _ in 0..<50 {
            let first = Int.random(in: 30_000..<40_000)
            if (first..<first + count).allSatisfy(canBind) { return first }
        }
        return Int.random(in: 30_000..<40_000)
    }

    private static func canBind(_ port: Int) -> Bool {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
