import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// What one listener serves: a request in, a response out (the public ``Portal``, or the staff
/// workspace on its own listener). ``PortalServer`` puts it behind Hummingbird.
public protocol WebHandler: Sendable {
    /// The largest request body accepted, in bytes (larger: ``tooLarge(_:)`` without reading it).
    var maxBodyBytes: Int { get }
    /// Answers one request; never throws.
    func handle(_ request: PortalRequest) async -> PortalResponse
    /// The answer to a body larger than ``maxBodyBytes``.
    func tooLarge(_ request: PortalRequest) -> PortalResponse
}

extension Portal: WebHandler {
    /// ``PortalConfiguration/maxBodyBytes``.
    public var maxBodyBytes: Int { configuration.maxBodyBytes }
}

/// Serves a ``WebHandler`` (the ``Portal``, the staff workspace) over HTTP/1.1 with Hummingbird
/// until SIGINT or SIGTERM.
public enum PortalServer {
    /// Binds `host:port` (port 0 picks a free one), calls `ready` with the bound port, and serves.
    ///
    /// Header sizes are capped (8 KiB a field, 32 KiB in all, 100 fields: larger requests are
    /// refused by the HTTP decoder and the connection closed), idle connections close after 30 s,
    /// and bodies larger than the portal's `maxBodyBytes` get 413 without being read.
    public static func run(
        _ handler: some WebHandler, host: String, port: Int, label: String = "coledger.portal",
        ready: @escaping @Sendable (Int) -> Void
    ) async throws {
        var logger = Logger(label: label)
        logger.logLevel = .warning
        let http = HTTP1Channel.Configuration(
            additionalChannelHandlers: [ParserRefusal()],
            idleTimeout: .seconds(30),
            httpDecoderConfiguration: .init(
                maxHeaderFieldSize: 8 * 1024, maxHeaderListSize: 32 * 1024, maxHeaderFieldCount: 100))
        let app = Application(
            responder: PortalResponder(handler: handler),
            server: .http1(configuration: http),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in ready(channel.localAddress?.port ?? port) },
            logger: logger)
        try await app.runService()
    }
}

/// The request context: the core storage and the client's address.
struct PortalContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let client: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        client = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}

/// Turns Hummingbird requests into ``PortalRequest``s and back.
struct PortalResponder<Handler: WebHandler>: HTTPResponder {
    let handler: Handler

    func respond(to request: Request, context: PortalContext) async throws -> Response {
        var request = request
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName.lowercased()
            if let old = headers[name] {
                headers[name] = old + (name == "cookie" ? "; " : ", ") + field.value
            } else {
                headers[name] = field.value
            }
        }
        // HTTP/1.1's Host header (HTTP/2's :authority) is not among Hummingbird's header fields:
        // Swift HTTP Types move it to the request's authority. The Origin check needs it.
        if headers["host"] == nil, let authority = request.head.authority {
            headers["host"] = authority
        }
        let limit = handler.maxBodyBytes
        var body: [UInt8] = []
        let method = request.method.rawValue
        var tooLarge = false
        if let length = headers["content-length"].flatMap(Int.init), length > limit {
            tooLarge = true
        } else if method != "GET" && method != "HEAD" {
            do {
                let buffer = try await request.collectBody(upTo: limit)
                body = Array(buffer: buffer)
            } catch {
                tooLarge = true
            }
        }
        let portalRequest = PortalRequest(
            method: method, path: request.uri.path, query: request.uri.query ?? "", headers: headers, body: body,
            client: context.client)
        let answer = tooLarge ? handler.tooLarge(portalRequest) : await handler.handle(portalRequest)
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            if let n = HTTPField.Name(name) { fields.append(HTTPField(name: n, value: value)) }
        }
        if tooLarge { fields.append(HTTPField(name: .connection, value: "close")) }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}

extension Portal {
    /// The answer to a body larger than the limit.
    public func tooLarge(_ request: PortalRequest) -> PortalResponse {
        var r = refusal(
            Refusal(
                status: 413, title: "Too much to send",
                message: "That was more than \(configuration.maxBodyBytes / 1024) KiB. Shorten it and try again."),
            request: request)
        r.headers += SecurityHeaders.all
        return r
    }
}
