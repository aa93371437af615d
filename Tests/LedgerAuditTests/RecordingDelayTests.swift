import LedgerAudit
import LedgerCore
import Testing

/// The recording-delay report, on entries whose delays are worked out by hand.
@Suite struct RecordingDelayTests {
    static func entry(_ n: Int, type: String, signer: String, occurred: String, recorded: String) throws -> (Int, Entry) {
        let event = Event(
            id: "00000000-0000-4000-8000-\(String(repeating: "0", count: 12 - String(n).count))\(n)", type: type, typeVersion: 1,
            stream: "s/\(n)", streamVersion: 1, occurredAt: occurred, signer: signer, payload: [:])
        return (n, try Entry(event: event, recordedAt: recorded, signature: [UInt8](repeating: 0, count: 64)))
    }

    @Test func medianNinetiethAndWorstPerTypeAndSigner() throws {
        // Delays: 0 s, 1 h, 1 day, 31 days (feedback by key A); 10 s (meeting by key B); and an
        // entry recorded before its stated time, which counts as live (0 s).
        let entries = [
            try Self.entry(0, type: "feedback.received", signer: "aaaaaaaaaaaaaaaa", occurred: "2025-06-02T09:00:00Z", recorded: "2025-06-02T09:00:00Z"),
            try Self.entry(1, type: "feedback.received", signer: "aaaaaaaaaaaaaaaa", occurred: "2025-06-02T09:00:00Z", recorded: "2025-06-02T10:00:00Z"),
            try Self.entry(2, type: "feedback.received", signer: "aaaaaaaaaaaaaaaa", occurred: "2025-06-02T09:00:00Z", recorded: "2025-06-03T09:00:00Z"),
            try Self.entry(3, type: "feedback.received", signer: "aaaaaaaaaaaaaaaa", occurred: "2025-06-02T09:00:00Z", recorded: "2025-07-03T09:00:00.500Z"),
            try Self.entry(4, type: "meeting.held", signer: "bbbbbbbbbbbbbbbb", occurred: "2025-06-02T09:00:00Z", recorded: "2025-06-02T09:00:10Z"),
            try Self.entry(5, type: "meeting.held", signer: "bbbbbbbbbbbbbbbb", occurredAt: "2025-06-02T09:00:00Z"),
        ]
        let report = RecordingDelayReport.measure(entries)
        let feedback = try #require(report.byType.first { $0.key == "feedback.received" })
        #expect(feedback.entries == 4)
        #expect(feedback.medianSeconds == 3600)  // nearest rank: the 2nd of 4
        #expect(feedback.p90Seconds == 31 * 86400)
        #expect(feedback.worstSeconds == 31 * 86400 && feedback.worstIndex == 3)
        let meeting = try #require(report.byType.first { $0.key == "meeting.held" })
        #expect(meeting.entries == 2 && meeting.worstSeconds == 10 && meeting.medianSeconds == 0)
        #expect(report.bySigner.map(\.key) == ["aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"])
        #expect(report.overall?.entries == 6 && report.overall?.worstIndex == 3)
        #expect(RecordingDelayReport.line(feedback) == "feedback.received: 4 entries, median 1 h, 90% within 31 days, worst 31 days (entry 3)")
    }
}

extension RecordingDelayTests {
    /// An entry recorded an hour before the time its author stated.
    static func entry(_ n: Int, type: String, signer: String, occurredAt: String) throws -> (Int, Entry) {
        try entry(n, type: type, signer: signer, occurred: occurredAt, recorded: "2025-06-02T08:00:00Z")
    }
}
