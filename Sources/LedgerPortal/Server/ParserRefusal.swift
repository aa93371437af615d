import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers a request the HTTP parser refused (a malformed request line or header, an unknown
/// method) with the portal's security headers and a short text body, then closes the
/// connection. Hummingbird would answer such a request with a bare 400; an unknown method is a
/// 405 here, as the README says.
///
/// It sits after Hummingbird's HTTP/1 codec, where a parser error arrives as an inbound error as
/// soon as the bytes are read, which may be while an earlier request of the same connection
/// (pipelined) is still being answered. The refusal then waits for that answer's end: every
/// request the parser read whole gets its response, in order, before the refusal and the close.
/// A request broken half-way (a bad chunk in its body) is the one refused: it gets no other answer.
final class ParserRefusal: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private var answered = false
    /// Requests read whole (their end arrived), and responses whose end was written.
    private var requestsRead = 0
    private var responsesEnded = 0
    /// The refusal waiting for earlier responses to end.
    private var pending: (status: Int, text: String)?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .end = unwrapInboundIn(data) { requestsRead += 1 }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let part = unwrapOutboundIn(data)
        context.write(data, promise: promise)
        if case .end = part {
            responsesEnded += 1
            if let refusal = pending, responsesEnded >= requestsRead {
                pending = nil
                refuse(context: context, refusal)
            }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        guard !answered else { return }
        answered = true
        // The error is not passed on: Hummingbird would answer it a second time, with a bare 400.
        let refusal = Self.answer(parserError)
        if responsesEnded >= requestsRead {
            refuse(context: context, refusal)
        } else {
            pending = refusal
        }
    }

    private func refuse(context: ChannelHandlerContext, _ refusal: (status: Int, text: String)) {
        let body = ByteBuffer(string: refusal.text)
        var fields = HTTPFields()
        for (name, value) in SecurityHeaders.all {
            if let n = HTTPField.Name(name) { fields.append(HTTPField(name: n, value: value)) }
        }
        fields[.contentType] = "text/plain; charset=utf-8"
        fields[.contentLength] = String(body.readableBytes)
        fields[.connection] = "close"
        if refusal.status == 405 { fields[.allow] = "GET, HEAD, POST" }
        context.write(
            wrapOutboundOut(.head(HTTPResponse(status: .init(code: refusal.status), headerFields: fields))),
            promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
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
