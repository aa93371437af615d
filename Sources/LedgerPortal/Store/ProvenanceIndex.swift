import LedgerCore
import LedgerStore

/// Where each decision's provenance is in the log, folded as the log grows, so a decision's
/// page reads a handful of entries instead of the whole log.
///
/// It gives exactly what LedgerAudit's `Provenance.of(decision:in:)` gives (a test compares the
/// two on every decision of the demo): the decision's own entries, the meeting it was recorded
/// at with attendance by category (recusals excluded), the entries it cited, and the actions it
/// created with their status changes. Only log indexes are kept; the entries are read when a
/// page asks.
struct ProvenanceIndex {
    /// Key id → the holder its registration names.
    private(set) var holders: [String: String] = [:]
    /// Decision id → indexes of its `decision.*` entries.
    private(set) var decisionEntries: [String: [Int]] = [:]
    /// Meeting id → index of the last `meeting.held` for it.
    private(set) var meetings: [String: Int] = [:]
    /// `kind id` (e.g. `feedback FB-1`) → indexes of `kind.received` / `kind.recorded` entries for it.
    private(set) var citable: [String: [Int32]] = [:]
    /// Decision id → indexes of `action.created` entries it is the source of.
    private(set) var createdActions: [String: [Int]] = [:]
    /// Action id → indexes of its `action.status_changed` entries.
    private(set) var statusChanges: [String: [Int32]] = [:]

    mutating func fold(_ event: Event, at index: Int) {
        let p = event.payload
        let type = event.type
        if type == "key.registered", let id = p["keyId"]?.stringValue {
            holders[id] = p["holder"]?.stringValue
        } else if type == "ledger.genesis", let id = p["keyId"]?.stringValue {
            holders[id] = p["holder"]?.stringValue
        }
        if type.hasPrefix("decision."), let id = p["decisionId"]?.stringValue {
            decisionEntries[id, default: []].append(index)
        }
        if type == "meeting.held", let id = p["meetingId"]?.stringValue { meetings[id] = index }
        if type.hasSuffix(".received") || type.hasSuffix(".recorded") {
            let kind = String(type.prefix { $0 != "." })
            if let id = p[Self.idMember(kind)]?.stringValue { citable["\(kind) \(id)", default: []].append(Int32(index)) }
        }
        if type == "action.created", let source = p["sourceDecisionId"]?.stringValue {
            createdActions[source, default: []].append(index)
        }
        if type == "action.status_changed", let id = p["actionId"]?.stringValue {
            statusChanges[id, default: []].append(Int32(index))
        }
    }

    /// The payload member that names a cited thing of `kind`.
    static func idMember(_ kind: String) -> String {
        kind == "feedback" ? "feedbackId" : kind == "contribution" ? "contributionId" : "\(kind)Id"
    }

    /// The provenance of `decision`, reading its entries from `ledger`; nil when the log has no
    /// `decision.*` entry for it.
    func detail(_ decision: String, ledger: Ledger, checkpointSize: Int?) throws -> DecisionDetail? {
        guard let own = decisionEntries[decision], !own.isEmpty else { return nil }
        func event(_ i: Int) throws -> Event? { try ledger.entry(at: i)?.entry.event }
        func item(_ i: Int, _ e: Event, _ summary: String) -> EvidenceItem {
            EvidenceItem(
                index: i, type: e.type, occurredAt: e.occurredAt, summary: summary, signer: e.signer, signerHolder: holders[e.signer],
                proof: checkpointSize.flatMap { i < $0 ? "/api/proofs/\(i)" : nil })
        }
        var d = DecisionDetail(
            decisionId: decision, title: nil, bodyId: nil, proposedBy: nil, entries: [], meeting: nil, presentByCategory: [],
            expertsByExperiencePresent: 0, recusals: 0, cited: [], citedMissing: [], actions: [], checkpointSize: checkpointSize)
        var inputs: [(kind: String, id: String)] = []
        var meetingId: String?
        for i in own {
            guard let e = try event(i) else { continue }
            let p = e.payload
            switch e.type {
            case "decision.proposed":
                d.title = p["title"]?.stringValue
                d.bodyId = p["bodyId"]?.stringValue
                d.proposedBy = p["proposer"]?.stringValue
                inputs = (p["inputs"]?.arrayValue ?? []).compactMap { x in
                    guard let kind = x["kind"]?.stringValue, let id = x["id"]?.stringValue else { return nil }
                    return (kind, id)
                }
                d.entries.append(item(i, e, "proposed to \(d.bodyId ?? "?"): \(d.title ?? "")"))
            case "decision.recorded":
                meetingId = p["meetingId"]?.stringValue
                d.entries.append(item(
                    i, e, "\(p["outcome"]?.stringValue ?? "?") by \(p["method"]?.stringValue ?? "?") at meeting \(meetingId ?? "?")"))
            default:
                d.entries.append(item(i, e, e.type))
            }
        }
        if let m = meetingId, let i = meetings[m], let e = try event(i) {
            let recused = Set((e.payload["declarationsMade"]?.arrayValue ?? []).compactMap { x -> String? in
                x["action"]?.stringValue == "recused" && x["itemRef"]?.stringValue == decision ? x["personId"]?.stringValue : nil
            })
            var counts: [String: Int] = [:]
            for a in e.payload["attendees"]?.arrayValue ?? [] {
                guard let person = a["personId"]?.stringValue, !recused.contains(person) else { continue }
                counts[a["category"]?.stringValue ?? "unknown", default: 0] += 1
            }
            d.presentByCategory = counts.sorted { $0.key < $1.key }.map { DecisionDetail.Presence(category: $0.key, count: $0.value) }
            d.expertsByExperiencePresent = (counts["ebe_lived"] ?? 0) + (counts["ebe_carer"] ?? 0)
            d.recusals = recused.count
            d.meeting = item(i, e, "meeting \(m) of \(e.payload["bodyId"]?.stringValue ?? "?"): \(counts.values.reduce(0, +)) present")
        }
        // Cited entries in log order (an entry cited twice is listed twice, in input order).
        var cited: [(index: Int, position: Int)] = []
        for (n, input) in inputs.enumerated() {
            for i in citable["\(input.kind) \(input.id)"] ?? [] { cited.append((Int(i), n)) }
        }
        for c in cited.sorted(by: { ($0.index, $0.position) < ($1.index, $1.position) }) {
            guard let e = try event(c.index) else { continue }
            d.cited.append(item(c.index, e, "\(inputs[c.position].kind) \(inputs[c.position].id)"))
        }
        let found = Set(d.cited.map(\.summary))
        d.citedMissing = inputs.map { "\($0.kind) \($0.id)" }.filter { !found.contains($0) }
        // Actions it created (by code), then each status change of an action whose id is a code
        // created before it, in log order.
        var created: [(index: Int, code: String, event: Event)] = []
        for i in createdActions[decision] ?? [] {
            if let e = try event(i), let code = e.payload["actionCode"]?.stringValue { created.append((i, code, e)) }
        }
        var actions: [(Int, EvidenceItem)] = created.map { ($0.index, item($0.index, $0.event, "created action \($0.code)")) }
        for code in Set(created.map(\.code)) {
            guard let first = created.filter({ $0.code == code }).map(\.index).min() else { continue }
            for i in (statusChanges[code] ?? []).map(Int.init) where i > first {
                guard let e = try event(i) else { continue }
                let p = e.payload
                actions.append((i, item(
                    i, e, "action \(code) → \(p["status"]?.stringValue ?? "?")\(p["progressPct"]?.intValue.map { " (\($0)%)" } ?? "")")))
            }
        }
        d.actions = actions.sorted { $0.0 < $1.0 }.map(\.1)
        return d
    }
}
