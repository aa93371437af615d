import Foundation
import GRDB

/// The feedback projection's tables: `feedback_items`, one row per piece of feedback,
/// `feedback_published`, the public "you said, we did" list (one row per item ``YouSaidWeDid``
/// may list), and `feedback_facets`, the list's index by region, service, theme and outcome
/// (a table keyed for the look-up, as projections keep no other indexes), kept in step with the
/// items by ``save(_:)``.
public struct FeedbackTables: ProjectionTables {
    /// Base table names.
    public static let tableNames = ["feedback_items", "feedback_published", "feedback_facets"]

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
            """,
            // Keyed by receipt time first, so a page of the list (newest first) is a range of the key.
            """
            CREATE TABLE feedback_published\(suffix) (
                received_at TEXT NOT NULL, feedback_id TEXT NOT NULL, received_in TEXT NOT NULL, channel TEXT NOT NULL,
                you_said TEXT NOT NULL, we_did TEXT NOT NULL, change_status TEXT NOT NULL, what_changed TEXT, action_ref TEXT,
                region_id TEXT, service_id TEXT, themes TEXT NOT NULL,
                PRIMARY KEY (received_at, feedback_id)
            ) WITHOUT ROWID
            """,
            // One row per published item and facet value, so a filtered page is a range of the key.
            """
            CREATE TABLE feedback_facets\(suffix) (
                facet TEXT NOT NULL, value TEXT NOT NULL, received_at TEXT NOT NULL, feedback_id TEXT NOT NULL,
                PRIMARY KEY (facet, value, received_at, feedback_id)
            ) WITHOUT ROWID
            """,
        ]
    }

    let c: ProjectionConnection
    let items: String
    let published: String
    let facets: String
    let selectOne: Statement?
    let upsert: Statement?
    let publish: Statement?
    let unpublish: Statement?

    /// The table named with `suffix`.
    public init(_ connection: ProjectionConnection, suffix: String) {
        c = connection
        items = "feedback_items" + suffix
        // Prepared once per fold (every row of a flush uses them); nil before the table exists.
        selectOne = try? connection.db.cachedStatement(sql: "SELECT \(Self.columns) FROM \(items) WHERE feedback_id = ?")
        upsert = try? connection.db.cachedStatement(
            sql: "INSERT OR REPLACE INTO \(items) (\(Self.columns)) VALUES (\(Array(repeating: "?", count: 32).joined(separator: ", ")))")
        published = "feedback_published" + suffix
        facets = "feedback_facets" + suffix
        publish = try? connection.db.cachedStatement(
            sql: "INSERT OR REPLACE INTO \(published) (\(Self.publishedColumns), region_id, service_id, themes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        unpublish = try? connection.db.cachedStatement(sql: "DELETE FROM \(published) WHERE received_at = ? AND feedback_id = ?")
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

    /// Saves `f`, and lists it in or removes it from the published list as ``YouSaidWeDid`` decides
    /// (only an answered item can be listed, so only an answered one is looked at).
    func save(_ f: FeedbackRecord) throws {
        try saveItem(f)
        guard f.respondedIndex != nil else { return }
        try removeFacets(receivedAt: f.receivedAt, feedbackId: f.feedbackId)
        if let y = YouSaidWeDid(f) {
            for (facet, value) in Self.facets(of: f, change: y.changeStatus) {
                try c.execute(
                    "INSERT OR IGNORE INTO \(facets) (facet, value, received_at, feedback_id) VALUES (?, ?, ?, ?)",
                    [facet, value, f.receivedAt, f.feedbackId])
            }
            try c.write(prepared(publish)) { b in
                b.add(f.receivedAt)
                b.add(y.feedbackId)
                b.add(y.receivedIn)
                b.add(y.channel)
                b.add(y.youSaid)
                b.add(y.weDid)
                b.add(y.changeStatus)
                b.add(y.whatChanged)
                b.add(y.actionRef)
                b.add(f.regionId)
                b.add(f.serviceId)
                b.add(f.themes)
            }
        } else {
            try c.write(prepared(unpublish)) { b in
                b.add(f.receivedAt)
                b.add(f.feedbackId)
            }
        }
    }

    /// The facets a published item is found by: its region, service, each theme and its outcome.
    static func facets(of f: FeedbackRecord, change: String) -> [(String, String)] {
        var out: [(String, String)] = [("outcome", change)]
        if let r = f.regionId { out.append(("region", r)) }
        if let s = f.serviceId { out.append(("service", s)) }
        for t in Set(f.themes).sorted() { out.append(("theme", t)) }
        return out
    }

    /// Removes the facets of a published item as it was last listed (nothing when it was not).
    private func removeFacets(receivedAt: String, feedbackId: String) throws {
        guard
            let old = try c.fetchOne(
                "SELECT region_id, service_id, themes, change_status FROM \(published) WHERE received_at = ? AND feedback_id = ?",
                [receivedAt, feedbackId])
        else { return }
        var listed = FeedbackRecord(feedbackId: feedbackId, channel: "", receivedAt: receivedAt, receivedIndex: 0)
        listed.regionId = old[0]
        listed.serviceId = old[1]
        listed.themes = ListColumn.decode(old[2])
        for (facet, value) in Self.facets(of: listed, change: old[3]) {
            try c.execute(
                "DELETE FROM \(facets) WHERE facet = ? AND value = ? AND received_at = ? AND feedback_id = ?",
                [facet, value, receivedAt, feedbackId])
        }
    }

    /// One page of the published list, newest receipt first, with only the items `filter` keeps,
    /// and how many it keeps. A region, service, theme or outcome is looked up in the facets'
    /// key (the first one given drives the scan); the months are a range of the key.
    func published(_ filter: YouSaidFilter, offset: Int, limit: Int) throws -> (total: Int, items: [YouSaidWeDid]) {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        let driving: (facet: String, value: String)? =
            filter.service.map { ("service", $0) } ?? filter.region.map { ("region", $0) }
            ?? filter.theme.map { ("theme", $0) } ?? filter.outcome.map { ("outcome", $0) }
        let from: String
        let keyed: String
        if let driving {
            from = "\(facets) f JOIN \(published) p ON p.received_at = f.received_at AND p.feedback_id = f.feedback_id"
            keyed = "f"
            conditions.append("f.facet = ? AND f.value = ?")
            arguments += [driving.facet, driving.value]
        } else {
            from = "\(published) p"
            keyed = "p"
        }
        if let month = filter.fromMonth {
            conditions.append("\(keyed).received_at >= ?")
            arguments.append(month)
        }
        if let month = filter.toMonth {
            // Every time in that month sorts before the month followed by "~".
            conditions.append("\(keyed).received_at < ?")
            arguments.append(month + "~")
        }
        if let region = filter.region, driving?.facet != "region" {
            conditions.append("p.region_id = ?")
            arguments.append(region)
        }
        if let theme = filter.theme, driving?.facet != "theme" {
            conditions.append(
                "EXISTS (SELECT 1 FROM \(facets) t WHERE t.facet = 'theme' AND t.value = ? AND t.received_at = p.received_at AND t.feedback_id = p.feedback_id)"
            )
            arguments.append(theme)
        }
        if let outcome = filter.outcome, driving?.facet != "outcome" {
            conditions.append("p.change_status = ?")
            arguments.append(outcome)
        }
        if let text = filter.text {
            let pattern = "%" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
            conditions.append(
                "(p.you_said LIKE ? ESCAPE '\\' OR p.we_did LIKE ? ESCAPE '\\' OR COALESCE(p.what_changed, '') LIKE ? ESCAPE '\\')")
            arguments += [pattern, pattern, pattern]
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let total: Int =
            try c.fetchOne("SELECT COUNT(*) FROM \(from) \(whereClause)", StatementArguments(arguments)).map { $0[0] } ?? 0
        let rows = try c.fetchAll(
            """
            SELECT p.received_at, p.feedback_id, p.received_in, p.channel, p.you_said, p.we_did, p.change_status, p.what_changed,
                p.action_ref FROM \(from) \(whereClause)
            ORDER BY \(keyed).received_at DESC, \(keyed).feedback_id DESC LIMIT ? OFFSET ?
            """, StatementArguments(arguments + [max(0, limit), max(0, offset)]))
        return (
            total,
            rows.map { r in
                YouSaidWeDid(
                    feedbackId: r[1], receivedIn: r[2], channel: r[3], youSaid: r[4], weDid: r[5], changeStatus: r[6],
                    whatChanged: r[7], actionRef: r[8])
            }
        )
    }

    /// The distinct values of `facet` among published items, in order: one seek of the key per
    /// value, however many items share each.
    func facetValues(_ facet: String) throws -> [String] {
        var out: [String] = []
        var after = ""
        while let row = try c.fetchOne(
            "SELECT value FROM \(facets) WHERE facet = ? AND value > ? ORDER BY value LIMIT 1", [facet, after]),
            let value: String = row[0]
        {
            out.append(value)
            after = value
        }
        return out
    }

    /// The published list's columns in schema order.
    static let publishedColumns =
        "received_at, feedback_id, received_in, channel, you_said, we_did, change_status, what_changed, action_ref"

    /// How many items the published list holds.
    func publishedCount() throws -> Int {
        try c.fetchOne("SELECT COUNT(*) FROM \(published)").map { $0[0] } ?? 0
    }

    /// Up to `limit` items of the published list from `offset`, newest receipt first (then
    /// highest id), or oldest first.
    func published(newestFirst: Bool, offset: Int = 0, limit: Int = -1) throws -> [YouSaidWeDid] {
        let order = newestFirst ? "DESC" : "ASC"
        return try c.fetchAll(
            """
            SELECT \(Self.publishedColumns) FROM \(published)
            ORDER BY received_at \(order), feedback_id \(order) LIMIT ? OFFSET ?
            """, [limit, offset]
        ).map { r in
            YouSaidWeDid(
                feedbackId: r[1], receivedIn: r[2], channel: r[3], youSaid: r[4], weDid: r[5], changeStatus: r[6],
                whatChanged: r[7], actionRef: r[8])
        }
    }

    private func saveItem(_ f: FeedbackRecord) throws {
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
