import Foundation
import LedgerCore
public import LedgerDomain
public import LedgerStore

/// One notification the log owes a person: a stage of their feedback or contribution that they
/// asked to hear about and have not yet been told of (the rule: <doc:Outbox>).
public struct OwedNotification: Sendable, Equatable {
    /// What happened that the person is to be told of.
    public enum Stage: String, Sendable, Codable, CaseIterable {
        /// `feedback.acknowledged`
        case acknowledged
        /// `feedback.responded`
        case answered
        /// `feedback.closed`
        case closed
        /// `contribution.influence_traced`
        case influenceTraced = "influence_traced"

        /// The stage an event of `type` is, if it is one.
        public init?(eventType type: String) {
            switch type {
            case FeedbackAcknowledged.eventType: self = .acknowledged
            case FeedbackResponded.eventType: self = .answered
            case FeedbackClosed.eventType: self = .closed
            case ContributionInfluenceTraced.eventType: self = .influenceTraced
            default: return nil
            }
        }

        /// What `feedback.submitter_notified` calls telling of this stage (nil for a contribution's).
        public var notificationKind: FeedbackVocabulary.NotificationKind? {
            switch self {
            case .answered: return .response
            case .acknowledged, .closed: return .statusUpdate
            case .influenceTraced: return nil
            }
        }
    }

    /// The answer to feedback, as the person is owed it: the published texts when they agreed to
    /// publication, else the texts sealed for them in the answer's private part.
    public struct Answer: Sendable, Equatable {
        /// "You said".
        public var youSaid: String?
        /// "We did".
        public var weDid: String?
        /// What came of it (`change_made`, …).
        public var changeStatus: String
        /// What changed, is planned, or where it was referred.
        public var changeDescription: String?
        /// Why nothing changes.
        public var reason: String?
        /// True when the texts are the published ones (the person agreed to publication).
        public var published: Bool

        /// An answer with these members.
        public init(
            youSaid: String?, weDid: String?, changeStatus: String, changeDescription: String?, reason: String?, published: Bool
        ) {
            self.youSaid = youSaid
            self.weDid = weDid
            self.changeStatus = changeStatus
            self.changeDescription = changeDescription
            self.reason = reason
            self.published = published
        }
    }

    /// What a contribution was traced to (`contribution.influence_traced`).
    public struct Influence: Sendable, Equatable {
        /// What kind of thing it influenced (`decision`, `action`, …).
        public var targetType: String
        /// Its id.
        public var targetId: String
        /// How far it was taken up (`adopted`, `adapted`, `considered_not_adopted`).
        public var influence: String
        /// How it shaped the target, or why it was not adopted.
        public var explanation: String
    }

    /// The stage.
    public var stage: Stage
    /// The feedback id (such as `WEB-20261207-7K3QX9ZD`) or the contribution id.
    public var itemId: String
    /// The id of the event that recorded the stage (the notification's causation).
    public var stageEventId: String
    /// Its index in the log.
    public var stageIndex: Int
    /// When the stage happened (the event's effective time, RFC 3339 UTC).
    public var stageAt: String
    /// When the feedback arrived (nil for a contribution).
    public var receivedAt: String?
    /// How to reach the person, from the private part.
    public var contact: ContactDetails
    /// The name they gave, if any (private part).
    public var name: String?
    /// For ``Stage/answered``: the answer.
    public var answer: Answer?
    /// For ``Stage/closed``: why (`responded`, `duplicate`, …) and the public note.
    public var closeReason: String?
    /// The public note of a closure.
    public var closeNote: String?
    /// For ``Stage/influenceTraced``: what the contribution influenced, how far, and why.
    public var influence: Influence?

    /// True for a feedback item's stage, false for a contribution's.
    public var isFeedback: Bool { stage != .influenceTraced }
}

/// How a person asked to be reached, as they typed it, sorted into what the outbox can use.
public enum ContactDetails: Sendable, Equatable {
    /// An email address: the outbox sends to it.
    case email(String)
    /// A phone number: the outbox cannot ring, so a person must ("needs a person to phone").
    case phone(String)
    /// Something else (a postal address, a handle): a person must read it and act.
    case other(String)

    /// Sorts `text` (trimmed): an address `local@domain.tld` with no spaces or control characters
    /// is an email; seven or more digits with only `+ ( ) - . ` and spaces around them is a phone
    /// number; anything else is ``other(_:)``.
    public init(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if Self.isEmailAddress(t) {
            self = .email(t)
        } else if t.unicodeScalars.filter({ ("0"..."9").contains($0) }).count >= 7,
            t.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || " +()-.".unicodeScalars.contains($0) })
        {
            self = .phone(t)
        } else {
            self = .other(t)
        }
    }

    /// A plain address: one `@`, a non-empty local part, a domain with a dot and letters, digits,
    /// hyphens; printable ASCII with no spaces, angle brackets or quotes (so it can never break
    /// out of an SMTP command or a header).
    public static func isEmailAddress(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64, s.count <= 254 else { return false }
        let localOK = parts[0].unicodeScalars.allSatisfy {
            $0.isASCII && $0.value > 32 && $0.value < 127 && !"<>()[]\\,;:\"@".unicodeScalars.contains($0)
        }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        let domainOK =
            labels.count >= 2
            && labels.allSatisfy { label in
                !label.isEmpty && !label.hasPrefix("-") && !label.hasSuffix("-")
                    && label.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
            }
        return localOK && domainOK
    }
}

/// The outbox: the notifications the log owes, derived from the log alone (<doc:Outbox>).
public enum Outbox {
    /// The event types the outbox reads.
    static let types: Set<String> = [
        FeedbackReceived.eventType, FeedbackAcknowledged.eventType, FeedbackResponded.eventType, FeedbackClosed.eventType,
        SubmitterNotified.eventType, ContributionRecorded.eventType, ContributionInfluenceTraced.eventType,
        ContributorNotified.eventType, PersonRegistered.eventType, ConsentRecorded.eventType, ConsentWithdrawn.eventType,
    ]

    /// A stage as found in the log.
    struct StageEvent {
        var stage: OwedNotification.Stage
        var event: Event
        var index: Int
        var payload: any EventPayload
    }

    /// A notification as recorded: the stage it names (causation), or, recorded by hand without
    /// one, its kind and place.
    struct Told {
        var causation: String?
        var kind: FeedbackVocabulary.NotificationKind?
        var index: Int
    }

    struct Item {
        var index: Int
        var event: Event
        var consent: Bool
        var person: String?
        var stages: [StageEvent] = []
        var told: [Told] = []
    }

    /// Whether `stage` has been told of: a notification names it as its causation, or one
    /// recorded without a causation comes after it in the log and is of its kind (for a
    /// contribution, any later one). The one definition of "notified" (<doc:Outbox>).
    static func told(_ stage: StageEvent, _ told: [Told]) -> Bool {
        told.contains { t in
            if let causation = t.causation { return causation == stage.event.id }
            return t.index > stage.index && (t.kind == nil || t.kind == stage.stage.notificationKind)
        }
    }

    /// The notifications owed at `size` (default: the whole log), in log order of their stages.
    ///
    /// - Parameter asOf: the day a contact consent's `expiresOn` is compared with (`YYYY-MM-DD`;
    ///   default today, UTC).
    public static func owed(in ledger: Ledger, size: Int? = nil, asOf: String? = nil) throws -> [OwedNotification] {
        let end = try size ?? ledger.size()
        let today = asOf ?? String(Timestamp.now().prefix(10))
        var feedback: [String: Item] = [:]
        var contributions: [String: Item] = [:]
        var personContact: [String: Int] = [:]  // person -> index of the registration holding their contact
        var contactConsents: [String: [String: ConsentRecorded]] = [:]  // person -> consent id -> consent
        var start = 0
        while start < end {
            let rows = try ledger.entries(from: start, limit: min(4096, end - start))
            if rows.isEmpty { break }
            start = rows.last!.index + 1
            for row in rows where types.contains(row.entry.event.type) {
                let event = row.entry.event
                guard let payload = try? Catalogue.decode(event) else { continue }
                switch payload {
                case let p as FeedbackReceived:
                    feedback[p.feedbackId] = Item(
                        index: row.index, event: event, consent: p.contactConsent,
                        person: p.submitter == FeedbackReceived.anonymous ? nil : p.submitter)
                case let p as SubmitterNotified:
                    feedback[p.feedbackId]?.told.append(Told(causation: event.causation, kind: p.kind, index: row.index))
                case let p as ContributionRecorded:
                    contributions[p.contributionId] = Item(index: row.index, event: event, consent: false, person: p.personId)
                case let p as ContributorNotified:
                    contributions[p.contributionId]?.told.append(Told(causation: event.causation, kind: nil, index: row.index))
                case let p as PersonRegistered:
                    if event.privatePart != nil { personContact[p.personId.rawValue] = row.index }
                case let p as ConsentRecorded where p.purpose == .contact:
                    contactConsents[p.personId, default: [:]][p.consentId] = p
                case let p as ConsentWithdrawn where p.purpose == .contact:
                    contactConsents[p.personId]?[p.consentId] = nil
                default:
                    guard let stage = OwedNotification.Stage(eventType: event.type) else { continue }
                    let s = StageEvent(stage: stage, event: event, index: row.index, payload: payload)
                    if let id = (payload as? FeedbackAcknowledged)?.feedbackId ?? (payload as? FeedbackResponded)?.feedbackId
                        ?? (payload as? FeedbackClosed)?.feedbackId
                    {
                        feedback[id]?.stages.append(s)
                    } else if let id = (payload as? ContributionInfluenceTraced)?.contributionId {
                        contributions[id]?.stages.append(s)
                    }
                }
            }
        }

        /// The private data of entry `index`, when it is still held (nil when erased or absent).
        func privateData(_ index: Int) throws -> [String: JSONValue]? {
            guard case .available(_, _, let data)? = try ledger.privateRecord(at: index) else { return nil }
            return data.objectValue
        }
        /// The person's contact and name from their registration, when still held.
        func registered(_ person: String?) throws -> (contact: String, name: String?)? {
            guard let person, let index = personContact[person], let data = try privateData(index),
                let contact = data["contact"]?.stringValue
            else { return nil }
            return (contact, data["name"]?.stringValue)
        }

        var out: [OwedNotification] = []
        for (id, item) in feedback where item.consent {
            let pending = item.stages.filter { !told($0, item.told) }
            if pending.isEmpty { continue }
            // The contact the person gave with the feedback; else, for a registered person, their
            // registration's. An erased subject has neither: nothing is owed.
            let given = try privateData(item.index)
            let reach: (contact: String, name: String?)?
            if let contact = given?["contact"]?.stringValue {
                reach = (contact, given?["name"]?.stringValue)
            } else {
                reach = try registered(item.person)
            }
            guard let reach else { continue }
            let received = try? Catalogue.decode(FeedbackReceived.self, payload: .object(item.event.payload))
            for s in pending {
                var n = OwedNotification(
                    stage: s.stage, itemId: id, stageEventId: s.event.id, stageIndex: s.index, stageAt: s.event.occurredAt,
                    receivedAt: received?.receivedAt, contact: ContactDetails(reach.contact), name: reach.name)
                switch s.payload {
                case let r as FeedbackResponded:
                    let sealed = r.publicSummary == nil && r.response == nil ? try privateData(s.index) : nil
                    n.answer = .init(
                        youSaid: r.publicSummary ?? sealed?[FeedbackResponded.CodingKeys.publicSummary.rawValue]?.stringValue,
                        weDid: r.response ?? sealed?[FeedbackResponded.CodingKeys.response.rawValue]?.stringValue,
                        changeStatus: r.changeStatus.rawValue, changeDescription: r.changeDescription, reason: r.reason,
                        published: r.publicSummary != nil || r.response != nil)
                case let c as FeedbackClosed:
                    n.closeReason = c.reason.rawValue
                    n.closeNote = c.note
                default: break
                }
                out.append(n)
            }
        }
        for (id, item) in contributions {
            guard let person = item.person else { continue }
            let consents = contactConsents[person]?.values.filter { c in
                (c.expiresOn.map { $0 >= today } ?? true)
                    && (c.coverage == .all || (c.itemRefs ?? []).contains("contribution/\(id)"))
            }
            guard let consents, !consents.isEmpty else { continue }
            let pending = item.stages.filter { !told($0, item.told) }
            guard !pending.isEmpty, let reach = try registered(person) else { continue }
            for s in pending {
                guard let t = s.payload as? ContributionInfluenceTraced else { continue }
                var n = OwedNotification(
                    stage: s.stage, itemId: id, stageEventId: s.event.id, stageIndex: s.index, stageAt: s.event.occurredAt,
                    receivedAt: nil, contact: ContactDetails(reach.contact), name: reach.name)
                n.influence = .init(
                    targetType: t.targetType.rawValue, targetId: t.targetId, influence: t.influence.rawValue,
                    explanation: t.explanation)
                out.append(n)
            }
        }
        return out.sorted { $0.stageIndex < $1.stageIndex }
    }
}
