import LedgerDomain

/// What a public page needs to name a code: a region, service, body, role or action by the name
/// it was registered with, and a meeting by its body and day. The first event that names an id
/// wins, except that a meeting's day becomes the day it was held once it is held.
public enum NamesProjection: Projection {
    /// `names`.
    public static let name = "names"
    /// 1.
    public static let version = 1
    /// The events that name things.
    public static let eventTypes: Set<String> = [
        RegionRegistered.eventType, ServiceRegistered.eventType, BodyEstablished.eventType, RoleDefined.eventType,
        MeetingScheduled.eventType, MeetingHeld.eventType, ActionCreated.eventType,
    ]

    /// Folds one event.
    public static func apply(_ event: ProjectedEvent, to tables: NameTables) throws {
        func first(_ n: EntityName) throws {
            guard try tables.name(kind: n.kind, id: n.id) == nil else { return }
            try tables.save(n)
        }
        switch event.payload {
        case let p as RegionRegistered:
            try first(EntityName(kind: "region", id: p.regionId.rawValue, name: p.name.rawValue, index: event.index))
        case let p as ServiceRegistered:
            try first(
                EntityName(
                    kind: "service", id: p.serviceId.rawValue, name: p.name?.rawValue, code: p.type.rawValue,
                    regionId: p.regionId.rawValue, index: event.index))
        case let p as BodyEstablished:
            try first(
                EntityName(
                    kind: "body", id: p.bodyId.rawValue, name: p.name.rawValue, code: p.bodyType.rawValue,
                    regionId: p.regionId?.rawValue, index: event.index))
        case let p as RoleDefined:
            try first(EntityName(kind: "role", id: p.roleId.rawValue, name: p.name.rawValue, index: event.index))
        case let p as ActionCreated:
            try first(
                EntityName(
                    kind: "action", id: p.actionId.rawValue, name: p.title.rawValue, code: p.actionCode.rawValue,
                    regionId: p.regionId?.rawValue, index: event.index))
        case let p as MeetingScheduled:
            try first(
                EntityName(
                    kind: "meeting", id: p.meetingId.rawValue, bodyId: p.bodyId.rawValue,
                    day: String(p.scheduledFor.rawValue.prefix(10)), index: event.index))
        case let p as MeetingHeld:
            var meeting =
                try tables.name(kind: "meeting", id: p.meetingId.rawValue)
                ?? EntityName(kind: "meeting", id: p.meetingId.rawValue, bodyId: p.bodyId.rawValue, index: event.index)
            meeting.day = String(event.occurredAt.prefix(10))
            try tables.save(meeting)
        default:
            return
        }
    }
}

/// A named thing as the names projection holds it.
public struct EntityName: Codable, Sendable, Equatable {
    /// `region`, `service`, `body`, `role`, `action` or `meeting`.
    public var kind: String
    /// Its id.
    public var id: String
    /// Its registered name (a service's is optional; a meeting has none of its own).
    public var name: String?
    /// A body's type, a service's type, an action's plan code.
    public var code: String?
    /// Its region (services, bodies, regional actions).
    public var regionId: String?
    /// A meeting's body.
    public var bodyId: String?
    /// A meeting's day: when it was held, or scheduled for while not yet held (`YYYY-MM-DD`).
    public var day: String?
    /// Log index of the entry that named it.
    public var index: Int

    /// Creates a name.
    public init(
        kind: String, id: String, name: String? = nil, code: String? = nil, regionId: String? = nil, bodyId: String? = nil,
        day: String? = nil, index: Int
    ) {
        self.kind = kind
        self.id = id
        self.name = name
        self.code = code
        self.regionId = regionId
        self.bodyId = bodyId
        self.day = day
        self.index = index
    }
}

extension Projections {
    /// The name of `kind` `id` (``EntityName``), or nil when nothing in the log named it.
    public func name(kind: String, id: String) throws -> EntityName? {
        try query { try NameTables($0, suffix: "").name(kind: kind, id: id) }
    }

    /// Every name of `kind`, by id (the choices of a filter: regions, services, bodies).
    public func names(kind: String) throws -> [EntityName] {
        try query { try NameTables($0, suffix: "").all(kind: kind) }
    }
}
