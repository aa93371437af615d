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
            notBefore: Self.clock() + configuration.firstAuditDelay
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
            _ = try w.plan()
            _ = try w.youSaid(page: 1)
            return w.size
        }
        // The first audit waits until the first pages are served; a request after that starts it
        // too, whichever comes first.
        let audit = self.audit
        let delay = max(0, audit.notBefore - Self.clock()) + 0.5
        DispatchQueue.global(qos: .background).asyncAfter(deadline: .now() + delay) {
            audit.startIfDue(size: size, now: Self.clock())
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
        switch segments {
        case []:
            try allow("GET")
            return try await page("home") { w in
                let plan = try w.plan()
                return w.render(
                    "Home", .home,
                    Pages.home(
                        plan: plan, youSaid: try w.youSaid(page: 1).total, decisions: try w.decisionRegister().count,
                        formOn: w.configuration.intakeKey != nil))
            }
        case ["plan"]:
            try allow("GET")
            let n = try Self.pageNumber(query)
            return try await page("plan|\(n)") { w in
                w.render("Plan progress", .plan, Pages.plan(try w.plan(), page: n, pageSize: w.configuration.pageSize))
            }
        case ["you-said-we-did"]:
            try allow("GET")
            let n = try Self.pageNumber(query)
            return try await page("yousaid|\(n)") { w in
                w.render(
                    "You said, we did", .yousaid,
                    Pages.youSaid(try w.youSaid(page: n)))
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
            let n = try Self.pageNumber(query)
            return try await page("decisions|\(n)") { w in
                w.render(
                    "Decisions", .decisions,
                    Pages.decisions(Paged(all: try w.decisionRegister(), page: n, pageSize: w.configuration.pageSize)))
            }
        case let s where s.count == 2 && s[0] == "decisions":
            try allow("GET")
            let detail = try await decisionDetail(s[1])
            let markup = try await store.perform { w in
                w.render("Decision \(detail.decisionId)", .decisions, Pages.decision(detail))
            }
            return Self.respond(markup)
        case ["equity"]:
            try allow("GET")
            let n = try Self.pageNumber(query)
            return try await page("equity|\(n)") { w in
                w.render("Equity", .equity, Pages.equity(Paged(all: try w.equity(), page: n, pageSize: 5)))
            }
        case ["verify"]:
            try allow("GET")
            let status = try await verifyStatus()
            let witnessPolicy = configuration.witnessPolicy
            let body = try await store.perform { w in
                w.render("Check the record", .verify, Pages.verify(status, witnessPolicy: witnessPolicy))
            }
            return Self.respond(body)
        case ["feedback"]:
            try allow("GET", "POST")
            return try await feedback(request, method: method)
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
            return try await page("api:plan") { w in Self.jsonBody(try w.plan()) }
        case ["api", "you-said-we-did"]:
            try allow("GET")
            let n = try Self.pageNumber(query)
            return try await page("api:yousaid|\(n)") { w in
                Self.jsonBody(try w.youSaid(page: n))
            }
        case ["api", "decisions"]:
            try allow("GET")
            let n = try Self.pageNumber(query)
            return try await page("api:decisions|\(n)") { w in
                Self.jsonBody(Paged(all: try w.decisionRegister(), page: n, pageSize: w.configuration.pageSize))
            }
        case let s where s.count == 3 && s[0] == "api" && s[1] == "decisions":
            try allow("GET")
            return json(try await decisionDetail(s[2]))
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
            return try await page("api:equity|\(n)") { w in
                Self.jsonBody(Paged(all: try w.equity(), page: n, pageSize: 5))
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
        audit.startIfDue(size: size, now: Self.clock())
        return PortalResponse(status: 200, headers: [("content-type", body.contentType)], body: body.bytes)
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

    func decisionDetail(_ id: String) async throws -> DecisionDetail {
        let detail = try await store.perform { w -> DecisionDetail? in
            try w.refresh()
            return try w.decisionDetail(id)
        }
        guard let detail else {
            throw Refusal(
                status: 404, title: "Decision not found", message: "There is no decision \(id) in the record.",
                field: "id")
        }
        return detail
    }

    func verifyStatus() async throws -> VerifyStatus {
        var status = try await store.perform { w in
            try w.refresh()
            return try w.verifyStatus()
        }
        sizeBox.value = status.entries
        audit.startIfDue(size: status.entries, now: Self.clock())
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
    func render(_ title: String, _ section: Section, _ body: Markup) -> CachedBody {
        let page = Layout.page(title, section: section, entries: size, site: configuration.siteName, body: body)
        return CachedBody(contentType: "text/html; charset=utf-8", bytes: Array(page.html.utf8))
    }
}
