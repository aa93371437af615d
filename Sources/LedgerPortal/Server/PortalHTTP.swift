/// A request as the portal sees it, independent of the HTTP server that received it.
public struct PortalRequest: Sendable {
    /// `GET`, `POST`, …
    public var method: String
    /// The path as sent (percent-encoded), without the query.
    public var path: String
    /// The query string as sent, without `?` (empty when none).
    public var query: String
    /// Header fields, names in lower case.
    public var headers: [String: String]
    /// The body (already limited in size by the server).
    public var body: [UInt8]
    /// The client's address, for rate limiting.
    public var client: String

    /// A request.
    public init(
        method: String, path: String, query: String = "", headers: [String: String] = [:], body: [UInt8] = [],
        client: String = "local"
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.client = client
    }
}

/// What the portal answers.
public struct PortalResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// Header fields (several `set-cookie` may repeat a name).
    public var headers: [(name: String, value: String)]
    /// The body.
    public var body: [UInt8]

    /// A response.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of a header (name in lower case).
    public func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name }?.value }

    /// The body as text.
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// The headers every response carries.
package enum SecurityHeaders {
    /// No script at all, styles and images only from this site, forms post only here, and
    /// no framing.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    package static let all: [(name: String, value: String)] = [
        ("content-security-policy", contentSecurityPolicy),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
        ("x-frame-options", "DENY"),
        ("cross-origin-opener-policy", "same-origin"),
        ("cross-origin-resource-policy", "same-origin"),
        ("permissions-policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    ]
}
