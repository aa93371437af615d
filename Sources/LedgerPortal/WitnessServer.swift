import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// Serves a c2sp.org/tlog-witness endpoint over HTTP/1.1 with Hummingbird until SIGINT or SIGTERM:
/// every request becomes a ``PortalRequest`` handed to `handle`, whose ``PortalResponse`` is sent.
public enum WitnessServer {
    /// Binds `host:port` (port 0 picks a free one), calls `ready` with the bound port, and serves.
    /// Bodies over `maxBodyBytes` get 413 without being handed on.
    public static func run(
        host: String, port: Int, maxBodyBytes: Int = 64 * 1024,
        handle: @escaping @Sendable (PortalRequest) async -> PortalResponse, ready: @escaping @Sendable (Int) -> Void
    ) async throws {
        var logger = Logger(label: "coledger.witness")
        logger.logLevel = .warning
        let http = HTTP1Channel.Configuration(
            idleTimeout: .seconds(30),
            httpDecoderConfiguration: .init(
                maxHeaderFieldSize: 8 * 1024, maxHeaderListSize: 32 * 1024, maxHeaderFieldCount: 100))
        let app = Application(
            responder: WitnessResponder(handle: handle, maxBodyBytes: maxBodyBytes),
            server: .http1(configuration: http),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in ready(channel.localAddress?.port ?? port) },
            logger: logger)
        try await app.runService()
    }
}

struct TooLarge: Error {}

struct WitnessResponder: HTTPResponder {
    let handle: @Sendable (PortalRequest) async -> PortalResponse
    let maxBodyBytes: Int

    func respond(to request: Request, context: PortalContext) async throws -> Response {
        var request = request
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName.lowercased()] = field.value }
        let method = request.method.rawValue
        var answer: PortalResponse
        do {
            if let length = headers["content-length"].flatMap(Int.init), length > maxBodyBytes {
                throw TooLarge()
            }
            let body =
                method == "GET" || method == "HEAD"
                ? [] : Array(buffer: try await request.collectBody(upTo: maxBodyBytes))
            answer = await handle(
                PortalRequest(
                    method: method, path: request.uri.path, query: request.uri.query ?? "", headers: headers,
                    body: body,
                    client: context.client))
        } catch {
            answer = PortalResponse(
                status: 413, headers: [("content-type", "text/plain; charset=utf-8"), ("connection", "close")],
                body: Array("the body is over \(maxBodyBytes) bytes\n".utf8))
        }
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            if let n = HTTPField.Name(name) { fields.append(HTTPField(name: n, value: value)) }
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
