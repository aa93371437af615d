import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers a request the HTTP parser refused (a malformed request line or header, an unknown
/// method) with the portal's security headers and a short text body, then closes the
/// connection. Hummingbird would answer such a request with a bare 400; an unknown method is a
/// 405 here, as the README says.
///
/// It sits after Hummingbird's HTTP/1 codec, where a parser error arrives as an inbound error;
/// NIO's pipelining handler holds the error back until any earlier response is complete.
final class ParserRefusal: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    private var answered = false

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        guard !answered else { return }
        answered = true
        let (status, text) = Self.answer(parserError)
        let body = ByteBuffer(string: text)
        var fields = HTTPFields()
        for (name, value) in SecurityHeaders.all {
            if let n = HTTPField.Name(name) { fields.append(HTTPField(name: n, value: value)) }
        }
        fields[.contentType] = "text/plain; charset=utf-8"
        fields[.contentLength] = String(body.readableBytes)
        fields[.connection] = "close"
        if status == 405 { fields[.allow] = "GET, HEAD, POST" }
        context.write(
            wrapOutboundOut(.head(HTTPResponse(status: .init(code: status), headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        // The error is not passed on: Hummingbird would answer it a second time, with a bare 400.
        context.close(promise: nil)
    }

    /// The status and one-line text for a parser error.
    static func answer(_ error: HTTPParserError) -> (Int, String) {
        switch error {
        case .invalidMethod:
            return (405, "Method not allowed: this site answers GET, HEAD and POST.\n")
        case .headerOverflow:
            return (431, "Request header fields too large.\n")
        default:
            return (400, "Bad request: the request could not be read.\n")
        }
    }
}
