import Foundation
import LedgerCore
import LedgerDomain
import LedgerPortal
import LedgerRecording
import LedgerStore
import LedgerWorkspace
import Synchronization
import Testing

/// The staff workspace's web core, driven through its handler exactly as the server calls it:
/// sign-in, sessions, CSRF, the policy's refusals and the feedback forms, on a real ledger.
@Suite struct WorkspaceWebTests {
    final class Clock: Sendable {
        private let value = Mutex<Double>(1_800_000_000)
        var now: Double { value.withLock { $0 } }
        func advance(_ seconds: Double) { value.withLock { $0 += seconds } }
    }

    /// A ledger with person p-0001 (a staff member, key role member) and p-0002 (an evaluator's
    /// key), both enrolled in the staff store, and web-form feedback WEB-1 with consent to publish.
    struct World {
        let directory: URL
        let path: String
        let ledger: Ledger
        let admin: Ed25519SigningKey
        let lead: Ed25519SigningKey
        let evaluator: Ed25519SigningKey
        let leadTOTP: TOTP
        let evaluatorTOTP: TOTP
        let clock = Clock()
        let workspace: Workspace
        var store: StaffStore { StaffStore(besideLedgerAt: path) }

        init(configure: (inout WorkspaceConfiguration) -> Void = { _ in }) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("workspace-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            path = directory.appendingPathComponent("l.db").path
            admin = try Ed25519SigningKey(seed: [UInt8](repeating: 1, count: 32))
            ledger = try Ledger.create(
                path: path, origin: "test.example/workspace",
                logKey: try Ed25519SigningKey(seed: [UInt8](repeating: 2, count: 32)), admins: [admin],
                policy: DomainPolicy.standard)
            lead = try Ed25519SigningKey(seed: [UInt8](repeating: 3, count: 32))
            evaluator = try Ed25519SigningKey(seed: [UInt8](repeating: 4, count: 32))
            let recorder = Recorder(ledger: ledger)
            let now = Timestamp.now()
            for person in ["p-0001", "p-0002"] {
                _ = try recorder.record(
                    RegisterPerson(personId: PersonID(unchecked: person), categories: [.staff], lawfulBasisRef: "ROPA-1"), at: now,
                    signer: admin)
            }
            for (key, person, role) in [(lead, "p-0001", "member"), (evaluator, "p-0002", "evaluator")] {
                _ = try ledger.append(
                    draft: .object([
                        "type": "key.registered", "typeVersion": 1, "stream": .string("key/\(key.keyID)"),
                        "payload": .object([
                            "keyId": .string(key.keyID),
                            "publicKey": .string(Base64.encode(key.publicKey.rawRepresentation)),
                            "holder": .string("person/\(person)"), "role": .string(role),
                        ]),
                    ]), signer: admin)
            }
            _ = try recorder.record(
                ReceiveFeedback(
                    feedbackId: "WEB-20260101-AAAAAAAA", channel: .webForm, consentToPublish: true, text: "No prayer room."),
                at: now, signer: admin)
            let staff = StaffStore(besideLedgerAt: path)
            leadTOTP = try staff.add(
                person: "p-0001", keyFile: try SealedKeyFile.seal(lead, name: "lead", role: "member", passphrase: Array("lead pw".utf8)),
                unlocked: lead, ledger: ledger
            ).totp
            evaluatorTOTP = try staff.add(
                person: "p-0002",
                keyFile: try SealedKeyFile.seal(evaluator, name: "ev", role: "evaluator", passphrase: Array("ev pw".utf8)),
                unlocked: evaluator, ledger: ledger
            ).totp
            var configuration = WorkspaceConfiguration(ledgerPath: path)
            let clock = self.clock
            configuration.clock = { clock.now }
            configure(&configuration)
            workspace = try Workspace(configuration: configuration)
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }

        func code(_ totp: TOTP) -> String { totp.code(at: Int64(clock.now)) }

        func get(_ path: String, cookie: String? = nil, client: String = "10.0.0.1") async -> PortalResponse {
            let (p, q) = split(path)
            return await workspace.handle(
                PortalRequest(method: "GET", path: p, query: q, headers: cookie.map { ["cookie": $0] } ?? [:], client: client))
        }

        func post(_ path: String, _ fields: [String: String], cookie: String?, client: String = "10.0.0.1") async
            -> PortalResponse
        {
            let body = fields.map { "\(HTMLText.encode($0.key))=\(HTMLText.encode($0.value))" }.joined(separator: "&")
            var headers = ["content-type": "application/x-www-form-urlencoded"]
            if let cookie { headers["cookie"] = cookie }
            return await workspace.handle(
                PortalRequest(method: "POST", path: path, headers: headers, body: Array(body.utf8), client: client))
        }

        func split(_ path: String) -> (String, String) {
            guard let q = path.firstIndex(of: "?") else { return (path, "") }
            return (String(path[..<q]), String(path[path.index(after: q)...]))
        }

        /// Signs in; returns the sign-in response and the session cookie (`name=value`) if one was set.
        func signIn(_ person: String, _ passphrase: String, code: String, cookie extra: String? = nil, client: String = "10.0.0.1")
            async -> (PortalResponse, String?)
        {
            let form = await get("/staff/sign-in", client: client)
            let token = WorkspaceWebTests.csrf(form) ?? ""
            let formCookie = setCookie(form, "coledger_staff_signin") ?? ""
            let cookie = [formCookie, extra].compactMap { $0 }.joined(separator: "; ")
            let r = await post(
                "/staff/sign-in", ["csrf": token, "person": person, "passphrase": passphrase, "code": code], cookie: cookie,
                client: client)
            return (r, setCookie(r, "coledger_staff").flatMap { $0.hasSuffix("=") ? nil : $0 })
        }

        func size() throws -> Int { try ledger.size() }

        /// `name=value` of the `set-cookie` header setting cookie `name`, if any.
        func setCookie(_ r: PortalResponse, _ name: String) -> String? {
            r.headers.first { $0.name == "set-cookie" && $0.value.hasPrefix(name + "=") }
                .map { String($0.value.prefix { $0 != ";" }) }
        }
    }

    /// The first `csrf` hidden field's value in a page.
    static func csrf(_ r: PortalResponse, after marker: String = "") -> String? {
        var text = r.text
        if !marker.isEmpty, let at = text.range(of: marker) { text = String(text[at.upperBound...]) }
        guard let start = text.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(text[start.upperBound...].prefix { $0 != "\"" })
    }

    @Test func aWrongPassphraseOrCodeSignsNobodyInAndTheRightOnesDo() async throws {
        let w = try World()
        defer { w.remove() }
        let (wrongPass, c1) = await w.signIn("p-0001", "not it", code: w.code(w.leadTOTP))
        #expect(wrongPass.status == 401)
        #expect(wrongPass.text.contains("The person id, passphrase or code is not right"))
        #expect(c1 == nil)
        let wrongCode = String(format: "%06d", (Int(w.code(w.leadTOTP))! + 1) % 1_000_000)
        let (badTOTP, c2) = await w.signIn("p-0001", "lead pw", code: wrongCode)
        #expect(badTOTP.status == 401)
        #expect(c2 == nil)
        let (nobody, c3) = await w.signIn("p-9999", "lead pw", code: w.code(w.leadTOTP))
        #expect(nobody.status == 401)
        #expect(c3 == nil)
        #expect(w.workspace.openSessions == 0)
        let (ok, cookie) = await w.signIn("p-0001", "lead pw", code: w.code(w.leadTOTP))
        #expect(ok.status == 303)
        #expect(ok.header("location") == "/staff/")
        let set = try #require(ok.headers.first { $0.name == "set-cookie" && $0.value.hasPrefix("coledger_staff=") }?.value)
        #expect(set.contains("HttpOnly") && set.contains("SameSite=Strict") && set.contains("Path=/staff"))
        #expect(!set.contains("Secure"), "Secure only when the workspace is reached over TLS")
        let session: String = try #require(cookie)
        let home = await w.get("/staff/", cookie: session)
        #expect(home.status == 200)
        #expect(home.text.contains("Feedback inbox"))
        // The same code is not accepted twice (replay).
        let (replay, c4) = await w.signIn("p-0001", "lead pw", code: w.code(w.leadTOTP))
        #expect(replay.status == 401 && c4 == nil)
    }

    @Test func theSessionCookieIsSecureWhenServedOverTLS() async throws {
        let w = try World { $0.secureCookies = true }
        defer { w.remove() }
        let (ok, _) = await w.signIn("p-0001", "lead pw", code: w.code(w.leadTOTP))
        let set = try #require(ok.headers.first { $0.name == "set-cookie" && $0.value.hasPrefix("coledger_staff=") }?.value)
        #expect(set.contains("; Secure"))
    }

    @Test func repeatedFailuresLockTheAccountAndTooManyTriesFromOneAddressAreRefused() async throws {
        let w = try World()
        defer { w.remove() }
        for n in 1...4 {
            let (r, _) = await w.signIn("p-0001", "guess \(n)", code: w.code(w.leadTOTP), client: "10.0.0.\(n)")
            #expect(r.status == 401)
        }
        let (fifth, _) = await w.signIn("p-0001", "guess 5", code: w.code(w.leadTOTP), client: "10.0.0.5")
        #expect(fifth.status == 429)
        #expect(fifth.text.contains("locked"))
        w.clock.advance(31)
        // Locked: even the right passphrase and code are refused, from any address.
        let (right, cookie) = await w.signIn("p-0001", "lead pw", code: w.code(w.leadTOTP), client: "10.0.0.9")
        #expect(right.status == 429)
        #expect(cookie == nil)
        #expect(w.workspace.openSessions == 0)
        // After the lock (15 minutes) the right ones work.
        w.clock.advance(15 * 60)
        let (later, laterCookie) = await w.signIn("p-0001", "lead pw", code: w.code(w.leadTOTP), client: "10.0.0.9")
        #expect(later.status == 303)
        #expect(laterCookie != nil)
        // One address: 10 sign-in posts a minute, then 429 with Retry-After.
        var statuses: [Int] = []
        for n in 1...11 {
            let (r, _) = await w.signIn("nobody-\(n)", "x", code: "000000", client: "10.9.9.9")
            statuses.append(r.status)
        }
        #expect(statuses == Array(repeating: 401, count: 10) + [429])
    }

    @Test func aDisabledAccountOrARevokedKeyCannotSignIn() async throws {
        let w = try World()
        defer { w.remove() }
        _ = try w.store.disable(person: "p-0002")
        let (disabled, c1) = await w.signIn("p-0002", "ev pw", code: w.code(w.evaluatorTOTP))
        #expect(disabled.status == 401 && c1 == nil)
        _ = try w.ledger.append(
            draft: .object([
                "type": "key.revoked", "typeVersion": 1, "stream": .string("key/\(w.lead.keyID)"),
                "payload": .object(["keyId": .string(w.lead.keyID)]),
            ]), signer: w.admin)
        let (revoked, c2) = await w.signIn("p-0001", "lead pw", code: w.code(w.leadTOTP))
        #expect(revoked.status == 401 && c2 == nil)
        #expect(w.workspace.openSessions == 0)
    }

    @Test func aSessionIdSetBeforeSignInIsNotAdopted() async throws {
        let w = try World()
        defer { w.remove() }
        let planted = "coledger_staff=attacker-chosen-id"
        let (ok, cookie) = await w.signIn("p-0001", "lead pw", code: w.code(w.leadTOTP), cookie: planted)
        #expect(ok.status == 303)
        let issued = try #require(cookie)
        #expect(issued != planted)
        #expect(await w.get("/staff/", cookie: issued).status == 200)
        let withPlanted = await w.get("/staff/", cookie: planted)
        #expect(withPlanted.status == 303)
        #expect(withPlanted.header("location") == "/staff/sign-in")
    }

    @Test func anIdleSessionExpiresAndItsKeyIsWiped() async throws {
        let w = try World()
        defer { w.remove() }
        let (_, c) = await w.signIn("p-0001", "lead pw", code: w.code(w.leadTOTP))
        let cookie = try #require(c)
        let item = await w.get("/staff/feedback/WEB-20260101-AAAAAAAA", cookie: cookie)
        let token = try #require(Self.csrf(item, after: "/acknowledge"))
        w.clock.advance(14 * 60)
        #expect(await w.get("/staff/", cookie: cookie).status == 200, "used within 15 minutes: still open")
        w.clock.advance(15 * 60 + 1)
        let before = try w.size()
        let late = await w.post(
            "/staff/feedback/WEB-20260101-AAAAAAAA/acknowledge", ["csrf": token, "method": "email"], cookie: cookie)
        #expect(late.status == 303)
        #expect(late.header("location") == "/staff/sign-in?expired=1")
        #expect(try w.size() == before)
        #expect(w.workspace.openSessions == 0)
        // The sweep ends idle sessions without a request.
        let (_, c2) = await w.signIn("p-0001", "lead pw", code: w.code(w.leadTOTP))
        #expect(c2 != nil)
        #expect(w.workspace.openSessions == 1)
        w.clock.advance(15 * 60 + 1)
        w.workspace.sweep()
        #expect(w.workspace.openSessions == 0)
    }

    @Test func aPostWithoutOrWithABadCSRFTokenIsRefusedAndNothingAppended() async throws {
        let w = try World()
        defer { w.remove() }
        let (_, c) = await w.signIn("p-0001", "lead pw", code: w.code(w.leadTOTP))
        let cookie = try #require(c)
        let before = try w.size()
        let path = "/staff/feedback/WEB-20260101-AAAAAAAA/acknowledge"
        let missing = await w.post(path, ["method": "email"], cookie: cookie)
        #expect(missing.status == 403)
        let forged = await w.post(path, ["method": "email", "csrf": "v1.1800000000.AAAA.BBBB"], cookie: cookie)
        #expect(forged.status == 403)
        // A token from another session does not work in this one.
        let (_, other) = await w.signIn("p-0001", "lead pw", code: w.leadTOTP.code(at: Int64(w.clock.now) + 30))
        let otherCookie: String = try #require(other)
        let otherPage = await w.get("/staff/feedback/WEB-20260101-AAAAAAAA", cookie: otherCookie)
        let otherToken = try #require(Self.csrf(otherPage, after: "/acknowledge"))
        let crossed = await w.post(path, ["method": "email", "csrf": otherToken], cookie: cookie)
        #expect(crossed.status == 403)
        // The sign-in form needs its token and cookie too.
        let signIn = await w.post(
            "/staff/sign-in", ["person": "p-0001", "passphrase": "lead pw", "code": w.code(w.leadTOTP)], cookie: nil)
        #expect(signIn.status == 403)
        #expect(try w.size() == before)
    }

    @Test func aPersonWhoseRolesDoNotAllowItIsRefusedWithA403AndNothingAppended() async throws {
        let w = try World()
        defer { w.remove() }
        let (_, c) = await w.signIn("p-0002", "ev pw", code: w.code(w.evaluatorTOTP))
        let cookie = try #require(c)
        let home = await w.get("/staff/", cookie: cookie)
        #expect(home.status == 200)
        #expect(!home.text.contains("Feedback inbox"), "the evaluator's key may not sign feedback events")
        #expect(await w.get("/staff/feedback", cookie: cookie).status == 403)
        // A token the evaluator's own session issued (from the sign-out form on the home page).
        let token = try #require(Self.csrf(home))
        let before = try w.size()
        let refusedAction = await w.post(
            "/staff/actions/LG-1/update", ["csrf": token, "status": "done", "note": "x"], cookie: cookie)
        #expect(refusedAction.status == 403)
        #expect(refusedAction.text.contains("action.status_changed must be signed by admin or member"))
        #expect(await w.get("/staff/actions", cookie: cookie).status == 403)
        for action in ["acknowledge", "respond", "close"] {
            let r = await w.post(
                "/staff/feedback/WEB-20260101-AAAAAAAA/\(action)",
                ["csrf": token, "method": "email", "closeReason": "withdrawn", "youSaid": "x", "weDid": "y",
                 "change": "change_made", "whatChanged": "z", "moderatedBy": "R-1"], cookie: cookie)
            #expect(r.status == 403)
            #expect(r.text.contains("You may not do this: feedback."))
            #expect(r.text.contains("must be signed by admin or member"))
        }
        #expect(try w.size() == before)
    }

    @Test func thePublicPortalHasNoWorkspaceAndTheWorkspaceNothingElse() async throws {
        let w = try World()
        defer { w.remove() }
        let portal = try Portal(
            configuration: PortalConfiguration(ledgerPath: w.path, codes: try ContributionCodes(secret: [UInt8](repeating: 7, count: 32))))
        for path in ["/staff", "/staff/", "/staff/sign-in", "/staff/feedback"] {
            #expect(await portal.handle(PortalRequest(method: "GET", path: path)).status == 404, "\(path) on the public listener")
        }
        for path in ["/", "/plan", "/feedback", "/api/plan", "/staffroom"] {
            #expect(await w.get(path).status == 404, "\(path) on the workspace listener")
        }
        #expect(await w.get("/staff/sign-in").status == 200)
    }

    @Test func signingOutWipesTheKeySoTheSessionNoLongerSigns() async throws {
        let w = try World()
        defer { w.remove() }
        let (_, c) = await w.signIn("p-0001", "lead pw", code: w.code(w.leadTOTP))
        let cookie = try #require(c)
        let item = await w.get("/staff/feedback/WEB-20260101-AAAAAAAA", cookie: cookie)
        let token = try #require(Self.csrf(item, after: "/acknowledge"))
        let signOutToken = try #require(Self.csrf(item))
        let out = await w.post("/staff/sign-out", ["csrf": signOutToken], cookie: cookie)
        #expect(out.status == 303)
        #expect(out.header("location") == "/staff/sign-in?signed-out=1")
        #expect(w.workspace.openSessions == 0)
        let before = try w.size()
        let after = await w.post(
            "/staff/feedback/WEB-20260101-AAAAAAAA/acknowledge", ["csrf": token, "method": "email"], cookie: cookie)
        #expect(after.status == 303)
        #expect(after.header("location") == "/staff/sign-in")
        #expect(try w.size() == before)
    }

    @Test func theFeedbackLeadAcknowledgesOnceAnswersAndBadInputNamesTheField() async throws {
        let w = try World()
        defer { w.remove() }
        let (_, c) = await w.signIn("p-0001", "lead pw", code: w.code(w.leadTOTP))
        let cookie = try #require(c)
        let inbox = await w.get("/staff/feedback", cookie: cookie)
        #expect(inbox.status == 200)
        #expect(inbox.text.contains("WEB-20260101-AAAAAAAA"))
        #expect(inbox.text.contains("Acknowledge by"))
        let item = await w.get("/staff/feedback/WEB-20260101-AAAAAAAA", cookie: cookie)
        let ackToken = try #require(Self.csrf(item, after: "/acknowledge"))
        let respondToken = try #require(Self.csrf(item, after: "/respond"))
        let before = try w.size()
        // Nothing chosen: the field is named, in the summary and above the field; nothing appended.
        let empty = await w.post(
            "/staff/feedback/WEB-20260101-AAAAAAAA/acknowledge", ["csrf": ackToken, "method": ""], cookie: cookie)
        #expect(empty.status == 422)
        #expect(empty.text.contains("There is a problem"))
        #expect(empty.text.contains("<a href=\"#method\">Choose how the receipt was acknowledged</a>"))
        #expect(empty.text.contains("id=\"method-error\""))
        let unknown = await w.post(
            "/staff/feedback/WEB-20260101-AAAAAAAA/acknowledge", ["csrf": ackToken, "method": "pigeon"], cookie: cookie)
        #expect(unknown.status == 422)
        #expect(unknown.text.contains("<a href=\"#method\">Unknown value"))
        #expect(try w.size() == before)
        // Recorded once, signed by the lead's own key; the same form again appends nothing.
        let first = await w.post(
            "/staff/feedback/WEB-20260101-AAAAAAAA/acknowledge", ["csrf": ackToken, "method": "email"], cookie: cookie)
        #expect(first.status == 200)
        #expect(first.text.contains("Acknowledged feedback WEB-20260101-AAAAAAAA by email."))
        #expect(first.text.contains("<p class=\"reference\">\(before)</p>"))
        #expect(try w.size() == before + 1)
        let entry = try #require(try w.ledger.entry(at: before))
        #expect(entry.entry.event.signer == w.lead.keyID)
        #expect(entry.entry.event.type == "feedback.acknowledged")
        let again = await w.post(
            "/staff/feedback/WEB-20260101-AAAAAAAA/acknowledge", ["csrf": ackToken, "method": "email"], cookie: cookie)
        #expect(again.status == 200)
        #expect(again.text.contains("Already recorded"))
        #expect(again.text.contains("<p class=\"reference\">\(before)</p>"))
        #expect(try w.size() == before + 1)
        // An answer naming a role the log does not have: the moderation field is named.
        let answer = [
            "csrf": respondToken, "youSaid": "You said there was no prayer room.", "weDid": "We opened one.",
            "change": "change_made", "whatChanged": "A quiet room on the ground floor.", "moderatedBy": "R-NOBODY",
        ]
        let refused = await w.post("/staff/feedback/WEB-20260101-AAAAAAAA/respond", answer, cookie: cookie)
        #expect(refused.status == 422)
        #expect(refused.text.contains("<a href=\"#moderatedBy\">"))
        #expect(refused.text.contains("R-NOBODY does not exist"))
        #expect(refused.text.contains("We opened one."), "what was typed is kept")
        #expect(try w.size() == before + 1)
        let missing = await w.post(
            "/staff/feedback/WEB-20260101-AAAAAAAA/respond", ["csrf": respondToken, "change": "change_made"], cookie: cookie)
        #expect(missing.status == 422)
        #expect(missing.text.contains("<a href=\"#youSaid\">"))
        #expect(missing.text.contains("<a href=\"#weDid\">"))
        #expect(missing.text.contains("<a href=\"#moderatedBy\">"))
        #expect(try w.size() == before + 1)
    }
}

/// Percent-encoding for a test's form bodies.
enum HTMLText {
    static func encode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s
    }
}
