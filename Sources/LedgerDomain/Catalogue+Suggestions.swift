extension Catalogue {
    /// Catalogue type names close to `name` (a typo, a missing family, a different separator),
    /// closest first, for "did you mean" hints.
    public static func closeMatches(to name: String, limit: Int = 5) -> [String] {
        let wanted = name.lowercased()
        let names = Set(all.map { $0.eventType }).sorted()
        let scored: [(name: String, score: Int)] = names.compactMap { candidate in
            let distance = editDistance(wanted, candidate)
            let parts = wanted.split(whereSeparator: { $0 == "." || $0 == "_" || $0 == "-" || $0 == " " }).map(
                String.init)
            let shared = parts.filter { $0.count >= 3 && candidate.contains($0) }.count
            guard distance <= max(2, wanted.count / 4) || shared > 0 else { return nil }
            return (candidate, distance - 10 * shared)
        }
        // A plain typo: name only the near spellings.
        let typos = names.filter { editDistance(wanted, $0) <= 2 }
        if !typos.isEmpty { return Array(typos.prefix(limit)) }
        return scored.sorted { ($0.score, $0.name) < ($1.score, $1.name) }.prefix(limit).map(\.name)
    }

    /// The Levenshtein distance between two strings, by characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
