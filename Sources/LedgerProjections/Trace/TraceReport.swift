import Foundation
import LedgerDomain

/// Whether a contribution's own words can be read, and (when asked for) the words.
public struct PrivateContent: Codable, Sendable, Equatable {
    /// none (nothing private was recorded), held, erased, or not_held_here (a copy such as a
    /// bundle, which carries no personal data).
    public var status: String
    /// The words, only when the caller asked to show them and they are held.
    public var text: String?

    /// Creates a content note.
    public init(status: String, text: String? = nil) {
        self.status = status
        self.text = text
    }
}

/// A meeting a contribution was discussed at, and why it is listed.
public struct DiscussionRecord: Codable, Sendable, Equatable {
    /// The meeting.
    public var meetingId: String
    /// Its body, when the meeting is in the log.
    public var bodyId: String?
    /// When it was held, when the meeting is in the log.
    public var heldAt: String?
    /// `contributed` or `decided <decisionId>`.
    public var reason: String
}

/// A decision that cited a contribution, with what was decided.
public struct DecisionTrace: Codable, Sendable, Equatable {
    /// The decision as proposed.
    public var decision: DecisionRecord
    /// Its outcomes, oldest first.
    public var outcomes: [DecisionOutcomeRecord]
}

/// Whether a contribution is traced, by the domain's one rule (``InfluenceRule``): only a
/// `contribution.influence_traced` traces it; a decision citing it does not. Audit rule C-1 asks
/// the same rule.
public struct TracingRecord: Codable, Sendable, Equatable {
    /// `traced`, `not_yet_due` or `overdue`.
    public var status: String
    /// The day the trace is (or was) due, `YYYY-MM-DD`.
    public var dueOn: String
    /// The day of the first trace, when traced.
    public var tracedOn: String?
    /// The day asked about.
    public var asOf: String

    /// Creates a record.
    public init(status: String, dueOn: String, tracedOn: String?, asOf: String) {
        (self.status, self.dueOn, self.tracedOn, self.asOf) = (status, dueOn, tracedOn, asOf)
    }

    init(_ status: InfluenceRule.Status, asOf: CivilDate) {
        switch status {
        case .traced(let on, let due): (self.status, dueOn, tracedOn) = ("traced", due.description, on.description)
        case .notYetDue(let due): (self.status, dueOn, tracedOn) = ("not_yet_due", due.description, nil)
        case .overdue(let due): (self.status, dueOn, tracedOn) = ("overdue", due.description, nil)
        }
        self.asOf = asOf.description
    }
}

/// Everything the log says about one contribution.
public struct ContributionTrace: Codable, Sendable, Equatable {
    /// The contribution.
    public var contribution: ContributionRecord
    /// Its own words: held, erased, not held here.
    public var content: PrivateContent
    /// Where it was discussed.
    public var discussedAt: [DiscussionRecord]
    /// Decisions whose proposal cited it.
    public var decisions: [DecisionTrace]
    /// What it was traced to.
    public var influences: [InfluenceRecord]
    /// Whether that counts as traced, and by when it is due (the same answer as rule C-1).
    public var tracing: TracingRecord
    /// What is still open.
    public var stillOpen: [String]
    /// The same, in plain sentences.
    public var sentences: [String]
}

/// The answer to `coledger trace`.
public struct TraceReport: Codable, Sendable, Equatable {
    /// The contribution id or pseudonym asked about.
    public var subject: String
    /// Each contribution traced, in log order.
    public var contributions: [ContributionTrace]
}

extension TraceTables {
    /// Traces one contribution as of `now`; `content` says whether its words can be read.
    func trace(_ c: ContributionRecord, content: PrivateContent, now: CivilDate) throws -> ContributionTrace {
        var discussed: [DiscussionRecord] = []
        if let m = c.meetingId {
            let meeting = try self.meeting(m)
            discussed.append(DiscussionRecord(meetingId: m, bodyId: meeting?.bodyId ?? c.bodyId, heldAt: meeting?.heldAt, reason: "contributed"))
        }
        let decisions = try decisions(citing: "contribution:\(c.contributionId)").map { d in
            DecisionTrace(decision: d, outcomes: try outcomes(of: d.decisionId))
        }
        for d in decisions {
            for o in d.outcomes where !discussed.contains(where: { $0.meetingId == o.meetingId && $0.reason == "decided \(d.decision.decisionId)" }) {
                let meeting = try self.meeting(o.meetingId)
                discussed.append(DiscussionRecord(
                    meetingId: o.meetingId, bodyId: meeting?.bodyId ?? d.decision.bodyId, heldAt: meeting?.heldAt,
                    reason: "decided \(d.decision.decisionId)"))
            }
        }
        let influences = try influences(of: c.contributionId)
        let status = InfluenceRule.status(
            contributed: CivilDate(parsing: c.occurredAt) ?? now, tracedOn: influences.compactMap { CivilDate(parsing: $0.occurredAt) }, asOf: now)
        var open: [String] = []
        for d in decisions {
            if let last = d.outcomes.last {
                if last.outcome == "deferred" || last.outcome == "referred" {
                    open.append("Decision \(d.decision.decisionId) was \(last.outcome) and has no final outcome yet.")
                }
            } else {
                open.append("Decision \(d.decision.decisionId) (\(d.decision.title)) has not been decided yet.")
            }
        }
        if !status.isTraced {
            open.append(InfluenceRule.sentence(status, citedBy: decisions.map(\.decision.decisionId)))
        }
        if c.notifiedAt == nil { open.append("The contributor has not yet been told how it was used.") }
        var t = ContributionTrace(
            contribution: c, content: content, discussedAt: discussed, decisions: decisions, influences: influences,
            tracing: TracingRecord(status, asOf: now), stillOpen: open, sentences: [])
        t.sentences = TraceSentences.sentences(t)
        return t
    }
}

/// Plain-language sentences for a contribution's trace.
enum TraceSentences {
    static func sentences(_ t: ContributionTrace) -> [String] {
        let c = t.contribution
        var out: [String] = []
        var made = "You contributed \(article(kind(c.kind))) (\(c.contributionId)) on \(spoken(c.occurredAt))"
        if let body = c.bodyId, let meeting = c.meetingId {
            made += " at meeting \(meeting) of \(body)"
        } else if let body = c.bodyId {
            made += " through \(body)"
        } else if let meeting = c.meetingId {
            made += " at meeting \(meeting)"
        }
        out.append(made + ".")
        switch t.content.status {
        case "erased": out.append("Your own words were erased at your request; what is below is what the public record keeps.")
        case "held": out.append(t.content.text.map { "Your words: \($0)" } ?? "Your own words are held privately (not shown).")
        case "not_held_here": out.append("Your own words are not in this copy of the ledger.")
        default: break
        }
        for d in t.discussedAt where d.reason != "contributed" {
            out.append("It was discussed at meeting \(d.meetingId)\(d.bodyId.map { " of \($0)" } ?? "")\(d.heldAt.map { " on \(spoken($0))" } ?? "").")
        }
        if t.decisions.isEmpty {
            out.append("No decision has cited it yet.")
        }
        for d in t.decisions {
            out.append("Decision \(d.decision.decisionId), \"\(d.decision.title)\", cited it when it was proposed to \(d.decision.bodyId) on \(spoken(d.decision.proposedAt)).")
            for o in d.outcomes {
                out.append("On \(spoken(o.occurredAt)) at meeting \(o.meetingId) it was \(o.outcome): \(o.rationale)")
            }
        }
        for i in t.influences {
            let how: String
            switch i.influence {
            case "adopted": how = "was adopted in"
            case "adapted": how = "was adapted into"
            default: how = "was considered but not adopted for"
            }
            out.append("It \(how) \(i.targetType.replacingOccurrences(of: "_", with: " ")) \(i.targetId): \(i.explanation)")
        }
        if t.stillOpen.isEmpty {
            out.append("Nothing about it is still open.")
        } else {
            out.append(contentsOf: t.stillOpen.map { "Still open: " + $0 })
        }
        return out
    }

    static func kind(_ k: String) -> String {
        switch k {
        case "co_design": return "co-design contribution"
        case "co_chairing": return "co-chairing contribution"
        case "story": return "lived-experience story"
        default: return k.replacingOccurrences(of: "_", with: " ")
        }
    }

    static func article(_ noun: String) -> String {
        guard let first = noun.first else { return noun }
        return ("aeiou".contains(first) ? "an " : "a ") + noun
    }

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// `3 March 2026`.
    static func spoken(_ timestamp: String) -> String {
        guard let d = CivilDate(parsing: timestamp) else { return timestamp }
        let (y, m, day) = d.components
        return "\(day) \(months[m - 1]) \(y)"
    }
}
