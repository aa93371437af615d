public import LedgerCore

/// One event to append: the name of the key that signs it and the draft (`type`, `typeVersion`,
/// `stream`, `occurredAt`, `payload`, and sometimes `id` and a `private` part in clear).
public struct DemoStep: Sendable, Equatable {
    /// The signing key's name: `admin`, `intake`, or a person's pseudonym such as `p-0007`.
    public var signer: String
    /// The event draft, ready for `Ledger.append`.
    public var draft: JSONValue

    /// The draft's event type.
    public var type: String { draft["type"]?.stringValue ?? "" }
}

/// How big the generated year is.
public struct DemoScale: Sendable, Equatable {
    /// Regions with services (3 to 8).
    public var regions: Int
    /// Services in each region.
    public var servicesPerRegion: Int
    /// Registered service users of each service (people who give named feedback).
    public var usersPerService: Int
    /// Feedback items received over the year.
    public var feedbackItems: Int

    /// The scale for about `events` events: regions and services grow with the square root of
    /// the size, feedback (about six events an item) fills the rest.
    public static func forEvents(_ events: Int) -> DemoScale {
        let s = max(1.0, Double(events) / Double(DemoGenerator.defaultEvents))
        let regions = min(8, 3 + Int(s.squareRoot().rounded(.down)) - 1)
        let services = max(4, Int((12.0 * s.squareRoot() / Double(regions)).rounded()))
        // Events per feedback item, measured: received, acknowledged, triaged, then most are
        // responded, some linked, updated, notified and closed.
        let perItem = 6.1
        let guess = max(0, Int(Double(events) / perItem))
        var scale = DemoScale(
            regions: regions, servicesPerRegion: services, usersPerService: min(60, max(5, guess / (regions * services) / 6)),
            feedbackItems: 0)
        let fixed = Double(DemoGenerator.structuralEvents(scale))
        scale.feedbackItems = max(0, Int(((Double(events) - fixed) / perItem).rounded()))
        return scale
    }
}

/// The accountability lapses the demo plants on purpose, for the audit to find.
public struct DemoLapses: Sendable, Equatable, Codable {
    /// A decision recorded at a meeting where no Expert by Experience was present (rule G-4).
    public var decisionWithoutEbE: String
    /// That meeting.
    public var meetingWithoutEbE: String
    /// A feedback item that is never acknowledged, answered or closed (rules F-1, F-2).
    public var unansweredFeedback: String
    /// A region whose second bi-annual review never happens (rule M-4).
    public var regionWithOneReview: String
}

/// A deterministic year in the life of the Rethink AMHE plan, after the `rethink-amhe` template.
///
/// The year runs from 2025-04-01 to 2026-03-31; all dates come from that start, never from a
/// clock, and every choice from ``SplitMix64`` seeded with `seed`, so the same seed and size give
/// the same drafts. It registers regions, services, partners and people (pseudonyms `p-0001`…,
/// names and contact details in each event's private part), their keys, role assignments (the
/// chairs the plan does not name, regional leads, service managers), memberships, interests and
/// equality profiles; then meetings with attendance, apologies and declarations, decisions proposed
/// with their inputs and recorded by the body's chair, feedback from every channel through
/// acknowledgement, triage, "you said, we did" and closure, contributions with their influence
/// traced and involvement recognised, action progress, metrics by ethnicity, bi-annual reviews per
/// region, board updates, an annual report, and an independent evaluation.
///
/// **Keys.** The generator creates no keys. It names every key it needs in ``keyNames``
/// (`admin`, the genesis admin that also signs the template; `intake`, the public feedback form;
/// and one per person who signs anything), asks `keyFor` for each public key once, and names the
/// signer of each step. ``DemoKeys`` derives the matching signing keys from the seed.
///
/// **Planted lapses** (``lapses``), realistic mistakes the audit must find:
/// - a Race Equality Programme Board meeting in October at which both Experts by Experience
///   sent apologies, yet the board recorded a decision (G-4: no EbE present at a decision);
/// - a complaint raised through an advocate in May that is never acknowledged, answered or
///   closed (F-1, F-2);
/// - the third region (Midlands by default) holds its first bi-annual review early, in August,
///   and never holds the second (M-4).
/// Everything else is meant to pass: acknowledgements within three working days, responses or
/// status updates within 30 days, EbE presence at every other decision, minutes approved at the
/// next meeting, contributions traced within 90 days, and so on.
///
/// **Size.** ``events`` scales the year (``DemoScale/forEvents(_:)``): the default, about 3,000
/// events, is three regions of four services; larger sizes add regions (up to eight), services,
/// service users and, above all, feedback and its follow-ups, keeping every reference valid.
public struct DemoGenerator: Sendable {
    /// The default size: one plausible year.
    public static let defaultEvents = 3000
    /// The chunk size `steps()` uses by default.
    public static let defaultChunk = 20_000

    /// The seed.
    public let seed: UInt64
    /// The requested size.
    public let events: Int
    /// The scale chosen for that size.
    public let scale: DemoScale
    /// Every key name the steps use as a signer, plus `admin` (the genesis key).
    public let keyNames: [String]
    let world: DemoWorld
    let publicKeys: [String: Ed25519PublicKey]

    /// Prepares the year; calls `keyFor` once for each of ``keyNames``.
    public init(seed: UInt64 = 2026, events: Int = DemoGenerator.defaultEvents, keyFor: (String) throws -> Ed25519PublicKey) rethrows {
        self.seed = seed
        self.events = events
        scale = DemoScale.forEvents(events)
        world = DemoWorld(scale: scale, seed: seed)
        keyNames = Self.keyNames(world)
        var keys: [String: Ed25519PublicKey] = [:]
        for name in keyNames { keys[name] = try keyFor(name) }
        publicKeys = keys
    }

    init(seed: UInt64, scale: DemoScale) {
        self.seed = seed
        events = 0
        self.scale = scale
        world = DemoWorld(scale: scale, seed: seed)
        keyNames = Self.keyNames(world)
        publicKeys = [:]
    }

    static func keyNames(_ world: DemoWorld) -> [String] {
        ["admin", "intake"] + world.people.filter { $0.keyRole != nil }.map(\.id)
    }

    /// The keys a reader is most likely to try, with what their holder does: the admin, the
    /// feedback form, the evaluator and the officers who sign the lapses.
    public var notableKeys: [(name: String, role: String, holds: String)] {
        let w = world
        let lapseService = w.regions[min(1, w.regions.count - 1)].services.first.map { w.services[$0] }
        var keys: [(String, String, String)] = [
            ("admin", "admin", "genesis admin: registers people, keys, bodies, roles and memberships"),
            ("intake", "intake", "the public feedback form: anonymous feedback only"),
            (w.evaluator, "evaluator", "independent evaluator: evaluation reports only"),
            (w.dceo, "member", "Deputy Chief Executive, chairs the Equity and Inclusion Board"),
            (w.dirEdi, "member", "Director of EDI and Involvement, facilitates the Practice Forum"),
            (w.headRje, "member", "Head of Racial Justice and Equity, facilitates the Practice Forum"),
            (w.opsDirector, "member", "chairs the Race Equality Programme Board (signed the decision without EbE present)"),
        ]
        if let region = w.regions.first { keys.append((region.lead, "member", "regional lead, \(region.name); chairs its forum")) }
        if let service = lapseService {
            keys.append((service.manager, "member", "service manager, \(service.name) (left a complaint unanswered)"))
        }
        return keys
    }

    /// The lapses this year plants.
    public var lapses: DemoLapses { DemoRun.lapses(world) }

    /// The steps in order, `chunk` at a time (the last chunk may be shorter). Generated lazily:
    /// only about one chunk and the open feedback items are held at once. Each iteration starts
    /// afresh and yields the same steps.
    public func steps(chunk: Int = DemoGenerator.defaultChunk) -> AnySequence<[DemoStep]> {
        let generator = self
        let size = max(1, chunk)
        return AnySequence { DemoIterator(run: DemoRun(generator), chunk: size) }
    }

    /// How many events the year has apart from feedback (for sizing).
    static func structuralEvents(_ scale: DemoScale) -> Int {
        var s = scale
        s.feedbackItems = 0
        let generator = DemoGenerator(seed: 1, scale: s)
        var count = 0
        for chunk in generator.steps(chunk: 50_000) { count += chunk.count }
        return count
    }
}

/// Yields a run's steps in chunks.
struct DemoIterator: IteratorProtocol {
    let run: DemoRun
    let chunk: Int
    var buffer: [DemoStep] = []
    var offset = 0

    init(run: DemoRun, chunk: Int) {
        self.run = run
        self.chunk = chunk
    }

    mutating func next() -> [DemoStep]? {
        while buffer.count - offset < chunk, !run.finished {
            if offset > 0 {
                buffer.removeFirst(offset)
                offset = 0
            }
            buffer += run.nextDay()
        }
        let n = min(chunk, buffer.count - offset)
        guard n > 0 else { return nil }
        let out = Array(buffer[offset..<(offset + n)])
        offset += n
        return out
    }
}

/// Deterministic demo keys: each key's seed is SHA-256 of `coledger-demo/key/v1`, the seed
/// (8 bytes, big-endian) and the key's name.
public enum DemoKeys {
    /// The signing key named `name` for `seed`.
    public static func signingKey(seed: UInt64, name: String) throws(CryptoError) -> Ed25519SigningKey {
        var bytes = Array("coledger-demo/key/v1".utf8)
        bytes += (0..<8).map { UInt8(truncatingIfNeeded: seed >> (56 - 8 * UInt64($0))) }
        bytes += Array(name.utf8)
        var material = SHA256.hash(bytes)
        defer { SecureRandom.zero(&material) }
        return try Ed25519SigningKey(seed: material)
    }
}
