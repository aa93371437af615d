public import LedgerCore

/// Turns a payload of one version of a type into the next version's shape.
///
/// Stored entries are never rewritten (their signatures cover the stored bytes); readers upcast
/// old versions step by step to the newest one when they read them.
public struct Upcaster: Sendable {
    /// The event type.
    public var type: String
    /// The version this upcaster reads; it produces `fromVersion + 1`.
    public var fromVersion: Int
    /// The transformation.
    public var transform: @Sendable ([String: JSONValue]) -> [String: JSONValue]
    /// True when the next version's payload is this one's, unchanged (``unchanged(type:from:)``):
    /// a reader may decode the old payload as the next version without upcasting it.
    public var keepsPayload: Bool

    /// Creates an upcaster from `fromVersion` to `fromVersion + 1`.
    public init(type: String, from version: Int, transform: @escaping @Sendable ([String: JSONValue]) -> [String: JSONValue]) {
        self.type = type
        self.fromVersion = version
        self.transform = transform
        self.keepsPayload = false
    }

    /// An upcaster whose next version has the same payload (only a rule about it changed).
    public static func unchanged(type: String, from version: Int) -> Upcaster {
        var upcaster = Upcaster(type: type, from: version) { $0 }
        upcaster.keepsPayload = true
        return upcaster
    }
}

/// The chain of upcasters for a catalogue, checked when it is built.
public struct UpcasterChain: Sendable {
    private let steps: [String: Upcaster]
    private let newest: [String: Int]

    /// The chain for the shipped catalogue: `feedback.responded` 1 → 2, `equality.profile_recorded` 1 → 2 and the
    /// types whose payload restates the effective time (``EffectiveTime/members``) 1 → 2; every other type is at
    /// version 1.
    public static let standard: UpcasterChain = {
        do {
            let upcasters = [FeedbackResponded.upcasterFromV1, EqualityProfileRecordedV1.upcasterToV2]
                + EffectiveTime.upcastersBeforeRule
            return try UpcasterChain(upcasters: upcasters, versions: Catalogue.all.map { ($0.eventType, $0.typeVersion) })
        } catch {
            preconditionFailure("the catalogue's upcaster chain is broken: \(error)")
        }
    }()

    /// Builds and checks a chain.
    ///
    /// - Parameters:
    ///   - upcasters: one per (type, version) that has a successor.
    ///   - versions: every (type, version) the catalogue decodes.
    /// - Throws: ``DomainError`` when a type's versions do not run 1…N, when a version below the
    ///   newest has no upcaster to the next, or when an upcaster has nothing to read or write.
    public init(upcasters: [Upcaster], versions: [(type: String, version: Int)]) throws(DomainError) {
        var byType: [String: Set<Int>] = [:]
        for (type, version) in versions { byType[type, default: []].insert(version) }
        var steps: [String: Upcaster] = [:]
        for u in upcasters {
            let key = "\(u.type)@\(u.fromVersion)"
            guard steps[key] == nil else { throw DomainError("", "two upcasters read \(key)") }
            guard let known = byType[u.type], known.contains(u.fromVersion), known.contains(u.fromVersion + 1) else {
                throw DomainError("", "the upcaster from \(key) must read and write versions the catalogue has")
            }
            steps[key] = u
        }
        var newest: [String: Int] = [:]
        for (type, known) in byType {
            let top = known.max() ?? 1
            guard known == Set(1...top) else {
                throw DomainError("", "\(type) has versions \(known.sorted()); they must run 1…\(top) with none missing")
            }
            for v in 1..<top where steps["\(type)@\(v)"] == nil {
                throw DomainError("", "\(type)@\(v) has no upcaster to version \(v + 1), so old entries could not be read")
            }
            newest[type] = top
        }
        self.steps = steps
        self.newest = newest
    }

    /// The newest version of `type`, if the catalogue has it.
    public func newestVersion(of type: String) -> Int? { newest[type] }

    /// True when every step from `version` of `type` to its newest version leaves the payload
    /// unchanged, so the payload decodes as the newest version as it is stored.
    public func keepsPayload(type: String, from version: Int) -> Bool {
        guard let top = newest[type], version <= top else { return false }
        return (version..<top).allSatisfy { steps["\(type)@\($0)"]?.keepsPayload == true }
    }

    /// The payload in the newest version's shape, and that version.
    public func upcast(type: String, version: Int, payload: [String: JSONValue]) -> (version: Int, payload: [String: JSONValue]) {
        var v = version
        var p = payload
        while let step = steps["\(type)@\(v)"] {
            p = step.transform(p)
            v += 1
        }
        return (v, p)
    }
}
