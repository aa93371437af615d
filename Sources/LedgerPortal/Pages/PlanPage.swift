import Foundation

/// The pages, each a function from the portal's data to HTML.
enum Pages {
    // MARK: Home

    static func home(plan: PlanProgress, youSaid: Int, decisions: Int, formOn: Bool) -> Markup {
        let t = plan.totals
        let cards: [Markup] = [
            card(
                .plan,
                "\(Words.count(t.total, "action")) in the plan: \(t.done) done, \(t.inProgress) in progress, \(t.overdue) overdue."
            ),
            card(.yousaid, "\(Words.count(youSaid, "thing")) people told us, and what we did about each."),
            card(.contributions, "Have a contribution reference? See what happened to what you said."),
            card(
                .decisions,
                "\(Words.count(decisions, "decision")): who was there, what they drew on and what they changed."),
            card(.equity, "How outcomes compare between ethnic groups, with small numbers hidden to protect people."),
            card(.verify, "Check for yourself that nothing here was changed or removed."),
            card(
                .feedback,
                formOn
                    ? "Tell us what is working and what is not. You do not have to give your name."
                    : "The feedback form is not open on this site."),
        ]
        return """
            <h1>Our race equality plan, in the open</h1>
            <p class="lede">This site shows what we promised to do for racial equality in mental health, what we have done, \
            and what happened to what people told us. Every fact here comes from a record that cannot be quietly changed.</p>
            <p class="muted">Figures are as of \(Words.date(plan.asOf)).</p>
            <ul class="cards">\(cards)</ul>
            """
    }

    static func card(_ s: Section, _ text: String) -> Markup {
        "<li class=\"card\"><h2><a href=\"\(s.path)\">\(s.title)</a></h2><p>\(text)</p></li>"
    }

    // MARK: Plan

    static func plan(_ p: PlanProgress, page: Int, pageSize: Int, names: Namer) -> Markup {
        let t = p.totals
        let untagged = p.actions.filter(\.pillars.isEmpty).count
        let actions = Paged(all: p.actions, page: page, pageSize: pageSize * 2)
        let rows: [Markup] = actions.items.map { a in
            let flags: Markup = a.overdue ? " <span class=\"flag\">Overdue</span>" : .empty
            return """
                <tr><td data-label="Code"><a href="/actions/\(HTML.urlComponent(a.actionId))">\(a.code)</a></td>\
                <td data-label="What we will do"><a href="/actions/\(HTML.urlComponent(a.actionId))">\(a.title)</a></td>\
                <td data-label="Area">\(Words.areas[a.area] ?? a.area)</td>\
                <td data-label="Status"><span class="status">\(Words.status(a.status))</span>\(flags)</td>\
                <td class="num" data-label="Progress">\(a.progressPct.map { "\($0)%" } ?? "not reported")</td>\
                <td data-label="Due">\(Words.date(a.dueDate))</td>\
                <td data-label="Region">\(names.markup(.region, a.regionId, otherwise: "All regions"))</td></tr>
                """
        }
        return """
            <h1>Plan progress</h1>
            <p class="lede">As of \(Words.date(p.asOf)) the plan has \(Words.count(t.total, "action")): \(t.done) done, \
            \(t.inProgress) in progress, \(t.planned) planned, \(t.blocked) blocked and \(t.cancelled) cancelled. \
            \(t.overdue == 0 ? "None is overdue." : "\(Words.count(t.overdue, "action is", "actions are")) overdue.")</p>
            \(Charts.statusLegend)
            \(section(id: "area", heading: "By area of the plan", groups: p.byArea, what: "area"))
            \(section(id: "competency", heading: "By organisational competency", groups: p.byCompetency, what: "competency",
                note: "An action can build more than one competency, so it can count in more than one row."))
            \(section(id: "pillar", heading: "By pillar of the strategy", groups: p.byPillar, what: "pillar",
                note: untagged == 0 ? nil : "\(Words.count(untagged, "action is", "actions are")) not tagged with a pillar and are not shown here."))
            <h2 id="actions">Every action</h2>
            <p>Open an action to see how it got where it is, its milestones, and the decisions and feedback that changed it.</p>
            <div class="table-scroll">
            <table class="stack">
            <caption>Actions \(actions.total == 0 ? "" : "\((actions.page - 1) * actions.pageSize + 1) to \((actions.page - 1) * actions.pageSize + actions.items.count) ")of \(actions.total), in plan order</caption>
            <thead><tr><th scope="col">Code</th><th scope="col">What we will do</th><th scope="col">Area</th><th scope="col">Status</th>\
            <th scope="col" class="num">Progress</th><th scope="col">Due</th><th scope="col">Region</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            </div>
            \(Layout.pager(path: "/plan", page: actions.page, pages: actions.pages))
            """
    }

    static func section(id: String, heading: String, groups: [PlanGroup], what: String, note: String? = nil) -> Markup {
        guard !groups.isEmpty else {
            return "<h2 id=\"by-\(id)\">\(heading)</h2><p>No action is tagged with a \(what) yet.</p>"
        }
        let rows = groups.map { Charts.Row(label: $0.name, counts: $0.counts, progress: $0.meanProgressPct) }
        let described = groups.map { g in
            "\(g.name): \(g.done) of \(g.total) done\(g.meanProgressPct.map { ", average progress \($0)%" } ?? "")"
        }.joined(separator: "; ")
        let chart = Charts.statusBars(
            id: "chart-\(id)", title: "Actions \(heading.lowercased()), by status", description: described + ".",
            rows: rows)
        let tableRows: [Markup] = groups.map { g in
            """
            <tr><th scope="row">\(g.name)</th><td class="num">\(g.total)</td><td class="num">\(g.done)</td><td class="num">\(g.inProgress)</td>\
            <td class="num">\(g.planned)</td><td class="num">\(g.blocked)</td><td class="num">\(g.cancelled)</td><td class="num">\(g.overdue)</td>\
            <td class="num">\(g.meanProgressPct.map { "\($0)%" } ?? "none reported")</td></tr>
            """
        }
        let noteMarkup: Markup = note.map { "<p>\($0)</p>" } ?? .empty
        return """
            <h2 id="by-\(id)">\(heading)</h2>
            \(noteMarkup)
            <figure>
            \(chart)
            </figure>
            <div class="table-scroll">
            <table>
            <caption>The chart\u{2019}s figures: actions \(heading.lowercased())</caption>
            <thead><tr><th scope="col">\(what.capitalizedFirst)</th><th scope="col" class="num">Actions</th><th scope="col" class="num">Done</th>\
            <th scope="col" class="num">In progress</th><th scope="col" class="num">Planned</th><th scope="col" class="num">Blocked</th>\
            <th scope="col" class="num">Cancelled</th><th scope="col" class="num">Overdue</th><th scope="col" class="num">Average progress</th></tr></thead>
            <tbody>\(tableRows)</tbody>
            </table>
            </div>
            """
    }
}
