import LedgerCore
import LedgerDomain

// Governance (G-1 … G-10).
extension Rules {
    func g1() -> RuleResult {
        let g = policy.governance
        let title = "A Board-level AMHE champion in post without a long vacancy"
        let seed = "an Advancing Mental Health Equalities champion at Board level"
        let parameters = ["role": g.championRole, "body": g.championBody, "maxVacancyDays": String(g.maxVacancyDays), "from": policy.plan.planStart]
        guard planStarted else { return beforePlanStart("G-1", title, seed, parameters) }
        let tenures = (model.roleTenures[g.championRole] ?? []).filter { $0.body == nil || $0.body == g.championBody }
        var findings: [Finding] = []
        for gap in Self.gaps(tenures.map { ($0.from, $0.to) }, from: planStart, to: asOf) where gap.to - gap.from + 1 > g.maxVacancyDays {
            let ended = tenures.last { $0.to == gap.from - 1 }
            let filled = tenures.first { $0.from == gap.to + 1 }
            let span = gap.to == asOf
                ? "vacant since \(Day.text(gap.from)) (\(gap.to - gap.from + 1) days by \(Day.text(asOf)))"
                : "vacant from \(Day.text(gap.from)) to \(Day.text(gap.to)) (\(gap.to - gap.from + 1) days)"
            findings.append(Finding(
                index: ended?.endIndex ?? filled?.index,
                detail: "\(g.championRole) on \(g.championBody) \(span); at most \(g.maxVacancyDays) allowed"
                    + (tenures.isEmpty ? " (the role was never assigned)" : "")))
        }
        return result("G-1", title, seed, parameters, checked: 1, findings: findings)
    }

    func g2() -> RuleResult {
        let g = policy.governance
        let title = "The Practice Forum exists, facilitated by its two officers, with staff and Experts by Experience at all times"
        let seed = "facilitated by the Director of EDI and Involvement and the Head of Racial Justice and Equity and comprised of Rethink staff and Experts by Experience"
        let parameters = [
            "body": g.practiceForum, "facilitatorRoles": g.practiceForumFacilitatorRoles.joined(separator: ","),
            "staffCategories": g.staffCategories.joined(separator: ","), "ebeCategories": g.ebeCategories.joined(separator: ","),
            "maxVacancyDays": String(g.maxVacancyDays),
        ]
        guard planStarted else { return beforePlanStart("G-2", title, seed, parameters) }
        guard let body = model.bodies[g.practiceForum] else {
            return result("G-2", title, seed, parameters, checked: 1, findings: [Finding(index: nil, detail: "\(g.practiceForum) was never established")])
        }
        var findings: [Finding] = []
        if let dissolved = body.dissolved { findings.append(Finding(index: body.index, detail: "\(body.id) was dissolved on \(Day.text(dissolved))")) }
        for role in g.practiceForumFacilitatorRoles {
            if !body.facilitatorRoles.contains(role) {
                findings.append(Finding(
                    index: body.facilitatorsIndex,
                    detail: "\(body.id)'s facilitators are \(body.facilitatorRoles.joined(separator: ", ")), without \(role)"))
            } else if holder(of: role, on: asOf) == nil {
                findings.append(Finding(
                    index: model.roleTenures[role]?.last?.endIndex, detail: "\(role), a facilitator of \(body.id), has no holder on \(Day.text(asOf))"))
            }
        }
        let members = model.memberships[body.id] ?? []
        let start = max(planStart, body.day)
        for (label, categories) in [("staff", g.staffCategories), ("Expert by Experience", g.ebeCategories)] {
            let spans = members.filter { categories.contains($0.category) }
            for gap in Self.gaps(spans.map { ($0.from, $0.to) }, from: start, to: asOf) where gap.to - gap.from + 1 > g.maxVacancyDays {
                let left = spans.last { $0.to == gap.from - 1 }
                findings.append(Finding(
                    index: left?.endIndex ?? body.index,
                    detail: "\(body.id) had no \(label) member from \(Day.text(gap.from)) to \(Day.text(gap.to)) (\(gap.to - gap.from + 1) days)"))
            }
        }
        return result("G-2", title, seed, parameters, checked: 1, findings: findings)
    }

    func g3() -> RuleResult {
        let g = policy.governance
        let title = "The Equity and Inclusion Board is chaired by the Deputy Chief Executive's role"
        let seed = "the Equity and Inclusion Board, chaired by our Deputy Chief Executive and Executive Sponsor for Race"
        let parameters = ["body": g.inclusionBoard, "chairRole": g.inclusionBoardChairRole]
        guard planStarted else { return beforePlanStart("G-3", title, seed, parameters) }
        guard let body = model.bodies[g.inclusionBoard] else {
            return result("G-3", title, seed, parameters, checked: 1, findings: [Finding(index: nil, detail: "\(g.inclusionBoard) was never established")])
        }
        var findings: [Finding] = []
        for (role, index) in body.chairHistory where role != g.inclusionBoardChairRole {
            findings.append(Finding(index: index, detail: "\(body.id)'s chair role set to \(role ?? "none"), not \(g.inclusionBoardChairRole)"))
        }
        if body.chairRole == g.inclusionBoardChairRole, holder(of: g.inclusionBoardChairRole, on: asOf) == nil {
            findings.append(Finding(
                index: model.roleTenures[g.inclusionBoardChairRole]?.last?.endIndex,
                detail: "\(g.inclusionBoardChairRole), the chair of \(body.id), has no holder on \(Day.text(asOf))"))
        }
        return result("G-3", title, seed, parameters, checked: body.chairHistory.count, findings: findings)
    }

    func g4() -> RuleResult {
        let g = policy.governance
        var findings: [Finding] = []
        var notes: [Finding] = []
        var checked = 0
        for d in model.decisions {
            let body = model.proposals[d.id]?.body ?? model.meetings[d.meeting]?.body
            if let body, let type = model.bodies[body]?.type, g.exemptBodyTypes.contains(type) {
                notes.append(Finding(index: d.index, detail: "decision \(d.id) of \(body): body type \(type) exempted by the policy"))
                continue
            }
            checked += 1
            guard let meeting = model.meetings[d.meeting] else {
                findings.append(Finding(index: d.index, detail: "decision \(d.id): no attendance recorded for meeting \(d.meeting)"))
                continue
            }
            let presence = AttendanceRule.presence(
                ruleAttendees(meeting), recused: Self.recused(from: d, at: meeting),
                requiredCount: max(g.ebeMinCount, meeting.terms?.ebeMin ?? 1), requiredShare: g.ebeMinShare ?? meeting.terms?.ebeShare)
            let why = presence.shortfall
            let lived = presence.lived
            let ebe = presence.present
            if !why.isEmpty {
                findings.append(Finding(
                    index: d.index,
                    detail: "decision \(d.id) at meeting \(d.meeting) (entry \(meeting.index)): \(why.joined(separator: "; ")) (lived experience \(lived), carers \(ebe - lived))"))
            }
        }
        return result(
            "G-4", "Lived experience present at every decision (computed from attendance, recusals excluded)",
            "People with lived experience and carers must be actively involved at every level of the Plan's governance structures, including in decision making",
            ["ebeMinCount": String(g.ebeMinCount), "ebeMinShare": g.ebeMinShare.map { String($0) } ?? "off",
             "categories": AttendanceRule.expertByExperienceCategories.sorted().joined(separator: ","),
             "exemptBodyTypes": g.exemptBodyTypes.isEmpty ? "none" : g.exemptBodyTypes.joined(separator: ",")],
            checked: checked, findings: findings, notes: notes)
    }

    func g5() -> RuleResult {
        var findings: [Finding] = []
        var checked = 0
        for id in model.meetingOrder {
            guard let meeting = model.meetings[id], let terms = meeting.terms ?? model.bodies[meeting.body], terms.quorumMin > 0 else { continue }
            checked += 1
            let quorum = AttendanceRule.quorum(ruleAttendees(meeting), required: terms.quorumMin, ofCategory: terms.quorumOf)
            if !quorum.met {
                findings.append(Finding(
                    index: meeting.index,
                    detail: "meeting of \(meeting.body): \(quorum.present) counting towards the quorum (observers, guests and non-members left out), quorum is \(terms.quorumMin)\(terms.quorumOf.map { " \($0)" } ?? "")"))
            }
        }
        return result(
            "G-5", "Quorum recomputed from attendance against the body's terms of reference", "robust governance is crucial to anti-racism work",
            [:], checked: checked, findings: findings)
    }

    func g6() -> RuleResult {
        var findings: [Finding] = []
        var checked = 0
        for id in model.meetingOrder {
            guard let meeting = model.meetings[id] else { continue }
            checked += 1
            if meeting.declarations == nil {
                findings.append(Finding(index: meeting.index, detail: "meeting \(id) of \(meeting.body) records neither declarations of interest nor noneDeclared"))
            }
        }
        for entry in model.undecodable where entry.type == MeetingHeld.eventType {
            checked += 1
            findings.append(Finding(index: entry.index, detail: entry.detail))
        }
        let voting: Set<String> = ["chair", "facilitator", "secretary", "member"]
        for d in model.decisions {
            guard let meeting = model.meetings[d.meeting] else { continue }
            checked += 1
            let declared = (meeting.declarations ?? []).filter { $0.action == "recused" && $0.item == d.id }.map(\.person)
            let unlisted = declared.filter { !d.recusals.contains($0) }
            if !unlisted.isEmpty {
                findings.append(Finding(
                    index: d.index, detail: "decision \(d.id): \(unlisted.joined(separator: ", ")) recused at meeting \(meeting.id) but the decision does not list the recusal"))
            }
            if let tally = d.tally {
                let eligible = meeting.attendees.filter { voting.contains($0.role) && !d.recusals.contains($0.person) && !declared.contains($0.person) }.count
                if tally > eligible {
                    findings.append(Finding(
                        index: d.index, detail: "decision \(d.id): the tally counts \(tally) votes, but only \(eligible) members present could vote (recusals excluded)"))
                }
            }
        }
        return result(
            "G-6", "Every meeting records declarations of interest; recused members are left out of decisions' tallies",
            "robust governance (Charity Governance Code; NHS conflicts of interest guidance)",
            ["voters": voting.sorted().joined(separator: ",")], checked: checked, findings: findings)
    }

    func g7() -> RuleResult {
        let g = policy.governance
        let title = "Verbal and written updates on the plan to the Board of Trustees and the Race Equality Programme Board"
        let seed = "will provide verbal and written updates on the delivery of the AMHE Plan to the Board of Trustees and Race Equality Programme Board"
        let parameters = [
            "bodies": g.boardUpdateBodies.joined(separator: ","), "everyMonths": String(g.boardUpdateEveryMonths),
            "modesEachPlanYear": g.boardUpdateModes.joined(separator: ","), "from": policy.plan.planStart,
        ]
        guard planStarted else { return beforePlanStart("G-7", title, seed, parameters) }
        var findings: [Finding] = []
        var checked = 0
        for body in g.boardUpdateBodies {
            let updates = model.boardUpdates.filter { $0.body == body }
            let firstDue = Self.firstDeadline(from: planStart, everyMonths: g.boardUpdateEveryMonths, graceDays: 0)
            if !updates.isEmpty || asOf > firstDue { checked += 1 }
            findings += cadence(
                updates.map { AuditModel.Dated(day: $0.day, index: $0.index) }, from: planStart, startLabel: "the plan start",
                everyMonths: g.boardUpdateEveryMonths, graceDays: 0, noun: "update to \(body)")
            for year in planYears where year.end < asOf {
                let given = updates.filter { $0.day >= year.start && $0.day <= year.end }
                for mode in g.boardUpdateModes where !given.contains(where: { $0.mode == mode }) {
                    findings.append(Finding(index: given.last?.index, detail: "no \(mode) update to \(body) in plan year \(year.label)"))
                }
            }
        }
        guard checked > 0 || !findings.isEmpty else {
            let firstDue = Self.firstDeadline(from: planStart, everyMonths: g.boardUpdateEveryMonths, graceDays: 0)
            return notYetDue("G-7", title, seed, parameters, "the first updates are due by \(Day.text(firstDue))")
        }
        return result("G-7", title, seed, parameters, checked: checked, findings: findings)
    }

    func g8() -> RuleResult {
        let g = policy.governance
        let title = "Representation on the governance bodies reviewed every year"
        let seed = "continuously review our accountability to ensure there is diverse racial and intersecting representation"
        let parameters = [
            "everyMonths": String(g.representationReviewEveryMonths), "graceDays": String(g.representationReviewGraceDays), "from": policy.plan.planStart,
        ]
        guard planStarted else { return beforePlanStart("G-8", title, seed, parameters) }
        let reviews = model.representationReviews.map { AuditModel.Dated(day: $0.day, index: $0.index) }
        let firstDue = Self.firstDeadline(from: planStart, everyMonths: g.representationReviewEveryMonths, graceDays: g.representationReviewGraceDays)
        guard !reviews.isEmpty || asOf > firstDue else {
            return notYetDue("G-8", title, seed, parameters, "the first representation review is due by \(Day.text(firstDue))")
        }
        let findings = cadence(
            reviews, from: planStart, startLabel: "the plan start",
            everyMonths: g.representationReviewEveryMonths, graceDays: g.representationReviewGraceDays, noun: "representation review")
        return result("G-8", title, seed, parameters, checked: max(1, reviews.count), findings: findings)
    }

    func g9() -> RuleResult {
        let g = policy.governance
        var findings: [Finding] = []
        var checked = 0
        var pending = 0
        let isLead = { (role: String) in role == g.regionalLeadRole || role.hasPrefix(g.regionalLeadRole + "-") }
        for (region, registered) in model.regions.sorted(by: { $0.value.index < $1.value.index }) {
            let due = Day.adding(months: g.regionalSetUpWithinMonths, to: max(registered.day, planStart))
            let plans = model.planVersions.filter { $0.region == region && $0.scope != "national" }
            // A region is judged once its set-up deadline has passed, or once it has a regional plan.
            if asOf > due || !plans.isEmpty { checked += 1 } else { pending += 1 }
            let forums = model.bodies.values.filter { $0.type == g.regionalForumBodyType && $0.region == region && ($0.dissolved ?? Int.max) > asOf }
            if forums.isEmpty && asOf > due {
                findings.append(Finding(index: registered.index, detail: "region \(region) has no \(g.regionalForumBodyType) forum (due by \(Day.text(due)))"))
            }
            for plan in plans where !isLead(plan.owner) {
                findings.append(Finding(index: plan.index, detail: "regional plan \(plan.plan) v\(plan.version) for \(region) is owned by \(plan.owner), not a regional lead"))
            }
            if !plans.contains(where: { isLead($0.owner) }) && asOf > due {
                findings.append(Finding(index: registered.index, detail: "region \(region) has no regional plan owned by its regional lead (due by \(Day.text(due)))"))
            }
        }
        return result(
            "G-9", "Each region with services has a regional forum and a regional plan owned by its regional lead",
            "Regional and local plans will be developed by regional leads and stakeholders; within regions where Rethink provides mental health services",
            ["forumBodyType": g.regionalForumBodyType, "leadRole": g.regionalLeadRole, "withinMonths": String(g.regionalSetUpWithinMonths)],
            checked: checked, findings: findings, pending: pending)
    }

    func g10() -> RuleResult {
        let n = policy.governance.minutesApprovedWithinMeetings
        var byBody: [String: [AuditModel.Meeting]] = [:]
        for id in model.meetingOrder { if let m = model.meetings[id] { byBody[m.body, default: []].append(m) } }
        var findings: [Finding] = []
        var checked = 0
        for body in byBody.keys.sorted() {
            let held = (byBody[body] ?? []).sorted { ($0.day, $0.index) < ($1.day, $1.index) }
            for (i, meeting) in held.enumerated() {
                let window = held[(i + 1)..<min(held.count, i + 1 + n)].map(\.id)
                let approvedAt = (model.minutesApproved[meeting.id] ?? []).map(\.at)
                if approvedAt.contains(where: window.contains) {
                    checked += 1
                } else if window.count == n {
                    checked += 1
                    findings.append(Finding(
                        index: meeting.index,
                        detail: "minutes of meeting \(meeting.id) of \(body) were not approved at the next \(n) meetings (\(window.joined(separator: ", ")))"
                            + (approvedAt.isEmpty ? "" : "; approved at \(approvedAt.joined(separator: ", "))")))
                }
            }
        }
        return result(
            "G-10", "Minutes approved within the next meetings of the same body", "governance good practice",
            ["withinMeetings": String(n)], checked: checked, findings: findings)
    }
}
