import LedgerDomain

/// An action that appeared or changed status between two points.
public struct ActionChange: Codable, Sendable, Equatable {
    /// The action.
    public var actionId: String, title: String
    /// Status before (nil: it did not exist) and after.
    public var from: String?, to: String
    /// Progress before and after.
    public var progressFrom: Int?, progressTo: Int?
}

/// A decision outcome recorded between two points.
public struct DecisionTaken: Codable, Sendable, Equatable {
    /// The decision and its title, when it was proposed in the log.
    public var decisionId: String, title: String?
    /// The outcome, the meeting and when.
    public var outcome: String, meetingId: String, occurredAt: String
    /// Log index of the `decision.recorded` entry.
    public var index: Int
}

/// A piece of feedback that arrived or moved on between two points.
public struct FeedbackChange: Codable, Sendable, Equatable {
    /// The feedback.
    public var feedbackId: String
    /// Stage before (nil: not yet received) and after.
    public var from: String?, to: String
    /// The response's change status, if it was answered.
    public var changeStatus: String?
}

/// What changed between two points of the log (`coledger diff A B`).
public struct StateDiff: Codable, Sendable, Equatable {
    /// The earlier and later points.
    public var from: String, to: String
    /// Entries folded at each.
    public var fromEntries: Int, toEntries: Int
    /// Actions created or moved.
    public var actions: [ActionChange]
    /// Decisions taken.
    public var decisions: [DecisionTaken]
    /// Feedback received or moved on.
    public var feedback: [FeedbackChange]
    /// The same, in plain sentences.
    public var sentences: [String]

    /// Compares the projections at two points (`a` the earlier one).
    public init(from a: Projections, _ aLabel: String, to b: Projections, _ bLabel: String) throws {
        from = aLabel
        to = bLabel
        fromEntries = try a.entriesFolded()
        toEntries = try b.entriesFolded()
        let before = Dictionary(uniqueKeysWithValues: try a.actions().map { ($0.actionId, $0) })
        actions = try b.actions().sorted { PlanReport.planOrder($0, $1) }.compactMap { x in
            let old = before[x.actionId]
            guard old?.status != x.status || old?.progressPct != x.progressPct else { return nil }
            return ActionChange(actionId: x.actionId, title: x.title, from: old?.status, to: x.status, progressFrom: old?.progressPct, progressTo: x.progressPct)
        }
        decisions = try b.decisionOutcomes(from: fromEntries, below: toEntries).map {
            DecisionTaken(
                decisionId: $0.outcome.decisionId, title: $0.title, outcome: $0.outcome.outcome, meetingId: $0.outcome.meetingId,
                occurredAt: $0.outcome.occurredAt, index: $0.outcome.index)
        }
        let epoch = CivilDate(dayNumber: 0)
        let stages = Dictionary(uniqueKeysWithValues: try a.feedbackItems().map {
            ($0.feedbackId, FeedbackView($0, now: epoch, clocks: FeedbackClocks()).stage)
        })
        feedback = try b.feedbackItems().compactMap { item in
            let stage = FeedbackView(item, now: epoch, clocks: FeedbackClocks()).stage
            guard stages[item.feedbackId] != stage else { return nil }
            return FeedbackChange(feedbackId: item.feedbackId, from: stages[item.feedbackId], to: stage, changeStatus: item.changeStatus)
        }
        sentences = []
        sentences = Self.sentences(self)
    }

    static func sentences(_ d: StateDiff) -> [String] {
        var out = ["Between \(d.from) (\(d.fromEntries) entries) and \(d.to) (\(d.toEntries) entries):"]
        for a in d.actions {
            let progress = a.progressTo.map { ", \($0)%" } ?? ""
            if let from = a.from, from != a.to {
                out.append("Action \(a.actionId) moved from \(spoken(from)) to \(spoken(a.to))\(progress).")
            } else if a.from != nil {
                out.append("Action \(a.actionId) is still \(spoken(a.to)), progress now \(a.progressTo.map { "\($0)%" } ?? "unreported").")
            } else {
                out.append("Action \(a.actionId) was added to the plan (\(spoken(a.to))\(progress)): \(a.title).")
            }
        }
        for x in d.decisions {
            out.append("Decision \(x.decisionId)\(x.title.map { " (\($0))" } ?? "") was \(x.outcome) at meeting \(x.meetingId).")
        }
        for f in d.feedback {
            switch (f.from, f.to) {
            case (nil, let to): out.append("Feedback \(f.feedbackId) arrived\(to == "received" ? "" : " and is now \(to)").")
            case (_, "responded"): out.append("Feedback \(f.feedbackId) was answered (\(spoken(f.changeStatus ?? "no status"))).")
            case (_, let to): out.append("Feedback \(f.feedbackId) is now \(to).")
            }
        }
        if out.count == 1 { out.append("Nothing changed in the plan, decisions or feedback.") }
        return out
    }

    static func spoken(_ code: String) -> String { code.split(separator: "_").joined(separator: " ") }
}
