import LedgerCore

/// A decision's provenance: who proposed it, the meeting and who was present by category, what
/// it cited, what it created or changed and what became of that — each as a log entry with its
/// index and signer, which a proof ties to a checkpoint (``writeEvidence(to:ledger:)``).
///
/// Built by ``Projections/provenance(decision:)`` from the decisions and governance projections
/// plus the entries it names, read by index: the work grows with what the decision cites, not
/// with the length of the log.
public struct Provenance: Sendable, Codable, Equatable {
    /// One entry cited as evidence.
    public struct Item: Sendable, Codable, Equatable {
        /// Its log index.
        public var index: Int
        /// Its event type.
        public var type: String
        /// The signing key id.
        public var signer: String
        /// The signer's holder (pseudonym), as registered.
        public var holder: String?
        /// When it happened (the author's claim).
        public var occurredAt: String
        /// A one-line description.
        public var summary: String
    }

    /// The decision id.
    public var decision: String
    /// Its title.
    public var title: String?
    /// The body it was proposed to.
    public var body: String?
    /// Who proposed it (pseudonym).
    public var proposer: String?
    /// The proposal and what became of it (recorded, referred, reviewed), in log order.
    public var decisionEntries: [Item]
    /// The meeting it was (last) recorded at, when that meeting's attendance is in the log.
    public var meeting: Item?
    /// Who was present by category, from the meeting's attendance less those recused from it
    /// (never from what the recorder claimed).
    public var presentByCategory: [String: Int]
    /// People recused from it: declared at the meeting for this decision, or listed with it.
    public var recused: [String]
    /// Quorum and Expert-by-Experience presence for it, worked out from attendance beside what
    /// the recorder claimed (from the governance projection), for its latest `decision.recorded`.
    public var presence: DecisionPresence?
    /// Feedback, contributions and anything else it cited that is in the log, in log order.
    public var cited: [Item]
    /// Cited `kind id`s with no entry in the log.
    public var citedMissing: [String]
    /// The entries that created actions from it or changed them (status changes of actions it
    /// created, and status changes whose evidence cites it), in log order.
    public var actions: [Item]
    /// What became of those actions: each one's status now.
    public var actionsNow: [ActionNow]
    /// The checkpoint size the proofs lead to.
    public var checkpointSize: Int?
    /// Every entry index the provenance rests on, with the genesis and the registrations of the
    /// keys that signed them (and of the keys that registered those), for the evidence pack.
    var evidenceIndexes: [Int] = []

    enum CodingKeys: String, CodingKey {
        case decision, title, body, proposer, decisionEntries, meeting, presentByCategory, recused, presence, cited, citedMissing
        case actions, actionsNow, checkpointSize
    }
}

extension Provenance {
    /// Assembles a decision's provenance inside one read of the projections.
    struct Builder {
        var lookup: EntryLookup
        let decisions: DecisionTables
        let governance: GovernanceTables

        mutating func item(_ index: Int, _ summary: String) throws -> Item? {
            guard let entry = try lookup.entry(at: index) else { return nil }
            let event = entry.event
            return Item(
                index: index, type: event.type, signer: event.signer, holder: try decisions.key(event.signer)?.holder,
                occurredAt: event.occurredAt, summary: summary)
        }

        mutating func build(_ id: String) throws -> Provenance? {
            let proposal = try decisions.proposal(id)
            let records = try decisions.records(of: id)
            guard proposal != nil || !records.isEmpty else { return nil }
            var p = Provenance(
                decision: id, title: proposal?.title, body: proposal?.bodyId, proposer: proposal?.proposer, decisionEntries: [],
                meeting: nil, presentByCategory: [:], recused: [], presence: nil, cited: [], citedMissing: [], actions: [],
                actionsNow: [], checkpointSize: nil)
            if let proposal, let item = try item(proposal.index, "proposed to \(proposal.bodyId): \(proposal.title)") {
                p.decisionEntries.append(item)
            }
            for r in records {
                let summary: String
                switch r.type {
                case "decision.recorded": summary = "\(r.outcome) by \(r.method ?? "?") at meeting \(r.meetingId ?? "?")"
                case "decision.referred": summary = "referred to \(r.bodyId ?? "?")"
                default: summary = "reviewed at meeting \(r.meetingId ?? "?"): \(r.outcome)"
                }
                if let item = try item(r.index, summary) { p.decisionEntries.append(item) }
            }
            p.decisionEntries.sort { $0.index < $1.index }
            try presence(of: id, records: records, into: &p)
            try citations(proposal?.inputs ?? [], into: &p)
            try actions(of: id, into: &p)
            p.evidenceIndexes = try evidence(for: p)
            return p
        }

        /// The meeting and who was present, for the latest outcome recorded.
        mutating func presence(of id: String, records: [DecisionEventRecord], into p: inout Provenance) throws {
            guard let last = records.last(where: { $0.type == "decision.recorded" }) else { return }
            p.presence = try governance.presence(of: id).last { $0.index == last.index }
            guard let meetingId = last.meetingId, let meeting = try governance.meeting(meetingId), let held = meeting.heldIndex,
                let computed = p.presence?.computed
            else { return }
            p.presentByCategory = computed.presentByCategory
            p.recused = p.presence?.recused ?? []
            let present = computed.presentByCategory.values.reduce(0, +)
            p.meeting = try item(held, "meeting \(meetingId) of \(meeting.bodyId): \(present) present")
        }

        /// Resolves each input to the entry that defined it (an `event` input by its event id).
        mutating func citations(_ inputs: [CitedRef], into p: inout Provenance) throws {
            var seen: Set<CitedRef> = []
            for input in inputs where seen.insert(input).inserted {
                let index = input.kind == "event"
                    ? try lookup.index(ofEventID: input.id) : try decisions.definition(kind: input.kind, id: input.id)
                if let index, let item = try item(index, "\(input.kind) \(input.id)") {
                    p.cited.append(item)
                } else {
                    p.citedMissing.append("\(input.kind) \(input.id)")
                }
            }
            p.cited.sort { $0.index < $1.index }
        }

        mutating func actions(of id: String, into p: inout Provenance) throws {
            var order: [String] = []
            for link in try decisions.links(of: id) {
                let now = try decisions.action(link.actionId)
                if !order.contains(link.actionId) { order.append(link.actionId) }
                let summary = link.link == "created"
                    ? "created action \(now?.code ?? link.actionId)"
                    : "action \(link.actionId) → \(link.status)\(link.progressPct.map { " (\($0)%)" } ?? "")"
                if let item = try item(link.index, summary) { p.actions.append(item) }
            }
            p.actionsNow = try order.compactMap { try decisions.action($0) }
        }

        /// The entries an evidence pack needs: everything listed, the genesis, and the chain of
        /// key registrations behind every signer.
        mutating func evidence(for p: Provenance) throws -> [Int] {
            var set = Set(p.decisionEntries.map(\.index) + p.cited.map(\.index) + p.actions.map(\.index))
            if let m = p.meeting { set.insert(m.index) }
            set.insert(0)
            var pending = Array(set)
            while let index = pending.popLast() {
                guard let signer = try lookup.entry(at: index)?.event.signer, let registered = try decisions.key(signer)?.index else { continue }
                if set.insert(registered).inserted { pending.append(registered) }
            }
            return set.sorted()
        }
    }
}
