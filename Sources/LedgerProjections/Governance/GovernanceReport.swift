/// Who held one of a body's offices (its chair or a facilitator role), over time.
public struct OfficeView: Codable, Sendable, Equatable {
    /// The role (`R-DCEO`).
    public var roleId: String
    /// `chair` or `facilitator`.
    public var office: String
    /// Every spell of every holder, oldest first.
    public var holders: [RoleTenure]
    /// Who holds it now, as the log stands (spells with no end recorded).
    public var current: [String]
}

/// How many members a body had in each category from a date on.
public struct MembershipCount: Codable, Sendable, Equatable {
    /// The first day these counts hold (`YYYY-MM-DD`).
    public var from: String
    /// Members by category.
    public var byCategory: [String: Int]
    /// All members.
    public var total: Int
}

/// One body in the governance register.
public struct BodyView: Codable, Sendable, Equatable {
    /// The body.
    public var body: BodyRecord
    /// Its terms of reference in force now.
    public var terms: BodyTerms
    /// Every version of its terms, oldest first (the establishment, then each amendment).
    public var termsHistory: [BodyTerms]
    /// Its chair and facilitator offices with their holders over time.
    public var offices: [OfficeView]
    /// Every membership spell, by the order they began in the log.
    public var members: [MembershipRecord]
    /// Members by category, as the log stands (spells with no end recorded).
    public var currentMembersByCategory: [String: Int]
    /// Members by category after each change of membership, in date order.
    public var membershipOverTime: [MembershipCount]
    /// Meetings called or held.
    public var meetings: Int
}

/// The answer to `coledger bodies`.
public struct BodiesReport: Codable, Sendable, Equatable {
    /// Every body, in the order it was established.
    public var bodies: [BodyView]
    /// Log entries folded.
    public var entriesFolded: Int
}

/// The answer to `coledger meetings BODY`.
public struct MeetingsReport: Codable, Sendable, Equatable {
    /// The body asked about.
    public var bodyId: String
    /// The body, when it is in the log.
    public var body: BodyRecord?
    /// Its meetings, in the order they were first recorded (called, or held without a call).
    public var meetings: [MeetingView]
    /// Meetings held whose record disagrees with attendance.
    public var disagreements: Int
    /// Log entries folded.
    public var entriesFolded: Int
}

extension GovernanceTables {
    func view(of body: BodyRecord) throws -> BodyView? {
        guard let terms = try terms(of: body.bodyId, at: body.termsIndex) else { return nil }
        let members = try members(of: body.bodyId)
        var offices: [OfficeView] = []
        var roles: [(String, String)] = terms.chairRoleId.map { [($0, "chair")] } ?? []
        roles += terms.facilitatorRoleIds.map { ($0, "facilitator") }
        for (role, office) in roles {
            let holders = try tenures(of: role)
            offices.append(OfficeView(
                roleId: role, office: office, holders: holders, current: holders.filter { $0.to == nil }.map(\.personId)))
        }
        var current: [String: Int] = [:]
        for m in members where m.to == nil { current[m.category, default: 0] += 1 }
        return BodyView(
            body: body, terms: terms, termsHistory: try termsHistory(of: body.bodyId), offices: offices, members: members,
            currentMembersByCategory: current, membershipOverTime: Self.overTime(members), meetings: try meetingCount(of: body.bodyId))
    }

    /// Counts by category at each date membership changed: a spell counts from its first day to
    /// its last, inclusive.
    static func overTime(_ members: [MembershipRecord]) -> [MembershipCount] {
        var changes: [String: [String: Int]] = [:]
        for m in members {
            changes[m.from, default: [:]][m.category, default: 0] += 1
            if let to = m.to, let last = CivilDate(parsing: to) {
                changes[last.adding(days: 1).description, default: [:]][m.category, default: 0] -= 1
            }
        }
        var running: [String: Int] = [:]
        return changes.keys.sorted().map { day in
            for (category, delta) in changes[day] ?? [:] { running[category, default: 0] += delta }
            running = running.filter { $0.value != 0 }
            return MembershipCount(from: day, byCategory: running, total: running.values.reduce(0, +))
        }
    }

    func meetingView(_ id: String) throws -> MeetingView? {
        guard let m = try meeting(id) else { return nil }
        return MeetingView(
            meetingId: m.meetingId, bodyId: m.bodyId, scheduledFor: m.scheduledFor, scheduledIndex: m.scheduledIndex, heldAt: m.heldAt,
            heldIndex: m.heldIndex, termsIndex: m.termsIndex, membershipRecorded: m.membershipRecorded, attendees: try attendance(at: id),
            apologies: m.apologies, declarations: try declarations(at: id), noneDeclared: m.noneDeclared, computed: m.computed,
            recorded: m.recorded, disagreements: m.disagreements,
            decisions: try m.decisions.flatMap { d in try presence(of: d).filter { $0.meetingId == id } })
    }
}
