import Foundation

extension Pages {
    // MARK: Equity

    static func equity(_ list: Paged<EquityTable>) -> Markup {
        let tables: [Markup] = list.items.enumerated().map { n, t in
            equityTable(t, id: "t\((list.page - 1) * list.pageSize + n + 1)")
        }
        let body: Markup = list.total == 0 ? "<p>No figures by ethnic group have been published yet.</p>" : "\(tables)"
        return """
            <h1>Equity</h1>
            <p class="lede">How access, experience and outcomes compare between ethnic groups, in the latest figures \
            for each measure, place and service.</p>
            <div class="said">
            <p><strong>Why some figures are hidden.</strong> To protect people, we never publish a count from 1 to 7, \
            nor any figure from which one could be worked out (such as a percentage, or another count in the same table). \
            Other counts are rounded to the nearest 5, and percentages are worked out from the rounded counts. \
            Hidden figures say \u{201C}hidden\u{201D}.</p>
            </div>
            <p>\(Words.count(list.total, "table")), page \(list.page) of \(list.pages).</p>
            \(body)
            \(Layout.pager(path: "/equity", page: list.page, pages: list.pages))
            """
    }

    /// A published figure written in `unit` (``MetricUnits``), `hidden` when suppressed.
    static func figure(_ f: Figure?, unit: String = "count", signed: Bool = false) -> Markup {
        guard let f else { return "" }
        guard let v = f.value else { return "<span class=\"hidden-figure\">hidden</span>" }
        return "\(signed && v > 0 ? "+" : "")\(MetricUnits.write(v, unit: unit))"
    }

    /// A group's figure compared with everyone's, in words (``MetricUnits/ratio(_:)``).
    static func ratioFigure(_ f: Figure?) -> Markup {
        guard let f else { return "" }
        guard let v = f.value else { return "<span class=\"hidden-figure\">hidden</span>" }
        return "\(MetricUnits.ratio(v))"
    }

    static func equityTable(_ t: EquityTable, id: String) -> Markup {
        let place = [t.regionId.map { "region \($0)" }, t.serviceId.map { "service \($0)" }].compactMap { $0 }.joined(
            separator: ", ")
        let measureText: String
        switch t.measure {
        case "rate":
            measureText =
                "Each group\u{2019}s rate is out of that group\u{2019}s own total; \u{201C}compared with everyone\u{201D} divides it by the rate for everyone."
        case "share": measureText = "Each group\u{2019}s percentage is its share of everyone counted."
        default: measureText = "Each group\u{2019}s figure is a statistic recorded for that group."
        }
        let showRatio = t.rows.contains { $0.ratio != nil }
        // Rates and shares are percentages; a recorded statistic is in the metric's own unit.
        let unit = t.measure == "value" ? t.unit : "percent"
        let valueHeading = t.measure == "value" ? "Figure" : t.measure == "rate" ? "Rate" : "Share of everyone"
        let rows: [Markup] = t.rows.map { r in
            """
            <tr><th scope="row">\(r.group)</th><td class="num" data-label="Count">\(figure(r.count))</td>\
            <td class="num" data-label="\(valueHeading)">\(r.value != nil ? figure(r.value, unit: unit) : figure(r.percent, unit: unit))</td>\
            \(showRatio ? "<td class=\"num\" data-label=\"Compared with everyone\">\(ratioFigure(r.ratio))</td>" as Markup : .empty)</tr>
            """
        }
        let chartRows = t.rows.map { r in
            (label: r.group, value: r.value?.value ?? r.percent?.value, hidden: (r.value ?? r.percent)?.value == nil)
        }
        let described = chartRows.map {
            "\($0.label): \($0.value.map { MetricUnits.write($0, unit: unit) } ?? "hidden")"
        }
        .joined(separator: "; ")
        return """
            <h2 id="\(id)">\(t.name)</h2>
            <p>\(Words.date(t.periodFrom)) to \(Words.date(t.periodTo))\(place.isEmpty ? ", across the organisation" : ", \(place)"). \
            Counted: \(t.counted)\(t.outOf.map { "; out of: \($0)" } ?? ""). \(measureText) \(MetricUnits.sentence(unit))\(showRatio ? " " + MetricUnits.ratioSentence : "") \
            Everyone: \(figure(t.everyone.count))\(t.everyone.percent.map { _ in " (\(figure(t.everyone.percent, unit: "percent")))" as Markup } ?? .empty)\
            \(t.everyone.value.map { _ in ", \(figure(t.everyone.value, unit: unit))" as Markup } ?? .empty). \
            Entry \(t.index) of the record.</p>
            <figure>
            \(Charts.valueBars(id: "\(id)-chart", title: "\(t.name), by ethnic group", description: described + ".", rows: chartRows,
                unit: unit == "percent" ? "%" : "", shown: { MetricUnits.write($0, unit: unit) }))
            </figure>
            <div class="table-scroll">
            <table class="stack">
            <caption>The chart\u{2019}s figures: \(t.name)\(place.isEmpty ? "" : ", \(place)")</caption>
            <thead><tr><th scope="col">Ethnic group</th><th scope="col" class="num">Count</th>\
            <th scope="col" class="num">\(valueHeading)</th>\
            \(showRatio ? "<th scope=\"col\" class=\"num\">Compared with everyone</th>" as Markup : .empty)</tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            </div>
            """
    }
}
