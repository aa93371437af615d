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

extension PlanGroup {
    /// A roll-up of the plan projection under its public name.
    init(_ r: PlanRollUp, name: String) {
        self.init(
            code: r.key, name: name, total: r.total, done: r.done, inProgress: r.inProgress, planned: r.planned,
            blocked: r.blocked, cancelled: r.cancelled, overdue: r.overdue, meanProgressPct: r.meanProgressPct)
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

extension PointView {
    // MARK: Plan

    /// The plan as of today, grouped by area, competency and pillar.
    func plan() throws -> PlanProgress {
        if let planCache { return planCache }
        let report = try projections.plan(now: today)
        let actions = report.actions.map { v in
            PlanAction(
                actionId: v.action.actionId, code: v.action.code, area: v.action.area, title: v.action.title,
                scope: v.action.scope,
                regionId: v.action.regionId, regionName: v.action.regionId.flatMap { names.text(.region, $0) },
                ownerRoleId: v.action.ownerRoleId, dueDate: v.action.dueDate,
                status: v.action.status,
                progressPct: v.action.progressPct, overdue: v.overdue, stale: v.stale,
                competencies: v.action.competencies,
                pillars: v.action.pillars, lastChangeOn: String(v.action.lastChangeAt.prefix(10)))
        }
        func groups(_ rollUps: [PlanRollUp], names: [String: String]) -> [PlanGroup] {
            rollUps.map { PlanGroup($0, name: names[$0.key] ?? $0.key) }
        }
        let progress = PlanProgress(
            asOf: today.description, entries: entries, totals: PlanGroup(report.totals, name: "All actions"),
            byArea: groups(report.byArea, names: Words.areas),
            byCompetency: groups(report.byCompetency, names: Words.competencies),
            byPillar: groups(report.byPillar, names: Words.pillars), actions: actions)
        planCache = progress
        return progress
    }

    // MARK: You said, we did

    /// One page of the public list (newest first), from the feedback projection's published list.
    func youSaid(page: Int) throws -> Paged<YouSaidWeDid> {
        if let hit = youSaidCache[page] { return hit }
        var n = max(page, 1)
        var (total, items) = try projections.youSaidWeDid(newestFirstFrom: (n - 1) * pageSize, limit: pageSize)
        let pages = max(1, (total + pageSize - 1) / pageSize)
        if n > pages {
            // Past the end: the last page, as ``Paged`` would give.
            n = pages
            items = try projections.youSaidWeDid(newestFirstFrom: (n - 1) * pageSize, limit: pageSize).items
        }
        let paged = Paged(page: n, pageSize: pageSize, total: total, items: items)
        youSaidCache[page] = paged
        return paged
    }

    /// Where the feedback with id `id` stands, its clocks judged on ``today``; nil when the
    /// projections hold no such feedback (at this point).
    func feedbackStatus(_ id: String) throws -> FeedbackView? {
        try projections.feedbackItem(id).map { FeedbackView($0, now: today, clocks: FeedbackClocks()) }
    }

    // MARK: Decisions

    /// The register, newest proposal first.
    func decisionRegister() throws -> [DecisionSummary] {
        if let registerCache { return registerCache }
        let register = try projections.decisions().decisions.reversed().map { d in
            DecisionSummary(
                decisionId: d.decisionId, title: d.title, bodyId: d.bodyId, bodyName: names.text(.body, d.bodyId), date: d.date,
                outcome: d.outcome,
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
        var detail = DecisionDetail(p)
        detail.bodyName = p.body.flatMap { names.text(.body, $0) }
        let records = try projections.decisionRecords(id)
        let outcomes = records.filter { $0.type != "decision.reviewed" }
        detail.outcome = outcomes.last?.outcome ?? "pending"
        if let recorded = records.last(where: { $0.type == "decision.recorded" }) {
            detail.method = recorded.method
            detail.rationale = recorded.detail
            detail.tally = recorded.tally.map {
                DecisionDetail.Tally(inFavour: $0.inFavour, against: $0.against, abstained: $0.abstained)
            }
            detail.ladderRung = recorded.ladderRung
            detail.reviewOn = recorded.reviewOn
            detail.reviewed = records.last { $0.type == "decision.reviewed" && $0.index > recorded.index }?.outcome
            detail.meetingId = recorded.meetingId
            detail.meetingName = recorded.meetingId.flatMap { names.text(.meeting, $0) }
        }
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
                        regionId: o.regionId, regionName: o.regionId.flatMap { names.text(.region, $0) },
                        serviceId: o.serviceId, serviceName: o.serviceId.flatMap { names.text(.service, $0) }, index: o.index, everyone: EquityRow(o.headline ?? b.overall),
                        rows: b.rows.map(EquityRow.init),
                        notStated: o.completeness.map { Figure($0.notStated.value.map(Double.init)) },
                        notKnown: o.completeness.map { Figure($0.notKnown.value.map(Double.init)) }))
            }
        }
        equityCache = tables
        return tables
    }

}

extension PortalWorker {
    // MARK: Regions

    /// The regions as registered (id and public name), in registration order: the form's choices.
    func regions() throws -> [(id: String, name: String)] {
        try projections.regions().map { (id: $0.regionId, name: $0.name) }
    }

    // MARK: Contributions

    /// The contribution a code was made for, or nil: the codes of contributions recorded since the
    /// last look-up are made first (the trace projection lists them in log order).
    func contributionId(code: String) throws -> String? {
        for c in try projections.contributions(after: codedThrough) {
            contributionByCode[configuration.codes.code(for: c.contributionId)] = c.contributionId
            codedThrough = c.index
        }
        return contributionByCode[code]
    }

    /// The trace for a contribution code, or nil when no contribution has that code.
    func answer(code: String) throws -> ContributionAnswer? {
        guard let id = try contributionId(code: code) else { return nil }
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
