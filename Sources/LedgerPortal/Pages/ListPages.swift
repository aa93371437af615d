import Foundation
import LedgerProjections

extension Pages {
    // MARK: You said, we did

    /// One published answer: what the person said, what we did, what changed and (on the list)
    /// the plan action. The "you said, we did" page and a feedback item's own page show it alike.
    static func saidAndDone(_ y: YouSaidWeDid, withAction: Bool, names: Namer? = nil) -> Markup {
        let changed: Markup = y.whatChanged.map { "<dt>What changed</dt><dd>\($0)</dd>" } ?? .empty
        let action: Markup =
            withAction
            ? y.actionRef.map { ref in
                "<dt>Plan action</dt><dd>\(names?.action(ref: ref) ?? "<span class=\"code\">\(ref)</span>")</dd>"
            } ?? .empty : .empty
        return """
            <dl class="said">
            <dt>You said</dt><dd>\(y.youSaid)</dd>
            <dt>We did</dt><dd>\(y.weDid)</dd>
            \(changed)\(action)
            </dl>
            """
    }

    static func youSaid(
        _ list: Paged<YouSaidWeDid>, filters: ListFilters, form: Markup, names: Namer
    ) -> Markup {
        let items: [Markup] = list.items.map { y in
            return """
                <li class="card">
                <h2>\(Words.change(y.changeStatus))</h2>
                <p class="muted">Told to us through \(Words.channel(y.channel)) in \(Words.month(y.receivedIn)). Reference \(y.feedbackId).</p>
                \(saidAndDone(y, withAction: true, names: names))
                </li>
                """
        }
        let body: Markup =
            list.total == 0
            ? (filters.isFiltering
                ? "<p>Nothing published matches these filters. <a href=\"/you-said-we-did\">Clear the filters</a> to see everything.</p>"
                : "<p>Nothing has been published here yet.</p>")
            : "<ul class=\"cards\">\(items)</ul>"
        let shown = list.total == 0 ? "" : ", \(Words.count(list.items.count, "shown")) on page \(list.page) of \(list.pages)"
        return """
            <h1>You said, we did</h1>
            <p class="lede">What people told us, in a summary they agreed we could publish, and what we did about it. \
            We only publish a summary when the person said we could, and someone checked it names nobody.</p>
            \(form)
            <p role="status">\(Words.count(list.total, "answer"))\(filters.isFiltering ? " match" : " so far"), newest first\(shown).</p>
            \(body)
            \(Layout.pager(path: "/you-said-we-did", page: list.page, pages: list.pages, query: filters.linkQuery))
            """
    }

    // MARK: My contributions

    static func contributionsForm(code: String = "", error: String? = nil) -> Markup {
        let errorSummary: Markup =
            error.map {
                """
                <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
                <h2 id="error-summary-title">There is a problem</h2>
                <ul><li><a href="#code">\($0)</a></li></ul>
                </div>
                """
            } ?? .empty
        return """
            <h1>My contributions</h1>
            <p class="lede">When we recorded something you told a meeting or a group, we gave you a contribution reference. \
            Enter it here to see what happened to what you said. If you gave feedback on this website, enter its \
            reference to see where your feedback is.</p>
            \(errorSummary)
            \(referenceForm(code, error: error))
            <p>The reference shows only this one contribution or piece of feedback. It does not show your name or anything \
            else about you.</p>
            """
    }

    /// The look-up form: a contribution code or a feedback reference (``FeedbackReference``), posted to
    /// `/contributions`, which sends a feedback reference on to its page.
    static func referenceForm(_ code: String = "", error: String? = nil) -> Markup {
        let errorLine: Markup =
            error.map {
                "<p id=\"code-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> \($0)</p>"
            } ?? .empty
        let describedBy = error == nil ? "code-hint" : "code-hint code-error"
        return """
            <form method="post" action="/contributions" novalidate>
            <div class="field\(error == nil ? "" : " field-error")">
            <label for="code">Your contribution reference or feedback reference</label>
            <p class="hint" id="code-hint">A contribution reference is 16 letters and numbers, for example 7KQ3-M9XD-1P4T-ZB2C. \
            A feedback reference looks like WEB-20261207-7K3QX9ZD. Capitals and spaces do not matter.</p>
            \(errorLine)
            <input class="short" type="text" id="code" name="code" value="\(code)" autocomplete="off" spellcheck="false" \
            aria-describedby="\(describedBy)"\(error == nil ? Markup.empty : " aria-invalid=\"true\"")>
            </div>
            <button type="submit">Show what happened</button>
            </form>
            """
    }

    static func contributionAnswer(_ a: ContributionAnswer, names: Namer) -> Markup {
        let sentences: [Markup] = a.sentences.map { "<li>\($0)</li>" }
        // The sentences already say when nothing is still open: said once, not again here.
        let open: Markup =
            a.stillOpen.isEmpty
            ? .empty
            : "<h2>Still open</h2><ul>\(a.stillOpen.map { "<li>\($0)</li>" as Markup })</ul>"
        let decisions: [Markup] = a.decisions.map { d in
            "<li><a href=\"/decisions/\(HTML.urlComponent(d.decisionId))\">\(d.decisionId)</a>: \(d.title)</li>"
        }
        let decisionList: Markup =
            decisions.isEmpty ? .empty : "<h2>Decisions that drew on it</h2><ul>\(decisions)</ul>"
        return """
            <h1>What happened to what you said</h1>
            <p class="lede">Contribution \(a.contributionId), made on \(Words.date(a.contributedOn))\
            \(a.meetingId.map { " at \(names.markup(.meeting, $0))" as Markup } ?? a.bodyId.map { " to \(names.markup(.body, $0))" as Markup } ?? .empty).</p>
            <ol class="sentences">\(sentences)</ol>
            \(decisionList)
            \(open)
            <p><a href="/contributions">Look up another reference</a></p>
            """
    }

    // MARK: Decisions

    static func decisions(_ list: Paged<DecisionSummary>, filters: ListFilters, form: Markup, due: Int, names: Namer) -> Markup {
        func yesNo(_ b: Bool?) -> String { b.map { $0 ? "Yes" : "No" } ?? "Not known" }
        let rows: [Markup] = list.items.map { d in
            let flag: Markup =
                d.disagreements.isEmpty ? .empty : " <span class=\"flag\">Record and attendance disagree</span>"
            let ebe: Markup =
                d.ebePresent.map { n in
                    n == 0 ? "<span class=\"flag\">None</span>" : "\(n)"
                } ?? "Not known"
            return """
                <tr><td data-label="Decision"><a href="/decisions/\(HTML.urlComponent(d.decisionId))">\(d.decisionId)</a></td>\
                <td data-label="Title">\(d.title)\(flag)</td>\
                <td data-label="Body">\(names.markup(.body, d.bodyId))</td><td data-label="Date">\(Words.date(d.date))</td>\
                <td data-label="Outcome">\(Words.outcome(d.outcome))\(d.reviewed.map { ", then \($0) on review" } ?? "")</td>\
                <td class="num" data-label="Experts by Experience present">\(ebe)</td><td data-label="Quorate">\(yesNo(d.quorumMet))</td></tr>
                """
        }
        let table: Markup =
            list.total == 0
            ? (filters.isFiltering
                ? "<p>No decision matches these filters. <a href=\"/decisions\">Clear the filters</a> to see them all.</p>"
                : "<p>No decision has been put to a body yet.</p>")
            : """
            <table class="stack">
            <caption>\(Words.count(list.total, "decision"))\(filters.isFiltering ? " match" : ""), page \(list.page) of \(list.pages)</caption>
            <thead><tr><th scope="col">Decision</th><th scope="col">Title</th><th scope="col">Body</th><th scope="col">Date</th>\
            <th scope="col">Outcome</th><th scope="col" class="num">Experts by Experience present</th><th scope="col">Quorate</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            """
        let reviews: Markup =
            due == 0
            ? "<p><a href=\"/decisions/reviews-due\">Decisions due for review</a>: none is due now.</p>"
            : "<p><a href=\"/decisions/reviews-due\">\(Words.count(due, "decision is", "decisions are")) due for review</a>.</p>"
        return """
            <h1>Decisions</h1>
            <p class="lede">Every decision put to a governance body, newest first. Open one to see why it was made, who was in the room, \
            what it drew on, what it changed, and the proof that it is in the record.</p>
            <p>Who was present is worked out from the meeting\u{2019}s attendance, leaving out anyone who stepped out because of \
            an interest, not taken from what the minute-taker wrote.</p>
            \(reviews)
            \(form)
            \(table)
            \(Layout.pager(path: "/decisions", page: list.page, pages: list.pages, query: filters.linkQuery))
            """
    }

    static func evidence(_ items: [EvidenceItem]) -> Markup {
        guard !items.isEmpty else { return "<p>None recorded.</p>" }
        let rows: [Markup] = items.map { i in
            let proof: Markup =
                i.proof.map { "<a href=\"\($0)\">Proof for entry \(i.index)</a>" } ?? "not yet in a signed checkpoint"
            return """
                <tr><td class="num" data-label="Entry">\(i.index)</td><td data-label="When">\(Words.date(i.occurredAt))</td>\
                <td data-label="What">\(i.summary)</td><td data-label="Signed by">\(i.signerHolder ?? "key \(i.signer)")</td>\
                <td data-label="Proof">\(proof)</td></tr>
                """
        }
        return """
            <div class="table-scroll"><table class="stack">
            <thead><tr><th scope="col" class="num">Entry</th><th scope="col">When</th><th scope="col">What</th>\
            <th scope="col">Signed by</th><th scope="col">Proof</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table></div>
            """
    }

    /// What a decision's latest recording says: outcome, how it was decided (with the tally),
    /// why, how far people with lived experience shared in it, and when it is to be reviewed.
    static func decisionFacts(_ d: DecisionDetail, names: Namer, today: String) -> Markup {
        let method: Markup =
            d.method.map { m in
                let tally: Markup =
                    d.tally.map { t in
                        ": \(Words.count(t.inFavour, "vote")) for, \(t.against) against, \(Words.count(t.abstained, "abstention"))" as Markup
                    } ?? .empty
                return "<dt>How it was decided</dt><dd>\(m == "vote" ? "By a vote" : "By consensus")\(tally)</dd>"
            } ?? .empty
        let review: Markup
        if let on = d.reviewOn {
            let state =
                d.reviewed.map { "reviewed: \($0)" } ?? (on <= today ? "due now, not yet reviewed" : "not yet due")
            review = "<dt>Review</dt><dd>\(Words.date(on)) (\(state))</dd>"
        } else {
            review = "<dt>Review</dt><dd>No review date was set.</dd>"
        }
        let rung: Markup =
            d.ladderRung.map { "<dt>Coproduction</dt><dd>\(Words.rung($0))</dd>" } ?? .empty
        let meeting: Markup =
            d.meetingId.map { "<dt>Decided at</dt><dd>\(names.markup(.meeting, $0))</dd>" } ?? .empty
        return """
            <dl class="facts">
            <dt>Put to</dt><dd>\(names.markup(.body, d.bodyId, otherwise: "not recorded"))</dd>
            <dt>Proposed by</dt><dd>\(d.proposedBy ?? "not recorded")</dd>
            <dt>Outcome</dt><dd>\(Words.outcome(d.outcome))</dd>
            \(meeting)\(method)
            <dt>Why</dt><dd>\(d.rationale ?? "No rationale is recorded yet.")</dd>
            \(rung)\(review)
            </dl>
            """
    }

    static func decision(_ d: DecisionDetail, names: Namer, today: String) -> Markup {
        let presence: [Markup] = d.presentByCategory.map { p in
            "<tr><th scope=\"row\">\(Words.category(p.category))</th><td class=\"num\">\(p.count)</td></tr>"
        }
        var checks: [Markup] = []
        if let c = d.checks {
            checks.append(
                c.ebePresent == 0
                    ? "<p><strong>No Expert by Experience was present.</strong> The body needs at least \(c.ebeRequired).</p>"
                    : "<p>\(Words.count(c.ebePresent, "Expert", "Experts")) by Experience present; the body needs at least \(c.ebeRequired): \(c.ebeMet ? "met" : "not met").</p>"
            )
            if let present = c.quorumPresent, let required = c.quorumRequired {
                checks.append(
                    "<p>Quorum: \(present) counted, \(required) needed: \(c.quorumMet == true ? "met" : "not met").</p>"
                )
            }
            checks.append(
                "<p>The record says \(c.recordedEbePresent) Expert(s) by Experience present and \(c.recordedQuorumMet ? "quorate" : "not quorate").</p>"
            )
            if !c.disagreements.isEmpty {
                checks.append(
                    "<p><span class=\"flag\">The record and attendance disagree</span></p><ul>\(c.disagreements.map { "<li>\($0)</li>" as Markup })</ul>"
                )
            }
        }
        let meeting: Markup =
            d.meeting.map { m in
                """
                <p>Decided at \(m.summary) (entry \(m.index)).</p>
                <table>
                <caption>Who was present, by group (people who stepped out because of an interest are not counted)</caption>
                <thead><tr><th scope="col">Group</th><th scope="col" class="num">People present</th></tr></thead>
                <tbody>\(presence)</tbody>
                </table>
                \(checks)
                <p>\(d.recusals == 0 ? "Nobody stepped out because of an interest." : "\(Words.count(d.recusals, "person", "people")) stepped out because of an interest.")</p>
                """
            } ?? "<p>No meeting attendance has been recorded for this decision yet.</p>"
        let missing: Markup =
            d.citedMissing.isEmpty
            ? .empty : "<p>Also cited, but not in the record: \(d.citedMissing.joined(separator: ", ")).</p>"
        let now: Markup =
            d.actionsNow.isEmpty
            ? .empty
            : """
            <table class="stack">
            <caption>Where those actions stand now</caption>
            <thead><tr><th scope="col">Action</th><th scope="col">What we will do</th><th scope="col">Status</th><th scope="col" class="num">Progress</th></tr></thead>
            <tbody>\(d.actionsNow.map { a in
                "<tr><td data-label=\"Action\">\(names.markup(.action, a.actionId))</td><td data-label=\"What we will do\">\(a.title)</td><td data-label=\"Status\">\(Words.status(a.status))</td><td class=\"num\" data-label=\"Progress\">\(a.progressPct.map { "\($0)%" } ?? "not reported")</td></tr>" as Markup
            })</tbody>
            </table>
            """
        return """
            <h1>Decision \(d.decisionId)</h1>
            <p class="lede">\(d.title ?? "(no title recorded)")</p>
            \(decisionFacts(d, names: names, today: today))
            <h2>The decision in the record</h2>
            \(evidence(d.entries))
            <h2>Who was there</h2>
            \(meeting)
            <h2>What it drew on</h2>
            \(evidence(d.cited))
            \(missing)
            <h2>What it changed</h2>
            \(evidence(d.actions))
            \(now)
            <h2>How to check this</h2>
            <p>Each proof link downloads a c2sp.org/tlog-proof file that ties the entry to the signed checkpoint \
            \(d.checkpointSize.map { "of \(Words.count($0, "entry", "entries"))" } ?? "(none signed yet)"). \
            The entry itself is at <code>/api/entries/INDEX</code>. See <a href="/verify">Check the record</a> for how to verify them.</p>
            <p><a href="/decisions">All decisions</a></p>
            """
    }
}
