import Foundation
import LedgerCore
import LedgerDomain
import LedgerPortal
import LedgerProjections
import LedgerRecording

/// The three feedback forms, by the last segment of their address.
enum FeedbackAction: String, Sendable {
    case acknowledge, respond, close

    /// The event type the form records (what the policy is asked about).
    var eventType: String {
        switch self {
        case .acknowledge: return FeedbackAcknowledged.eventType
        case .respond: return FeedbackResponded.eventType
        case .close: return FeedbackClosed.eventType
        }
    }

    /// The form's fields by the request's field (named as the CLI option that sets it), so a
    /// ``RecordingError`` names the form field.
    var formFields: [String: String] {
        switch self {
        case .acknowledge: return ["--method": "method"]
        case .respond:
            return [
                "--you-said": "youSaid", "--we-did": "weDid", "--change": "change",
                "--change-description": "whatChanged", "--reason": "reason", "--action": "action",
                "--moderated-by": "moderatedBy",
            ]
        case .close: return ["--reason": "closeReason", "--note": "note"]
        }
    }

    /// The field a problem with no field is shown against.
    var firstField: String {
        switch self {
        case .acknowledge: return "method"
        case .respond: return "youSaid"
        case .close: return "closeReason"
        }
    }
}

extension Workspace {
    /// `GET /staff/feedback`: open feedback with its clocks.
    func inbox(_ session: Session) async throws -> PortalResponse {
        let items = try await store.perform { w in try w.inbox() }
        return page("Feedback inbox", StaffPages.inbox(items), session: session)
    }

    /// `GET /staff/feedback/ID` (and the same page again with a form's problems).
    func feedbackItem(
        _ id: String, session: Session, problems: [String: String], form: (FeedbackAction, FormData)?, status: Int = 200
    ) async throws -> PortalResponse {
        guard let item = try await store.perform({ w in try w.item(id) }) else {
            throw Refusal(status: 404, title: "Feedback not found", message: "There is no feedback \(id) in the record.")
        }
        let token = form?.1["csrf"] ?? ""
        let tokens = (
            acknowledge: form?.0 == .acknowledge ? token : session.tokens.issue(now: Int(configuration.clock())),
            respond: form?.0 == .respond ? token : session.tokens.issue(now: Int(configuration.clock())),
            close: form?.0 == .close ? token : session.tokens.issue(now: Int(configuration.clock()))
        )
        let title = (problems.isEmpty ? "" : "Error: ") + "Feedback \(item.item.feedbackId)"
        return page(
            status: status, title,
            StaffPages.feedbackItem(item, tokens: tokens, problems: problems, form: form), session: session)
    }

    /// `POST /staff/feedback/ID/ACTION`: fills the recording API's request from the form, signs
    /// it with the session's key and appends it; the same form posted twice is recorded once.
    func feedbackPost(_ id: String, action: FeedbackAction, request: PortalRequest, session: Session) async throws
        -> PortalResponse
    {
        let form = try Self.formBody(request)
        let nonce = try checkToken(form, session: session)
        guard let key = session.key.signer else { return Self.redirect("/staff/sign-in") }
        func value(_ name: String) -> String { (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        func optional(_ name: String) -> String? { value(name).isEmpty ? nil : value(name) }
        var problems: [String: String] = [:]
        let eventId = Identifier.uuid(derivedFrom: session.tokens.derive("event-id", nonce: "\(action.rawValue)\n\(id)\n\(nonce)"))
        let outcome: Result<Recorded, RecordingError>
        do {
            switch action {
            case .acknowledge:
                if value("method").isEmpty { problems["method"] = "Choose how the receipt was acknowledged" }
                guard problems.isEmpty else { break }
                let request = AcknowledgeFeedback(
                    feedbackId: id,
                    method: try RecordingInput.value(
                        FeedbackVocabulary.ContactMethod.self, value("method"),
                        member: FeedbackAcknowledged.CodingKeys.method, field: "--method"))
                outcome = try await record(request, eventId: eventId, key: key)
                return try await recorded(outcome, id: id, action: action, form: form, session: session)
            case .respond:
                if value("youSaid").isEmpty { problems["youSaid"] = "Enter \u{201C}you said\u{201D}: a summary that names nobody" }
                if value("weDid").isEmpty { problems["weDid"] = "Enter \u{201C}we did\u{201D}: what was done" }
                if value("change").isEmpty { problems["change"] = "Choose what came of it" }
                if value("moderatedBy").isEmpty {
                    problems["moderatedBy"] = "Enter the role that checked the summary names nobody, like R-HEAD-RJE"
                }
                guard problems.isEmpty else { break }
                let request = RespondToFeedback(
                    feedbackId: id, youSaid: value("youSaid"), weDid: value("weDid"),
                    changeStatus: try RecordingInput.value(
                        FeedbackVocabulary.ChangeStatus.self, value("change"),
                        member: FeedbackResponded.CodingKeys.changeStatus, field: "--change"),
                    changeDescription: optional("whatChanged"), reason: optional("reason"),
                    actionRef: optional("action"), moderatedByRoleId: value("moderatedBy"))
                outcome = try await record(request, eventId: eventId, key: key)
                return try await recorded(outcome, id: id, action: action, form: form, session: session)
            case .close:
                if value("closeReason").isEmpty { problems["closeReason"] = "Choose why it is closed" }
                guard problems.isEmpty else { break }
                let request = FeedbackClosed.make(
                    feedbackId: id,
                    reason: try RecordingInput.value(
                        FeedbackVocabulary.CloseReason.self, value("closeReason"),
                        member: FeedbackClosed.CodingKeys.reason, field: "--reason"),
                    note: optional("note"))
                outcome = try await record(request, eventId: eventId, key: key)
                return try await recorded(outcome, id: id, action: action, form: form, session: session)
            }
        } catch let error as RecordingError {
            problems[action.formFields[error.field ?? ""] ?? action.firstField] = Self.sentence(error)
        }
        return try await feedbackItem(id, session: session, problems: problems, form: (action, form), status: 422)
    }

    /// Records on the store's queue; a refusal is returned, not thrown.
    func record<R: RecordingRequest>(_ request: R, eventId: String, key: Ed25519SigningKey) async throws
        -> Result<Recorded, RecordingError>
    {
        try await store.perform { w in
            do {
                return .success(try w.record(request, eventId: eventId, key: key))
            } catch let error as RecordingError {
                return .failure(error)
            }
        }
    }

    /// The page after a post: what was recorded, or the form again with the refusal.
    func recorded(
        _ outcome: Result<Recorded, RecordingError>, id: String, action: FeedbackAction, form: FormData,
        session: Session
    ) async throws -> PortalResponse {
        switch outcome {
        case .success(let recorded):
            return page(
                "Recorded",
                StaffPages.recorded(
                    recorded, back: "/staff/feedback/\(HTML.urlComponent(id))", backLabel: "feedback \(id)",
                    list: "/staff/feedback", listLabel: "the inbox", publicBase: publicBase), session: session)
        case .failure(let error):
            let field = action.formFields[error.field ?? ""] ?? Self.field(of: error, action: action)
            return try await feedbackItem(
                id, session: session, problems: [field: Self.sentence(error)], form: (action, form), status: 422)
        }
    }

    /// The form field a refusal names through its pointer (`/payload/actionRef` → `action`).
    static func field(of error: RecordingError, action: FeedbackAction) -> String {
        let member = error.pointer?.split(separator: "/").dropFirst().first.map(String.init) ?? ""
        let option: String?
        switch action {
        case .acknowledge: option = AcknowledgeFeedback.fields[member]
        case .respond: option = RespondToFeedback.fields[member]
        case .close: option = FeedbackClosed.fields[member]
        }
        return option.flatMap { action.formFields[$0] } ?? action.firstField
    }

    /// The refusal as one sentence, without the CLI's option names.
    static func sentence(_ error: RecordingError) -> String {
        var text = error.reason
        if let pointer = error.pointer, text.hasPrefix(pointer + ": ") { text = String(text.dropFirst(pointer.count + 2)) }
        let reason = text.prefix(1).uppercased() + text.dropFirst()
        return reason.hasSuffix(".") ? reason : reason + "."
    }
}
