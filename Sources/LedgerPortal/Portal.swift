import Dispatch
import Foundation
import LedgerCore
import LedgerProjections
import Synchronization

/// The web portal: public read pages and their JSON, the contribution look-up and the
/// feedback form, over one ledger.
///
/// ``handle(_:)`` answers one ``PortalRequest``; ``PortalServer`` puts it behind Hummingbird.
/// Pages are rendered on the server without script, every dynamic string is escaped
/// (``Markup``), and every response carries the ``SecurityHeaders``.
public final class Portal: Sendable {
    let configuration: PortalConfiguration
    let store: PortalStore
    let audit: AuditService
    let tokens = CSRFTokens()
    let limiter: RateLimiter

    /// Opens the ledger.
    /// - Throws: when the ledger cannot be opened.
    public init(configuration: PortalConfiguration) throws {
        self.configuration = configuration
        store = try PortalStore(configuration: configuration)
        let fixed = configuration.now
        audit = AuditService(
            ledgerPath: configuration.ledgerPath, interval: configuration.auditInterval,
            notBefore: configuration.clock() + configuration.firstAuditDelay
        ) {
            (fixed ?? CivilDate(parsing: Timestamp.now()) ?? CivilDate(dayNumber: 0)).description
        }
        limiter = RateLimiter(limit: configuration.postsPerMinute)
    }

    /// Catches the projections up with the log (nothing to do when they are current; after a
    /// bulk import or an upgrade that rebuilds one, it takes a while, so it is done before
    /// listening), and schedules the first audit (``PortalConfiguration/firstAuditDelay``).
    /// - Returns: the number of entries.
    @discardableResult
    public func warmUp() async throws -> Int {
        let size = try await store.perform { w in
            try w.refresh()
            _ = try w.live.plan()
            _ = try w.live.youSaid(page: 1)
            return w.size
        }
        // The first audit waits until the first pages are served; a request after that starts it
        // too, whichever comes first.
        let audit = self.audit
        let clock = configuration.clock
        let delay = max(0, audit.notBefore - clock()) + 0.5
        DispatchQueue.global(qos: .background).asyncAfter(deadline: .now() + delay) {
            audit.startIfDue(size: size, now: clock())
        }
        return size
    }

    static func clock() -> Double { Date().timeIntervalSince1970 }

    /// Answers one request. Never throws: failures become error pages or JSON errors.
    public func handle(_ request: PortalRequest) async -> PortalResponse {
        var response: PortalResponse
        do {
            response = try await route(request)
        } catch let error as Refusal {
            response = refusal(error, request: request)
        } catch {
            response = refusal(
                Refusal(
                    status: 500, title: "Sorry, something went wrong",
                    message: "The page could not be made. Try again later."), request: request)
        }
        response.headers += SecurityHeaders.all
        if response.header("cache-control") == nil { response.headers.append(("cache-control", "no-cache")) }
        if request.method == "HEAD" { response.body = [] }
        return response
    }

    /// A request refused with a status and a message naming what was wrong.
    struct Refusal: Error {
        var status: Int
        var title: String
        var message: String
        var field: String?
        var headers: [(name: String, value: String)] = []
    }

    func refusal(_ r: Refusal, request: PortalRequest) -> PortalResponse {
        var response: PortalResponse
        if request.path.hasPrefix("/api/") {
            response = json(APIError(error: r.message, field: r.field), status: r.status)
        } else {
            let page = Layout.page(
                r.title, section: nil, entries: max(0, lastSize), site: configuration.siteName,
                body: Pages.error(status: r.status, title: r.title, message: r.message))
            response = PortalResponse(
                status: r.status, headers: [("content-type", "text/html; charset=utf-8")], body: Array(page.html.utf8))
        }
        response.headers += r.headers
        return response
    }

    private let sizeBox = SizeBox()
    var lastSize: Int { sizeBox.value }

    // MARK: Routing

    func route(_ request: PortalRequest) async throws -> PortalResponse {
        if let tiles = try await tileResponse(request) { return tiles }
        let segments = try Self.segments(request.path)
        let query = try Self.query(request.query)
        let method = request.method == "HEAD" ? "GET" : request.method
        func allow(_ methods: String...) throws {
            guard methods.contains(method) else {
                let list = (methods + (methods.contains("GET") ? ["HEAD"] : [])).joined(separator: ", ")
                throw Refusal(
                    status: 405, title: "That cannot be done here", message: "This address answers \(list) only.",
                    headers: [("allow", list)])
            }
        }
        /// `?as-of=` and `?at=`, on the pages that show the plan's state.
        func point() throws -> ReadPoint { try Self.point(query) }
        switch segments {
        case []:
            try allow("GET")
            return try await page("home", at: try point(), request, section: .home) { w, v in
                let plan = try v.plan()
                return w.render(
                    "Home", .home,
                    Pages.home(
                        plan: plan, youSaid: try v.youSaid(page: 1).total, decisions: try v.decisionRegister().count,
                        formOn: w.configuration.intakeKey != nil), at: v)
            }
        case ["plan"]:
            try allow("GET")
            let n = try Self.pageNumber(query)
            return try await page("plan|\(n)", at: try point(), request, section: .plan) { w, v in
                w.render(
                    "Plan progress", .plan, Pages.plan(try v.plan(), page: n, pageSize: w.configuration.pageSize, names: v.names),
                    at: v)
            }
        case ["you-said-we-did"]:
            try allow("GET")
            let filters = try ListFilters.parse(query, for: .youSaid)
            return try await page("yousaid|\(filters.linkQuery)\(filters.page)", at: try point(), request, section: .yousaid) { w, v in
                let list = try v.youSaid(filters)
                return w.render(
                    "You said, we did", .yousaid,
                    Pages.youSaid(list, filters: filters, form: try w.youSaidForm(filters, at: v), names: v.names), at: v)
            }
        case let s where s.count == 2 && s[0] == "actions":
            try allow("GET")
            let id = s[1]
            return try await page("action|\(id)", at: try point(), request, section: .plan) { w, v in
                guard let action = try v.actionPage(id, checkpointSize: w.checkpointSize) else { throw Self.noAction(id, at: v) }
                return w.render(action.title, .plan, Pages.action(action, names: v.names), at: v)
            }
        case ["decisions", "reviews-due"]:
            try allow("GET")
            return try await page("reviews", at: try point(), request, section: .decisions) { w, v in
                w.render("Decisions due for review", .decisions, Pages.reviewsDue(try v.reviewsDue()), at: v)
            }
        case ["contributions"]:
            try allow("GET", "POST")
            if method == "GET" {
                return try await page("contributions") { w in
                    w.render("My contributions", .contributions, Pages.contributionsForm())
                }
            }
            return try await contributionLookup(request, api: false)
        case ["decisions"]:
            try allow("GET")
            let filters = try ListFilters.parse(query, for: .decisions)
            return try await page("decisions|\(filters.linkQuery)\(filters.page)", at: try point(), request, section: .decisions) {
                w, v in
                w.render(
                    "Decisions", .decisions,
                    Pages.decisions(
                        try v.decisions(filters), filters: filters, form: try w.decisionsForm(filters, at: v),
                        due: try v.reviewsDue().due.count, names: v.names), at: v)
            }
        case let s where s.count == 2 && s[0] == "decisions":
            try allow("GET")
            let at = try point()
            let id = s[1]
            return try await page("decision|\(id)", at: at, request, section: .decisions) { w, v in
                guard let detail = try v.decisionDetail(id) else { throw Self.noDecision(id, at: v) }
                return w.render(
                    "Decision \(detail.decisionId)", .decisions, Pages.decision(detail, names: v.names, today: v.today.description), at: v)
            }
        case ["equity"]:
            try allow("GET")
            let n = try Self.pageNumber(query)
            return try await page("equity|\(n)", at: try point(), request, section: .equity) { w, v in
                w.render("Equity", .equity, Pages.equity(Paged(all: try v.equity(), page: n, pageSize: 5)), at: v)
            }
        case ["verify"]:
            try allow("GET")
            let at = try point()
            let status = try await verifyStatus()
            let witnessPolicy = configuration.witnessPolicy
            let body = try await store.perform { w in
                let v = try? w.view(at)
                let note: Markup =
                    v?.said == nil
                    ? .empty
                    : "<p>The checks below are of the whole record as it is now: a record is checked whole, whatever point the other pages are read at.</p>"
                return w.render(
                    "Check the record", .verify, "\(note)\(Pages.verify(status, witnessPolicy: witnessPolicy))", at: v)
            }
            return Self.respond(body)
        case ["feedback"]:
            try allow("GET", "POST")
            return try await feedback(request, method: method)
        case let s where s.count == 3 && s[0] == "feedback" && s[2] == "reply":
            try allow("GET", "POST")
            return try await feedbackReply(s[1], request, method: method)
        case let s where s.count == 2 && s[0] == "feedback":
            try allow("GET")
            return try await feedbackStatus(s[1], at: try point(), request)
        case ["static", "portal.css"]:
            try allow("GET")
            return PortalResponse(
                status: 200,
                headers: [("content-type", "text/css; charset=utf-8"), ("cache-control", "public, max-age=3600")],
                body: Array(Stylesheet.css.utf8))
        case ["favicon.ico"]:
            try allow("GET")
            return PortalResponse(status: 204, headers: [("cache-control", "public, max-age=86400")])
        case ["api", "openapi.json"]:
            try allow("GET")
            return PortalResponse(
                status: 200, headers: [("content-type", "application/json")], body: Array(OpenAPIDocument.json.utf8))
        case ["api", "plan"]:
            try allow("GET")
            return try await page("api:plan", at: try point(), request, section: nil) { _, v in Self.jsonBody(try v.plan()) }
        case ["api", "you-said-we-did"]:
            try allow("GET")
            let filters = try ListFilters.parse(query, for: .youSaid)
            return try await page("api:yousaid|\(filters.linkQuery)\(filters.page)", at: try point(), request, section: nil) { _, v in
                Self.jsonBody(try v.youSaid(filters))
            }
        case ["api", "decisions"]:
            try allow("GET")
            let filters = try ListFilters.parse(query, for: .decisions)
            return try await page("api:decisions|\(filters.linkQuery)\(filters.page)", at: try point(), request, section: nil) { _, v in
                Self.jsonBody(try v.decisions(filters))
            }
        case ["api", "decisions", "reviews-due"]:
            try allow("GET")
            return try await page("api:reviews", at: try point(), request, section: nil) { _, v in
                Self.jsonBody(try v.reviewsDue())
            }
        case let s where s.count == 3 && s[0] == "api" && s[1] == "actions":
            try allow("GET")
            let id = s[2]
            return try await page("api:action|\(id)", at: try point(), request, section: nil) { w, v in
                guard let action = try v.actionPage(id, checkpointSize: w.checkpointSize) else { throw Self.noAction(id, at: v) }
                return Self.jsonBody(action)
            }
        case let s where s.count == 3 && s[0] == "api" && s[1] == "decisions":
            try allow("GET")
            let id = s[2]
            return try await page("api:decision|\(id)", at: try point(), request, section: nil) { _, v in
                guard let detail = try v.decisionDetail(id) else { throw Self.noDecision(id, at: v) }
                return Self.jsonBody(detail)
            }
        case ["api", "contributions"]:
            try allow("POST")
            return try await contributionLookup(request, api: true)
        case ["api", "verify"]:
            try allow("GET")
            return json(try await verifyStatus())
        case ["api", "checkpoint"]:
            try allow("GET")
            guard
                let note = try await store.perform({ w in
                    try w.refresh(); return try w.checkpointNote()
                })
            else {
                throw Refusal(status: 404, title: "No checkpoint", message: "no checkpoint has been signed yet")
            }
            return PortalResponse(
                status: 200, headers: [("content-type", "text/plain; charset=utf-8")], body: Array(note.utf8))
        case let s where s.count == 3 && s[0] == "api" && s[1] == "proofs":
            try allow("GET")
            let index = try Self.entryIndex(s[2])
            guard
                let proof = try await store.perform({ w in
                    try w.refresh(); return try w.inclusionProof(index)
                })
            else {
                throw Refusal(
                    status: 404, title: "No proof", message: "entry \(index) is not covered by a signed checkpoint",
                    field: "index")
            }
            return PortalResponse(
                status: 200,
                headers: [
                    ("content-type", "text/plain; charset=utf-8"),
                    ("content-disposition", "attachment; filename=\"entry-\(index).tlog-proof\""),
                ],
                body: Array(proof.utf8))
        case let s where s.count == 3 && s[0] == "api" && s[1] == "entries":
            try allow("GET")
            let index = try Self.entryIndex(s[2])
            guard
                let bytes = try await store.perform({ w in
                    try w.refresh(); return try w.entryBytes(index)
                })
            else {
                throw Refusal(status: 404, title: "No entry", message: "there is no entry \(index)", field: "index")
            }
            return PortalResponse(status: 200, headers: [("content-type", "application/json")], body: bytes)
        case ["api", "equity"]:
            try allow("GET")
            let n = try Self.pageNumber(query)
            return try await page("api:equity|\(n)", at: try point(), request, section: nil) { _, v in
                Self.jsonBody(Paged(all: try v.equity(), page: n, pageSize: 5))
            }
        default:
            throw Refusal(
                status: 404, title: "Page not found",
                message: "There is no page at this address. Check it, or start from the home page.")
        }
    }

    // MARK: Helpers

    /// Refreshes, then answers from the cache or renders.
    func page(_ key: String, _ make: @escaping @Sendable (PortalWorker) throws -> CachedBody) async throws
        -> PortalResponse
    {
        let (body, size) = try await store.perform { w -> (CachedBody, Int) in
            try w.refresh()
            return (try w.cached(key) { try make(w) }, w.size)
        }
        sizeBox.value = size
        audit.startIfDue(size: size, now: configuration.clock())
        return PortalResponse(status: 200, headers: [("content-type", body.contentType)], body: body.bytes)
    }

    /// A page that shows the plan's state, read at `point` (``PortalWorker/view(_:)``: the
    /// replay the CLI's `--as-of` / `--at` make), refreshed, then from the cache or rendered. A
    /// point before anything was recorded or had happened is a page saying so (HTTP 200); for
    /// the API, a 404 naming the parameter. A point not yet read counts against the client's
    /// rate limit: reading one reads the whole log.
    func page(
        _ key: String, at point: ReadPoint, _ request: PortalRequest, section: Section?,
        _ make: @escaping @Sendable (PortalWorker, PointView) throws -> CachedBody
    ) async throws -> PortalResponse {
        guard !point.isNow else { return try await page(key) { w in try make(w, w.live) } }
        let ready = try await store.perform { w in
            try w.refresh()
            return w.hasView(point)
        }
        if !ready { try checkRate(request) }
        do {
            return try await page(point.query + "|" + key) { w in
                do {
                    return try make(w, try w.view(point))
                } catch let error as ReadPointError where error.kind == .nothingThen && section != nil {
                    return w.render(
                        section?.title ?? "", section ?? .home, Pages.nothingThen(error.message, now: section?.path ?? "/"))
                }
            }
        } catch let error as ReadPointError {
            throw Refusal(
                status: error.kind == .malformed ? 400 : 404, title: "Nothing at that point", message: error.message,
                field: error.parameter)
        }
    }

    /// `?as-of=` and `?at=` as one ``ReadPoint``, parsed as the CLI parses `--as-of` and `--at`.
    static func point(_ query: FormData) throws -> ReadPoint {
        do {
            return try ReadPoint(asOf: query["as-of"], at: query["at"], spelling: .query)
        } catch {
            throw Refusal(status: 400, title: "Bad request", message: error.message + ".", field: error.parameter)
        }
    }

    static func noDecision(_ id: String, at view: PointView) -> Refusal {
        Refusal(
            status: 404, title: "Decision not found",
            message: "There is no decision \(id) in the record\(view.said.map { " \($0)" } ?? "").", field: "id")
    }

    static func noAction(_ id: String, at view: PointView) -> Refusal {
        Refusal(
            status: 404, title: "Action not found",
            message: "There is no action \(id) in the plan\(view.said.map { " \($0)" } ?? "").", field: "id")
    }

    static func respond(_ body: CachedBody, status: Int = 200) -> PortalResponse {
        PortalResponse(status: status, headers: [("content-type", body.contentType)], body: body.bytes)
    }

    func json<T: Encodable>(_ value: T, status: Int = 200) -> PortalResponse {
        let body = Self.jsonBody(value)
        return PortalResponse(status: status, headers: [("content-type", body.contentType)], body: body.bytes)
    }

    static func jsonBody<T: Encodable>(_ value: T) -> CachedBody {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return CachedBody(contentType: "application/json", bytes: [UInt8](data))
    }

    func verifyStatus() async throws -> VerifyStatus {
        var status = try await store.perform { w in
            try w.refresh()
            return try w.verifyStatus()
        }
        sizeBox.value = status.entries
        audit.startIfDue(size: status.entries, now: configuration.clock())
        status.audit = audit.result
        return status
    }

    /// Path segments, percent-decoded strictly.
    static func segments(_ path: String) throws -> [String] {
        guard path.hasPrefix("/") else {
            throw Refusal(status: 400, title: "Bad request", message: "The address must start with /.")
        }
        do {
            return try path.utf8.split(separator: UInt8(ascii: "/")).map { try FormData.decode(ArraySlice($0)) }
        } catch {
            throw Refusal(status: 400, title: "Bad request", message: "The address could not be read: \(error).")
        }
    }

    static func query(_ text: String) throws -> FormData {
        do {
            return try FormData(body: Array(text.utf8))
        } catch {
            throw Refusal(status: 400, title: "Bad request", message: "The address could not be read: \(error).")
        }
    }

    static func pageNumber(_ query: FormData) throws -> Int {
        guard let text = query["page"] else { return 1 }
        guard let n = Int(text), n >= 1, n <= 1_000_000 else {
            throw Refusal(
                status: 400, title: "Bad request",
                message: "page must be a whole number from 1 up, not \u{201C}\(text.prefix(40))\u{201D}.", field: "page"
            )
        }
        return n
    }

    static func entryIndex(_ text: String) throws -> Int {
        guard let n = Int(text), n >= 0, text.allSatisfy(\.isASCII) else {
            throw Refusal(
                status: 400, title: "Bad request",
                message: "index must be a whole number from 0 up, not \u{201C}\(text.prefix(40))\u{201D}",
                field: "index")
        }
        return n
    }
}

/// The log size the last request saw (for error pages' footer).
final class SizeBox: Sendable {
    private let state = Mutex(0)
    var value: Int {
        get { state.withLock { $0 } }
        set { state.withLock { $0 = newValue } }
    }
}

extension PortalWorker {
    /// A full HTML page in the shared frame.
    /// - Parameter view: the point the page was read at; the page says which and its links keep it.
    func render(_ title: String, _ section: Section, _ body: Markup, at view: PointView? = nil) -> CachedBody {
        // The server's default point (serve --as-of) is said, but links need not repeat it.
        let point = view.flatMap { v in v.said.map { (said: $0, query: v === live ? "" : v.point.query) } }
        let page = Layout.page(
            title, section: section, entries: size, site: configuration.siteName, body: body, point: point)
        return CachedBody(contentType: "text/html; charset=utf-8", bytes: Array(page.html.utf8))
    }
}
