import Foundation
import LedgerCore
import LedgerDomain
import LedgerProjections
import LedgerStore
import Testing

@testable import LedgerPortal

/// A PCREF ledger with the rethink-amhe plan, an intake key and two regions, and a portal over it
/// (in process: requests go straight to `Portal.handle`).
final class PortalFixture {
    static let payload = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>"

    let directory: URL
    let ledger: Ledger
    let admin: Ed25519SigningKey
    let intake: Ed25519SigningKey
    let portal: Portal

    init(form: Bool = true, postsPerMinute: Int = 100, clockStill: Bool = false) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("coledger-portal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("ledger.db").path
        let admin = try Ed25519SigningKey(seed: [UInt8](repeating: 2, count: 32))
        let intake = try Ed25519SigningKey(seed: [UInt8](repeating: 3, count: 32))
        self.admin = admin
        self.intake = intake
        let template = try PlanTemplate.named("rethink-amhe")
        let ledger = try Ledger.create(
            path: path, origin: "test.example/portal", logKey: try Ed25519SigningKey(seed: [UInt8](repeating: 1, count: 32)),
            admins: [admin], occurredAt: "2025-04-01T08:00:00Z", policy: DomainPolicy.standard, genesisPayload: template.genesisPayload)
        self.ledger = ledger
        _ = try ledger.append(template.events.map { ($0, admin) })
        _ = try ledger.append(
            draft: .object([
                "type": "key.registered", "typeVersion": 1, "stream": .string("key/\(intake.keyID)"),
                "payload": .object([
                    "keyId": .string(intake.keyID), "publicKey": .string(Base64.encode(intake.publicKey.rawRepresentation)),
                    "holder": "system/feedback-form", "role": "intake",
                ]),
            ]), signer: admin)
        for (id, name) in [("NW", "North West"), ("XSS", "Region " + Self.payload)] {
            _ = try ledger.append(
                draft: .object([
                    "type": "region.registered", "typeVersion": 1, "stream": .string("region/\(id)"),
                    "payload": .object(["regionId": .string(id), "name": .string(name), "servicesProvided": true]),
                ]), signer: admin)
        }
        var configuration = PortalConfiguration(ledgerPath: path, codes: try ContributionCodes(secret: [UInt8](repeating: 7, count: 32)))
        configuration.now = CivilDate(parsing: "2026-03-31")
        configuration.intakeKey = form ? intake : nil
        configuration.auditInterval = nil
        configuration.postsPerMinute = postsPerMinute
        if clockStill { configuration.clock = { 1_800_000_000 } }
        portal = try Portal(configuration: configuration)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func get(_ path: String, method: String = "GET") async -> PortalResponse {
        let parts = path.split(separator: "?", maxSplits: 1).map(String.init)
        return await portal.handle(PortalRequest(method: method, path: parts[0], query: parts.count > 1 ? parts[1] : ""))
    }

    func post(_ path: String, form: [(String, String)], cookie: String?, headers: [String: String] = [:]) async -> PortalResponse {
        let body = form.map { "\(HTML.urlComponent($0.0))=\(HTML.urlComponent($0.1))" }.joined(separator: "&")
        var h = ["content-type": "application/x-www-form-urlencoded", "host": "127.0.0.1:8080"].merging(headers) { $1 }
        if let cookie { h["cookie"] = cookie }
        return await portal.handle(PortalRequest(method: "POST", path: path, headers: h, body: Array(body.utf8), client: "10.0.0.1"))
    }

    /// The form's token (hidden field) and the cookie set with it.
    func formToken() async throws -> (token: String, cookie: String) {
        let page = await get("/feedback")
        let setCookie = try #require(page.header("set-cookie"))
        let cookie = String(setCookie.split(separator: ";")[0])
        let token = try #require(page.text.firstMatch(of: /name="csrf" value="([^"]+)"/)?.1)
        #expect(cookie == "coledger_form=\(token)")
        return (String(token), cookie)
    }
}

struct PortalPageTests {
    @Test func planCountsTheTemplatesActionsByArea() async throws {
        let f = try PortalFixture()
        let page = await f.get("/plan")
        #expect(page.status == 200)
        #expect(page.header("content-type") == "text/html; charset=utf-8")
        // The rethink-amhe plan: 23 actions, none with a status change yet, so all planned.
        #expect(page.text.contains("the plan has 23 actions: 0 done, 0 in progress, 23 planned, 0 blocked and 0 cancelled"))
        let api = try JSONDecoder().decode(PlanProgress.self, from: Data((await f.get("/api/plan")).body))
        // LG-1…5, ST-1…2, PW-1…2, WF-1…5, MHS-1…3, DF-1…6, in plan order.
        #expect(api.byArea.map { "\($0.code) \($0.total)" } == ["LG 5", "ST 2", "PW 2", "WF 5", "MHS 3", "DF 6"])
        #expect(api.totals.planned == 23 && api.totals.total == 23)
        // Pillars are tagged on MHS-1 and MHS-3 only (the template's note), so one row of 2.
        #expect(api.byPillar.map { "\($0.code) \($0.total)" } == ["PIL-1 2"])
        #expect(page.text.contains("21 actions are not tagged with a pillar"))
    }

    @Test func everyPageAnswersWithTheSecurityHeaders() async throws {
        let f = try PortalFixture()
        for path in [
            "/", "/plan", "/you-said-we-did", "/contributions", "/decisions", "/equity", "/verify", "/feedback", "/static/portal.css",
            "/api/plan", "/api/verify", "/api/decisions", "/api/openapi.json",
        ] {
            let r = await f.get(path)
            #expect(r.status == 200, "\(path)")
            #expect(r.header("content-security-policy") == SecurityHeaders.contentSecurityPolicy, "\(path)")
            #expect(r.header("x-content-type-options") == "nosniff")
            #expect(r.header("referrer-policy") == "no-referrer")
            #expect(!r.text.contains("<script"), "\(path)")
            #expect(!r.text.contains("style=\""), "\(path)")
        }
        #expect(!SecurityHeaders.contentSecurityPolicy.contains("unsafe-inline"))
        #expect(SecurityHeaders.contentSecurityPolicy.contains("frame-ancestors 'none'"))
    }

    @Test func wrongMethodsMissingPagesAndBadParameters() async throws {
        let f = try PortalFixture()
        let delete = await f.get("/plan", method: "DELETE")
        #expect(delete.status == 405 && delete.header("allow") == "GET, HEAD")
        #expect((await f.get("/feedback", method: "PATCH")).header("allow") == "GET, POST, HEAD")
        #expect((await f.get("/api/contributions")).status == 405)
        let missing = await f.get("/nowhere")
        #expect(missing.status == 404 && missing.text.contains("Page not found"))
        let apiMissing = await f.get("/api/nowhere")
        #expect(apiMissing.status == 404 && apiMissing.header("content-type") == "application/json")
        let badPage = await f.get("/api/decisions?page=zero")
        #expect(badPage.status == 400 && badPage.text.contains("\"field\":\"page\""))
        #expect((await f.get("/decisions/%FF")).status == 400)
        #expect((await f.get("/plan?page=%zz")).status == 400)
        #expect((await f.get("/api/proofs/abc")).status == 400)
        #expect((await f.get("/api/proofs/0")).status == 404, "no checkpoint signed yet")
        #expect((await f.get("/decisions/D-NONE")).status == 404)
        let head = await f.get("/plan", method: "HEAD")
        #expect(head.status == 200 && head.body.isEmpty)
    }

    @Test func namesFromTheLogAreEscaped() async throws {
        let f = try PortalFixture()
        let page = await f.get("/feedback")
        #expect(!page.text.contains(PortalFixture.payload))
        #expect(page.text.contains("Region &lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
    }

    @Test func theOpenAPIDocumentIsTheSchemaFile() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Schemas/openapi/portal.v1.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(OpenAPIDocument.json == text, "run Tools/schemas/embed_openapi.py")
    }
}

struct PortalFeedbackTests {
    @Test func formRecordsFeedbackReceivedWithTheTextPrivate() async throws {
        let f = try PortalFixture()
        let before = try f.ledger.size()
        let (token, cookie) = try await f.formToken()
        let text = "The interpreter never came. " + PortalFixture.payload
        let fields = [
            ("csrf", token), ("feedback", text), ("region", "NW"), ("language", "ur"), ("format", "large_print"),
            ("needs", "Phone, not letters"), ("publish", "yes"), ("contact", "yes"), ("name", "A. Person"),
            ("contactDetails", "07700 900123"),
        ]
        let r = await f.post("/feedback", form: fields, cookie: cookie)
        #expect(r.status == 200)
        #expect(r.header("cache-control") == "no-store")
        let reference = try #require(r.text.firstMatch(of: /class="reference">(WEB-[0-9]{8}-[0-9A-Z]{8})</)?.1)
        #expect(try f.ledger.size() == before + 1)
        let stored = try #require(try f.ledger.entry(at: before)).entry.event
        #expect(stored.type == "feedback.received" && stored.signer == f.intake.keyID)
        let p = stored.payload
        #expect(p["feedbackId"]?.stringValue == String(reference))
        #expect(p["submitter"]?.stringValue == "anonymous" && p["channel"]?.stringValue == "web_form")
        #expect(p["regionId"]?.stringValue == "NW" && p["language"]?.stringValue == "ur")
        #expect(p["accessibleFormat"]?.stringValue == "large_print" && p["lawfulBasisRef"]?.stringValue == "LB-ART9-2H")
        #expect(p["consentToPublish"] == .bool(true) && p["contactConsent"] == .bool(true))
        let publicBytes = String(decoding: try #require(try f.ledger.entry(at: before)).entry.bytes, as: UTF8.self)
        for secret in ["interpreter", "A. Person", "07700", "Phone, not letters"] { #expect(!publicBytes.contains(secret)) }
        guard case .available(let subject, _, let data)? = try f.ledger.privateRecord(at: before) else {
            Issue.record("no private record")
            return
        }
        #expect(subject == "feedback/\(reference)")
        #expect(
            data
                == .object([
                    "text": .string(text), "name": "A. Person", "contact": "07700 900123", "accessNeeds": "Phone, not letters",
                ]))
        // The same form again: nothing appended, the same reference.
        let again = await f.post("/feedback", form: fields, cookie: cookie)
        #expect(again.text.contains(">\(reference)<") && again.text.contains("already been sent"))
        #expect(try f.ledger.size() == before + 1)
    }

    @Test func problemsNameTheFieldAndNothingIsAppended() async throws {
        let f = try PortalFixture()
        let before = try f.ledger.size()
        let (token, cookie) = try await f.formToken()
        let r = await f.post(
            "/feedback", form: [("csrf", token), ("feedback", "  "), ("language", "klingon"), ("region", "MOON"), ("contact", "yes")],
            cookie: cookie)
        #expect(r.status == 422)
        for (field, message) in [
            ("feedback", "Enter your feedback"), ("region", "Choose a region from the list"),
            ("language", "Choose the language you wrote in from the list"),
            ("contactDetails", "Enter an email address or phone number so we can tell you what happened"),
        ] {
            #expect(r.text.contains("<a href=\"#\(field)\">\(message)"), "\(field)")
            #expect(r.text.contains("id=\"\(field)-error\""), "\(field)")
        }
        #expect(try f.ledger.size() == before)
    }

    @Test func csrfOriginAndContentTypeAreChecked() async throws {
        let f = try PortalFixture()
        let before = try f.ledger.size()
        let (token, cookie) = try await f.formToken()
        let fields = [("csrf", token), ("feedback", "hello"), ("language", "en")]
        #expect((await f.post("/feedback", form: fields, cookie: nil)).status == 403)
        #expect((await f.post("/feedback", form: [("feedback", "hello"), ("language", "en")], cookie: cookie)).status == 403)
        #expect((await f.post("/feedback", form: fields, cookie: cookie, headers: ["origin": "https://evil.example"])).status == 403)
        #expect((await f.post("/feedback", form: fields, cookie: cookie, headers: ["content-type": "multipart/form-data"])).status == 415)
        #expect(try f.ledger.size() == before)
        #expect((await f.post("/feedback", form: fields, cookie: cookie, headers: ["origin": "http://127.0.0.1:8080"])).status == 200)
        #expect(try f.ledger.size() == before + 1)
    }

    @Test func closedFormAndRateLimit() async throws {
        // The rate limit's clock stands still: every post falls in the same minute however slowly
        // a loaded machine answers them.
        let f = try PortalFixture(form: false, postsPerMinute: 2, clockStill: true)
        #expect((await f.get("/feedback")).text.contains("not open on this site"))
        #expect((await f.post("/feedback", form: [], cookie: nil)).status == 503)
        let lookups = [
            await f.post("/contributions", form: [("code", "nope")], cookie: nil),
            await f.post("/contributions", form: [("code", "0000-0000-0000-0000")], cookie: nil),
            await f.post("/contributions", form: [("code", "0000-0000-0000-0000")], cookie: nil),
        ]
        #expect(lookups.map(\.status) == [422, 404, 429])
        #expect(lookups[2].header("retry-after").flatMap(Int.init) == 60)
    }
}
