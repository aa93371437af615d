import LedgerCore

/// The public "you said, we did" list, folded as the log grows.
///
/// It gives exactly `Projections.youSaidWeDid()` (a test compares the two on the demo year), but
/// a new response costs a dictionary update instead of reading every piece of feedback from the
/// projection's table (3.4 s at a million entries). An item is listed when its first
/// `feedback.received` had consent to publish and its latest `feedback.responded` has a moderated
/// summary, a moderator, an answer and a change status; no other event type changes the list.
struct YouSaidIndex {
    private struct Received {
        var receivedAt: String
        var channel: String
        var consent: Bool
    }

    private var received: [String: Received] = [:]
    private var published: [String: YouSaidItem] = [:]
    /// Whether the list changed since ``takeChanged()`` was last called.
    private var changed = true

    mutating func fold(_ event: Event) {
        let p = event.payload
        guard let id = p["feedbackId"]?.stringValue else { return }
        switch event.type {
        case "feedback.received":
            guard received[id] == nil, let at = p["receivedAt"]?.stringValue, let channel = p["channel"]?.stringValue
            else { return }
            received[id] = Received(receivedAt: at, channel: channel, consent: p["consentToPublish"] == .bool(true))
        case "feedback.responded":
            guard let r = received[id] else { return }
            changed = true
            guard r.consent, let summary = p["publicSummary"]?.stringValue, p["moderatedByRoleId"]?.stringValue != nil,
                let answer = p["response"]?.stringValue, let change = p["changeStatus"]?.stringValue
            else {
                published.removeValue(forKey: id)
                return
            }
            published[id] = YouSaidItem(
                feedbackId: id, receivedIn: String(r.receivedAt.prefix(7)), channel: r.channel, youSaid: summary,
                weDid: answer,
                changeStatus: change, whatChanged: p["changeDescription"]?.stringValue ?? p["reason"]?.stringValue,
                actionRef: p["actionRef"]?.stringValue)
        default:
            return
        }
    }

    /// True once after the list changed.
    mutating func takeChanged() -> Bool {
        defer { changed = false }
        return changed
    }

    /// The list, newest first (the projection orders by receipt time, then id).
    func list() -> [YouSaidItem] {
        published.values.map { (received[$0.feedbackId]?.receivedAt ?? "", $0) }
            .sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1.feedbackId > $1.1.feedbackId }
            .map(\.1)
    }
}
