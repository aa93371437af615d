import LedgerStore

// The governance register and decisions with provenance, as queries on the projections.

extension Projections {
    // MARK: Governance

    /// Every body: its terms over time, chair and facilitators over time, membership by
    /// category over time, and how many meetings it called or held.
    public func bodies() throws -> BodiesReport {
        let bodies = try query { c in
            let tables = GovernanceTables(c, suffix: "")
            return try tables.allBodies().compactMap { try tables.view(of: $0) }
        }
        return BodiesReport(bodies: bodies, entriesFolded: try entriesFolded())
    }

    /// One body's meetings: attendance, apologies, declarations, and quorum and
    /// Expert-by-Experience presence worked out from attendance, beside what was recorded.
    /// - Throws: ``ProjectionError/notFound(_:)`` when the log has neither the body nor a meeting of it.
    public func meetings(body bodyId: String) throws -> MeetingsReport {
        let (body, meetings) = try query { c in
            let tables = GovernanceTables(c, suffix: "")
            let meetings = try tables.meetingIds(of: bodyId).compactMap { try tables.meetingView($0) }.filter { $0.bodyId == bodyId }
            return (try tables.body(bodyId), meetings)
        }
        guard body != nil || !meetings.isEmpty else { throw ProjectionError.notFound("no body \(bodyId) in the log") }
        return MeetingsReport(
            bodyId: bodyId, body: body, meetings: meetings,
            disagreements: meetings.filter { !$0.disagreements.isEmpty || $0.decisions.contains { !$0.disagreements.isEmpty } }.count,
            entriesFolded: try entriesFolded())
    }

    // MARK: Decisions

    /// The decision register: every decision proposed (to `body`, when given), with its latest
    /// outcome and the Experts by Experience present and quorum worked out from attendance.
    public func decisions(body: String? = nil) throws -> DecisionRegister {
        let entries = try query { c in
            let decisions = DecisionTables(c, suffix: "")
            let governance = GovernanceTables(c, suffix: "")
            return try decisions.proposals(body: body).map { p in
                DecisionRegisterEntry(p, records: try decisions.records(of: p.decisionId), presence: try governance.presence(of: p.decisionId))
            }
        }
        return DecisionRegister(bodyId: body, decisions: entries, entriesFolded: try entriesFolded())
    }

    /// A decision's provenance, or nil when the log has no such decision. Reads the entries it
    /// names by index (for their signers), so its cost grows with what the decision cites, not
    /// with the log. `checkpointSize` is the ledger's latest checkpoint (nil for a bundle).
    public func provenance(decision id: String) throws -> Provenance? {
        var p = try query { c in
            var builder = Provenance.Builder(
                lookup: EntryLookup(source: runner.source, connection: c), decisions: DecisionTables(c, suffix: ""),
                governance: GovernanceTables(c, suffix: ""))
            return try builder.build(id)
        }
        if p != nil, let ledger { p?.checkpointSize = try ledger.latestCheckpoint()?.size }
        return p
    }
}
