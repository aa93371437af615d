import Foundation
import LedgerCore
import LedgerProjections

/// The search and filters of the "you said, we did" list and the decision register, read from
/// a request's query (a GET form, so they work without script, and the same parameters on the
/// JSON API). A bad value is refused with a 400 naming the parameter.
struct ListFilters: Sendable, Hashable {
    /// Page sizes a reader may ask for (`size`); the default is the smallest.
    static let sizes = 10...20
    /// The longest search text (`q`).
    static let maxText = 100

    var region: String?
    var service: String?
    var theme: String?
    var outcome: String?
    var body: String?
    /// `YYYY-MM` for "you said, we did" (it publishes months), `YYYY-MM-DD` for decisions.
    var from: String?
    var to: String?
    var text: String?
    var page = 1
    var size = sizes.lowerBound

    /// What a list takes.
    enum List {
        case youSaid, decisions

        /// The outcomes one can filter by, with their words.
        var outcomes: [String] {
            switch self {
            case .youSaid: return ["change_made", "change_planned", "no_change_with_reason", "referred"]
            case .decisions: return ["approved", "amended", "rejected", "deferred", "referred", "pending"]
            }
        }

        /// The parameters it reads besides `page`, `size`, `as-of` and `at`.
        var parameters: Set<String> {
            switch self {
            case .youSaid: return ["region", "service", "theme", "outcome", "from", "to", "q"]
            case .decisions: return ["region", "body", "outcome", "from", "to", "q"]
            }
        }
    }

    /// Reads the filters of `list` from `query`; empty values are "not given".
    /// - Throws: ``Portal/Refusal`` (400) naming the first bad parameter.
    static func parse(_ query: FormData, for list: List) throws -> ListFilters {
        func value(_ name: String) -> String? {
            guard list.parameters.contains(name) || name == "size" else { return nil }
            return query[name].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0.trimmingCharacters(in: .whitespaces) }
        }
        func bad(_ name: String, _ message: String) -> Portal.Refusal {
            Portal.Refusal(status: 400, title: "Bad request", message: message, field: name)
        }
        func identifier(_ name: String) throws -> String? {
            guard let v = value(name) else { return nil }
            let ok = v.count <= 64 && v.unicodeScalars.allSatisfy { $0.isASCII && (Character($0).isLetter || Character($0).isNumber || "-_.:".unicodeScalars.contains($0)) }
            guard ok else {
                throw bad(name, "\(name) must be a code of letters, digits and - _ . : (up to 64), not \u{201C}\(v.prefix(40))\u{201D}.")
            }
            return v
        }
        var f = ListFilters()
        f.page = try Portal.pageNumber(query)
        if let size = value("size") {
            guard let n = Int(size), sizes.contains(n) else {
                throw bad("size", "size must be a whole number from \(sizes.lowerBound) to \(sizes.upperBound), not \u{201C}\(size.prefix(40))\u{201D}.")
            }
            f.size = n
        }
        f.region = try identifier("region")
        f.service = try identifier("service")
        f.theme = try identifier("theme")
        f.body = try identifier("body")
        if let outcome = value("outcome") {
            guard list.outcomes.contains(outcome) else {
                throw bad("outcome", "outcome must be one of \(list.outcomes.joined(separator: ", ")), not \u{201C}\(outcome.prefix(40))\u{201D}.")
            }
            f.outcome = outcome
        }
        let dayLength = list == .youSaid ? 7 : 10
        let shape = list == .youSaid ? "a month YYYY-MM" : "a date YYYY-MM-DD"
        for name in ["from", "to"] {
            guard let v = value(name) else { continue }
            let parses = v.count == dayLength && (list == .youSaid ? CivilDate(parsing: v + "-01") : CivilDate(parsing: v)) != nil
            guard parses else { throw bad(name, "\(name) must be \(shape), not \u{201C}\(v.prefix(40))\u{201D}.") }
            if name == "from" { f.from = v } else { f.to = v }
        }
        if let from = f.from, let to = f.to, from > to {
            throw bad("to", "to (\(to)) must not be before from (\(from)).")
        }
        if let q = value("q") {
            guard q.count <= maxText else { throw bad("q", "q must be at most \(maxText) characters, not \(q.count).") }
            f.text = q
        }
        return f
    }

    /// The filters as a query string for links (no page; empty when nothing is set), each value
    /// percent-encoded, ending in `&` when not empty so that `page=` can follow.
    var linkQuery: String {
        var items: [(String, String)] = []
        for (name, v) in [
            ("region", region), ("service", service), ("theme", theme), ("body", body), ("outcome", outcome), ("from", from),
            ("to", to), ("q", text),
        ] {
            if let v { items.append((name, v)) }
        }
        if size != Self.sizes.lowerBound { items.append(("size", String(size))) }
        return items.map { "\($0.0)=\(HTML.urlComponent($0.1))&" }.joined()
    }

    /// Whether any filter (not the page or its size) is set.
    var isFiltering: Bool {
        region != nil || service != nil || theme != nil || outcome != nil || body != nil || from != nil || to != nil || text != nil
    }

    /// The "you said, we did" filter of the projections.
    var youSaid: YouSaidFilter {
        YouSaidFilter(region: region, service: service, theme: theme, outcome: outcome, fromMonth: from, toMonth: to, text: text)
    }

    /// Whether decision `d` (whose body is in region `bodyRegion`) passes.
    func keeps(_ d: DecisionSummary, bodyRegion: String?) -> Bool {
        if let body, d.bodyId != body { return false }
        if let region, bodyRegion != region { return false }
        if let outcome, d.outcome != outcome { return false }
        if let from, d.date < from { return false }
        if let to, d.date > to { return false }
        if let text {
            let needle = text.lowercased()
            guard d.title.lowercased().contains(needle) || d.decisionId.lowercased().contains(needle) else { return false }
        }
        return true
    }
}
