import LedgerCore

/// Admission checks that come from the rule book: an event's stream is the one its payload's
/// entity lives in, attendees are recorded in the category the log holds for them, and an answer
/// to feedback publishes its texts only with the submitter's consent.
extension DomainPolicy {
    /// The refusal when the event's `stream` is not the stream of its payload's entity
    /// (``EventPayload/stream``): later verbs and readers look entities up by stream, so an
    /// event filed elsewhere could never be found.
    static func streamRefusal(_ event: Event, payload: any EventPayload) -> AdmissionRefusal? {
        guard event.stream != payload.stream else { return nil }
        return AdmissionRefusal(
            "schema", "/stream", "a \(event.type) event for this payload belongs in stream \(payload.stream), not \(event.stream)")
    }

    /// The refusal when a reference names an id that no event of the referenced kind could ever
    /// create (``EntityKind/acceptsId(_:)``, the creating member's syntax).
    static func impossibleReference(_ payload: any EventPayload) -> AdmissionRefusal? {
        guard let bad = payload.references.first(where: { !$0.kind.acceptsId($0.id) }) else { return nil }
        return AdmissionRefusal(
            "schema", "/payload" + bad.pointer,
            "no \(bad.kind.rawValue) can have the id \"\(bad.id)\": a \(bad.kind.rawValue) id must be \(bad.kind.idHint)")
    }

    /// The fact holding the categories a person was registered with (comma-separated).
    static func categoriesKey(_ person: String) -> String { "person/\(person)/categories" }

    /// Refuses a `meeting.held` whose attendee is typed in a category the log contradicts
    /// (``AttendanceRule/categoryRefusal(person:typed:body:membership:registered:)``), naming the
    /// person and the category the log holds.
    func checkAttendance(_ payload: (any EventPayload)?, facts: any FactReader) throws(AdmissionRefusal) {
        guard let meeting = payload as? MeetingHeld else { return }
        let body = meeting.bodyId.rawValue
        for (n, attendee) in meeting.attendees.enumerated() {
            let person = attendee.personId.rawValue
            let typed = attendee.category.rawValue
            let registered = facts.fact(Self.categoriesKey(person)).map { $0.split(separator: ",").map(String.init) }
            if let reason = AttendanceRule.categoryRefusal(
                person: person, typed: typed, body: body, membership: facts.fact("member/\(body)/\(person)"),
                registered: registered)
            {
                throw AdmissionRefusal("transition", "/payload/attendees/\(n)/category", reason)
            }
        }
    }
}

extension DomainPolicy {
    /// The fact holding whether feedback was received with consent to publish (`1` or `0`).
    static func publishConsentKey(_ feedback: String) -> String { "feedback/\(feedback)/consentToPublish" }

    /// Facts the rule book needs: a person's registered categories, feedback's consent to publish.
    func recordRuleFacts(_ payload: (any EventPayload)?, changes: inout [String: String?]) {
        switch payload {
        case let p as PersonRegistered:
            changes[Self.categoriesKey(p.personId.rawValue)] = p.categories.map(\.rawValue).joined(separator: ",")
        case let p as FeedbackReceived:
            changes[Self.publishConsentKey(p.feedbackId)] = p.consentToPublish ? "1" : "0"
        default:
            break
        }
    }

    /// Refuses a `feedback.responded` (version 2 on) that carries `publicSummary` or `response` in
    /// its public payload for feedback received without consent to publish: what the person did not
    /// agree to publish belongs in the private part.
    func checkResponsePrivacy(_ event: Event, payload: (any EventPayload)?, facts: any FactReader) throws(AdmissionRefusal) {
        guard event.typeVersion >= FeedbackResponded.typeVersion, let answer = payload as? FeedbackResponded,
            facts.fact(Self.publishConsentKey(answer.feedbackId)) == "0", let field = answer.consentedTextsPresent.first
        else { return }
        throw AdmissionRefusal(
            "schema", "/payload/\(field)",
            "feedback \(answer.feedbackId) was received without consent to publish; put \(field) in the event's private part, not the payload")
    }
}
