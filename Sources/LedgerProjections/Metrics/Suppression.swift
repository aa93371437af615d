/// The small-number suppression policy applied to every metric figure that leaves the ledger
/// (DOMAIN.md 5.4 and decision 9.6).
///
/// The algorithm, for one observation (a `metric.observed` event) at a time:
///
/// 1. **Figures.** Every count the report could show is a figure: each cell's count `n` and
///    denominator `d`, the total of every line of cells (below), the five ethnic-group
///    roll-ups of ONS 2021 cells, and the completeness counts (not stated, not known, recorded,
///    all). Two figures that are the same quantity (a total cell and the sum of its line, the
///    completeness "not stated" and the `not_stated` cell) are one figure with one fate, so a
///    number hidden in one place is never shown in another.
/// 2. **Lines.** A line is a set of figures with a known sum: the cells along one dimension
///    with the others fixed (a row or column of the table) and its total; a group's roll-up
///    and its member categories; not stated + not known + recorded = all. The sum of a line
///    is taken to be known to the reader even where no total cell was recorded.
/// 3. **Primary suppression.** Counts from ``hideFrom`` to ``hideTo`` (1–7) are hidden. Zero
///    is shown as 0: the policy hides 1–7, as the NHS Digital HES/ECDS methodology does (a
///    true zero identifies no one and rounds to 0) — except a zero count whose denominator is
///    hidden, since "none of a handful" says something about every one of them.
/// 4. **Secondary suppression** (when ``secondarySuppression``). While some line has exactly
///    one hidden figure (which its sum would give away by subtraction), the smallest non-zero
///    shown figure of that line is hidden too (the line's total only when nothing else is
///    left; ties go to the first figure recorded). Repeated until no line has exactly one,
///    since hiding a figure can leave another line with a single hidden figure.
/// 5. **Rounding.** Every shown count is rounded to the nearest ``roundTo`` (5): 8 → 10,
///    12 → 10, 13 → 15. Percentages are worked out from the rounded counts and hidden when
///    their numerator or denominator is; a recorded statistic (a mean score, a pay gap) is
///    shown only when its count is.
///
/// Hidden figures are reported as ``Disclosed/suppressed(_:)`` with one reason,
/// ``SuppressionReason/smallNumber``, for both primary and secondary suppression: telling them
/// apart would tell a reader which hidden counts are 1–7.
///
/// National figures are suppressed too (``exemptNational`` is false by default): the HES
/// exemption is for counts over all of England, while a charity's "national" figures count a
/// few thousand staff or service users, where a group of three is identifiable.
public struct SuppressionPolicy: Codable, Sendable, Equatable {
    /// The smallest count hidden (1).
    public var hideFrom: Int
    /// The largest count hidden (7).
    public var hideTo: Int
    /// Shown counts are rounded to the nearest multiple of this (5; 1 turns rounding off).
    public var roundTo: Int
    /// Whether to hide further figures so that no hidden one can be worked out from a total.
    public var secondarySuppression: Bool
    /// Whether national observations are published unsuppressed (default false; see above).
    public var exemptNational: Bool
    /// Percentages whose rounded denominator is below this are hidden (none by default).
    public var minDenominatorForPercent: Int?

    /// A policy; the defaults are the project's (DOMAIN.md 9.6).
    public init(
        hideFrom: Int = 1, hideTo: Int = 7, roundTo: Int = 5, secondarySuppression: Bool = true, exemptNational: Bool = false,
        minDenominatorForPercent: Int? = nil
    ) {
        self.hideFrom = hideFrom
        self.hideTo = hideTo
        self.roundTo = roundTo
        self.secondarySuppression = secondarySuppression
        self.exemptNational = exemptNational
        self.minDenominatorForPercent = minDenominatorForPercent
    }

    /// Counts 1–7 hidden, others rounded to 5, secondary suppression, national not exempt.
    public static let standard = SuppressionPolicy()

    /// Whether a raw count is hidden by primary suppression.
    public func isSmall(_ count: Int) -> Bool { count >= hideFrom && count <= hideTo }

    /// A shown count, rounded to the nearest ``roundTo`` (halves, which only odd steps have, round up).
    public func rounded(_ count: Int) -> Int {
        guard roundTo > 1 else { return count }
        return (count + roundTo / 2) / roundTo * roundTo
    }
}

/// Why a figure is not shown.
public enum SuppressionReason: String, Codable, Sendable, Equatable {
    /// A small count, or a count hidden so that a small one cannot be worked out from a total.
    case smallNumber = "small_number"
    /// Worked out from a hidden count (a percentage, a statistic, a disparity).
    case derivedFromSuppressed = "derived_from_suppressed"
    /// A percentage whose denominator is below the policy's minimum.
    case smallDenominator = "small_denominator"
}

/// A figure as published: shown (already rounded) or suppressed. A suppressed figure carries no
/// number at all, so it cannot leak into a page or an API response by mistake.
///
/// JSON: `{"value": 35}` when shown, `{"suppressed": true, "reason": "small_number"}` when not.
public enum Disclosed<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    /// The figure, rounded where it is a count.
    case shown(Value)
    /// Not shown, and why.
    case suppressed(SuppressionReason)

    /// The value when shown.
    public var value: Value? {
        if case .shown(let v) = self { return v }
        return nil
    }

    /// Whether it is suppressed.
    public var isSuppressed: Bool { value == nil }

    enum CodingKeys: String, CodingKey { case value, suppressed, reason }

    /// Encodes `{"value": …}` or `{"suppressed": true, "reason": …}`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .shown(let v): try c.encode(v, forKey: .value)
        case .suppressed(let reason):
            try c.encode(true, forKey: .suppressed)
            try c.encode(reason, forKey: .reason)
        }
    }

    /// Decodes either form.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let v = try c.decodeIfPresent(Value.self, forKey: .value) {
            self = .shown(v)
        } else {
            self = .suppressed(try c.decode(SuppressionReason.self, forKey: .reason))
        }
    }
}

/// The figures of one observation, the lines they sum along, and which are hidden.
struct FigureSet {
    private(set) var raw: [Int] = []
    private(set) var names: [String] = []
    private var byName: [String: Int] = [:]
    private var parent: [Int] = []
    private(set) var lines: [(members: [Int], total: Int)] = []
    /// (count, denominator) pairs: a zero count over a hidden denominator is hidden.
    private var ratios: [(n: Int, d: Int)] = []
    private var hidden: Set<Int> = []
    private(set) var exempt = false

    /// The figure called `name`, registered with `value` the first time.
    mutating func figure(_ name: String, _ value: Int) -> Int {
        if let i = byName[name] { return i }
        let i = raw.count
        raw.append(value)
        names.append(name)
        parent.append(i)
        byName[name] = i
        return i
    }

    /// The figure called `name`, if registered.
    func named(_ name: String) -> Int? { byName[name] }

    /// Makes two figures one (only when they hold the same count).
    mutating func same(_ a: Int, _ b: Int) {
        let ra = root(a), rb = root(b)
        guard ra != rb, raw[ra] == raw[rb] else { return }
        if ra < rb { parent[rb] = ra } else { parent[ra] = rb }
    }

    func root(_ i: Int) -> Int {
        var i = i
        while parent[i] != i { i = parent[i] }
        return i
    }

    /// Records that `members` add up to `total`.
    mutating func line(_ members: [Int], total: Int) { lines.append((members, total)) }

    /// Records that `n` is counted out of `d`.
    mutating func ratio(_ n: Int, _ d: Int) { ratios.append((n, d)) }

    /// Decides which figures are hidden.
    mutating func solve(_ policy: SuppressionPolicy, exempt: Bool) {
        self.exempt = exempt
        hidden = []
        guard !exempt else { return }
        for i in raw.indices where policy.isSmall(raw[i]) { hidden.insert(root(i)) }
        for (n, d) in ratios where raw[n] == 0 && hidden.contains(root(d)) { hidden.insert(root(n)) }
        guard policy.secondarySuppression else { return }
        var changed = true
        while changed {
            changed = false
            for line in lines {
                var roots: [Int] = []
                for m in line.members + [line.total] where !roots.contains(root(m)) { roots.append(root(m)) }
                guard roots.filter({ hidden.contains($0) }).count == 1 else { continue }
                let total = root(line.total)
                let open = roots.filter { !hidden.contains($0) && raw[$0] > 0 }
                let inner = open.filter { $0 != total }
                let pool = inner.isEmpty ? open : inner
                guard let pick = pool.min(by: { (raw[$0], $0) < (raw[$1], $1) }) else { continue }
                hidden.insert(pick)
                changed = true
            }
        }
    }

    /// Whether figure `i` is hidden.
    func isHidden(_ i: Int) -> Bool { hidden.contains(root(i)) }

    /// Figure `i` as published under `policy`.
    func disclosed(_ i: Int, _ policy: SuppressionPolicy) -> Disclosed<Int> {
        if exempt { return .shown(raw[i]) }
        return isHidden(i) ? .suppressed(.smallNumber) : .shown(policy.rounded(raw[i]))
    }
}
