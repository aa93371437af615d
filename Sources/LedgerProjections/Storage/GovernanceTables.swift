import Foundation
import GRDB

/// The governance register's tables. Every lookup the fold makes goes through a primary key
/// (or its prefix), so each event costs a few indexed statements however long the log is.
public struct GovernanceTables: ProjectionTables {
    /// Base table names.
    public static let tableNames = [
        "gov_bodies", "gov_terms", "gov_members", "gov_roles", "gov_meetings", "gov_body_meetings", "gov_attendance",
        "gov_declarations", "gov_decisions",
    ]

    /// The tables' schema.
    public static func schema(suffix s: String) -> [String] {
        [
            """
            CREATE TABLE gov_bodies\(s) (
                body_id TEXT PRIMARY KEY, body_type TEXT NOT NULL, name TEXT NOT NULL, aliases TEXT NOT NULL,
                parent_body_id TEXT, region_id TEXT, decision_scope TEXT NOT NULL, established_index INTEGER NOT NULL,
                established_at TEXT NOT NULL, terms_index INTEGER NOT NULL, dissolved_index INTEGER, dissolved_at TEXT,
                dissolved_reason TEXT, dissolved_decision TEXT
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE gov_terms\(s) (
                body_id TEXT NOT NULL, log_index INTEGER NOT NULL, kind TEXT NOT NULL, occurred_at TEXT NOT NULL, changes TEXT,
                tor_doc_hash TEXT NOT NULL, decision_ref TEXT, chair_role_id TEXT, facilitator_role_ids TEXT NOT NULL,
                quorum_min INTEGER NOT NULL, quorum_of TEXT, ebe_min_count INTEGER NOT NULL, ebe_min_share REAL,
                PRIMARY KEY (body_id, log_index)
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE gov_members\(s) (
                body_id TEXT NOT NULL, person_id TEXT NOT NULL, joined_index INTEGER NOT NULL, category TEXT NOT NULL,
                voting INTEGER NOT NULL, from_date TEXT NOT NULL, to_date TEXT, left_index INTEGER, reason TEXT,
                PRIMARY KEY (body_id, person_id, joined_index)
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE gov_roles\(s) (
                role_id TEXT NOT NULL, person_id TEXT NOT NULL, assigned_index INTEGER NOT NULL, from_date TEXT NOT NULL,
                to_date TEXT, body_id TEXT, region_id TEXT, appointed_by TEXT, ended_index INTEGER,
                PRIMARY KEY (role_id, person_id, assigned_index)
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE gov_meetings\(s) (
                meeting_id TEXT PRIMARY KEY, body_id TEXT NOT NULL, scheduled_for TEXT, scheduled_index INTEGER, held_at TEXT,
                held_index INTEGER, terms_index INTEGER, membership_recorded INTEGER NOT NULL, apologies TEXT NOT NULL,
                none_declared INTEGER NOT NULL, recorded_quorum_met INTEGER, recorded_ebe INTEGER, computed TEXT,
                disagreements TEXT NOT NULL, decisions TEXT NOT NULL
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE gov_body_meetings\(s) (
                body_id TEXT NOT NULL, first_index INTEGER NOT NULL, meeting_id TEXT NOT NULL,
                PRIMARY KEY (body_id, first_index, meeting_id)
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE gov_attendance\(s) (
                meeting_id TEXT NOT NULL, position INTEGER NOT NULL, person_id TEXT NOT NULL, category TEXT NOT NULL,
                role TEXT NOT NULL, member INTEGER, office_roles TEXT NOT NULL, counts_quorum INTEGER NOT NULL,
                ebe INTEGER NOT NULL, notes TEXT NOT NULL, PRIMARY KEY (meeting_id, position)
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE gov_declarations\(s) (
                meeting_id TEXT NOT NULL, position INTEGER NOT NULL, person_id TEXT NOT NULL, item_ref TEXT NOT NULL,
                action TEXT NOT NULL, PRIMARY KEY (meeting_id, position)
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE gov_decisions\(s) (
                decision_id TEXT NOT NULL, log_index INTEGER NOT NULL, occurred_at TEXT NOT NULL, meeting_id TEXT NOT NULL,
                body_id TEXT, outcome TEXT NOT NULL, method TEXT NOT NULL, recused TEXT NOT NULL, computed TEXT,
                recorded TEXT NOT NULL, disagreements TEXT NOT NULL, PRIMARY KEY (decision_id, log_index)
            ) WITHOUT ROWID
            """,
        ]
    }

    let c: ProjectionConnection
    let bodies, terms, members, roles, meetings, bodyMeetings, attendance, declarations, decisions: String

    /// The tables named with `suffix`.
    public init(_ connection: ProjectionConnection, suffix: String) {
        c = connection
        bodies = "gov_bodies" + suffix
        terms = "gov_terms" + suffix
        members = "gov_members" + suffix
        roles = "gov_roles" + suffix
        meetings = "gov_meetings" + suffix
        bodyMeetings = "gov_body_meetings" + suffix
        attendance = "gov_attendance" + suffix
        declarations = "gov_declarations" + suffix
        decisions = "gov_decisions" + suffix
    }

    // MARK: Bodies and terms

    func body(_ id: String) throws -> BodyRecord? {
        try c.fetchOne("SELECT * FROM \(bodies) WHERE body_id = ?", [id]).map(Self.body(from:))
    }

    func allBodies() throws -> [BodyRecord] {
        try c.fetchAll("SELECT * FROM \(bodies) ORDER BY established_index").map(Self.body(from:))
    }

    func save(_ b: BodyRecord) throws {
        try c.execute(
            "INSERT OR REPLACE INTO \(bodies) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                b.bodyId, b.bodyType, b.name, ListColumn.encode(b.aliases), b.parentBodyId, b.regionId, b.decisionScope,
                b.establishedIndex, b.establishedAt, b.termsIndex, b.dissolved?.index, b.dissolved?.occurredAt,
                b.dissolved?.reason, b.dissolved?.decisionRef,
            ])
    }

    func terms(of bodyId: String, at index: Int) throws -> BodyTerms? {
        try c.fetchOne("SELECT * FROM \(terms) WHERE body_id = ? AND log_index = ?", [bodyId, index]).map(Self.terms(from:))
    }

    func termsHistory(of bodyId: String) throws -> [BodyTerms] {
        try c.fetchAll("SELECT * FROM \(terms) WHERE body_id = ? ORDER BY log_index", [bodyId]).map(Self.terms(from:))
    }

    func save(_ t: BodyTerms) throws {
        try c.execute(
            "INSERT OR REPLACE INTO \(terms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                t.bodyId, t.index, t.kind, t.occurredAt, t.changes, t.torDocHash, t.decisionRef, t.chairRoleId,
                ListColumn.encode(t.facilitatorRoleIds), t.quorumMin, t.quorumOfCategory, t.ebeMinCount, t.ebeMinShare,
            ])
    }

    // MARK: Membership and roles

    func spells(of personId: String, in bodyId: String) throws -> [MembershipRecord] {
        try c.fetchAll("SELECT * FROM \(members) WHERE body_id = ? AND person_id = ? ORDER BY joined_index", [bodyId, personId])
            .map(Self.membership(from:))
    }

    func members(of bodyId: String) throws -> [MembershipRecord] {
        try c.fetchAll("SELECT * FROM \(members) WHERE body_id = ? ORDER BY joined_index", [bodyId]).map(Self.membership(from:))
    }

    func hasMembers(_ bodyId: String) throws -> Bool {
        try c.fetchOne("SELECT 1 FROM \(members) WHERE body_id = ? LIMIT 1", [bodyId]) != nil
    }

    func save(_ m: MembershipRecord) throws {
        try c.execute(
            "INSERT OR REPLACE INTO \(members) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [m.bodyId, m.personId, m.joinedIndex, m.category, m.votingRights, m.from, m.to, m.leftIndex, m.reason])
    }

    func tenures(of roleId: String, person: String? = nil) throws -> [RoleTenure] {
        if let person {
            return try c.fetchAll(
                "SELECT * FROM \(roles) WHERE role_id = ? AND person_id = ? ORDER BY assigned_index", [roleId, person]
            ).map(Self.tenure(from:))
        }
        return try c.fetchAll("SELECT * FROM \(roles) WHERE role_id = ? ORDER BY assigned_index", [roleId]).map(Self.tenure(from:))
    }

    func save(_ t: RoleTenure) throws {
        try c.execute(
            "INSERT OR REPLACE INTO \(roles) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [t.roleId, t.personId, t.assignedIndex, t.from, t.to, t.bodyId, t.regionId, t.appointedByDecision, t.endedIndex])
    }

    // MARK: Meetings

    func meeting(_ id: String) throws -> StoredMeeting? {
        try c.fetchOne("SELECT * FROM \(meetings) WHERE meeting_id = ?", [id]).map(Self.meeting(from:))
    }

    func save(_ m: StoredMeeting) throws {
        try c.execute(
            "INSERT OR REPLACE INTO \(meetings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                m.meetingId, m.bodyId, m.scheduledFor, m.scheduledIndex, m.heldAt, m.heldIndex, m.termsIndex, m.membershipRecorded,
                ListColumn.encode(m.apologies), m.noneDeclared, m.recorded?.quorumMet, m.recorded?.ebePresent,
                try m.computed.map(JSONColumn.encode), ListColumn.encode(m.disagreements), ListColumn.encode(m.decisions),
            ])
    }

    func listMeeting(_ meetingId: String, body bodyId: String, at index: Int) throws {
        try c.execute("INSERT OR IGNORE INTO \(bodyMeetings) VALUES (?, ?, ?)", [bodyId, index, meetingId])
    }

    func meetingIds(of bodyId: String) throws -> [String] {
        try c.fetchAll("SELECT meeting_id FROM \(bodyMeetings) WHERE body_id = ? ORDER BY first_index, meeting_id", [bodyId])
            .map { $0["meeting_id"] }
    }

    func meetingCount(of bodyId: String) throws -> Int {
        try c.fetchOne("SELECT COUNT(DISTINCT meeting_id) AS n FROM \(bodyMeetings) WHERE body_id = ?", [bodyId])?["n"] ?? 0
    }

    func attendance(at meetingId: String) throws -> [AttendanceRecord] {
        try c.fetchAll("SELECT * FROM \(attendance) WHERE meeting_id = ? ORDER BY position", [meetingId]).map { r in
            AttendanceRecord(
                personId: r["person_id"], category: r["category"], role: r["role"], member: r["member"],
                officeRoles: ListColumn.decode(r["office_roles"]), countsForQuorum: r["counts_quorum"], expertByExperience: r["ebe"],
                notes: ListColumn.decode(r["notes"]))
        }
    }

    func save(_ a: AttendanceRecord, at meetingId: String, position: Int) throws {
        try c.execute(
            "INSERT OR REPLACE INTO \(attendance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                meetingId, position, a.personId, a.category, a.role, a.member, ListColumn.encode(a.officeRoles), a.countsForQuorum,
                a.expertByExperience, ListColumn.encode(a.notes),
            ])
    }

    func declarations(at meetingId: String) throws -> [MeetingDeclarationRecord] {
        try c.fetchAll("SELECT * FROM \(declarations) WHERE meeting_id = ? ORDER BY position", [meetingId]).map {
            MeetingDeclarationRecord(personId: $0["person_id"], itemRef: $0["item_ref"], action: $0["action"])
        }
    }

    func save(_ d: MeetingDeclarationRecord, at meetingId: String, position: Int) throws {
        try c.execute(
            "INSERT OR REPLACE INTO \(declarations) VALUES (?, ?, ?, ?, ?)", [meetingId, position, d.personId, d.itemRef, d.action])
    }

    // MARK: Decisions

    func save(_ d: DecisionPresence) throws {
        try c.execute(
            "INSERT OR REPLACE INTO \(decisions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                d.decisionId, d.index, d.occurredAt, d.meetingId, d.bodyId, d.outcome, d.method, ListColumn.encode(d.recused),
                try d.computed.map(JSONColumn.encode), try JSONColumn.encode(d.recorded), ListColumn.encode(d.disagreements),
            ])
    }

    /// Every outcome recorded for a decision, oldest first.
    func presence(of decisionId: String) throws -> [DecisionPresence] {
        try c.fetchAll("SELECT * FROM \(decisions) WHERE decision_id = ? ORDER BY log_index", [decisionId]).map { r in
            let computed: String? = r["computed"]
            return DecisionPresence(
                decisionId: r["decision_id"], index: r["log_index"], occurredAt: r["occurred_at"], meetingId: r["meeting_id"],
                bodyId: r["body_id"], outcome: r["outcome"], method: r["method"], recused: ListColumn.decode(r["recused"]),
                computed: try computed.map { try JSONColumn.decode(PresenceCheck.self, $0) },
                recorded: try JSONColumn.decode(RecordedClaim.self, r["recorded"]), disagreements: ListColumn.decode(r["disagreements"]))
        }
    }

    // MARK: Rows

    static func body(from r: Row) -> BodyRecord {
        let dissolvedIndex: Int? = r["dissolved_index"]
        return BodyRecord(
            bodyId: r["body_id"], bodyType: r["body_type"], name: r["name"], aliases: ListColumn.decode(r["aliases"]),
            parentBodyId: r["parent_body_id"], regionId: r["region_id"], decisionScope: r["decision_scope"],
            establishedIndex: r["established_index"], establishedAt: r["established_at"], termsIndex: r["terms_index"],
            dissolved: dissolvedIndex.map {
                Dissolution(index: $0, occurredAt: r["dissolved_at"], reason: r["dissolved_reason"], decisionRef: r["dissolved_decision"])
            })
    }

    static func terms(from r: Row) -> BodyTerms {
        BodyTerms(
            bodyId: r["body_id"], index: r["log_index"], kind: r["kind"], occurredAt: r["occurred_at"], changes: r["changes"],
            torDocHash: r["tor_doc_hash"], decisionRef: r["decision_ref"], chairRoleId: r["chair_role_id"],
            facilitatorRoleIds: ListColumn.decode(r["facilitator_role_ids"]), quorumMin: r["quorum_min"], quorumOfCategory: r["quorum_of"],
            ebeMinCount: r["ebe_min_count"], ebeMinShare: r["ebe_min_share"])
    }

    static func membership(from r: Row) -> MembershipRecord {
        MembershipRecord(
            bodyId: r["body_id"], personId: r["person_id"], category: r["category"], votingRights: r["voting"], from: r["from_date"],
            to: r["to_date"], joinedIndex: r["joined_index"], leftIndex: r["left_index"], reason: r["reason"])
    }

    static func tenure(from r: Row) -> RoleTenure {
        RoleTenure(
            roleId: r["role_id"], personId: r["person_id"], from: r["from_date"], to: r["to_date"], bodyId: r["body_id"],
            regionId: r["region_id"], appointedByDecision: r["appointed_by"], assignedIndex: r["assigned_index"],
            endedIndex: r["ended_index"])
    }

    static func meeting(from r: Row) throws -> StoredMeeting {
        let quorumMet: Bool? = r["recorded_quorum_met"]
        let ebe: Int? = r["recorded_ebe"]
        let computed: String? = r["computed"]
        return StoredMeeting(
            meetingId: r["meeting_id"], bodyId: r["body_id"], scheduledFor: r["scheduled_for"], scheduledIndex: r["scheduled_index"],
            heldAt: r["held_at"], heldIndex: r["held_index"], termsIndex: r["terms_index"], membershipRecorded: r["membership_recorded"],
            apologies: ListColumn.decode(r["apologies"]), noneDeclared: r["none_declared"],
            recorded: quorumMet.map { RecordedClaim(quorumMet: $0, ebePresent: ebe ?? 0) },
            computed: try computed.map { try JSONColumn.decode(PresenceCheck.self, $0) },
            disagreements: ListColumn.decode(r["disagreements"]), decisions: ListColumn.decode(r["decisions"]))
    }
}

/// A meeting's row: everything but its attendance and declarations, which have their own tables.
struct StoredMeeting: Equatable {
    var meetingId: String
    var bodyId: String
    var scheduledFor: String?
    var scheduledIndex: Int?
    var heldAt: String?
    var heldIndex: Int?
    var termsIndex: Int?
    var membershipRecorded: Bool
    var apologies: [String]
    var noneDeclared: Bool
    var recorded: RecordedClaim?
    var computed: PresenceCheck?
    var disagreements: [String]
    var decisions: [String]
}

/// Small structured values kept in one column as sorted-key JSON.
enum JSONColumn {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
