import GRDB

/// The feedback projection's table: `feedback_items`, one row per piece of feedback.
public struct FeedbackTables: ProjectionTables {
    /// Base table names.
    public static let tableNames = ["feedback_items"]

    /// The table's schema.
    public static func schema(suffix: String) -> [String] {
        [
            """
            CREATE TABLE feedback_items\(suffix) (
                feedback_id TEXT PRIMARY KEY, channel TEXT NOT NULL, received_at TEXT NOT NULL,
                received_index INTEGER NOT NULL, service_id TEXT, region_id TEXT, body_id TEXT, anonymous INTEGER NOT NULL,
                language TEXT NOT NULL, consent_to_publish INTEGER NOT NULL, contact_consent INTEGER NOT NULL,
                has_private_text INTEGER NOT NULL, themes TEXT NOT NULL, links TEXT NOT NULL, acknowledged_at TEXT,
                ack_method TEXT, last_update_at TEXT, last_update_status TEXT, last_update_note TEXT, responded_at TEXT,
                responded_index INTEGER, public_summary TEXT, moderated_by_role_id TEXT, response TEXT, change_status TEXT,
                change_description TEXT, reason TEXT, action_ref TEXT, notified_at TEXT, closed_at TEXT,
                closed_index INTEGER, close_reason TEXT
            ) WITHOUT ROWID
            """
        ]
    }

    let c: ProjectionConnection
    let items: String
    let selectOne: Statement?
    let upsert: Statement?

    /// The table named with `suffix`.
    public init(_ connection: ProjectionConnection, suffix: String) {
        c = connection
        items = "feedback_items" + suffix
        // Prepared once per fold (every row of a flush uses them); nil before the table exists.
        selectOne = try? connection.db.cachedStatement(sql: "SELECT \(Self.columns) FROM \(items) WHERE feedback_id = ?")
        upsert = try? connection.db.cachedStatement(
            sql: "INSERT OR REPLACE INTO \(items) (\(Self.columns)) VALUES (\(Array(repeating: "?", count: 32).joined(separator: ", ")))")
    }

    private func prepared(_ statement: Statement?) throws -> Statement {
        guard let statement else { throw DatabaseError(message: "no such table: \(items)") }
        return statement
    }

    /// The columns in schema order (what `record(from:)` reads by position).
    static let columns = """
        feedback_id, channel, received_at, received_index, service_id, region_id, body_id, anonymous, language,
        consent_to_publish, contact_consent, has_private_text, themes, links, acknowledged_at, ack_method, last_update_at,
        last_update_status, last_update_note, responded_at, responded_index, public_summary, moderated_by_role_id, response,
        change_status, change_description, reason, action_ref, notified_at, closed_at, closed_index, close_reason
        """

    func item(_ id: String) throws -> FeedbackRecord? {
        try c.readOne(prepared(selectOne), { $0.add(id) }) { r in
            var f = FeedbackRecord(feedbackId: r.string(0), channel: r.string(1), receivedAt: r.string(2), receivedIndex: r.int(3))
            f.serviceId = r.optionalString(4)
            f.regionId = r.optionalString(5)
            f.bodyId = r.optionalString(6)
            f.anonymous = r.bool(7)
            f.language = r.string(8)
            f.consentToPublish = r.bool(9)
            f.contactConsent = r.bool(10)
            f.hasPrivateText = r.bool(11)
            f.themes = r.list(12)
            f.links = r.list(13)
            f.acknowledgedAt = r.optionalString(14)
            f.ackMethod = r.optionalString(15)
            f.lastUpdateAt = r.optionalString(16)
            f.lastUpdateStatus = r.optionalString(17)
            f.lastUpdateNote = r.optionalString(18)
            f.respondedAt = r.optionalString(19)
            f.respondedIndex = r.optionalInt(20)
            f.publicSummary = r.optionalString(21)
            f.moderatedByRoleId = r.optionalString(22)
            f.response = r.optionalString(23)
            f.changeStatus = r.optionalString(24)
            f.changeDescription = r.optionalString(25)
            f.reason = r.optionalString(26)
            f.actionRef = r.optionalString(27)
            f.notifiedAt = r.optionalString(28)
            f.closedAt = r.optionalString(29)
            f.closedIndex = r.optionalInt(30)
            f.closeReason = r.optionalString(31)
            return f
        }
    }

    func all() throws -> [FeedbackRecord] {
        try c.fetchAll("SELECT \(Self.columns) FROM \(items) ORDER BY received_at, feedback_id").map(Self.record(from:))
    }

    /// The items "you said, we did" may list (consented, with a moderated summary, an answer and
    /// a change status), in the order of ``all()``; the SQL leaves out the rest before any row is
    /// built, and `YouSaidWeDid.init?` still makes the final check.
    func publishable() throws -> [FeedbackRecord] {
        try c.fetchAll(
            """
            SELECT \(Self.columns) FROM \(items)
            WHERE consent_to_publish = 1 AND public_summary IS NOT NULL AND moderated_by_role_id IS NOT NULL
                AND response IS NOT NULL AND change_status IS NOT NULL
            ORDER BY received_at, feedback_id
            """
        ).map(Self.record(from:))
    }

    func save(_ f: FeedbackRecord) throws {
        try c.write(prepared(upsert)) { b in
            b.add(f.feedbackId)
            b.add(f.channel)
            b.add(f.receivedAt)
            b.add(f.receivedIndex)
            b.add(f.serviceId)
            b.add(f.regionId)
            b.add(f.bodyId)
            b.add(f.anonymous)
            b.add(f.language)
            b.add(f.consentToPublish)
            b.add(f.contactConsent)
            b.add(f.hasPrivateText)
            b.add(f.themes)
            b.add(f.links)
            b.add(f.acknowledgedAt)
            b.add(f.ackMethod)
            b.add(f.lastUpdateAt)
            b.add(f.lastUpdateStatus)
            b.add(f.lastUpdateNote)
            b.add(f.respondedAt)
            b.add(f.respondedIndex)
            b.add(f.publicSummary)
            b.add(f.moderatedByRoleId)
            b.add(f.response)
            b.add(f.changeStatus)
            b.add(f.changeDescription)
            b.add(f.reason)
            b.add(f.actionRef)
            b.add(f.notifiedAt)
            b.add(f.closedAt)
            b.add(f.closedIndex)
            b.add(f.closeReason)
        }
    }

    /// A record from a row of ``columns``, by position.
    static func record(from r: Row) -> FeedbackRecord {
        var f = FeedbackRecord(feedbackId: r[0], channel: r[1], receivedAt: r[2], receivedIndex: r[3])
        f.serviceId = r[4]
        f.regionId = r[5]
        f.bodyId = r[6]
        f.anonymous = r[7]
        f.language = r[8]
        f.consentToPublish = r[9]
        f.contactConsent = r[10]
        f.hasPrivateText = r[11]
        f.themes = ListColumn.decode(r[12])
        f.links = ListColumn.decode(r[13])
        f.acknowledgedAt = r[14]
        f.ackMethod = r[15]
        f.lastUpdateAt = r[16]
        f.lastUpdateStatus = r[17]
        f.lastUpdateNote = r[18]
        f.respondedAt = r[19]
        f.respondedIndex = r[20]
        f.publicSummary = r[21]
        f.moderatedByRoleId = r[22]
        f.response = r[23]
        f.changeStatus = r[24]
        f.changeDescription = r[25]
        f.reason = r[26]
        f.actionRef = r[27]
        f.notifiedAt = r[28]
        f.closedAt = r[29]
        f.closedIndex = r[30]
        f.closeReason = r[31]
        return f
    }
}
