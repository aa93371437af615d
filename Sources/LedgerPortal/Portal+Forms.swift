import Foundation
import LedgerCore
import LedgerProjections
import LedgerStore

extension Portal {
    static let formCookie = "coledger_form"

    /// Refuses a client that posted too often.
    func checkRate(_ request: PortalRequest) throws {
        let verdict = limiter.allow(request.client, now: configuration.clock())
        guard verdict.allowed else {
            throw Refusal(
                status: 429, title: "Too many attempts",
                message:
                    "You have sent this too many times in the last minute. Wait \(Words.count(verdict.retryAfter, "second")) and try again.",
                headers: [("retry-after", String(verdict.retryAfter))])
        }
    }

    static func mediaType(_ request: PortalRequest) -> String {
        (request.headers["content-type"] ?? "").split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        } ?? ""
    }

    func formBody(_ request: PortalRequest) throws -> FormData {
        guard Self.mediaType(request) == "application/x-www-form-urlencoded" else {
            throw Refusal(
                status: 415, title: "The form could not be read",
                message: "Send the form as application/x-www-form-urlencoded.")
        }
        do {
            return try FormData(body: request.body)
        } catch {
            throw Refusal(
                status: 400, title: "The form could not be read",
                message: "\(error.description.capitalizedFirst). Go back and try again.")
        }
    }

    // MARK: My contributions

    func contributionLookup(_ request: PortalRequest, api: Bool) async throws -> PortalResponse {
        try checkRate(request)
        let typed: String
        if api {
            guard Self.mediaType(request) == "application/json" else {
                throw Refusal(status: 415, title: "Bad request", message: "send {\"code\": \"…\"} as application/json")
            }
            guard let object = try? CanonicalJSON.parse(request.body), case .object(let members) = object,
                let code = members["code"]?.stringValue
            else {
                throw Refusal(
                    status: 400, title: "Bad request",
                    message: "the body must be a JSON object with a string member code", field: "code")
            }
            typed = code
        } else {
            typed = try formBody(request)["code"] ?? ""
        }
        if !api, let reference = FeedbackReference.normalise(typed) {
            return PortalResponse(
                status: 303, headers: [("location", "/feedback/" + reference), ("cache-control", "no-store")])
        }
        guard let code = ContributionCodes.normalise(typed) else {
            let message =
                typed.trimmingCharacters(in: .whitespaces).isEmpty
                ? "Enter your contribution reference"
                : "Enter your contribution reference as 16 letters and numbers, like 7KQ3-M9XD-1P4T-ZB2C"
            if api { throw Refusal(status: 422, title: "Bad request", message: message, field: "code") }
            return try await formPage(
                status: 422, Pages.contributionsForm(code: String(typed.prefix(80)), error: message))
        }
        let found = try await store.perform { w -> (answer: ContributionAnswer, page: Markup)? in
            try w.refresh()
            return try w.answer(code: code).map { ($0, Pages.contributionAnswer($0, names: w.live.names)) }
        }
        guard let (answer, answerPage) = found else {
            let message = "No contribution has the reference \(code). Check it and try again."
            if api { throw Refusal(status: 404, title: "Not found", message: message, field: "code") }
            return try await formPage(status: 404, Pages.contributionsForm(code: code, error: message))
        }
        if api { return json(answer) }
        var response = try await formPage(status: 200, answerPage)
        response.headers.append(("cache-control", "no-store"))
        return response
    }

    func formPage(status: Int, _ body: Markup, section: Section = .contributions, title: String? = nil) async throws
        -> PortalResponse
    {
        let page = try await store.perform { w in w.render(title ?? section.title, section, body) }
        return PortalResponse(status: status, headers: [("content-type", page.contentType)], body: page.bytes)
    }

    // MARK: Follow up feedback

    /// `GET /feedback/REF`: where the feedback with web-form reference `typed` stands, read at
    /// `point` like the other pages. Every look-up counts against the client's rate limit, as a
    /// contribution code's does, so references cannot be tried in bulk.
    ///
    /// Only ``FeedbackReference``s (`WEB-…`, unguessable) are looked up: feedback recorded by
    /// staff has ids such as `F-2026-0001`, which can be guessed by counting, so it is not public
    /// by id (a privacy choice). A malformed reference is a 400 naming it; an unknown one a 404
    /// that does not say whether it is known at another point.
    func feedbackStatus(_ typed: String, at point: ReadPoint, _ request: PortalRequest) async throws
        -> PortalResponse
    {
        try checkRate(request)
        guard let reference = FeedbackReference.normalise(typed) else {
            throw Refusal(
                status: 400, title: "That is not a feedback reference",
                message:
                    "\u{201C}\(typed.prefix(40))\u{201D} is not a feedback reference. A reference from our feedback form looks like WEB-20261207-7K3QX9ZD.",
                field: "reference")
        }
        var response = try await page("feedback|\(reference)", at: point, request, section: .feedback) { w, v in
            guard let status = try v.feedbackStatus(reference) else {
                throw Refusal(
                    status: 404, title: "Feedback not found",
                    message: "We have no feedback with the reference \(reference). Check it and try again.",
                    field: "reference")
            }
            return w.render("Your feedback \(reference)", .feedback, Pages.feedbackStatus(status), at: v)
        }
        response.headers.append(("cache-control", "no-store"))
        return response
    }

    // MARK: Give feedback

    func feedback(_ request: PortalRequest, method: String) async throws -> PortalResponse {
        guard configuration.intakeKey != nil else {
            if method == "POST" {
                throw Refusal(
                    status: 503, title: "The feedback form is closed",
                    message: "This site is not taking feedback. Please contact us in the usual ways.")
            }
            return try await formPage(status: 200, Pages.feedbackClosed(), section: .feedback)
        }
        if method == "GET" {
            let token = tokens.issue(now: Int(configuration.clock()))
            let regions = try await store.perform { w in
                try w.refresh(); return try w.regions()
            }
            return try await feedbackFormResponse(
                status: 200, FeedbackSubmission(), token: token, regions: regions, problems: [])
        }
        try checkRate(request)
        let (form, nonce) = try checkedForm(request, notSent: "Your feedback was not sent")
        let submission = FeedbackSubmission(form: form)
        let (regions, problems) = try await store.perform {
            w -> ([(id: String, name: String)], [FeedbackSubmission.Problem]) in
            try w.refresh()
            let regions = try w.regions()
            return (regions, submission.problems(regions: regions.map(\.id)))
        }
        guard problems.isEmpty else {
            return try await feedbackFormResponse(
                status: 422, submission, token: form["csrf"] ?? "", regions: regions, problems: problems)
        }
        let tokens = self.tokens
        let recorded: (reference: String, index: Int, duplicate: Bool)
        do {
            recorded = try await store.perform { w in try w.record(submission, nonce: nonce, tokens: tokens) }
        } catch {
            FileHandle.standardError.write(Data("coledger serve: feedback could not be recorded: \(error)\n".utf8))
            throw Refusal(
                status: 503, title: "Your feedback could not be recorded",
                message: "Something went wrong on our side and nothing was recorded. Please try again later.")
        }
        var response = try await formPage(
            status: 200,
            Pages.feedbackThanks(
                reference: recorded.reference, duplicate: recorded.duplicate, contact: submission.contact),
            section: .feedback, title: "Thank you")
        response.headers.append(("cache-control", "no-store"))
        return response
    }

    /// A posted form that came from this site: the Origin header (when sent) names this host, and
    /// the signed double-submit token in the field matches the cookie. Returns the form and the
    /// token's nonce (which makes a second post of the same form a retry).
    func checkedForm(_ request: PortalRequest, notSent: String) throws -> (form: FormData, nonce: String) {
        if let origin = request.headers["origin"], origin != "null" {
            let host = origin.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(String.init)
            guard host != nil, host == request.headers["host"] else {
                throw Refusal(
                    status: 403, title: "The form was not sent from this site",
                    message: "Open the form on this site and send it from there.")
            }
        }
        let form = try formBody(request)
        switch tokens.check(
            cookie: Self.cookie(Self.formCookie, in: request.headers["cookie"]), field: form["csrf"],
            now: Int(configuration.clock()))
        {
        case .success(let nonce): return (form, nonce)
        case .failure(let failure):
            let why =
                failure == .expired
                ? "The form was open too long and has expired."
                : "The form was not sent from this site, or your browser did not send its cookie."
            throw Refusal(
                status: 403, title: notSent,
                message: "\(why) Go back to the form, reload it, and send it again. Nothing was recorded.",
                field: "csrf")
        }
    }

    // MARK: Reply to one's own feedback

    /// `GET|POST /feedback/REF/reply`: the person holding a web-form reference adds a reply to
    /// that item (``ReplyToFeedback``: recorded as `feedback.reply_received`, the text in the
    /// private part). Rate-limited like the status page, CSRF-checked like the form.
    func feedbackReply(_ typed: String, _ request: PortalRequest, method: String) async throws -> PortalResponse {
        try checkRate(request)
        guard let reference = FeedbackReference.normalise(typed) else {
            throw Refusal(
                status: 400, title: "That is not a feedback reference",
                message:
                    "\u{201C}\(typed.prefix(40))\u{201D} is not a feedback reference. A reference from our feedback form looks like WEB-20261207-7K3QX9ZD.",
                field: "reference")
        }
        guard configuration.intakeKey != nil else {
            throw Refusal(
                status: 503, title: "Replies are closed",
                message: "This site is not taking replies. Please contact us in the usual ways.")
        }
        let notFound = Refusal(
            status: 404, title: "Feedback not found",
            message: "We have no feedback with the reference \(reference). Check it and try again.", field: "reference")
        if method == "GET" {
            let known = try await store.perform { w in
                try w.refresh()
                return try w.view(.now).feedbackStatus(reference) != nil
            }
            guard known else { throw notFound }
            return try await replyFormResponse(
                status: 200, reference: reference, text: "", token: tokens.issue(now: Int(configuration.clock())), problem: nil)
        }
        let (form, nonce) = try checkedForm(request, notSent: "Your reply was not sent")
        let text = form["reply"] ?? ""
        if let problem = FeedbackSubmission.freeTextProblem(text, field: "reply", noun: "reply") {
            return try await replyFormResponse(
                status: 422, reference: reference, text: text, token: form["csrf"] ?? "", problem: problem)
        }
        let tokens = self.tokens
        let recorded: (index: Int, duplicate: Bool)?
        do {
            recorded = try await store.perform { w in
                try w.refresh()
                return try w.recordReply(text, to: reference, nonce: nonce, tokens: tokens)
            }
        } catch {
            FileHandle.standardError.write(Data("coledger serve: a reply could not be recorded: \(error)\n".utf8))
            throw Refusal(
                status: 503, title: "Your reply could not be recorded",
                message: "Something went wrong on our side and nothing was recorded. Please try again later.")
        }
        guard let recorded else { throw notFound }
        var response = try await formPage(
            status: 200, Pages.feedbackReplyThanks(reference: reference, duplicate: recorded.duplicate),
            section: .feedback, title: "Thank you")
        response.headers.append(("cache-control", "no-store"))
        return response
    }

    func replyFormResponse(
        status: Int, reference: String, text: String, token: String, problem: FeedbackSubmission.Problem?
    ) async throws -> PortalResponse {
        var response = try await formPage(
            status: status, Pages.feedbackReplyForm(reference: reference, text: text, token: token, problem: problem),
            section: .feedback, title: problem == nil ? "Reply to your feedback" : "Error: Reply to your feedback")
        response.headers.append(("cache-control", "no-store"))
        response.headers.append(("set-cookie", formCookieHeader(token)))
        return response
    }

    /// The form cookie carrying `token` (the double-submit half), for every form under /feedback.
    func formCookieHeader(_ token: String) -> String {
        "\(Self.formCookie)=\(token); Path=/feedback; Max-Age=\(tokens.maxAge); HttpOnly; SameSite=Strict"
    }

    func feedbackFormResponse(
        status: Int, _ s: FeedbackSubmission, token: String, regions: [(id: String, name: String)],
        problems: [FeedbackSubmission.Problem]
    ) async throws -> PortalResponse {
        let title = problems.isEmpty ? "Give feedback" : "Error: Give feedback"
        var response = try await formPage(
            status: status, Pages.feedbackForm(s, token: token, regions: regions, problems: problems),
            section: .feedback, title: title)
        response.headers.append(("cache-control", "no-store"))
        response.headers.append(("set-cookie", formCookieHeader(token)))
        return response
    }

    /// The value of cookie `name` in a Cookie header.
    package static func cookie(_ name: String, in header: String?) -> String? {
        guard let header else { return nil }
        for part in header.split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces)
            if pair.hasPrefix(name + "=") { return String(pair.dropFirst(name.count + 1)) }
        }
        return nil
    }
}
