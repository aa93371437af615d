import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Why a message was not accepted.
public enum SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No connection: refused, unreachable, name not found.
    case connection(String)
    /// The server went quiet for longer than the timeout.
    case timeout(String)
    /// A 4xx reply: the server may take it later.
    case transient(code: Int, text: String)
    /// A 5xx reply: the server refuses it.
    case permanent(code: Int, text: String)
    /// A reply that is not SMTP.
    case protocolViolation(String)

    /// Worth trying again later (no connection, a timeout, a 4xx reply).
    public var isRetryable: Bool {
        switch self {
        case .connection, .timeout, .transient: return true
        case .permanent, .protocolViolation: return false
        }
    }

    /// One line for the summary.
    public var description: String {
        switch self {
        case .connection(let s): return "no connection: \(s)"
        case .timeout(let s): return "timed out \(s)"
        case .transient(let code, let text): return "temporary failure \(code) \(text)"
        case .permanent(let code, let text): return "refused \(code) \(text)"
        case .protocolViolation(let s): return "not SMTP: \(s)"
        }
    }
}

/// A small SMTP client (RFC 5321): EHLO (HELO when EHLO is refused), MAIL, RCPT, DATA with
/// dot-stuffing and CRLF line ends, QUIT, one message per connection, a timeout on every step.
///
/// It speaks plain SMTP without TLS or authentication: meant for a relay on loopback or on a
/// trusted network (the threat model says what its operator and the network see).
public struct SMTPClient: Sendable {
    /// The server's host name or address.
    public var host: String
    /// The server's port.
    public var port: Int
    /// Seconds to wait for a connection, a reply or a write.
    public var timeout: Double
    /// The name given in EHLO.
    public var clientName: String

    /// A client for `host:port`.
    public init(host: String, port: Int, timeout: Double = 30, clientName: String = "coledger.localhost") {
        self.host = host
        self.port = port
        self.timeout = timeout
        self.clientName = clientName
    }

    /// Parses `HOST:PORT` (`[v6]:PORT` for an IPv6 address); nil when it is not that.
    public static func endpoint(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (1...65535).contains(port)
        else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : (host, port)
    }

    /// Sends `message`, returning the server's reply to the end of data (`250 …`) once the
    /// server has accepted it.
    /// - Throws: ``SMTPError``; nothing was accepted.
    public func send(_ message: SMTPMessage) throws(SMTPError) -> String {
        let connection = try Connection(host: host, port: port, timeout: timeout)
        defer { connection.close() }
        _ = try connection.expect([220], after: "the greeting")
        var eightBit = false
        do {
            let ehlo = try connection.command("EHLO \(clientName)", expect: [250])
            eightBit = ehlo.lines.contains { $0.uppercased().hasPrefix("8BITMIME") }
        } catch .permanent {
            _ = try connection.command("HELO \(clientName)", expect: [250])
        }
        let encoding = message.transferEncoding(eightBitMIME: eightBit)
        _ = try connection.command(
            "MAIL FROM:<\(message.from)>" + (encoding == .eightBit ? " BODY=8BITMIME" : ""), expect: [250])
        _ = try connection.command("RCPT TO:<\(message.to)>", expect: [250, 251])
        _ = try connection.command("DATA", expect: [354])
        try connection.write(SMTPFraming.data(message.rendered(encoding: encoding)))
        let accepted = try connection.expect([250], after: "the message")
        _ = try? connection.command("QUIT", expect: [221])
        return "\(accepted.code) \(accepted.lines.last ?? "")"
    }

    /// A reply: its code and the text of each line.
    struct Reply {
        var code: Int
        var lines: [String]
    }

    /// One TCP connection with timeouts on every read and write.
    final class Connection {
        let fd: Int32
        var buffer: [UInt8] = []

        init(host: String, port: Int, timeout: Double) throws(SMTPError) {
            var hints = addrinfo()
            hints.ai_family = AF_UNSPEC
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            var list: UnsafeMutablePointer<addrinfo>?
            let rc = getaddrinfo(host, String(port), &hints, &list)
            guard rc == 0, let first = list else {
                throw .connection("cannot resolve \(host): \(String(cString: gai_strerror(rc)))")
            }
            defer { freeaddrinfo(list) }
            var lastError = "no address for \(host)"
            var node: UnsafeMutablePointer<addrinfo>? = first
            while let a = node {
                node = a.pointee.ai_next
                let s = socket(a.pointee.ai_family, a.pointee.ai_socktype, a.pointee.ai_protocol)
                if s < 0 { continue }
                if Self.connect(s, a.pointee.ai_addr, a.pointee.ai_addrlen, timeout: timeout, error: &lastError) {
                    var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
                    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
                    setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
                    fd = s
                    return
                }
                Glibc.close(s)
            }
            throw .connection("\(host):\(port): \(lastError)")
        }

        /// Connects without blocking longer than `timeout`.
        static func connect(
            _ s: Int32, _ addr: UnsafeMutablePointer<sockaddr>?, _ len: socklen_t, timeout: Double, error: inout String
        ) -> Bool {
            let flags = fcntl(s, F_GETFL, 0)
            _ = fcntl(s, F_SETFL, flags | O_NONBLOCK)
            defer { _ = fcntl(s, F_SETFL, flags) }
            if Glibc.connect(s, addr, len) == 0 { return true }
            guard errno == EINPROGRESS else {
                error = String(cString: strerror(errno))
                return false
            }
            var p = pollfd(fd: s, events: Int16(POLLOUT), revents: 0)
            guard poll(&p, 1, Int32(timeout * 1000)) == 1 else {
                error = "connection timed out after \(timeout) s"
                return false
            }
            var soError: Int32 = 0
            var size = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(s, SOL_SOCKET, SO_ERROR, &soError, &size)
            if soError != 0 {
                error = String(cString: strerror(soError))
                return false
            }
            return true
        }

        func close() { Glibc.close(fd) }

        func write(_ text: String) throws(SMTPError) {
            let bytes = Array(text.utf8)
            var sent = 0
            while sent < bytes.count {
                let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno == EAGAIN || errno == EWOULDBLOCK { throw .timeout("writing to the server") }
                    throw .connection("writing: \(String(cString: strerror(errno)))")
                }
                sent += n
            }
        }

        /// One line of the reply, without its CRLF.
        func readLine() throws(SMTPError) -> String {
            while true {
                if let end = buffer.firstIndex(of: 10) {
                    var line = Array(buffer[..<end])
                    buffer.removeSubrange(...end)
                    if line.last == 13 { line.removeLast() }
                    return String(decoding: line, as: UTF8.self)
                }
                guard buffer.count < 65536 else { throw .protocolViolation("a reply line longer than 64 KiB") }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let n = chunk.withUnsafeMutableBytes { Glibc.recv(fd, $0.baseAddress, $0.count, 0) }
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno == EAGAIN || errno == EWOULDBLOCK { throw .timeout("waiting for the server's reply") }
                    throw .connection("reading: \(String(cString: strerror(errno)))")
                }
                if n == 0 { throw .connection("the server closed the connection") }
                buffer += chunk[..<n]
            }
        }

        /// A whole reply (`250-…` lines then `250 …`).
        func reply() throws(SMTPError) -> Reply {
            var lines: [String] = []
            while true {
                let line = try readLine()
                let u = Array(line.utf8)
                guard u.count >= 3, let code = Int(String(decoding: u[0..<3], as: UTF8.self)),
                    u.count == 3 || u[3] == UInt8(ascii: " ") || u[3] == UInt8(ascii: "-")
                else { throw .protocolViolation(String(line.prefix(80))) }
                lines.append(u.count > 4 ? String(decoding: u[4...], as: UTF8.self) : "")
                if u.count == 3 || u[3] == UInt8(ascii: " ") { return Reply(code: code, lines: lines) }
            }
        }

        /// The next reply, which must have one of `codes`.
        func expect(_ codes: Set<Int>, after what: String) throws(SMTPError) -> Reply {
            let r = try reply()
            if codes.contains(r.code) { return r }
            let text = r.lines.last ?? ""
            if (400..<500).contains(r.code) { throw .transient(code: r.code, text: "after \(what): \(text)") }
            if (500..<600).contains(r.code) { throw .permanent(code: r.code, text: "after \(what): \(text)") }
            throw .protocolViolation("\(r.code) after \(what)")
        }

        /// Sends `line` and reads its reply.
        func command(_ line: String, expect codes: Set<Int>) throws(SMTPError) -> Reply {
            try write(line + "\r\n")
            return try expect(codes, after: String(line.prefix { $0 != ":" && $0 != " " }))
        }
    }
}
