import LedgerCore
import LedgerDomain
import LedgerProjections
import LedgerStore

extension EquityRow {
    /// A metrics row as published: only shown figures keep their numbers.
    init(_ r: MetricRow) {
        self.init(
            group: r.label, count: Figure(r.count.value.map(Double.init)),
            denominator: r.denominator.map { Figure($0.value.map(Double.init)) },
            percent: r.percent.map { Figure($0.value) }, value: r.value.map { Figure($0.value) },
            ratio: r.disparity.map { Figure($0.ratio.value) },
            difference: r.disparity.map { Figure($0.difference.value) })
    }
}

extension DecisionDetail {
    /// The portal's view of a decision's provenance: presence counted by category (nobody named
    /// but the proposer's and signers' pseudonyms, which the public log carries), each entry with
    /// where to download its proof.
    init(_ p: Provenance) {
        func item(_ i: Provenance.Item) -> EvidenceItem {
            EvidenceItem(
                index: i.index, type: i.type, occurredAt: i.occurredAt, summary: i.summary, signer: i.signer,
                signerHolder: i.holder,
                proof: p.checkpointSize.flatMap { i.index < $0 ? "/api/proofs/\(i.index)" : nil })
        }
        let checks = p.presence.flatMap { presence in
            presence.computed.map { c in
                Checks(
                    ebePresent: c.ebe.present, ebeRequired: c.ebe.requiredCount, ebeMet: c.ebe.met,
                    quorumPresent: c.quorum?.present,
                    quorumRequired: c.quorum?.required, quorumMet: c.quorum?.met,
                    recordedEbePresent: presence.recorded.ebePresent,
                    recordedQuorumMet: presence.recorded.quorumMet, disagreements: presence.disagreements)
            }
        }
        self.init(
            decisionId: p.decision, title: p.title, bodyId: p.body, proposedBy: p.proposer,
            entries: p.decisionEntries.map(item),
            meeting: p.meeting.map(item),
            presentByCategory: p.presentByCategory.sorted { $0.key < $1.key }.map {
                Presence(category: $0.key, count: $0.value)
            },
            recusals: p.recused.count, checks: checks, cited: p.cited.map(item), citedMissing: p.citedMissing,
            actions: p.actions.map(item),
            actionsNow: p.actionsNow.map {
                ActionState(
                    actionId: $0.actionId, code: $0.code, title: $0.title, status: $0.status,
                    progressPct: $0.progressPct)
            },
            checkpointSize: p.checkpointSize)
    }
}

extension PortalWorker {
    // MARK: Plan

    /// The plan as of today, grouped by area, competency and pillar.
    func plan() throws -> PlanProgress {
        if let planCache { return planCache }
        let report = try projections.plan(now: today)
        let actions = report.actions.map { v in
            PlanAction(
                actionId: v.action.actionId, code: v.action.code, area: v.action.area, title: v.action.title,
                scope: v.action.scope,
                regionId: v.action.regionId, ownerRoleId: v.action.ownerRoleId, dueDate: v.action.dueDate,
                status: v.action.status,
                progressPct: v.action.progressPct, overdue: v.overdue, stale: v.stale,
                competencies: v.action.competencies,
                pillars: v.action.pillars, lastChangeOn: String(v.action.lastChangeAt.prefix(10)))
        }
        func groups(_ codes: [String], names: [String: String], member: (PlanAction, String) -> Bool) -> [PlanGroup] {
            codes.compactMap { code in
                let members = actions.filter { member($0, code) }
                return members.isEmpty ? nil : Self.group(code: code, name: names[code] ?? code, members)
            }
        }
        let areas = PlanRules.areaOrder + Set(actions.map(\.area)).subtracting(PlanRules.areaOrder).sorted()
        let competencies =
            Words.competencies.keys.sorted()
            + Set(actions.flatMap(\.competencies)).subtracting(Words.competencies.keys).sorted()
        let pillars =
            Words.pillars.keys.sorted() + Set(actions.flatMap(\.pillars)).subtracting(Words.pillars.keys).sorted()
        let progress = PlanProgress(
            asOf: today.description, entries: size, totals: Self.group(code: "all", name: "All actions", actions),
            byArea: groups(areas, names: Words.areas) { $0.area == $1 },
            byCompetency: groups(competencies, names: Words.competencies) { $0.competencies.contains($1) },
            byPillar: groups(pillars, names: Words.pillars) { $0.pillars.contains($1) }, actions: actions)
        planCache = progress
        return progress
    }

    static func group(code: String, name: String, _ actions: [PlanAction]) -> PlanGroup {
        var g = PlanGroup(code: code, name: name)
        var reported: [Int] = []
        for a in actions {
            g.total += 1
            switch a.status {
            case "done": g.done += 1
            case "in_progress": g.inProgress += 1
            case "planned": g.planned += 1
            case "blocked": g.blocked += 1
            case "cancelled": g.cancelled += 1
            default: break
            }
            if a.overdue { g.overdue += 1 }
            if let p = a.progressPct { reported.append(p) }
        }
        g.meanProgressPct = reported.isEmpty ? nil : reported.reduce(0, +) / reported.count
        return g
    }

    // MARK: You said, we did

    /// The public list, newest first.
    func youSaid() throws -> [YouSaidItem] {
        if let youSaidCache { return youSaidCache }
        let items = index.youSaid.list()
        youSaidCache = items
        return items
    }

    // MARK: Contributions

    /// The trace for a contribution code, or nil when no contribution has that code.
    func answer(code: String) throws -> ContributionAnswer? {
        guard let id = index.contributionByCode[code] else { return nil }
        let report = try projections.trace(contribution: id, showContent: false)
        guard let t = report.contributions.first else { return nil }
        let c = t.contribution
        return ContributionAnswer(
            contributionId: c.contributionId, kind: c.kind, ladderRung: c.ladderRung,
            contributedOn: String(c.occurredAt.prefix(10)),
            bodyId: c.bodyId, meetingId: c.meetingId, ownWords: t.content.status, sentences: t.sentences,
            discussedAt: t.discussedAt.filter { $0.reason != "contributed" }.map {
                ContributionAnswer.Discussion(
                    meetingId: $0.meetingId, bodyId: $0.bodyId, heldOn: $0.heldAt.map { String($0.prefix(10)) })
            },
            decisions: t.decisions.map { d in
                ContributionAnswer.Decision(
                    decisionId: d.decision.decisionId, title: d.decision.title, bodyId: d.decision.bodyId,
                    proposedOn: String(d.decision.proposedAt.prefix(10)),
                    outcomes: d.outcomes.map {
                        ContributionAnswer.Outcome(
                            outcome: $0.outcome, meetingId: $0.meetingId, decidedOn: String($0.occurredAt.prefix(10)),
                            rationale: $0.rationale,
                            index: $0.index)
                    })
            },
            influences: t.influences.map {
                ContributionAnswer.Influence(
                    targetType: $0.targetType, targetId: $0.targetId, influence: $0.influence,
                    explanation: $0.explanation,
                    recordedOn: String($0.occurredAt.prefix(10)), index: $0.index)
            },
            stillOpen: t.stillOpen, index: c.index)
    }

    // MARK: Decisions

    /// The register, newest proposal first.
    func decisionRegister() throws -> [DecisionSummary] {
        if let registerCache { return registerCache }
        let register = try projections.decisions().decisions.reversed().map { d in
            DecisionSummary(
                decisionId: d.decisionId, title: d.title, bodyId: d.bodyId, date: d.date, outcome: d.outcome,
                reviewed: d.reviewed,
                meetingId: d.meetingId, proposedIndex: d.proposedIndex, recordedIndex: d.recordedIndex,
                ebePresent: d.ebePresent,
                ebeMet: d.ebeMet, quorumMet: d.quorumMet, disagreements: d.disagreements)
        }
        registerCache = register
        return register
    }

    /// A decision's provenance from the decisions projection, or nil when there is no such decision.
    func decisionDetail(_ id: String) throws -> DecisionDetail? {
        if let hit = decisionCache[id] { return hit }
        guard let p = try projections.provenance(decision: id) else { return nil }
        let detail = DecisionDetail(p)
        decisionCache[id] = detail
        return detail
    }

    // MARK: Equity

    /// The latest observation of every metric, place and service that is broken down by ethnic
    /// group (five groups, with "not stated" and "not known"), with every figure as the metrics
    /// projection's suppression left it: a hidden figure carries no number.
    func equity() throws -> [EquityTable] {
        if let equityCache { return equityCache }
        let report = try projections.metrics(MetricsQuery(by: [.ethnicityGroup], latestOnly: true))
        var tables: [EquityTable] = []
        for m in report.metrics {
            let d = m.definition
            for o in m.observations {
                guard let b = o.breakdowns.first else { continue }
                tables.append(
                    EquityTable(
                        metricId: d.metricId, code: d.code, name: d.name, unit: d.unit, counted: d.numerator,
                        outOf: d.denominator,
                        measure: b.measure, periodFrom: o.period.from, periodTo: o.period.to, scope: o.scope,
                        regionId: o.regionId,
                        serviceId: o.serviceId, index: o.index, everyone: EquityRow(o.headline ?? b.overall),
                        rows: b.rows.map(EquityRow.init),
                        notStated: o.completeness.map { Figure($0.notStated.value.map(Double.init)) },
                        notKnown: o.completeness.map { Figure($0.notKnown.value.map(Double.init)) }))
            }
        }
        equityCache = tables
        return tables
    }

    // MARK: Verify

    /// The latest checkpoint (with any cosignatures, read fresh: witnesses add them without the
    /// log growing) and the log's key; the audit is filled in by the caller.
    func verifyStatus() throws -> VerifyStatus {
        var info: VerifyStatus.CheckpointInfo?
        if let c = try ledger.latestCheckpoint() {
            let note = try ledger.cosignedNote(size: c.size) ?? c.note
            let signers = (try? SignedNote(parsing: note))?.signatures.map(\.name) ?? [ledger.origin]
            info = VerifyStatus.CheckpointInfo(
                size: c.size, root: Base64.encode(c.root), signedAt: c.signedAt, note: note, signers: signers)
        }
        let status = VerifyStatus(
            origin: ledger.origin, logKey: ledger.logKey.description, entries: size, checkpoint: info,
            audit: VerifyStatus.AuditResult(state: "not_started", rules: []))
        return status
    }

    /// The newest checkpoint note (with cosignatures), if any.
    func checkpointNote() throws -> String? {
        guard let c = try ledger.latestCheckpoint() else { return nil }
        return try ledger.cosignedNote(size: c.size) ?? c.note
    }

    /// A c2sp.org/tlog-proof@v1 for entry `index` to the newest checkpoint, or nil when no
    /// checkpoint covers it.
    func inclusionProof(_ index: Int) throws -> String? {
        guard index >= 0, let c = try ledger.latestCheckpoint(), index < c.size else { return nil }
        let path = try ledger.inclusionProof(index: index, size: c.size)
        let note = try SignedNote(parsing: try ledger.cosignedNote(size: c.size) ?? c.note)
        return TlogProof(index: UInt64(index), proof: path, checkpoint: note).serialized
    }

    /// The exact bytes of entry `index` (the Merkle leaf), or nil.
    func entryBytes(_ index: Int) throws -> [UInt8]? {
        guard index >= 0 else { return nil }
        return try ledger.entry(at: index).map { $0.entry.bytes }
    }
}
