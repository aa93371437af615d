public import LedgerCore

/// When an event happened in the world: its *effective time*, one value per event.
///
/// The envelope's `occurredAt` is the effective time. Where a catalogue type restates it in its
/// payload (`feedback.received`'s `receivedAt`, `role.assigned`'s `from`, …) the member must say
/// the same thing: the same instant for a time member, the same UTC calendar day for a date
/// member, from version 2 of those types (``ruleVersion``). Admission refuses an event whose
/// envelope and payload disagree, naming the member, and an event whose effective time is in the
/// future. Version 1 of those types was written before the rule: its payload's date is its
/// effective time and `occurredAt` is only when it was written down (``of(_:)``), so ledgers
/// written then keep verifying and keep their meaning. Log position (index, `recordedAt`,
/// checkpoints) is the other clock: when the log learned it. See the article "Time in Coledger".
///
/// Every module asks this type, never the payload, "when did this happen" and "which dates must
/// this event carry".
public enum EffectiveTime {
    /// How precisely a payload member states the effective time.
    public enum Precision: String, Sendable {
        /// `YYYY-MM-DD`: the UTC calendar day of `occurredAt`.
        case date
        /// An RFC 3339 UTC time: the instant of `occurredAt` (to the second).
        case time
    }

    /// A payload member that restates the effective time.
    public struct Member: Sendable, Hashable {
        /// The member name, e.g. `receivedAt`.
        public var name: String
        /// Date or time.
        public var precision: Precision
    }

    /// The payload members that restate the effective time, by event type. Members that name
    /// other moments (deadlines, review dates, a compromise's `effectiveAt`, a declared interest's
    /// period, a meeting's `scheduledFor`) are not effective times and are not listed.
    public static let members: [String: [Member]] = [
        FeedbackReceived.eventType: [Member(name: FeedbackReceived.CodingKeys.receivedAt.rawValue, precision: .time)],
        FeedbackAcknowledged.eventType: [Member(name: FeedbackAcknowledged.CodingKeys.at.rawValue, precision: .time)],
        SubmitterNotified.eventType: [Member(name: SubmitterNotified.CodingKeys.at.rawValue, precision: .time)],
        ContributorNotified.eventType: [Member(name: ContributorNotified.CodingKeys.at.rawValue, precision: .time)],
        ErasureRequested.eventType: [Member(name: ErasureRequested.CodingKeys.receivedAt.rawValue, precision: .time)],
        SubjectKeyShredded.eventType: [Member(name: SubjectKeyShredded.CodingKeys.at.rawValue, precision: .time)],
        RoleAssigned.eventType: [Member(name: RoleAssigned.CodingKeys.from.rawValue, precision: .date)],
        RoleEnded.eventType: [Member(name: RoleEnded.CodingKeys.to.rawValue, precision: .date)],
        MemberJoined.eventType: [Member(name: MemberJoined.CodingKeys.from.rawValue, precision: .date)],
        MemberLeft.eventType: [Member(name: MemberLeft.CodingKeys.to.rawValue, precision: .date)],
        CommunityChampionAppointed.eventType: [Member(name: CommunityChampionAppointed.CodingKeys.from.rawValue, precision: .date)],
        MilestoneRecorded.eventType: [Member(name: MilestoneRecorded.CodingKeys.date.rawValue, precision: .date)],
        TrainingSessionDelivered.eventType: [Member(name: TrainingSessionDelivered.CodingKeys.date.rawValue, precision: .date)],
    ]

    /// Clock skew tolerated before an effective time counts as "in the future" (seconds).
    public static let allowedSkewSeconds = 300

    /// The first version of each type in ``members`` whose envelope and payload must agree.
    public static let ruleVersion = 2

    /// The event's effective time. THE one definition, used by admission, the audit, the
    /// projections and every read verb's `--as-of`: `occurredAt`, except for version 1 of a type
    /// in ``members`` (written before the rule), whose payload's date is the effective time
    /// (midnight UTC for a date member) and whose `occurredAt` only says when it was written down.
    public static func of(_ event: Event) -> String {
        of(type: event.type, typeVersion: event.typeVersion, occurredAt: event.occurredAt, payload: event.payload)
    }

    /// ``of(_:)`` from an event's parts.
    public static func of(type: String, typeVersion: Int, occurredAt: String, payload: [String: JSONValue]) -> String {
        of(type: type, typeVersion: typeVersion, occurredAt: occurredAt) { payload[$0]?.stringValue }
    }

    /// ``of(_:)`` with the payload read member by member (`stated` gives a string member's value,
    /// nil when absent or not a string): for readers that do not build the payload, such as the
    /// projections' fast path.
    public static func of(
        type: String, typeVersion: Int, occurredAt: String, stated: (String) -> String?
    ) -> String {
        guard typeVersion < ruleVersion, let member = members[type]?.first, let value = stated(member.name),
            let implied = implied(member, value)
        else { return occurredAt }
        return implied
    }

    /// The UTC calendar day of the event's effective time.
    public static func date(of event: Event) -> CivilDate? { CivilDate(parsing: of(event)) }

    /// The payload members an event of `type` that happened at `time` (an RFC 3339 UTC time) must
    /// carry: what a verb puts in the payload from its one date option.
    public static func payloadMembers(type: String, at time: String) -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        for member in members[type] ?? [] {
            out[member.name] = .string(member.precision == .date ? String(time.prefix(10)) : time)
        }
        return out
    }

    /// The effective time a payload of `type` states, as an RFC 3339 UTC time (a date member
    /// gives midnight UTC of that day); nil when the type restates none or the member is invalid.
    /// A draft left without `occurredAt` takes this instead of "now".
    public static func implied(type: String, payload: [String: JSONValue]) -> String? {
        guard let member = members[type]?.first, let value = payload[member.name]?.stringValue else { return nil }
        return implied(member, value)
    }

    /// The effective time `value` of `member` states, or nil when it is not a valid date or time.
    static func implied(_ member: Member, _ value: String) -> String? {
        switch member.precision {
        case .date: return CivilDate(parsing: value) != nil && value.count == 10 ? value + "T00:00:00Z" : nil
        case .time: return Timestamp.isValidUTC(value) ? value : nil
        }
    }

    /// The first payload member of an event of `type` that disagrees with `occurredAt`, as a
    /// refusal naming it; nil when they agree (or the type restates no date).
    public static func mismatch(type: String, occurredAt: String, payload: [String: JSONValue]) -> AdmissionRefusal? {
        for member in members[type] ?? [] {
            guard let value = payload[member.name]?.stringValue else { continue }
            let agrees: Bool
            switch member.precision {
            case .date:
                agrees = CivilDate(parsing: value) != nil && value == String(occurredAt.prefix(10))
            case .time:
                let a = Timestamp.unixSeconds(value)
                agrees = a != nil && a == Timestamp.unixSeconds(occurredAt)
            }
            if !agrees {
                return AdmissionRefusal(
                    "time", "/payload/\(member.name)",
                    "\(member.name) \"\(value)\" disagrees with the event's effective time occurredAt \"\(occurredAt)\"; "
                        + "they must be the same \(member.precision == .date ? "day" : "instant")")
            }
        }
        return nil
    }

    /// ``mismatch(type:occurredAt:payload:)`` for a whole event of version ``ruleVersion`` or
    /// later; nil for an earlier version (its payload's date is its effective time, ``of(_:)``).
    public static func mismatch(_ event: Event) -> AdmissionRefusal? {
        guard event.typeVersion >= ruleVersion else { return nil }
        return mismatch(type: event.type, occurredAt: event.occurredAt, payload: event.payload)
    }

    /// A refusal when `occurredAt` is later than `now` (plus the allowed skew).
    public static func future(occurredAt: String, now: String = Timestamp.now()) -> AdmissionRefusal? {
        guard let at = Timestamp.unixSeconds(occurredAt), let current = Timestamp.unixSeconds(now),
            at > current + allowedSkewSeconds
        else { return nil }
        return AdmissionRefusal(
            "time", "/occurredAt", "effective time \(occurredAt) is in the future (now is \(now)); record it when it has happened")
    }

    /// Type families whose events happen *in* a body (its meetings, decisions, membership,
    /// terms, minutes): they cannot happen before the body exists. A role held for a body, or
    /// feedback that came through it, may predate it and is not judged.
    public static let bodyFamilies = ["meeting.", "decision.", "member.", "body.", "minutes."]

    /// A refusal when an event in a body happened before the body was established.
    /// - Parameters:
    ///   - established: the body's establishment day (`YYYY-MM-DD`), as the log recorded it.
    public static func beforeBody(_ event: Event, body: String, established: String) -> AdmissionRefusal? {
        // Version 1 of a member.* type predates this check as well as the rule (``of(_:)``).
        guard event.type != "body.established", bodyFamilies.contains(where: { event.type.hasPrefix($0) }),
            event.typeVersion >= ruleVersion || members[event.type] == nil,
            String(of(event).prefix(10)) < established
        else { return nil }
        return AdmissionRefusal(
            "time", "/occurredAt",
            "effective time \(of(event)) is before body \(body) was established on \(established)")
    }
}
