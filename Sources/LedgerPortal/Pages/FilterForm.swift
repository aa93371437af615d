import Foundation

extension Pages {
    // MARK: Search and filters

    /// A choice in a filter's list: its value and its words.
    typealias Choice = (value: String, label: String)

    /// The GET form that searches and filters a list (it works without script: the filters are
    /// the address). Each select offers "Any" first; the point the page is read at is kept.
    static func filterForm(
        path: String, filters: ListFilters, selects: [(name: String, label: String, choices: [Choice], value: String?)],
        dates: (label: String, type: String, hint: String), point: [(String, String)], searchHint: String
    ) -> Markup {
        func select(_ s: (name: String, label: String, choices: [Choice], value: String?)) -> Markup {
            let options: [Markup] =
                ["<option value=\"\"\(s.value == nil ? " selected" : "")>Any</option>" as Markup]
                + s.choices.map { c in
                    c.value == s.value
                        ? "<option value=\"\(c.value)\" selected>\(c.label)</option>"
                        : "<option value=\"\(c.value)\">\(c.label)</option>"
                }
            return """
                <div class="field"><label for="f-\(s.name)">\(s.label)</label>\
                <select id="f-\(s.name)" name="\(s.name)">\(options)</select></div>
                """
        }
        let hidden: [Markup] = point.map { "<input type=\"hidden\" name=\"\($0.0)\" value=\"\($0.1)\">" }
        let sizes: [Markup] = [10, 15, 20].map { n in
            n == filters.size ? "<option value=\"\(n)\" selected>\(n)</option>" : "<option value=\"\(n)\">\(n)</option>"
        }
        return """
            <form class="filters" method="get" action="\(path)" role="search" aria-label="Search and filter">
            \(hidden)
            <div class="field"><label for="f-q">Search</label>\
            <p class="hint" id="f-q-hint">\(searchHint)</p>\
            <input type="text" id="f-q" name="q" value="\(filters.text ?? "")" aria-describedby="f-q-hint" maxlength="\(ListFilters.maxText)"></div>
            <div class="row">
            \(selects.map(select))
            <div class="field"><label for="f-from">\(dates.label) from</label>\
            <input type="\(dates.type)" id="f-from" name="from" value="\(filters.from ?? "")" aria-describedby="f-dates-hint"></div>
            <div class="field"><label for="f-to">\(dates.label) to</label>\
            <input type="\(dates.type)" id="f-to" name="to" value="\(filters.to ?? "")" aria-describedby="f-dates-hint"></div>
            <div class="field"><label for="f-size">Results a page</label><select id="f-size" name="size">\(sizes)</select></div>
            </div>
            <p class="hint" id="f-dates-hint">\(dates.hint)</p>
            <div class="actions"><button type="submit">Show results</button> <a href="\(path)">Clear the filters</a></div>
            </form>
            """
    }
}
