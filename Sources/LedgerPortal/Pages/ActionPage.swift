import Foundation
import LedgerProjections

extension Pages {
    // MARK: An action

    /// `/actions/ID`: where the action stands, its status history, milestones, and the
    /// decisions and feedback that changed it, each entry with its proof.
    static func action(_ a: ActionPage, names: Namer) -> Markup {
        func proof(_ link: String?, _ index: Int?) -> Markup {
            guard let index else { return "not in the record" }
            return link.map { "<a href=\"\($0)\">Proof for entry \(index)</a>" } ?? "Entry \(index), not yet in a signed checkpoint"
        }
        func progress(_ p: Int?) -> String { p.map { "\($0)\u{00A0}%" } ?? "not reported" }
        let flags: Markup = a.overdue ? " <span class=\"flag\">Overdue</span>" : .empty
        let steps: [Markup] = a.history.map { s in
            """
            <tr><td data-label="When">\(Words.date(s.on))</td><td data-label="Change">\(Words.status(s.from)) to \
            <strong>\(Words.status(s.to))</strong></td><td class="num" data-label="Progress">\(progress(s.progressPct))</td>\
            <td data-label="Note">\(s.note)</td><td data-label="Proof">\(proof(s.proof, s.index))</td></tr>
            """
        }
        let history: Markup =
            a.history.isEmpty
            ? "<p>Its status has not changed since it was created: it is still planned.</p>"
            : """
            <table class="stack">
            <caption>Every status change, oldest first</caption>
            <thead><tr><th scope="col">When</th><th scope="col">Change</th><th scope="col" class="num">Progress</th>\
            <th scope="col">Note</th><th scope="col">Proof</th></tr></thead>
            <tbody>\(steps)</tbody>
            </table>
            """
        let milestoneRows: [Markup] = a.milestones.map { m in
            "<li><strong>\(m.title)</strong>, reached on \(Words.date(m.date)). \(proof(m.proof, m.index)).</li>"
        }
        let milestones: Markup =
            a.milestones.isEmpty ? "<p>No milestone has been recorded yet.</p>" : "<ul>\(milestoneRows)</ul>"
        func links(_ items: [ActionPage.Link], kind: String) -> Markup {
            guard !items.isEmpty else { return "<p>None recorded.</p>" }
            let rows: [Markup] = items.map { l in
                let what: Markup =
                    l.kind == "decision"
                    ? "<a href=\"/decisions/\(HTML.urlComponent(l.id))\">Decision \(l.id)</a>\(l.title.map { ": \($0)" } ?? "")"
                    : "Feedback \(l.id)\(l.title.map { ": \u{201C}\($0)\u{201D}" } ?? " (its words are not published)")"
                return "<li>\(what). \(l.how) \(proof(l.proof, l.index)).</li>"
            }
            return "<ul>\(rows)</ul>"
        }
        let place: Markup =
            a.regionId.map { names.markup(.region, $0) } ?? "All regions"
        let service: Markup = a.serviceId.map { "<dt>Service</dt><dd>\(names.markup(.service, $0))</dd>" as Markup } ?? .empty
        return """
            <h1>\(a.title)</h1>
            <p class="lede">Action <span class="code">\(a.code)</span> of the plan: \
            <span class="status">\(Words.status(a.status))</span>\(flags), progress \(progress(a.progressPct)).</p>
            <dl class="facts">
            <dt>Area</dt><dd>\(a.areaName) <span class="code">(\(a.area))</span></dd>
            <dt>Where</dt><dd>\(place)</dd>
            \(service)
            <dt>Owner</dt><dd>\(names.markup(.role, a.ownerRoleId))</dd>
            <dt>Due</dt><dd>\(Words.date(a.dueDate))</dd>
            <dt>Created</dt><dd>\(Words.date(a.createdOn)). \(proof(a.createdProof, a.createdIndex))</dd>
            </dl>
            <h2>How it got here</h2>
            \(history)
            <h2>Milestones</h2>
            \(milestones)
            <h2>Decisions that changed it</h2>
            \(links(a.decisions, kind: "decision"))
            <h2>Feedback that changed it</h2>
            \(links(a.feedback, kind: "feedback"))
            <h2>How to check this</h2>
            <p>Each proof link downloads a c2sp.org/tlog-proof file that ties the entry to a signed checkpoint. \
            See <a href="/verify">Check the record</a> for how to verify them.</p>
            <p><a href="/plan#actions">Every action</a></p>
            """
    }

    // MARK: Reviews due

    static func reviewsDue(_ r: ReviewsDue) -> Markup {
        func rows(_ items: [DecisionReviewDate]) -> Markup {
            let list: [Markup] = items.map { d in
                """
                <li><a href="/decisions/\(HTML.urlComponent(d.decisionId))">Decision \(d.decisionId)</a>: \(d.title). \
                Review due \(Words.date(d.reviewOn)).</li>
                """
            }
            return "<ul>\(list)</ul>"
        }
        return """
            <h1>Decisions due for review</h1>
            <p class="lede">When a body decides, it can set a date to look at the decision again. \
            As of \(Words.date(r.asOf)), \(r.due.isEmpty ? "no review is due" : "\(Words.count(r.due.count, "decision is", "decisions are")) due for review and not yet reviewed").</p>
            \(r.due.isEmpty ? Markup.empty : rows(r.due))
            <h2>Coming up</h2>
            \(r.upcoming.isEmpty ? "<p>No other review date has been set.</p>" as Markup : rows(r.upcoming))
            <p><a href="/decisions">All decisions</a></p>
            """
    }
}
