public import LedgerCore
public import LedgerDomain
public import LedgerStore

/// Looks up earlier events in the log, newest first, to fill in what a request leaves to the log.
/// Every payload it looks at is decoded once, through ``Catalogue/decode(_:)``, and read typed.
public struct LogLookup {
    /// The ledger searched.
    public let ledger: Ledger

    /// A look-up in `ledger`.
    public init(ledger: Ledger) { self.ledger = ledger }

    /// The newest event of one of `types` in `stream` whose typed payload `match` accepts, with
    /// that payload.
    public func latest(
        stream: String, _ types: [any EventPayload.Type], where match: (any EventPayload) -> Bool = { _ in true }
    ) throws -> (event: Event, payload: any EventPayload)? {
        let names = Set(types.map { $0.eventType })
        var end = try ledger.size()
        let page = 1024
        while end > 0 {
            let start = Swift.max(0, end - page)
            let rows = try ledger.entries(from: start, limit: end - start)
            for row in rows.reversed() {
                let event = row.entry.event
                if event.stream == stream, names.contains(event.type), let payload = try? Catalogue.decode(event),
                    match(payload)
                {
                    return (event, payload)
                }
            }
            end = start
        }
        return nil
    }

    /// The newest `T` in `stream` that `match` accepts, with its event.
    public func latest<T: EventPayload>(_ type: T.Type, stream: String, where match: (T) -> Bool = { _ in true }) throws
        -> (
            event: Event, payload: T
        )?
    {
        try latest(stream: stream, [type]) { ($0 as? T).map(match) ?? false }.flatMap { found in
            (found.payload as? T).map { (found.event, $0) }
        }
    }

    /// The quorum rule a body works to now.
    public func quorumRule(of body: String) throws -> QuorumRule? {
        let found = try latest(stream: "body/\(body)", [BodyEstablished.self, BodyTermsAmended.self]) {
            $0 is BodyEstablished || ($0 as? BodyTermsAmended)?.quorumRule != nil
        }
        switch found?.payload {
        case let established as BodyEstablished: return established.quorumRule
        case let amended as BodyTermsAmended: return amended.quorumRule
        default: return nil
        }
    }

    /// The category the log holds for `person` at a meeting of `body`: their membership category
    /// when they are a member now, else the first category they were registered with.
    public func category(of person: String, in body: String) throws -> String? {
        let held = try categories(of: person, in: body)
        return held.membership ?? held.registered?.first
    }

    /// What the log holds about `person`'s category at a meeting of `body`: their membership
    /// category when they are a member now, and the categories they were registered with (nil
    /// when the log holds no such event), as the rule book compares them
    /// (``AttendanceRule/categoryRefusal(person:typed:body:membership:registered:)``).
    public func categories(of person: String, in body: String) throws -> (membership: String?, registered: [String]?) {
        let membership = try latest(stream: "body/\(body)", [MemberJoined.self, MemberLeft.self]) {
            ($0 as? MemberJoined)?.personId.rawValue == person || ($0 as? MemberLeft)?.personId.rawValue == person
        }
        let registered = try latest(PersonRegistered.self, stream: "person/\(person)")?.payload.categories.map(
            \.rawValue)
        return ((membership?.payload as? MemberJoined)?.membershipCategory.rawValue, registered)
    }

    /// Whether an event of one of `types` was recorded in `stream`.
    public func exists(stream: String, _ types: [any EventPayload.Type]) throws -> Bool {
        try latest(stream: stream, types) != nil
    }
}
