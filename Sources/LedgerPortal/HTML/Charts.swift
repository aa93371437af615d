import Foundation

/// Charts drawn on the server as SVG: no script, colours from the stylesheet, a title and a
/// description for screen readers, and always a table beside them with the same numbers.
enum Charts {
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
        let width = 720
        let labelHeight = 20
        let barHeight = 22
        let progressHeight = 8
        let rowHeight = labelHeight + barHeight + progressHeight + 20
        let height = max(rowHeight * rows.count + 10, 40)
        let maxTotal = max(rows.map(\.total).max() ?? 1, 1)
        var shapes: [Markup] = []
        for (n, row) in rows.enumerated() {
            let y = n * rowHeight + 4
            let progress = row.progress.map { ", average progress \($0)%" } ?? ", no progress reported"
            shapes.append(
                "<text x=\"0\" y=\"\(y + 14)\">\(row.label): \(Words.count(row.total, "action"))\(progress)</text>")
            var x = 0.0
            let scale = Double(width) / Double(maxTotal)
            for status in Words.statusOrder {
                let count = row.counts[status] ?? 0
                guard count > 0 else { continue }
                let w = Double(count) * scale
                shapes.append(
                    "<rect class=\"seg-\(status)\" x=\"\(fmt(x))\" y=\"\(y + labelHeight)\" width=\"\(fmt(w))\" height=\"\(barHeight)\"></rect>"
                )
                x += w
            }
            let py = y + labelHeight + barHeight + 4
            shapes.append(
                "<rect class=\"seg-track\" x=\"0\" y=\"\(py)\" width=\"\(width)\" height=\"\(progressHeight)\"></rect>")
            if let p = row.progress, p > 0 {
                shapes.append(
                    "<rect class=\"seg-bar\" x=\"0\" y=\"\(py)\" width=\"\(fmt(Double(width) * Double(min(p, 100)) / 100))\" height=\"\(progressHeight)\"></rect>"
                )
            }
        }
        return svg(id: id, width: width, height: height, title: title, description: description, shapes: shapes)
    }

    /// The colour key for status charts.
    static var statusLegend: Markup {
        let items: [Markup] = Words.statusOrder.map { s in
            "<li><span class=\"key key-\(s)\" aria-hidden=\"true\"></span>\(Words.status(s))</li>"
        }
        return
            "<ul class=\"legend\" aria-label=\"Colour key\">\(items)<li><span class=\"key key-progress\" aria-hidden=\"true\"></span>Thin bar: average progress reported</li></ul>"
    }

    /// An accessible SVG chart: its title and description are what a screen reader announces.
    static func svg(id: String, width: Int, height: Int, title: String, description: String, shapes: [Markup]) -> Markup {
        """
        <svg class="chart" viewBox="0 0 \(width) \(height)" role="img" aria-labelledby="\(id)-title \(id)-desc" focusable="false">
        <title id="\(id)-title">\(title)</title>
        <desc id="\(id)-desc">\(description)</desc>
        \(shapes)
        </svg>
        """
    }

    static func fmt(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}

extension Charts {
    /// One bar per group for a percentage or value; a hidden figure gets no bar, only the word.
    static func valueBars(
        id: String, title: String, description: String, rows: [(label: String, value: Double?, hidden: Bool)],
        unit: String
    )
        -> Markup
    {
        let width = 720
        let rowHeight = 44
        let height = max(rowHeight * rows.count + 10, 40)
        let top = max(rows.compactMap(\.value).max() ?? 1, unit == "%" ? 100 : 1)
        var shapes: [Markup] = []
        for (n, row) in rows.enumerated() {
            let y = n * rowHeight + 4
            let shown = row.value.map { String(format: "%.1f", $0) + unit } ?? "hidden"
            shapes.append("<text x=\"0\" y=\"\(y + 14)\">\(row.label): \(shown)</text>")
            shapes.append("<rect class=\"seg-track\" x=\"0\" y=\"\(y + 20)\" width=\"\(width)\" height=\"14\"></rect>")
            if let v = row.value, v > 0 {
                shapes.append(
                    "<rect class=\"seg-bar\" x=\"0\" y=\"\(y + 20)\" width=\"\(fmt(Double(width) * min(v, top) / top))\" height=\"14\"></rect>"
                )
            }
        }
        return svg(id: id, width: width, height: height, title: title, description: description, shapes: shapes)
    }
}
