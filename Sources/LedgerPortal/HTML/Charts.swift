import Foundation

/// Charts drawn on the server without script: colours from the stylesheet, a title and a
/// description for screen readers, and always a table beside them with the same numbers.
///
/// A chart is a list, one item per row: the row's label is HTML text (so it wraps and scales
/// with the page's text at any zoom) and only the bar is an SVG, stretched to the width and
/// sized in `em` by the stylesheet. No text is ever drawn inside a scaled SVG.
enum Charts {
    /// The bars' drawing width (the SVG's user units; the bar stretches to the page).
    static let width = 720

    /// One row of a status chart.
    struct Row {
        var label: String
        /// Count per status code.
        var counts: [String: Int]
        /// Mean reported progress, 0–100, if any action reported it.
        var progress: Int?

        var total: Int { counts.values.reduce(0, +) }
    }

    /// A horizontal stacked bar per row (actions by status), with a thin bar under it for the
    /// mean progress.
    static func statusBars(id: String, title: String, description: String, rows: [Row]) -> Markup {
        let maxTotal = max(rows.map(\.total).max() ?? 1, 1)
        let scale = Double(width) / Double(maxTotal)
        let items: [Markup] = rows.map { row in
            let progress = row.progress.map { ", average progress \($0)%" } ?? ", no progress reported"
            var segments: [Markup] = []
            var x = 0.0
            for status in Words.statusOrder {
                let count = row.counts[status] ?? 0
                guard count > 0 else { continue }
                let w = Double(count) * scale
                segments.append(
                    "<rect class=\"seg-\(status)\" x=\"\(fmt(x))\" y=\"0\" width=\"\(fmt(w))\" height=\"10\"></rect>")
                x += w
            }
            var thin: [Markup] = ["<rect class=\"seg-track\" x=\"0\" y=\"0\" width=\"\(width)\" height=\"10\"></rect>"]
            if let p = row.progress, p > 0 {
                thin.append(
                    "<rect class=\"seg-bar\" x=\"0\" y=\"0\" width=\"\(fmt(Double(width) * Double(min(p, 100)) / 100))\" height=\"10\"></rect>"
                )
            }
            return """
                <li><span class="bar-label">\(row.label): \(Words.count(row.total, "action"))\(progress)</span>\
                \(bar(segments))\(bar(thin, thin: true))</li>
                """
        }
        return chart(id: id, title: title, description: description, items: items)
    }

    /// The colour key for status charts.
    static var statusLegend: Markup {
        let items: [Markup] = Words.statusOrder.map { s in
            "<li><span class=\"key key-\(s)\" aria-hidden=\"true\"></span>\(Words.status(s))</li>"
        }
        return
            "<ul class=\"legend\" aria-label=\"Colour key\">\(items)<li><span class=\"key key-progress\" aria-hidden=\"true\"></span>Thin bar: average progress reported</li></ul>"
    }

    /// One bar: an SVG stretched to the row's width, its height set by the stylesheet in `em`.
    static func bar(_ shapes: [Markup], thin: Bool = false) -> Markup {
        """
        <svg class="bar\(thin ? " thin" : "")" viewBox="0 0 \(width) 10" preserveAspectRatio="none" aria-hidden="true" \
        focusable="false">\(shapes)</svg>
        """
    }

    /// An accessible chart: one image whose title and description are what a screen reader
    /// announces (the rows are the picture; the table beside it has the numbers).
    static func chart(id: String, title: String, description: String, items: [Markup]) -> Markup {
        """
        <div class="chart" id="\(id)" role="img" aria-labelledby="\(id)-title \(id)-desc">
        <p class="visually-hidden" id="\(id)-title">\(title)</p>
        <p class="visually-hidden" id="\(id)-desc">\(description)</p>
        <ul class="chart">\(items)</ul>
        </div>
        """
    }

    static func fmt(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}

extension Charts {
    /// One bar per group for a percentage or value; a hidden figure gets no bar, only the word.
    /// - Parameter shown: how a row's figure is written beside its label (``MetricUnits``).
    static func valueBars(
        id: String, title: String, description: String, rows: [(label: String, value: Double?, hidden: Bool)],
        unit: String, shown: (Double) -> String
    ) -> Markup {
        let top = max(rows.compactMap(\.value).max() ?? 1, unit == "%" ? 100 : 1)
        let items: [Markup] = rows.map { row in
            var shapes: [Markup] = ["<rect class=\"seg-track\" x=\"0\" y=\"0\" width=\"\(width)\" height=\"10\"></rect>"]
            if let v = row.value, v > 0 {
                shapes.append(
                    "<rect class=\"seg-bar\" x=\"0\" y=\"0\" width=\"\(fmt(Double(width) * min(v, top) / top))\" height=\"10\"></rect>"
                )
            }
            return "<li><span class=\"bar-label\">\(row.label): \(row.value.map(shown) ?? "hidden")</span>\(bar(shapes))</li>"
        }
        return chart(id: id, title: title, description: description, items: items)
    }
}
