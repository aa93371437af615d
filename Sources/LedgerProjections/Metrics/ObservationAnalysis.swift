import LedgerDomain

/// Works out the published form of one observation: registers its figures and lines in a
/// ``FigureSet``, suppresses them under a ``SuppressionPolicy``, and builds the report.
struct ObservationAnalysis {
    typealias Dimension = MetricVocabulary.Dimension

    /// One breakdown's cells and totals, by figure.
    struct Table {
        var keys: [Dimension]
        var derived: Bool
        /// (dims, count figure, denominator figure, recorded value) per row.
        var rows: [(dims: MetricVocabulary.Dims, n: Int, d: Int?, value: Double?)]
        var totalN: Int
        var totalD: Int?
    }

    let record: ObservationRecord
    let policy: SuppressionPolicy
    var figures = FigureSet()
    var tables: [Table] = []
    /// The shared denominator (all cells counted out of the same everyone), if any.
    var sharedD: Int?
    /// The total cell (no dimensions), if any.
    var headline: (n: Int, d: Int?, value: Double?)?
    var completeness: (notStated: Int, notKnown: Int, total: Int?)?

    init(_ record: ObservationRecord, policy: SuppressionPolicy) {
        self.record = record
        self.policy = policy
        build()
        figures.solve(policy, exempt: policy.exemptNational && record.scope == MetricVocabulary.Scope.national.rawValue)
    }

    // MARK: Figures and lines

    private mutating func build() {
        let cells = record.cells
        var seen: Set<String> = []
        // A cell's figure name: its dims key, made unique if two cells share one.
        let names: [String] = cells.map { c in
            var name = c.dims.key
            if seen.contains(name) { name += "#\(c.position)" }
            seen.insert(name)
            return name
        }
        let grouped = cells.indices.filter { !cells[$0].dims.keys.isEmpty }
        let ds = cells.compactMap(\.d)
        // One denominator for every cell, equal to the count of some whole line: the cells
        // share out everyone (service users by ethnicity), rather than each group having its own.
        var commonD: Int?
        if ds.count == cells.count, let first = ds.first, ds.allSatisfy({ $0 == first }) { commonD = first }

        var n: [Int] = []
        var d: [Int?] = []
        for (i, c) in cells.enumerated() {
            n.append(figures.figure("n:\(names[i])", c.n))
            d.append(c.d.map { figures.figure("d:\(names[i])", $0) })
        }
        let total = cells.indices.first { cells[$0].dims.keys.isEmpty }

        // Lines along every dimension of every set of dimensions, with their sums.
        var keySets: [[Dimension]] = []
        for i in grouped where !keySets.contains(cells[i].dims.keys) { keySets.append(cells[i].dims.keys) }
        keySets.sort { a, b in Self.order(a).lexicographicallyPrecedes(Self.order(b)) }
        var sums: [Int] = []
        var perGroupD = commonD == nil
        if let common = commonD {
            let lineSums = keySets.map { keys in grouped.filter { cells[$0].dims.keys == keys }.reduce(0) { $0 + cells[$1].n } }
            if !lineSums.contains(common) { perGroupD = true }
        }
        for keys in keySets {
            let members = grouped.filter { cells[$0].dims.keys == keys }
            for k in keys where keys.count > 1 {
                var byRest: [String: [Int]] = [:]
                var restOrder: [String] = []
                for i in members {
                    let rest = cells[i].dims.removing(k).key
                    if byRest[rest] == nil { restOrder.append(rest) }
                    byRest[rest, default: []].append(i)
                }
                for rest in restOrder {
                    let line = byRest[rest] ?? []
                    addLine(line, marginal: rest, along: k.rawValue, cells: cells, n: n, d: perGroupD ? d : nil)
                }
            }
            let label = keys.map(\.rawValue).joined(separator: ",")
            let (sumN, sumD) = addLine(members, marginal: "", along: label, cells: cells, n: n, d: perGroupD ? d : nil)
            sums.append(sumN)
            tables.append(Table(
                keys: keys, derived: false, rows: members.map { (cells[$0].dims, n[$0], perGroupD ? d[$0] : nil, cells[$0].value) },
                totalN: sumN, totalD: sumD))
        }
        if let common = commonD, !perGroupD {
            let shared = figures.figure("d:shared", common)
            sharedD = shared
            for s in sums { figures.same(s, shared) }
            for di in d { if let di { figures.same(di, shared) } }
        }
        // Everyone counted along one dimension is everyone counted along another, when the counts agree.
        for s in sums { for t in sums { figures.same(s, t) } }
        if let t = total {
            for s in sums { figures.same(s, n[t]) }
            headline = (n[t], d[t], cells[t].value)
            if let dt = d[t] {
                for table in tables { if let td = table.totalD { figures.same(td, dt) } }
            }
        }
        addEthnicGroups(cells: cells, n: n, d: perGroupD ? d : nil)
        addCompleteness(sums: sums)
        for i in cells.indices { if let di = d[i], perGroupD || cells[i].dims.keys.isEmpty { figures.ratio(n[i], di) } }
        if !perGroupD, let shared = sharedD { for i in cells.indices { figures.ratio(n[i], shared) } }
    }

    /// Registers the line of `members` (cells) and its sums; returns the count and denominator sums.
    @discardableResult
    private mutating func addLine(
        _ members: [Int], marginal: String, along: String, cells: [CellRecord], n: [Int], d: [Int?]?
    ) -> (Int, Int?) {
        let sumN = figures.figure("n:\(marginal)|sum:\(along)", members.reduce(0) { $0 + cells[$1].n })
        figures.line(members.map { n[$0] }, total: sumN)
        if let explicit = figures.named("n:\(marginal)") { figures.same(sumN, explicit) }
        var sumD: Int?
        if let d, members.allSatisfy({ d[$0] != nil }) {
            let s = figures.figure("d:\(marginal)|sum:\(along)", members.reduce(0) { $0 + (cells[$1].d ?? 0) })
            figures.line(members.compactMap { d[$0] }, total: s)
            if let explicit = figures.named("d:\(marginal)") { figures.same(s, explicit) }
            sumD = s
        }
        return (sumN, sumD)
    }

    /// Rolls ONS 2021 categories up into the five groups, when the cells are by ethnicity and
    /// carry no groups of their own: each group's figure sums its categories (a line), and the
    /// groups with not stated and not known sum to everyone (another line).
    private mutating func addEthnicGroups(cells: [CellRecord], n: [Int], d: [Int?]?) {
        guard let ethnicity = tables.firstIndex(where: { $0.keys == [.ethnicity] }),
            !tables.contains(where: { $0.keys == [.ethnicityGroup] })
        else { return }
        let source = tables[ethnicity]
        var rows: [(dims: MetricVocabulary.Dims, n: Int, d: Int?, value: Double?)] = []
        for group in EthnicityCode.Group.allCases {
            let members = source.rows.filter { row in
                guard let code = row.dims.ethnicity else { return false }
                return (code.group ?? (code == .notStated ? .notStated : .notKnown)) == group
            }
            guard !members.isEmpty else { continue }
            let dims = MetricVocabulary.Dims(ethnicityGroup: group)
            let gn = figures.figure("n:\(dims.key)|derived", members.reduce(0) { $0 + figures.raw[$1.n] })
            figures.line(members.map(\.n), total: gn)
            if members.count == 1 { figures.same(gn, members[0].n) }
            var gd: Int?
            if d != nil, members.allSatisfy({ $0.d != nil }) {
                let s = figures.figure("d:\(dims.key)|derived", members.reduce(0) { $0 + ($1.d.map { figures.raw[$0] } ?? 0) })
                figures.line(members.compactMap(\.d), total: s)
                if members.count == 1, let only = members[0].d { figures.same(s, only) }
                figures.ratio(gn, s)
                gd = s
            }
            rows.append((dims, gn, gd, nil))
        }
        figures.line(rows.map(\.n), total: source.totalN)
        if let td = source.totalD, rows.allSatisfy({ $0.d != nil }) { figures.line(rows.compactMap(\.d), total: td) }
        tables.append(Table(keys: [.ethnicityGroup], derived: true, rows: rows, totalN: source.totalN, totalD: source.totalD))
    }

    /// Not stated + not known + recorded = everyone, tied to the cells that hold the same counts.
    private mutating func addCompleteness(sums: [Int]) {
        guard let c = record.completeness else { return }
        let ns = figures.figure("c:not_stated", c.notStated)
        let nk = figures.figure("c:not_known", c.notKnown)
        for (figure, code) in [(ns, EthnicityCode.notStated), (nk, EthnicityCode.notKnown)] {
            for key in [MetricVocabulary.Dims(ethnicity: code).key, MetricVocabulary.Dims(ethnicityGroup: code == .notStated ? .notStated : .notKnown).key] {
                // The same people, counted as a cell's count or as its denominator (respondents who did not say).
                if let cell = figures.named("n:\(key)") { figures.same(figure, cell) }
                if let cell = figures.named("d:\(key)") { figures.same(figure, cell) }
            }
        }
        var all: Int?
        if let t = c.total {
            let everyone = figures.figure("c:total", t)
            for s in sums { figures.same(everyone, s) }
            if let shared = sharedD { figures.same(everyone, shared) }
            for table in tables { if let td = table.totalD { figures.same(everyone, td) } }
            if let h = headline?.d { figures.same(everyone, h) }
            let recorded = figures.figure("c:recorded", max(0, t - c.notStated - c.notKnown))
            if let h = headline?.n { figures.same(recorded, h) }
            figures.line([ns, nk, recorded], total: everyone)
            all = everyone
        } else if let ethnicity = tables.first(where: { $0.keys == [.ethnicity] }) {
            all = ethnicity.totalN
        }
        completeness = (ns, nk, all)
    }

    static func order(_ keys: [Dimension]) -> [Int] {
        keys.map { k in Dimension.allCases.firstIndex(of: k) ?? 0 }
    }

    // MARK: The report

    func count(_ i: Int) -> Disclosed<Int> { figures.disclosed(i, policy) }

    /// `part` out of `whole`, in percent with one decimal, from the published counts.
    func percent(_ part: Int, of whole: Int) -> Disclosed<Double> {
        guard case .shown(let p) = count(part), case .shown(let w) = count(whole) else { return .suppressed(.derivedFromSuppressed) }
        if let min = policy.minDenominatorForPercent, w < min, !figures.exempt { return .suppressed(.smallDenominator) }
        guard w > 0 else { return .suppressed(.derivedFromSuppressed) }
        return .shown(Self.oneDecimal(100 * Double(p) / Double(w)))
    }

    /// The exact rate behind ``percent(_:of:)``, for disparities.
    func exactRate(_ part: Int, of whole: Int) -> Double? {
        guard case .shown(let p) = count(part), case .shown(let w) = count(whole), w > 0 else { return nil }
        if let min = policy.minDenominatorForPercent, w < min, !figures.exempt { return nil }
        return 100 * Double(p) / Double(w)
    }

    static func oneDecimal(_ x: Double) -> Double { (x * 10).rounded() / 10 }
    static func twoDecimals(_ x: Double) -> Double { (x * 100).rounded() / 100 }

    var report: ObservationReport {
        var headlineRow: MetricRow?
        if let h = headline {
            var row = MetricRow(dims: [:], label: "Everyone", count: count(h.n))
            if let d = h.d {
                row.denominator = count(d)
                row.percent = percent(h.n, of: d)
            } else if let v = h.value {
                row.value = count(h.n).isSuppressed ? .suppressed(.derivedFromSuppressed) : .shown(v)
            }
            headlineRow = row
        }
        var completenessReport: CompletenessReport?
        if let c = completeness {
            completenessReport = CompletenessReport(
                notStated: count(c.notStated), notKnown: count(c.notKnown), total: c.total.map(count),
                notStatedPercent: c.total.map { percent(c.notStated, of: $0) }, notKnownPercent: c.total.map { percent(c.notKnown, of: $0) })
        }
        return ObservationReport(
            observationId: record.eventId, index: record.index, period: MetricVocabulary.Period(from: record.periodFrom, to: record.periodTo),
            scope: record.scope, regionId: record.regionId, serviceId: record.serviceId, codeSystem: record.codeSystem,
            suppressionApplied: !figures.exempt, headline: headlineRow, breakdowns: tables.map(breakdown), completeness: completenessReport)
    }

    func breakdown(_ t: Table) -> MetricBreakdown {
        let rates = t.totalD != nil && t.rows.allSatisfy { $0.d != nil }
        let values = !rates && t.rows.contains { $0.value != nil }
        let measure = rates ? "rate" : values ? "value" : "share"
        let overallDenominator = rates ? t.totalD : nil
        var overall = MetricRow(dims: [:], label: "Everyone", count: count(t.totalN))
        if let od = overallDenominator {
            overall.denominator = count(od)
            overall.percent = percent(t.totalN, of: od)
        }
        // The overall value: the total cell's, when it counts the same people as this breakdown.
        var overallValue: Double?
        if values, let h = headline, figures.root(h.n) == figures.root(t.totalN), let v = h.value, h.d == nil, !count(h.n).isSuppressed {
            overallValue = v
            overall.value = .shown(v)
        }
        let overallRate = rates ? overallDenominator.flatMap { exactRate(t.totalN, of: $0) } : nil
        var rows: [MetricRow] = t.rows.map { r in
            var row = MetricRow(dims: Self.dictionary(r.dims), label: MetricLabels.label(r.dims), count: count(r.n))
            let category = !(r.dims.ethnicity == .notStated || r.dims.ethnicity == .notKnown
                || r.dims.ethnicityGroup == .notStated || r.dims.ethnicityGroup == .notKnown)
            if rates, let d = r.d {
                row.denominator = count(d)
                row.percent = percent(r.n, of: d)
                if category { row.disparity = Self.disparity(exactRate(r.n, of: d), overallRate) }
            } else if values {
                if let v = r.value {
                    row.value = count(r.n).isSuppressed ? .suppressed(.derivedFromSuppressed) : .shown(v)
                    if category, overallValue != nil {
                        row.disparity = Self.disparity(row.value?.value, overallValue)
                    }
                }
            } else {
                row.percent = percent(r.n, of: t.totalN)
            }
            return row
        }
        if t.keys == [.ethnicity] || t.keys == [.ethnicityGroup] {
            rows = rows.enumerated().sorted { a, b in
                (MetricLabels.ethnicityOrder(a.element.dims), a.offset) < (MetricLabels.ethnicityOrder(b.element.dims), b.offset)
            }.map(\.element)
        }
        return MetricBreakdown(by: t.keys.map(\.rawValue), derived: t.derived, measure: measure, overall: overall, rows: rows)
    }

    static func disparity(_ group: Double?, _ overall: Double?) -> DisparityFigures {
        guard let g = group, let o = overall else {
            return DisparityFigures(ratio: .suppressed(.derivedFromSuppressed), difference: .suppressed(.derivedFromSuppressed))
        }
        return DisparityFigures(
            ratio: o == 0 ? .suppressed(.derivedFromSuppressed) : .shown(twoDecimals(g / o)), difference: .shown(oneDecimal(g - o)))
    }

    static func dictionary(_ dims: MetricVocabulary.Dims) -> [String: String] {
        var out: [String: String] = [:]
        for (k, v) in dims.pairs { out[k.rawValue] = v }
        return out
    }
}
