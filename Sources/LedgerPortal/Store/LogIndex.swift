import LedgerCore
import LedgerStore

/// What the portal looks up that no projection lists: contribution codes, the decision
/// register, the regions and where each decision's provenance is. Folded from the log as it grows, so it is exact for the number of
/// entries it has read (the log only grows).
struct LogIndex {
    /// Entries folded: indexes 0 ..< folded.
    private(set) var folded = 0
    /// Contribution id by its code.
    private(set) var contributionByCode: [String: String] = [:]
    /// Decisions in the order they were proposed.
    private(set) var decisions: [DecisionSummary] = []
    private var decisionPosition: [String: Int] = [:]
    /// Regions as registered: id and public name, in log order.
    private(set) var regions: [(id: String, name: String)] = []
    /// Where each decision's provenance is.
    private(set) var provenance = ProvenanceIndex()
    /// The public "you said, we did" list.
    var youSaid = YouSaidIndex()
    /// Whether an action was created or changed since ``takePlanChanged()`` was last called.
    private var planChanged = true

    let codes: ContributionCodes

    init(codes: ContributionCodes) { self.codes = codes }

    /// Reads every entry not yet folded (the first time on every core).
    mutating func catchUp(_ ledger: Ledger, chunk: Int = 8192) throws {
        if folded == 0 {
            var end = 0
            try ledger.forEachEntryChunk { rows in
                for row in rows { fold(row.entry.event, at: row.index) }
                end = (rows.last?.index ?? end - 1) + 1
            }
            folded = end
        }
        while true {
            let rows = try ledger.entries(from: folded, limit: chunk)
            guard let last = rows.last else { return }
            for row in rows { fold(row.entry.event, at: row.index) }
            folded = last.index + 1
            if rows.count < chunk { return }
        }
    }

    mutating func fold(_ event: Event, at index: Int) {
        provenance.fold(event, at: index)
        if event.type.hasPrefix("feedback.") { youSaid.fold(event) }
        if event.type.hasPrefix("action.") { planChanged = true }
        let p = event.payload
        switch event.type {
        case "contribution.recorded":
            if let id = p["contributionId"]?.stringValue { contributionByCode[codes.code(for: id)] = id }
        case "decision.proposed":
            guard let id = p["decisionId"]?.stringValue, decisionPosition[id] == nil else { return }
            decisionPosition[id] = decisions.count
            decisions.append(DecisionSummary(
                decisionId: id, title: p["title"]?.stringValue ?? "", bodyId: p["bodyId"]?.stringValue ?? "",
                proposedOn: String(event.occurredAt.prefix(10)), proposedIndex: index))
        case "decision.recorded":
            guard let id = p["decisionId"]?.stringValue, let n = decisionPosition[id] else { return }
            decisions[n].outcome = p["outcome"]?.stringValue
            decisions[n].decidedOn = String(event.occurredAt.prefix(10))
            decisions[n].meetingId = p["meetingId"]?.stringValue
            decisions[n].decidedIndex = index
        case "region.registered":
            if let id = p["regionId"]?.stringValue, !regions.contains(where: { $0.id == id }) {
                regions.append((id, p["name"]?.stringValue ?? id))
            }
        default:
            return
        }
    }

    /// True once after an `action.*` entry was folded (the plan projection's input).
    mutating func takePlanChanged() -> Bool {
        defer { planChanged = false }
        return planChanged
    }

    /// Whether a decision id is in the register.
    func hasDecision(_ id: String) -> Bool { decisionPosition[id] != nil }
}
