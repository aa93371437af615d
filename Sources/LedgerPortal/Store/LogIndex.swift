import LedgerCore
import LedgerStore

/// What the portal looks up that no projection lists (contribution codes, the regions) or lists
/// too slowly at a million entries (the "you said, we did" list). Folded from the log as it
/// grows, so it is exact for the number of entries it has read (the log only grows).
struct LogIndex {
    /// Entries folded: indexes 0 ..< folded.
    private(set) var folded = 0
    /// Contribution id by its code.
    private(set) var contributionByCode: [String: String] = [:]
    /// Regions as registered: id and public name, in log order.
    private(set) var regions: [(id: String, name: String)] = []
    /// The public "you said, we did" list.
    var youSaid = YouSaidIndex()
    /// Whether an action was created or changed since ``takePlanChanged()`` was last called.
    private var planChanged = true
    /// Whether a metric was defined or observed since ``takeMetricsChanged()`` was last called.
    private var metricsChanged = true

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
        if event.type.hasPrefix("feedback.") { youSaid.fold(event) }
        if event.type.hasPrefix("action.") { planChanged = true }
        if event.type.hasPrefix("metric.") { metricsChanged = true }
        let p = event.payload
        switch event.type {
        case "contribution.recorded":
            if let id = p["contributionId"]?.stringValue { contributionByCode[codes.code(for: id)] = id }
        case "region.registered":
            if let id = p["regionId"]?.stringValue, !regions.contains(where: { $0.id == id }) {
                regions.append((id, p["name"]?.stringValue ?? id))
            }
        default:
            return
        }
    }

    /// True once after a `metric.*` entry was folded (the metrics projection's input).
    mutating func takeMetricsChanged() -> Bool {
        defer { metricsChanged = false }
        return metricsChanged
    }

    /// True once after an `action.*` entry was folded (the plan projection's input).
    mutating func takePlanChanged() -> Bool {
        defer { planChanged = false }
        return planChanged
    }
}
