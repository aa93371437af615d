public import LedgerCore

/// The PCREF ledger's admission policy: every event must be a catalogue type whose payload
/// decodes strictly, may only refer to entities that already exist, must make a sensible
/// transition, and must be signed by a key the authorization policy allows.
///
/// It keeps its state as facts (`entity/<kind>/<id>`, `key/<id>/role`, `role/<id>/holder`,
/// `body/<id>/officers`, `meeting/<id>/body`, `decision/<id>/body`, `state/<kind>/<id>`,
/// `member/<body>/<person>`), which a store persists and a verifier rebuilds by replay.
public struct DomainPolicy: AdmissionPolicy {
    /// `pcref/v1`.
    public var name: String { authorization.name }
    /// Who may sign what.
    public var authorization: AuthorizationPolicy

    /// The standard policy.
    public static let standard = DomainPolicy(authorization: .standard)

    /// Creates a policy with the given authorization rules.
    public init(authorization: AuthorizationPolicy) {
        self.authorization = authorization
        // Start-up check: every old version of every type can be upcast to the newest.
        _ = UpcasterChain.standard
    }

    public func check(_ event: Event) -> AdmissionCheck {
        // 1. Type and payload (the upcaster chain brings old versions to the newest shape).
        let payload: any EventPayload
        do {
            payload = try Catalogue.decode(type: event.type, version: event.typeVersion, payload: .object(event.payload))
        } catch {
            let pointer = error.pointer.isEmpty && Catalogue.type(event.type, version: event.typeVersion) == nil
                ? (Catalogue.all.contains { $0.eventType == event.type } ? "/typeVersion" : "/type") : "/payload" + error.pointer
            return AdmissionCheck(refusal: AdmissionRefusal("schema", pointer, error.reason))
        }
        if event.privatePart == nil, !type(of: payload).privateFields.isEmpty,
            let leaked = type(of: payload).privateFields.first(where: { event.payload[$0] != nil })
        {
            return AdmissionCheck(refusal: AdmissionRefusal("schema", "/payload/\(leaked)", "personal data belongs in the event's private part, not the payload"))
        }
        if let refusal = Self.streamRefusal(event, payload: payload) ?? Self.impossibleReference(payload) {
            return AdmissionCheck(refusal: refusal)
        }
        // 2. Time: the payload restates the effective time faithfully, and it is not in the future.
        if let refusal = EffectiveTime.mismatch(event) ?? EffectiveTime.future(occurredAt: event.occurredAt) {
            return AdmissionCheck(refusal: refusal)
        }
        return AdmissionCheck(
            references: payload.references.map { .init(kind: $0.kind.rawValue, id: $0.id, pointer: $0.pointer) },
            defines: payload.defines.map { .init(kind: $0.kind.rawValue, id: $0.id, pointer: $0.pointer) }, decoded: payload)
    }

    public func admit(
        _ event: Event, checked: AdmissionCheck, at index: Int, signer: KeyRegistry.Key, facts: any FactReader
    ) throws(AdmissionRefusal) -> [String: String?] {
        if let refusal = checked.refusal { throw refusal }
        // 3. References: everything it relies on must already exist.
        for reference in checked.references where facts.fact("entity/\(reference.kind)/\(reference.id)") == nil {
            throw AdmissionRefusal(
                "reference", "/payload" + reference.pointer, "\(reference.kind) \(reference.id) does not exist yet in this log")
        }
        if let body = body(of: event, facts: facts), let established = facts.fact("body/\(body)/established"),
            let refusal = EffectiveTime.beforeBody(event, body: body, established: established)
        {
            throw refusal
        }
        var changes: [String: String?] = [:]
        if let defined = checked.defines {
            let key = "entity/\(defined.kind)/\(defined.id)"
            guard facts.fact(key) == nil else {
                throw AdmissionRefusal("reference", "/payload" + defined.pointer, "\(defined.kind) \(defined.id) already exists")
            }
            changes[key] = "\(index)"
        }
        // 4. Transitions. The rule book reads the payload as the newest version of its type.
        let payload = Catalogue.current(checked.decoded, of: event)
        try checkTransition(event, payload: payload, facts: facts)
        try checkAttendance(payload, facts: facts)
        try checkResponsePrivacy(event, payload: payload, facts: facts)
        // 5. Authorization, as things stood before this event.
        if let reason = authorizationRefusal(type: event.type, payload: event.payload, signer: signer, facts: facts) {
            throw AdmissionRefusal("authorization", "/signer", reason)
        }
        // 6. Facts this event establishes.
        record(event, payload: payload, facts: facts, changes: &changes)
        return changes
    }

    /// The effective time the payload states (see ``EffectiveTime/implied(type:payload:)``).
    public func impliedOccurredAt(type: String, payload: [String: JSONValue]) -> String? {
        EffectiveTime.implied(type: type, payload: payload)
    }

    static func entityKey(_ kind: EntityKind, _ id: String) -> String { "entity/\(kind.rawValue)/\(id)" }

    /// Whether `signer` may sign an event of `type` with `payload`, given the log's `facts`: nil
    /// when the authorization policy allows it, else why not. This is admission's own check (step
    /// 5 of ``admit(_:checked:at:signer:facts:)``), so a caller asking "may this person do X now"
    /// (the staff workspace, to show and to refuse) gets the answer the append would give.
    public func authorizationRefusal(
        type: String, payload: [String: JSONValue], signer: KeyRegistry.Key, facts: any FactReader
    ) -> String? {
        authorization.refusal(type: type, payload: payload, principals: principals(of: signer, payload: payload, facts: facts))
    }

    /// What the signer is for this event: its key role, and body officer if it holds the chair
    /// or a facilitator role of the body the event is about.
    func principals(of signer: KeyRegistry.Key, for event: Event, facts: any FactReader) -> Set<String> {
        principals(of: signer, payload: event.payload, facts: facts)
    }

    /// What the signer is for an event with `payload` (see ``principals(of:for:facts:)``).
    func principals(of signer: KeyRegistry.Key, payload: [String: JSONValue], facts: any FactReader) -> Set<String> {
        var out = Set<String>()
        if signer.isAdmin { out.insert("admin") }
        let role = facts.fact("key/\(signer.keyID)/role") ?? (signer.isAdmin ? "admin" : "member")
        let person = Self.person(fromHolder: signer.holder)
        switch role {
        case "admin": out.insert("admin")
        case "intake": out.insert("intake")
        case "evaluator": out.insert("evaluator")
        case "member":
            if let person, facts.fact(Self.entityKey(.person, person)) != nil { out.insert("member") }
        default: break
        }
        if let person, let body = body(of: payload, facts: facts), let officers = facts.fact("body/\(body)/officers") {
            let held = officers.split(separator: ",").contains { facts.fact("role/\($0)/holder") == person }
            if held { out.insert("bodyOfficer") }
        }
        return out
    }

    static func person(fromHolder holder: String?) -> String? {
        guard let holder, holder.hasPrefix("person/") else { return nil }
        return String(holder.dropFirst("person/".count))
    }

    /// The members through which any event is about a body, read raw: ``body(of:facts:)`` runs
    /// for every event, at every append and in `verify`, so it reads the stored members by name
    /// instead of switching over the catalogue. The names come from the payload types.
    enum BodyMember {
        /// `bodyId`.
        static let body = MeetingScheduled.CodingKeys.bodyId.stringValue
        /// `meetingId`.
        static let meeting = MeetingScheduled.CodingKeys.meetingId.stringValue
        /// `decisionId`.
        static let decision = DecisionProposed.CodingKeys.decisionId.stringValue
    }

    /// `feedbackId`, the member every feedback event after `feedback.received` names its feedback by.
    static let feedbackMember = FeedbackClosed.CodingKeys.feedbackId.stringValue

    /// The body an event is about: its `bodyId`, or the body of its meeting or decision.
    func body(of event: Event, facts: any FactReader) -> String? { body(of: event.payload, facts: facts) }

    /// The body an event with `payload` is about (see ``body(of:facts:)-(Event,_)``).
    func body(of p: [String: JSONValue], facts: any FactReader) -> String? {
        if let body = p[BodyMember.body]?.stringValue { return body }
        if let meeting = p[BodyMember.meeting]?.stringValue, let body = facts.fact("meeting/\(meeting)/body") {
            return body
        }
        if let decision = p[BodyMember.decision]?.stringValue, let body = facts.fact("decision/\(decision)/body") {
            return body
        }
        return nil
    }

    /// Refuses a transition the log's state does not allow (closed feedback, a decision recorded
    /// twice or at another body's meeting, a dissolved body, leaving a body one is not in, ending a
    /// role one does not hold). `payload` is the event's payload as the newest version of its type.
    func checkTransition(_ event: Event, payload: (any EventPayload)?, facts: any FactReader) throws(AdmissionRefusal) {
        // Switch on the type name first and cast once: casting to each type in turn costs more.
        switch event.type {
        case DecisionRecorded.eventType:
            guard let p = payload as? DecisionRecorded else { return }
            let id = p.decisionId.rawValue
            if facts.fact("state/decision/\(id)") == "recorded" {
                throw AdmissionRefusal(
                    "transition", Self.pointer(DecisionRecorded.CodingKeys.decisionId),
                    "decision \(id) was already recorded; use decision.reviewed to revisit it")
            }
            let meeting = p.meetingId.rawValue
            if let mBody = facts.fact("meeting/\(meeting)/body"), let dBody = facts.fact("decision/\(id)/body"),
                mBody != dBody
            {
                throw AdmissionRefusal(
                    "transition", Self.pointer(DecisionRecorded.CodingKeys.meetingId),
                    "meeting \(meeting) is of body \(mBody), but decision \(id) was proposed to \(dBody)")
            }
        case MeetingScheduled.eventType, MeetingHeld.eventType, DecisionProposed.eventType, MemberJoined.eventType:
            if let body = body(of: event, facts: facts), facts.fact("state/body/\(body)") == "dissolved" {
                throw AdmissionRefusal(
                    "transition", Self.pointer(MeetingScheduled.CodingKeys.bodyId), "body \(body) was dissolved")
            }
        case MemberLeft.eventType:
            guard let p = payload as? MemberLeft else { return }
            let body = p.bodyId.rawValue
            let person = p.personId.rawValue
            if facts.fact("member/\(body)/\(person)") == nil {
                throw AdmissionRefusal(
                    "transition", Self.pointer(MemberLeft.CodingKeys.personId), "\(person) is not a member of \(body)")
            }
        case RoleEnded.eventType:
            guard let p = payload as? RoleEnded else { return }
            let role = p.roleId.rawValue
            let person = p.personId.rawValue
            if facts.fact("role/\(role)/holder") != person {
                throw AdmissionRefusal(
                    "transition", Self.pointer(RoleEnded.CodingKeys.personId), "\(person) does not hold role \(role)")
            }
        case BodyDissolved.eventType:
            guard let p = payload as? BodyDissolved else { return }
            let body = p.bodyId.rawValue
            if facts.fact("state/body/\(body)") == "dissolved" {
                throw AdmissionRefusal(
                    "transition", Self.pointer(BodyDissolved.CodingKeys.bodyId), "body \(body) was already dissolved")
            }
        default:
            // A closed item takes nothing more, except telling its submitter (of the closure
            // itself, or of an answer given before it: the outbox records that after the close)
            // and the submitter's own reply to it.
            guard event.type.hasPrefix("feedback."), event.type != FeedbackReceived.eventType,
                event.type != SubmitterNotified.eventType, event.type != FeedbackReplyReceived.eventType,
                let id = event.payload[Self.feedbackMember]?.stringValue, facts.fact("state/feedback/\(id)") == "closed"
            else { return }
            throw AdmissionRefusal(
                "transition", "/payload/" + Self.feedbackMember, "feedback \(id) is closed; record new feedback instead")
        }
    }

    /// `/payload/<member>`.
    static func pointer(_ member: some CodingKey) -> String { "/payload/" + member.stringValue }

    /// The facts the event establishes; `payload` is its payload as the newest version of its type.
    func record(_ event: Event, payload: (any EventPayload)?, facts: any FactReader, changes: inout [String: String?]) {
        switch event.type {
        case LedgerGenesis.eventType:
            guard let p = payload as? LedgerGenesis else { break }
            for admin in p.admins {
                changes["key/\(admin.keyId.rawValue)/role"] = KeyRole.admin.rawValue
                changes[Self.entityKey(.key, admin.keyId.rawValue)] = "0"
            }
        case KeyRegistered.eventType:
            guard let p = payload as? KeyRegistered else { break }
            changes["key/\(p.keyId.rawValue)/role"] = (p.role ?? .member).rawValue
            changes[Self.entityKey(.key, p.keyId.rawValue)] = "1"
        case RoleAssigned.eventType:
            guard let p = payload as? RoleAssigned else { break }
            changes["role/\(p.roleId.rawValue)/holder"] = p.personId.rawValue
        case RoleEnded.eventType:
            guard let p = payload as? RoleEnded else { break }
            changes["role/\(p.roleId.rawValue)/holder"] = .some(nil)
        case BodyEstablished.eventType:
            guard let p = payload as? BodyEstablished else { break }
            let body = p.bodyId.rawValue
            changes["body/\(body)/established"] = String(EffectiveTime.of(event).prefix(10))
            changes["body/\(body)/officers"] = Self.officers(chair: p.chairRoleId, facilitators: p.facilitatorRoleIds)
        case BodyTermsAmended.eventType:
            guard let p = payload as? BodyTermsAmended else { break }
            if p.chairRoleId != nil || p.facilitatorRoleIds != nil {
                changes["body/\(p.bodyId.rawValue)/officers"] = Self.officers(
                    chair: p.chairRoleId, facilitators: p.facilitatorRoleIds ?? [])
            }
        case BodyDissolved.eventType:
            guard let p = payload as? BodyDissolved else { break }
            changes["state/body/\(p.bodyId.rawValue)"] = "dissolved"
        case MemberJoined.eventType:
            guard let p = payload as? MemberJoined else { break }
            changes["member/\(p.bodyId.rawValue)/\(p.personId.rawValue)"] = p.membershipCategory.rawValue
        case MemberLeft.eventType:
            guard let p = payload as? MemberLeft else { break }
            changes["member/\(p.bodyId.rawValue)/\(p.personId.rawValue)"] = .some(nil)
        case MeetingScheduled.eventType:
            guard let p = payload as? MeetingScheduled else { break }
            changes["meeting/\(p.meetingId.rawValue)/body"] = p.bodyId.rawValue
        case DecisionProposed.eventType:
            guard let p = payload as? DecisionProposed else { break }
            changes["decision/\(p.decisionId.rawValue)/body"] = p.bodyId.rawValue
        case DecisionRecorded.eventType:
            guard let p = payload as? DecisionRecorded else { break }
            changes["state/decision/\(p.decisionId.rawValue)"] = "recorded"
        case FeedbackClosed.eventType:
            guard let p = payload as? FeedbackClosed else { break }
            changes["state/feedback/\(p.feedbackId)"] = "closed"
        default:
            break
        }
        recordRuleFacts(payload, changes: &changes)
        // Any event that names an event id makes that event referable (corrections, visibility).
        changes[FactKeys.eventPrefix + event.id] = "1"
    }

    /// A body's officer roles as the `body/<id>/officers` fact holds them: the chair first.
    static func officers(chair: RoleID?, facilitators: [RoleID]) -> String {
        ((chair.map { [$0] } ?? []) + facilitators).map(\.rawValue).joined(separator: ",")
    }
}
