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

    /// The table named with `suffix`.
    public init(_ connection: ProjectionConnection, suffix: String) {
        c = connection
        items = "feedback_items" + suffix
    }

    func item(_ id: String) throws -> FeedbackRecord? {
        try c.fetchOne("SELECT * FROM \(items) WHERE feedback_id = ?", [id]).map(Self.record(from:))
    }

    func all() throws -> [FeedbackRecord] {
        try c.fetchAll("SELECT * FROM \(items) ORDER BY received_at, feedback_id").map(Self.record(from:))
    }

    func save(_ f: FeedbackRecord) throws {
        try c.execute(
            """
            INSERT OR REPLACE INTO \(items) VALUES
            (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                f.feedbackId, f.channel, f.receivedAt, f.receivedIndex, f.serviceId, f.regionId, f.bodyId, f.anonymous,
                f.language, f.consentToPublish, f.contactConsent, f.hasPrivateText, ListColumn.encode(f.themes),
                ListColumn.encode(f.links), f.acknowledgedAt, f.ackMethod, f.lastUpdateAt, f.lastUpdateStatus,
                f.lastUpdateNote, f.respondedAt, f.respondedIndex, f.publicSummary, f.moderatedByRoleId, f.response,
                f.changeStatus, f.changeDescription, f.reason, f.actionRef, f.notifiedAt, f.closedAt, f.closedIndex,
                f.closeReason,
            ])
    }

    static func record(from r: Row) -> FeedbackRecord {
        var f = FeedbackRecord(
            feedbackId: r["feedback_id"], channel: r["channel"], receivedAt: r["received_at"], receivedIndex: r["received_index"])
        f.serviceId = r["service_id"]
        f.regionId = r["region_id"]
        f.bodyId = r["body_id"]
        f.anonymous = r["anonymous"]
        f.language = r["language"]
        f.consentToPublish = r["consent_to_publish"]
        f.contactConsent = r["contact_consent"]
        f.hasPrivateText = r["has_private_text"]
        f.themes = ListColumn.decode(r["themes"])
        f.links = ListColumn.decode(r["links"])
        f.acknowledgedAt = r["acknowledged_at"]
        f.ackMethod = r["ack_method"]
        f.lastUpdateAt = r["last_update_at"]
        f.lastUpdateStatus = r["last_update_status"]
        f.lastUpdateNote = r["last_update_note"]
        f.respondedAt = r["responded_at"]
        f.respondedIndex = r["responded_index"]
        f.publicSummary = r["public_summary"]
        f.moderatedByRoleId = r["moderated_by_role_id"]
        f.response = r["response"]
        f.changeStatus = r["change_status"]
        f.changeDescription = r["change_description"]
        f.reason = r["reason"]
        f.actionRef = r["action_ref"]
        f.notifiedAt = r["notified_at"]
        f.closedAt = r["closed_at"]
        f.closedIndex = r["closed_index"]
        f.closeReason = r["close_reason"]
        return f
    }
}
