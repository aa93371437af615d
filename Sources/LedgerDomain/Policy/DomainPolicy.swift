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
        try checkTransition(event, facts: facts, changes: &changes)
        try checkAttendance(payload, facts: facts)
        try checkResponsePrivacy(event, payload: payload, facts: facts)
        // 5. Authorization, as things stood before this event.
        let principals = principals(of: signer, for: event, facts: facts)
        if let reason = authorization.refusal(for: event, principals: principals) {
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

    /// What the signer is for this event: its key role, and body officer if it holds the chair
    /// or a facilitator role of the body the event is about.
    func principals(of signer: KeyRegistry.Key, for event: Event, facts: any FactReader) -> Set<String> {
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
        if let person, let body = body(of: event, facts: facts), let officers = facts.fact("body/\(body)/officers") {
            let held = officers.split(separator: ",").contains { facts.fact("role/\($0)/holder") == person }
            if held { out.insert("bodyOfficer") }
        }
        return out
    }

    static func person(fromHolder holder: String?) -> String? {
        guard let holder, holder.hasPrefix("person/") else { return nil }
        return String(holder.dropFirst("person/".count))
    }

    /// The body an event is about: its `bodyId`, or the body of its meeting or decision.
    func body(of event: Event, facts: any FactReader) -> String? {
        if let body = event.payload["bodyId"]?.stringValue { return body }
        if let meeting = event.payload["meetingId"]?.stringValue, let body = facts.fact("meeting/\(meeting)/body") { return body }
        if let decision = event.payload["decisionId"]?.stringValue, let body = facts.fact("decision/\(decision)/body") { return body }
        return nil
    }

    func checkTransition(_ event: Event, facts: any FactReader, changes: inout [String: String?]) throws(AdmissionRefusal) {
        let p = event.payload
        switch event.type {
        case _ where event.type.hasPrefix("feedback.") && event.type != "feedback.received":
            if let id = p["feedbackId"]?.stringValue, facts.fact("state/feedback/\(id)") == "closed" {
                throw AdmissionRefusal("transition", "/payload/feedbackId", "feedback \(id) is closed; record new feedback instead")
            }
        case "decision.recorded":
            if let id = p["decisionId"]?.stringValue {
                if facts.fact("state/decision/\(id)") == "recorded" {
                    throw AdmissionRefusal("transition", "/payload/decisionId", "decision \(id) was already recorded; use decision.reviewed to revisit it")
                }
                if let meeting = p["meetingId"]?.stringValue, let mBody = facts.fact("meeting/\(meeting)/body"),
                    let dBody = facts.fact("decision/\(id)/body"), mBody != dBody
                {
                    throw AdmissionRefusal("transition", "/payload/meetingId", "meeting \(meeting) is of body \(mBody), but decision \(id) was proposed to \(dBody)")
                }
            }
        case "meeting.scheduled", "meeting.held", "decision.proposed", "member.joined":
            if let body = body(of: event, facts: facts), facts.fact("state/body/\(body)") == "dissolved" {
                throw AdmissionRefusal("transition", "/payload/bodyId", "body \(body) was dissolved")
            }
        case "member.left":
            if let body = p["bodyId"]?.stringValue, let person = p["personId"]?.stringValue, facts.fact("member/\(body)/\(person)") == nil {
                throw AdmissionRefusal("transition", "/payload/personId", "\(person) is not a member of \(body)")
            }
        case "role.ended":
            if let role = p["roleId"]?.stringValue, let person = p["personId"]?.stringValue, facts.fact("role/\(role)/holder") != person {
                throw AdmissionRefusal("transition", "/payload/personId", "\(person) does not hold role \(role)")
            }
        case "body.dissolved":
            if let body = p["bodyId"]?.stringValue, facts.fact("state/body/\(body)") == "dissolved" {
                throw AdmissionRefusal("transition", "/payload/bodyId", "body \(body) was already dissolved")
            }
        default:
            break
        }
    }

    func record(_ event: Event, payload: (any EventPayload)?, facts: any FactReader, changes: inout [String: String?]) {
        let p = event.payload
        switch event.type {
        case "ledger.genesis":
            for admin in p["admins"]?.arrayValue ?? [] {
                if let id = admin["keyId"]?.stringValue {
                    changes["key/\(id)/role"] = "admin"
                    changes[Self.entityKey(.key, id)] = "0"
                }
            }
        case "key.registered":
            if let id = p["keyId"]?.stringValue {
                changes["key/\(id)/role"] = p["role"]?.stringValue ?? "member"
                changes[Self.entityKey(.key, id)] = "1"
            }
        case "role.assigned":
            if let role = p["roleId"]?.stringValue, let person = p["personId"]?.stringValue { changes["role/\(role)/holder"] = person }
        case "role.ended":
            if let role = p["roleId"]?.stringValue { changes["role/\(role)/holder"] = .some(nil) }
        case "body.established", "body.terms_amended":
            if let body = p["bodyId"]?.stringValue {
                var roles = (p["facilitatorRoleIds"]?.arrayValue ?? []).compactMap(\.stringValue)
                if let chair = p["chairRoleId"]?.stringValue { roles.insert(chair, at: 0) }
                if event.type == "body.established" { changes["body/\(body)/established"] = String(EffectiveTime.of(event).prefix(10)) }
                if event.type == "body.established" || p["chairRoleId"] != nil || p["facilitatorRoleIds"] != nil {
                    changes["body/\(body)/officers"] = roles.joined(separator: ",")
                }
            }
        case "body.dissolved":
            if let body = p["bodyId"]?.stringValue { changes["state/body/\(body)"] = "dissolved" }
        case "member.joined":
            if let body = p["bodyId"]?.stringValue, let person = p["personId"]?.stringValue {
                changes["member/\(body)/\(person)"] = p["membershipCategory"]?.stringValue ?? "member"
            }
        case "member.left":
            if let body = p["bodyId"]?.stringValue, let person = p["personId"]?.stringValue { changes["member/\(body)/\(person)"] = .some(nil) }
        case "meeting.scheduled":
            if let meeting = p["meetingId"]?.stringValue, let body = p["bodyId"]?.stringValue { changes["meeting/\(meeting)/body"] = body }
        case "decision.proposed":
            if let decision = p["decisionId"]?.stringValue, let body = p["bodyId"]?.stringValue { changes["decision/\(decision)/body"] = body }
        case "decision.recorded":
            if let decision = p["decisionId"]?.stringValue { changes["state/decision/\(decision)"] = "recorded" }
        case "feedback.closed":
            if let id = p["feedbackId"]?.stringValue { changes["state/feedback/\(id)"] = "closed" }
        default:
            break
        }
        recordRuleFacts(payload, changes: &changes)
        // Any event that names an event id makes that event referable (corrections, visibility).
        changes[FactKeys.eventPrefix + event.id] = "1"
    }
}
