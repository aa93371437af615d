import Foundation
import LedgerCore
import LedgerDomain

/// The audit tests' events are built as typed payloads: each is its type's catalogue example with
/// the members the rule reads set by the test, so every fixture is complete and valid (it decodes
/// strictly, as the audit's typed fold requires) and a renamed member fails to compile here too.
extension EventPayload {
    /// This payload with `change` applied.
    func with(_ change: (inout Self) -> Void) -> Self {
        var copy = self
        change(&copy)
        return copy
    }
}

extension AuditRuleTests.Log {
    /// Appends `payload` as an event of its type and newest version in its own stream, occurring
    /// on `day` at 10:00 UTC; members that restate the effective time are set from that time
    /// (``EffectiveTime/payloadMembers(type:at:)``). Returns its index.
    @discardableResult
    func add<P: EventPayload>(
        _ payload: P, on day: String, id: String? = nil,
        private data: (subject: String, data: [String: JSONValue])? = nil,
        signer: Ed25519SigningKey? = nil
    ) throws -> Int {
        let time = day + "T10:00:00Z"
        var members = Catalogue.json(of: payload).objectValue ?? [:]
        members.merge(EffectiveTime.payloadMembers(type: P.eventType, at: time)) { _, restated in restated }
        return try append(
            P.eventType, version: P.typeVersion, payload.stream, at: time, members, id: id, private: data,
            signer: signer)
    }

    /// A body with only the terms the governance rules read: no chair, no facilitators, no region,
    /// no Expert-by-Experience minimum unless given.
    func body(
        _ id: BodyID, type: BodyType = .other, quorum: PositiveInt, of category: PersonCategory? = nil, ebe: Count = 0,
        chair: RoleID? = nil, facilitators: [RoleID] = [], region: EntityID? = nil
    ) -> BodyEstablished {
        BodyEstablished.example.with {
            $0.bodyId = id
            $0.bodyType = type
            $0.parentBodyId = nil
            $0.regionId = region
            $0.chairRoleId = chair
            $0.facilitatorRoleIds = facilitators
            $0.quorumRule = QuorumRule(min: quorum, ofCategory: category)
            $0.ebePresenceRule = EbePresenceRule(minCount: ebe)
        }
    }

    /// A meeting of `body` with these attendees (members unless a role is given), recording the
    /// recusals given or, without any, that nobody declared an interest.
    func meeting(
        _ id: EntityID, of body: BodyID, _ attendees: [(PersonID, PersonCategory, MeetingRole)],
        recused: [(PersonID, EntityID)] = []
    ) -> MeetingHeld {
        MeetingHeld(
            meetingId: id, bodyId: body,
            attendees: attendees.map { Attendee(personId: $0.0, category: $0.1, role: $0.2) }, apologies: [],
            quorumMet: true, ebePresent: 0,
            declarationsMade: recused.isEmpty
                ? nil : recused.map { MeetingDeclaration(personId: $0.0, itemRef: $0.1, action: .recused) },
            noneDeclared: recused.isEmpty ? true : nil)
    }

    /// Feedback received on `day`, with the consents given.
    func feedback(_ id: String, contact: Bool = false, publish: Bool = false) -> FeedbackReceived {
        FeedbackReceived.example.with {
            $0.feedbackId = id
            $0.contactConsent = contact
            $0.consentToPublish = publish
        }
    }

    /// An answer to feedback `id`: no change, with a reason, and no texts for publication.
    func answer(_ id: String, _ status: FeedbackVocabulary.ChangeStatus = .noChangeWithReason) -> FeedbackResponded {
        FeedbackResponded.example.with {
            $0.feedbackId = id
            $0.changeStatus = status
            $0.publicSummary = nil
            $0.response = nil
            $0.changeDescription = status == .noChangeWithReason ? nil : "A change."
            $0.reason = status == .noChangeWithReason ? "Not ours to change." : nil
            $0.actionRef = nil
            $0.lawfulBasisRef = nil
        }
    }

    /// An observation of `metric` with one cell and no ethnicity breakdown.
    func observation(_ metric: String) -> MetricObserved {
        MetricObserved.example.with {
            $0.metricId = metric
            $0.scope = .national
            $0.regionId = nil
            $0.serviceId = nil
            $0.cells = [MetricVocabulary.Cell(dims: MetricVocabulary.Dims(), n: 1, d: 2)]
            $0.ethnicityCodeSystem = nil
            $0.completeness = nil
        }
    }
}
