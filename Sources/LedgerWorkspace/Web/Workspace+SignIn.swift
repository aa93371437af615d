import Foundation
import LedgerCore
import LedgerPortal
import LedgerStore

extension Workspace {
    /// The sign-in fields, as typed (the passphrase is never sent back).
    struct SignInFields {
        var person = ""
        var code = ""
    }

    /// `GET /staff/sign-in`.
    func signInForm(_ request: PortalRequest) -> PortalResponse {
        let query = (try? FormData(body: Array(request.query.utf8))) ?? FormData(fields: [:])
        let note: Markup =
            query["expired"] != nil
            ? "<div class=\"panel\" role=\"status\"><p>Your session ended because it was idle. Sign in again.</p></div>"
            : query["signed-out"] != nil
                ? "<div class=\"panel\" role=\"status\"><p>You have signed out. Your key was wiped from the server's memory.</p></div>"
                : .empty
        return signInPage(status: 200, SignInFields(), problems: [], note: note)
    }

    func signInPage(
        status: Int, _ fields: SignInFields, problems: [(field: String, message: String)], note: Markup = .empty,
        headers: [(name: String, value: String)] = []
    ) -> PortalResponse {
        let token = signInTokens.issue(now: Int(configuration.clock()))
        var response = page(
            status: status, problems.isEmpty ? "Sign in" : "Error: Sign in",
            StaffPages.signIn(fields, token: token, problems: problems, note: note), session: nil)
        response.headers += headers
        response.headers.append(
            (
                "set-cookie",
                "\(Self.signInCookie)=\(token); Path=/staff/sign-in; Max-Age=\(signInTokens.maxAge); HttpOnly; SameSite=Strict\(configuration.secureCookies ? "; Secure" : "")"
            ))
        return response
    }

    /// `POST /staff/sign-in`: person id, key passphrase and TOTP code.
    ///
    /// Limits: ``WorkspaceConfiguration/signInsPerAddressPerMinute`` attempts per client address
    /// per minute (429), twice ``WorkspaceConfiguration/lockoutFailures`` per account per minute,
    /// and after ``WorkspaceConfiguration/lockoutFailures`` failures in a row the account is locked
    /// for ``WorkspaceConfiguration/lockoutSeconds`` whatever is typed. A wrong person id,
    /// passphrase or code, a disabled account and a revoked key all get the same answer.
    func signIn(_ request: PortalRequest) async throws -> PortalResponse {
        let now = configuration.clock()
        let verdict = addressLimiter.allow(request.client, now: now)
        guard verdict.allowed else {
            throw Refusal(
                status: 429, title: "Too many attempts",
                message: "Too many sign-in attempts from your address. Wait \(Words.count(verdict.retryAfter, "second")) and try again.",
                headers: [("retry-after", String(verdict.retryAfter))])
        }
        let form = try Self.formBody(request)
        let token = form["csrf"]
        if case .failure = signInTokens.check(
            cookie: Portal.cookie(Self.signInCookie, in: request.headers["cookie"]), field: token, now: Int(now))
        {
            throw Refusal(
                status: 403, title: "The form was not accepted",
                message: "The sign-in form was not sent from this workspace, or your browser did not send its cookie. Reload the page and try again.")
        }
        let fields = SignInFields(
            person: (form["person"] ?? "").trimmingCharacters(in: .whitespaces),
            code: (form["code"] ?? "").filter { !$0.isWhitespace })
        var passphrase = Array((form["passphrase"] ?? "").utf8)
        defer { SecureRandom.zero(&passphrase) }
        var problems: [(field: String, message: String)] = []
        if fields.person.isEmpty { problems.append(("person", "Enter your person id, like p-0001")) }
        if passphrase.isEmpty { problems.append(("passphrase", "Enter your key's passphrase")) }
        if fields.code.isEmpty {
            problems.append(("code", "Enter the 6-digit code from your authenticator app"))
        } else if fields.code.count != 6 || !fields.code.allSatisfy(\.isASCII) || !fields.code.allSatisfy(\.isNumber) {
            problems.append(("code", "Enter the code as 6 digits, like 123456"))
        }
        guard problems.isEmpty else { return signInPage(status: 422, fields, problems: problems) }
        let person = fields.person.hasPrefix("person/") ? String(fields.person.dropFirst(7)) : fields.person
        if let wait = guardian.locked(person, now: now) {
            return signInPage(
                status: 429, fields,
                problems: [("person", "This account is locked after too many failed sign-ins. Try again in \(Words.count((wait + 59) / 60, "minute")).")],
                headers: [("retry-after", String(wait))])
        }
        let perAccount = accountLimiter.allow(person, now: now)
        guard perAccount.allowed else {
            return signInPage(
                status: 429, fields,
                problems: [("person", "Too many sign-in attempts for this account. Wait \(Words.count(perAccount.retryAfter, "second")) and try again.")],
                headers: [("retry-after", String(perAccount.retryAfter))])
        }
        let staff = configuration.staff
        let secret = passphrase
        let code = fields.code
        let unlocked: (keyId: String, key: Ed25519SigningKey)? = try await store.perform { w in
            var secret = secret
            defer { SecureRandom.zero(&secret) }
            guard let record = try? staff.record(for: person), record.state == .enrolled,
                let registered = try w.ledger.keyRegistry().keys[record.keyId], registered.revokedAt == nil,
                registered.holder == "person/\(person)",
                let bytes = Base64.decode(record.keyFile), let file = try? SealedKeyFile(fileBytes: bytes),
                file.keyID == record.keyId, let key = try? file.open(passphrase: secret),
                let totp = record.totp(unlockedWith: key), totp.verify(code, at: Int64(now))
            else { return nil }
            return (record.keyId, key)
        }
        guard let unlocked, !guardian.replayed(person, code: code, now: now) else {
            let locked = guardian.failed(person, now: now)
            let message =
                locked
                ? "This account is now locked after \(configuration.lockoutFailures) failed sign-ins. Try again in \(Words.count(Int(configuration.lockoutSeconds / 60), "minute"))."
                : "The person id, passphrase or code is not right. Check them and try again."
            return signInPage(status: locked ? 429 : 401, fields, problems: [("person", message)])
        }
        guardian.succeeded(person)
        // A new session id, whatever cookie came with the request; an old session of this browser ends.
        if let old = Portal.cookie(Self.sessionCookie, in: request.headers["cookie"]) { sessions.close(old) }
        let session = sessions.open(person: person, keyId: unlocked.keyId, key: unlocked.key, now: now)
        var response = Self.redirect("/staff/")
        response.headers.append(
            (
                "set-cookie",
                "\(Self.sessionCookie)=\(session.id); Path=/staff; HttpOnly; SameSite=Strict\(configuration.secureCookies ? "; Secure" : "")"
            ))
        response.headers.append(("set-cookie", "\(Self.signInCookie)=; Path=/staff/sign-in; Max-Age=0; HttpOnly; SameSite=Strict"))
        return response
    }

    /// `GET /staff/`: the work the person's roles allow today.
    func home(_ session: Session) async throws -> PortalResponse {
        let keyId = session.keyId
        let tasks = try await store.perform { w in try w.tasks(keyId: keyId) }
        return page("Your work", StaffPages.home(person: session.person, tasks: tasks), session: session)
    }
}
