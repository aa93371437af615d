import Foundation
import LedgerCore
import LedgerStore
import Testing

/// Simulated power loss over a copied write-ahead log, after SQLite's own crash tests.
///
/// Every acknowledged append has been fsynced (WAL, `synchronous=FULL`): the database file and the
/// WAL as they stand after it are the synced state. A power cut during the next append leaves that
/// state plus any subset of the new transaction's WAL frames, in any order the disk chose, the
/// last one possibly torn. The harness builds such crash images from the real frames of the
/// next append (dropping, reordering, tearing and cutting them), opens each one as a ledger
/// (SQLite recovers the WAL from it), and checks that every acknowledged event is there, that
/// the log verifies, and that the next append works.
struct PowerLossTests {
    /// A fixed-seed generator, so a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    enum Fault: String, CaseIterable {
        case dropSome, reorder, tearLast, cut, none
    }

    @Test func everyAcknowledgedEventSurvivesPowerLoss() throws {
        let t = try TestLedger()
        defer { t.remove() }
        var rng = SplitMix(state: 0xC01E_D6E7)
        let fm = FileManager.default
        let wal = t.path + "-wal"
        var acked: [String] = []
        var images = 0
        var faults: [Fault: Int] = [:]
        var eventsChecked = 0
        var lostInFlight = 0
        for round in 0..<30 {
            let db0 = try #require(fm.contents(atPath: t.path))
            let wal0 = fm.contents(atPath: wal) ?? Data()
            let id = UUID().uuidString.lowercased()
            _ = try t.ledger.append(draft: TestLedger.note("power/\(round % 3)", round, id: id), signer: t.admin)
            let db1 = try #require(fm.contents(atPath: t.path))
            let wal1 = fm.contents(atPath: wal) ?? Data()
            defer { acked.append(id) }
            // Only rounds whose transaction went to the WAL alone (no checkpoint in between).
            guard db1 == db0, wal0.count >= 32, wal1.count > wal0.count, wal1.prefix(wal0.count) == wal0 else {
                continue
            }
            let pageSize = Int(wal0[8]) << 24 | Int(wal0[9]) << 16 | Int(wal0[10]) << 8 | Int(wal0[11])
            let frameSize = 24 + pageSize
            let tail = wal1.suffix(from: wal0.count)
            try #require(tail.count % frameSize == 0)
            let frames = stride(from: tail.startIndex, to: tail.endIndex, by: frameSize).map {
                Data(tail[$0..<($0 + frameSize)])
            }
            for fault in Fault.allCases {
                var image = frames.map { Optional($0) }
                switch fault {
                case .dropSome:
                    // Each unsynced frame reached the disk or not; a missing one reads as zeros.
                    for i in image.indices where Bool.random(using: &rng) { image[i] = nil }
                    if image.allSatisfy({ $0 != nil }) { image[image.count - 1] = nil }
                case .reorder:
                    guard frames.count > 1 else { continue }
                    image.shuffle(using: &rng)
                    if image.map({ $0! }) == frames { image.swapAt(0, image.count - 1) }
                case .tearLast:
                    // The last frame's sectors only partly written; the rest is old garbage.
                    var last = frames[frames.count - 1]
                    let keep = Int.random(in: 1..<(frameSize / 512), using: &rng) * 512
                    for i in keep..<frameSize { last[i] = UInt8.random(in: 0...255, using: &rng) }
                    image[image.count - 1] = last
                case .cut:
                    image = Array(image.prefix(Int.random(in: 0..<frames.count, using: &rng)))
                case .none:
                    break
                }
                var walImage = wal0
                for frame in image { walImage.append(frame ?? Data(count: frameSize)) }
                if fault == .cut, Bool.random(using: &rng) {
                    walImage.append(frames[image.count].prefix(Int.random(in: 1..<frameSize, using: &rng)))
                }
                faults[fault, default: 0] += 1
                images += 1
                // The crash image, as the next process to start finds it (no -shm: SQLite rebuilds it).
                let dir = t.directory.appendingPathComponent("crash-\(round)-\(fault.rawValue)")
                try fm.createDirectory(at: dir, withIntermediateDirectories: true)
                defer { try? fm.removeItem(at: dir) }
                let path = dir.appendingPathComponent("ledger.db").path
                try db0.write(to: URL(fileURLWithPath: path))
                try walImage.write(to: URL(fileURLWithPath: path + "-wal"))
                let recovered = try Ledger.open(path: path)
                let size = try recovered.size()
                // Genesis, then the acknowledged appends; the one in flight may or may not have landed.
                #expect(size == acked.count + 1 || size == acked.count + 2, "\(fault) in round \(round): size \(size)")
                if fault == .none { #expect(size == acked.count + 2) }
                if size == acked.count + 1 { lostInFlight += 1 }
                for a in acked {
                    #expect(try recovered.entry(id: a) != nil, "\(fault) in round \(round): acknowledged \(a) lost")
                }
                eventsChecked += acked.count
                let report = try recovered.verify()
                #expect(report.ok, "\(fault) in round \(round): \(report.failures.first.map { "\($0)" } ?? "")")
                // The next run is green: the recovered ledger takes an append and verifies.
                _ = try recovered.append(draft: TestLedger.note("after", 1), signer: t.admin)
                #expect(try recovered.verify().ok)
            }
        }
        #expect(images >= 50, "too few crash images: the WAL was checkpointed in most rounds")
        let kinds = Fault.allCases.map { "\($0.rawValue) \(faults[$0] ?? 0)" }.joined(separator: ", ")
        print(
            "power loss: \(images) crash images (\(kinds)); \(eventsChecked) acknowledged events checked present; "
                + "the in-flight append was lost in \(lostInFlight) and kept whole in \(images - lostInFlight); every image verified and took the next append"
        )
    }
}
