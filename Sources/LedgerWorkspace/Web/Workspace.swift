public import LedgerPortal
import Foundation
import LedgerCore
import LedgerDomain
import LedgerRecording
import LedgerStore
import Synchronization

/// The staff workspace: sign-in with one's own key (passphrase + TOTP), then the work the log's
/// roles allow, each form recorded through the recording API and signed with the session's key.
///
/// It answers only under `/staff/` (everything else: 404), on its own listener
/// (``PortalServer``), never the public one. Pages reuse the portal's HTML kit (``Markup``,
/// ``Layout``), CSRF tokens and rate limiter.
public final class Workspace: WebHandler {
    let configuration: WorkspaceConfiguration
    let store: WorkspaceStore
    let sessions: Sessions
    let guardian: SignInGuard
    let addressLimiter: RateLimiter
    let accountLimiter: RateLimiter
    /// The sign-in form's double-submit tokens (before there is a session).
    let signInTokens = CSRFTokens()
    private let publicBaseBox: Mutex<String>

    /// The public portal's address for links to an entry and its proof
    /// (``WorkspaceConfiguration/publicBase``; the server sets it once the public listener is bound).
    public var publicBase: String {
        get { publicBaseBox.withLock { $0 } }
        set { publicBaseBox.withLock { $0 = newValue } }
    }

    static let sessionCookie = "coledger_staff"
    static let signInCookie = "coledger_staff_signin"

    /// Opens the ledger.
    /// - Throws: when the ledger cannot be opened.
    public init(configuration: WorkspaceConfiguration) throws {
        self.configuration = configuration
        store = try WorkspaceStore(configuration: configuration)
        sessions = Sessions(idleTimeout: configuration.idleTimeout)
        guardian = SignInGuard(limit: configuration.lockoutFailures, seconds: configuration.lockoutSeconds)
        addressLimiter = RateLimiter(limit: configuration.signInsPerAddressPerMinute)
        accountLimiter = RateLimiter(limit: configuration.lockoutFailures * 2)
        publicBaseBox = Mutex(configuration.publicBase)
    }

    /// ``WorkspaceConfiguration/maxBodyBytes``.
    public var maxBodyBytes: Int { configuration.maxBodyBytes }

    /// Ends every session idle past the timeout, wiping its key (the server calls this every few
    /// seconds; a request to an idle session ends it too).
    public func sweep() { sessions.sweep(now: configuration.clock()) }

    /// Ends every session and wipes every key (server stop).
    public func stop() { sessions.closeAll() }

    /// The number of open sessions.
    public var openSessions: Int { sessions.count }

    /// The answer to a body larger than the limit.
    public func tooLarge(_ request: PortalRequest) -> PortalResponse {
        var r = page(
            status: 413, "Too much to send",
            "<h1>Too much to send</h1><p>That was more than \(configuration.maxBodyBytes / 1024) KiB. Shorten it and try again.</p>",
            session: nil)
        r.headers += SecurityHeaders.all
        return r
    }

    /// Answers one request. Never throws: failures become error pages.
    public func handle(_ request: PortalRequest) async -> PortalResponse {
        var response: PortalResponse
        do {
            response = try await route(request)
        } catch let refusal as Refusal {
            response = page(
                status: refusal.status, refusal.title, "<h1>\(refusal.title)</h1><p>\(refusal.message)</p>",
                session: nil)
            response.headers += refusal.headers
        } catch {
            FileHandle.standardError.write(Data("coledger serve: workspace: \(error)\n".utf8))
            response = page(
                status: 500, "Sorry, something went wrong",
                "<h1>Sorry, something went wrong</h1><p>Nothing was recorded. Try again later.</p>", session: nil)
        }
        response.headers += SecurityHeaders.all
        response.headers.append(("cache-control", "no-store"))
        if request.method == "HEAD" { response.body = [] }
        return response
    }

    /// A request refused with a status and a plain sentence.
    struct Refusal: Error {
        var status: Int
        var title: String
        var message: String
        var headers: [(name: String, value: String)] = []
    }

    static let notFound = Refusal(
        status: 404, title: "Page not found", message: "There is no page at this address in the staff workspace.")

    // MARK: Routing

    func route(_ request: PortalRequest) async throws -> PortalResponse {
        guard request.path == "/staff" || request.path.hasPrefix("/staff/") else { throw Self.notFound }
        let segments = try Self.segments(request.path).dropFirst().map { $0 }
        let method = request.method == "HEAD" ? "GET" : request.method
        func allow(_ methods: String...) throws {
            guard methods.contains(method) else {
                let list = methods.joined(separator: ", ")
                throw Refusal(
                    status: 405, title: "That cannot be done here", message: "This address answers \(list) only.",
                    headers: [("allow", list)])
            }
        }
        switch segments {
        case ["static", "portal.css"]:
            try allow("GET")
            return PortalResponse(
                status: 200, headers: [("content-type", "text/css; charset=utf-8")], body: Array(Stylesheet.css.utf8))
        case ["sign-in"]:
            try allow("GET", "POST")
            return method == "GET" ? signInForm(request) : try await signIn(request)
        default:
            break
        }
        let now = configuration.clock()
        let cookie = Portal.cookie(Self.sessionCookie, in: request.headers["cookie"])
        let session: Session
        switch sessions.use(cookie, now: now) {
        case .none:
            return Self.redirect("/staff/sign-in")
        case .expired:
            return Self.redirect("/staff/sign-in?expired=1", clearSession: true, secure: configuration.secureCookies)
        case .live(let s):
            session = s
        }
        switch segments {
        case []:
            try allow("GET")
            return try await home(session)
        case ["sign-out"]:
            try allow("POST")
            let form = try Self.formBody(request)
            try checkToken(form, session: session)
            sessions.close(session.id)
            return Self.redirect("/staff/sign-in?signed-out=1", clearSession: true, secure: configuration.secureCookies)
        case ["feedback"]:
            try allow("GET")
            try await require(StaffTask.feedback.eventType, session)
            return try await inbox(session)
        case let s where s.count == 2 && s[0] == "feedback":
            try allow("GET")
            try await require(StaffTask.feedback.eventType, session)
            return try await feedbackItem(s[1], session: session, problems: [:], form: nil)
        case let s where s.count == 3 && s[0] == "feedback":
            try allow("POST")
            guard let action = FeedbackAction(rawValue: s[2]) else { throw Self.notFound }
            try await require(action.eventType, session)
            return try await feedbackPost(s[1], action: action, request: request, session: session)
        case ["actions"]:
            try allow("GET")
            try await require(StaffTask.actions.eventType, session)
            return try await actions(session)
        case let s where s.count == 2 && s[0] == "actions":
            try allow("GET")
            try await require(StaffTask.actions.eventType, session)
            return try await actionItem(s[1], session: session, problems: [:], form: nil)
        case let s where s.count == 3 && s[0] == "actions" && s[2] == "update":
            try allow("POST")
            try await require(StaffTask.actions.eventType, session)
            return try await actionPost(s[1], request: request, session: session)
        default:
            throw Self.notFound
        }
    }

    /// Refuses (403, a plain sentence) unless the session's key may sign `type` now.
    func require(_ type: String, _ session: Session) async throws {
        let keyId = session.keyId
        if let reason = try await store.perform({ w in try w.refusal(keyId: keyId, type: type) }) {
            throw Refusal(
                status: 403, title: "You cannot do this",
                message: "You may not do this: \(reason). Nothing was recorded.")
        }
    }

    /// Checks the form's CSRF token against the session's secret; returns its nonce.
    @discardableResult
    func checkToken(_ form: FormData, session: Session) throws -> String {
        let token = form["csrf"]
        switch session.tokens.check(cookie: token, field: token, now: Int(configuration.clock())) {
        case .success(let nonce): return nonce
        case .failure(let failure):
            let why =
                failure == .expired
                ? "The form was open too long and has expired."
                : "The form was not sent from this workspace."
            throw Refusal(
                status: 403, title: "The form was not accepted",
                message: "\(why) Go back, reload the page and send it again. Nothing was recorded.")
        }
    }

    // MARK: Helpers

    static func redirect(_ location: String, clearSession: Bool = false, secure: Bool = false) -> PortalResponse {
        var headers: [(name: String, value: String)] = [("location", location)]
        if clearSession {
            headers.append(("set-cookie", "\(sessionCookie)=; Path=/staff; Max-Age=0; HttpOnly; SameSite=Strict\(secure ? "; Secure" : "")"))
        }
        return PortalResponse(status: 303, headers: headers)
    }

    static func segments(_ path: String) throws -> [String] {
        do {
            return try path.utf8.split(separator: UInt8(ascii: "/")).map { try FormData.decode(ArraySlice($0)) }
        } catch {
            throw Refusal(status: 400, title: "Bad request", message: "The address could not be read.")
        }
    }

    static func formBody(_ request: PortalRequest) throws -> FormData {
        let media = (request.headers["content-type"] ?? "").split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard media == "application/x-www-form-urlencoded" else {
            throw Refusal(
                status: 415, title: "The form could not be read",
                message: "Send the form as application/x-www-form-urlencoded.")
        }
        do {
            return try FormData(body: request.body)
        } catch {
            throw Refusal(status: 400, title: "The form could not be read", message: "\(error). Go back and try again.")
        }
    }

    /// A full page in the shared frame, with the staff navigation when signed in.
    func page(status: Int = 200, _ title: String, _ body: Markup, session: Session?) -> PortalResponse {
        let nav: Markup
        if let session {
            let token = session.tokens.issue(now: Int(configuration.clock()))
            nav = """
                <nav aria-label="Staff"><ul>\
                <li><a href="/staff/">Your work</a></li>\
                <li><form class="inline" method="post" action="/staff/sign-out">\
                <input type="hidden" name="csrf" value="\(token)">\
                <button type="submit" class="link">Sign out (\(session.person))</button></form></li>\
                </ul></nav>
                """
        } else {
            nav = .empty
        }
        let footer: Markup =
            "<p>Everything you record here is signed with your own key and appended to the public, verifiable record.</p>"
        let html = Layout.document(
            title, site: configuration.siteName, home: "/staff/", nav: nav, body: body, footer: footer,
            stylesheet: "/staff/static/portal.css")
        return PortalResponse(
            status: status, headers: [("content-type", "text/html; charset=utf-8")], body: Array(html.html.utf8))
    }
}
