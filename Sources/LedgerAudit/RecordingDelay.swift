public import LedgerCore
import LedgerDomain

/// How long after it happened each event was recorded: the delay between an entry's effective
/// time (`occurredAt`) and its log position (`recordedAt`), per event type and per signer.
///
/// Recording late is normal (minutes are written after the meeting) and is not wrong: the log
/// keeps both times, and this report makes the difference visible. It is a transparency section
/// of the audit, not a rule. See the DocC article "Time in Coledger".
public struct RecordingDelayReport: Sendable, Codable, Equatable {
    /// The delays of one group of entries, in whole seconds (never negative: an entry recorded
    /// before the time it states counts as recorded live).
    public struct Summary: Sendable, Codable, Equatable {
        /// What the group is: an event type or a signer's key id.
        public var key: String
        /// Entries in the group.
        public var entries: Int
        /// The median delay.
        public var medianSeconds: Int
        /// The 90th percentile (nearest rank).
        public var p90Seconds: Int
        /// The longest delay.
        public var worstSeconds: Int
        /// The entry with the longest delay (the first such).
        public var worstIndex: Int
    }

    /// All entries together.
    public var overall: Summary?
    /// Per event type, by type name.
    public var byType: [Summary]
    /// Per signing key, by key id.
    public var bySigner: [Summary]

    /// Measures `entries` (index and entry). Entries whose times do not parse are left out.
    public static func measure(_ entries: [(Int, Entry)]) -> RecordingDelayReport {
        var delays = Accumulator()
        for (index, entry) in entries { delays.add(entry, at: index) }
        return delays.report
    }

    /// Gathers delays one entry at a time (the audit feeds it from the verifier's pass).
    public struct Accumulator {
        var all: [(Int, Int)] = []
        var types: [String: [(Int, Int)]] = [:]
        var signers: [String: [(Int, Int)]] = [:]

        /// An empty accumulator.
        public init() {}

        /// Adds one entry; one whose times do not parse is left out.
        public mutating func add(_ entry: Entry, at index: Int) {
            guard let delay = RecordingDelayReport.delaySeconds(entry) else { return }
            all.append((delay, index))
            types[entry.event.type, default: []].append((delay, index))
            signers[entry.event.signer, default: []].append((delay, index))
        }

        /// The report over everything added.
        public var report: RecordingDelayReport {
            RecordingDelayReport(
                overall: summary("all", all),
                byType: types.keys.sorted().compactMap { summary($0, types[$0] ?? []) },
                bySigner: signers.keys.sorted().compactMap { summary($0, signers[$0] ?? []) })
        }
    }

    /// recordedAt − occurredAt in whole seconds, at least 0; nil when either does not parse.
    public static func delaySeconds(_ entry: Entry) -> Int? {
        guard let recorded = Timestamp.unixSeconds(entry.recordedAt), let occurred = Timestamp.unixSeconds(EffectiveTime.of(entry.event)) else {
            return nil
        }
        return max(0, recorded - occurred)
    }

    static func summary(_ key: String, _ delays: [(Int, Int)]) -> Summary? {
        guard !delays.isEmpty else { return nil }
        let sorted = delays.map(\.0).sorted()
        func rank(_ p: Int) -> Int { sorted[max(0, (p * sorted.count + 99) / 100 - 1)] }
        let worst = sorted[sorted.count - 1]
        let worstIndex = delays.first { $0.0 == worst }?.1 ?? 0
        return Summary(
            key: key, entries: sorted.count, medianSeconds: rank(50), p90Seconds: rank(90), worstSeconds: worst, worstIndex: worstIndex)
    }

    /// A delay for people: `0 s`, `42 min`, `5 h`, `31 days`.
    public static func describe(seconds: Int) -> String {
        switch seconds {
        case ..<60: return "\(seconds) s"
        case ..<3600: return "\(seconds / 60) min"
        case ..<86400: return "\(seconds / 3600) h"
        default: return "\(seconds / 86400) days"
        }
    }

    /// One line per group: `key: n entries, median …, 90% within …, worst … (entry i)`.
    public static func line(_ s: Summary) -> String {
        "\(s.key): \(s.entries) entries, median \(describe(seconds: s.medianSeconds)), 90% within \(describe(seconds: s.p90Seconds)), "
            + "worst \(describe(seconds: s.worstSeconds)) (entry \(s.worstIndex))"
    }
}
