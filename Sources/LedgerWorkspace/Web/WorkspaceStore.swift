import Dispatch
import Foundation
import LedgerCore
import LedgerDomain
import LedgerProjections
import LedgerRecording
import LedgerStore

/// The ledger, its projections and the recorder, owned by one serial queue: work runs there,
/// never on Swift's cooperative threads (unsealing a key costs Argon2id).
final class WorkspaceStore: @unchecked Sendable {
    private let queue = DispatchQueue(label: "coledger.workspace.store", qos: .userInitiated)
    private let worker: WorkspaceWorker

    init(configuration: WorkspaceConfiguration) throws {
        worker = try WorkspaceWorker(configuration: configuration)
    }

    /// Runs `body` on the store's queue.
    func perform<T: Sendable>(_ body: @escaping @Sendable (WorkspaceWorker) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body(self.worker) }) }
        }
    }
}

/// The state behind ``WorkspaceStore``; used only on its queue.
final class WorkspaceWorker {
    let configuration: WorkspaceConfiguration
    let ledger: Ledger
    let projections: Projections

    init(configuration: WorkspaceConfiguration) throws {
        self.configuration = configuration
        ledger = try Ledger.open(path: configuration.ledgerPath, policies: [DomainPolicy.standard])
        projections = Projections(ledger: ledger)
    }

    /// The date clocks are judged on.
    var today: CivilDate {
        configuration.now ?? CivilDate(parsing: Timestamp.now()) ?? CivilDate(dayNumber: 0)
    }

    /// Why `keyId` may not sign an event of `type` with `payload` now, or nil when it may: a key
    /// the log does not know or has revoked may sign nothing; otherwise the admission policy's own
    /// authorization check (``DomainPolicy/authorizationRefusal(type:payload:signer:facts:)``) on
    /// the roles and memberships the log holds now, today's date.
    func refusal(keyId: String, type: String, payload: [String: JSONValue] = [:]) throws -> String? {
        guard let key = try ledger.keyRegistry().keys[keyId] else { return "your key \(keyId) is not registered in the log" }
        if let revoked = key.revokedAt { return "your key \(keyId) was revoked at entry \(revoked)" }
        return try ledger.readFacts { facts in
            DomainPolicy.standard.authorizationRefusal(type: type, payload: payload, signer: key, facts: facts)
        }
    }

    /// The tasks `keyId` may do now, each with the refusal of the ones it may not.
    func tasks(keyId: String) throws -> [(task: StaffTask, refusal: String?)] {
        try StaffTask.all.map { task in (task, try refusal(keyId: keyId, type: task.eventType)) }
    }

    /// Feedback not yet closed, with its clocks, by receipt time.
    func inbox() throws -> [FeedbackView] {
        try projections.catchUp()
        return try projections.feedback(now: today).items.filter { $0.stage != "closed" }
    }

    /// One piece of feedback with its clocks, or nil.
    func item(_ id: String) throws -> FeedbackView? {
        try projections.catchUp()
        return try projections.feedbackItem(id).map { FeedbackView($0, now: today, clocks: FeedbackClocks()) }
    }

    /// Records `request` signed by `key` with the event id `eventId` (derived from the form, so
    /// a second post of the same form finds the first entry and appends nothing).
    func record<R: RecordingRequest>(_ request: R, eventId: String, key: Ed25519SigningKey) throws -> Recorded {
        if let existing = try ledger.entry(id: eventId) {
            return Recorded(index: existing.index, summary: nil, duplicate: true)
        }
        let receipt = try Recorder(ledger: ledger).record(request, at: Timestamp.now(), eventId: eventId, signer: key)
        return Recorded(index: receipt.index, summary: receipt.summary, duplicate: receipt.duplicate)
    }
}

/// What a form recorded.
struct Recorded: Sendable {
    var index: Int
    var summary: String?
    var duplicate: Bool
}

/// A kind of work the workspace offers, named by the event type it records: shown, and accepted,
/// only when the policy lets the signed-in person's key sign that type.
struct StaffTask: Sendable, Equatable {
    let eventType: String
    let title: String
    let path: String
    let description: String

    /// Acknowledge, answer and close feedback.
    static let feedback = StaffTask(
        eventType: FeedbackAcknowledged.eventType, title: "Feedback inbox", path: "/staff/feedback",
        description: "Acknowledge, answer (\u{201C}you said, we did\u{201D}) and close feedback, with its working-day clocks.")

    /// Record an action's status and progress.
    static let actions = StaffTask(
        eventType: ActionStatusChanged.eventType, title: "Actions", path: "/staff/actions",
        description: "Record an action's status and progress, with a note of what happened.")

    static let all: [StaffTask] = [.feedback, .actions]
}
