import Foundation
import LedgerCore
import LedgerDomain
import LedgerStore
import Testing

/// The PCREF admission policy at append time: each refusal class and each role, allowed and
/// refused, each refusal proving nothing was appended.
@Suite struct DomainPolicyTests {
    /// A ledger enforcing the policy, with people, keys, a role, a body and its chair.
    struct World {
        let t: DomainLedger
        let chair: Ed25519SigningKey      // holds R-CHAIR-X, chair of B-X
        let member: Ed25519SigningKey     // a registered Expert by Experience
        let intake: Ed25519SigningKey     // the public form
        let evaluator: Ed25519SigningKey  // an independent evaluator
        var ledger: Ledger { t.ledger }
        var admin: Ed25519SigningKey { t.admin }
    }

    static func draft(_ type: String, _ stream: String, _ payload: [String: JSONValue]) -> JSONValue {
        .object(["type": .string(type), "typeVersion": .number(Double(UpcasterChain.standard.newestVersion(of: type) ?? 1)), "stream": .string(stream), "payload": .object(payload)])
    }

    static func person(_ id: String, _ category: String) -> JSONValue {
        draft("person.registered", "person/\(id)", ["personId": .string(id), "categories": [.string(category)], "lawfulBasisRef": "ROPA-1"])
    }

    static func key(_ k: Ed25519SigningKey, holder: String, role: String) -> JSONValue {
        draft("key.registered", "key/\(k.keyID)", [
            "keyId": .string(k.keyID), "publicKey": .string(Base64.encode(k.publicKey.rawRepresentation)),
            "holder": .string(holder), "role": .string(role),
        ])
    }

    static func body(_ id: String, chair: String) -> JSONValue {
        draft("body.established", "body/\(id)", [
            "bodyId": .string(id), "bodyType": "B-AMHEPF", "name": .string("Forum \(id)"), "chairRoleId": .string(chair), "aliases": [],
            "facilitatorRoleIds": [], "torDocHash": .string("sha256:" + String(repeating: "ab", count: 32)),
            "quorumRule": ["min": 3], "ebePresenceRule": ["minCount": 1], "decisionScope": "operational",
        ])
    }

    static func feedback(_ id: String, submitter: String) -> JSONValue {
        draft("feedback.received", "feedback/\(id)", [
            "feedbackId": .string(id), "channel": "survey", "receivedAt": "2026-03-02T10:15:00Z", "submitter": .string(submitter),
            "language": "en", "consentToPublish": false, "contactConsent": false,
        ])
    }

    static func world() throws -> World {
        let t = try DomainLedger()
        let chair = Ed25519SigningKey(), member = Ed25519SigningKey(), intake = Ed25519SigningKey(), evaluator = Ed25519SigningKey()
        let setup: [JSONValue] = [
            person("p-0001", "staff"), person("p-0002", "ebe_lived"), person("p-0003", "independent_evaluator"),
            key(chair, holder: "person/p-0001", role: "member"), key(member, holder: "person/p-0002", role: "member"),
            key(intake, holder: "system/public-form", role: "intake"), key(evaluator, holder: "person/p-0003", role: "evaluator"),
            draft("role.defined", "role/R-CHAIR-X", ["roleId": "R-CHAIR-X", "name": "Chair of X", "aliases": [], "singleOccupant": true]),
            draft("role.assigned", "role/R-CHAIR-X", ["roleId": "R-CHAIR-X", "personId": "p-0001", "from": "2026-01-01"]),
            body("B-X", chair: "R-CHAIR-X"),
            draft("role.defined", "role/R-CHAIR-Y", ["roleId": "R-CHAIR-Y", "name": "Chair of Y", "aliases": [], "singleOccupant": true]),
            body("B-Y", chair: "R-CHAIR-Y"),
        ]
        for d in setup {
            do {
                _ = try t.ledger.append(draft: d, signer: t.admin)
            } catch {
                throw CLIFailureTest("setting up: \(error)")
            }
        }
        return World(t: t, chair: chair, member: member, intake: intake, evaluator: evaluator)
    }

    /// Appends, expecting a refusal of `rule` whose message contains `text`; checks nothing was appended.
    static func refused(_ w: World, _ d: JSONValue, by key: Ed25519SigningKey, rule: String, pointer: String? = nil, _ text: String = "") throws {
        let before = try w.ledger.size()
        let refusal = Self.policyRefusal { () throws(LedgerError) in _ = try w.ledger.append(draft: d, signer: key) }
        if let refusal {
            #expect(refusal.rule == rule, "\(refusal)")
            if let pointer { #expect(refusal.pointer == pointer, "\(refusal)") }
            if !text.isEmpty { #expect(refusal.description.contains(text), "\(refusal)") }
        } else {
            Issue.record("expected a \(rule) refusal")
        }
        #expect(try w.ledger.size() == before, "a refused event must append nothing")
    }

    /// The policy refusal `body` threw, if it threw one.
    static func policyRefusal(_ body: () throws(LedgerError) -> Void) -> AdmissionRefusal? {
        let error: LedgerError
        do {
            try body()
            return nil
        } catch let e {
            error = e
        }
        if case .refusedByPolicy(_, let refusal) = error { return refusal }
        Issue.record("expected a policy refusal, got \(error)")
        return nil
    }

    @Test func refusalClassesAppendNothing() throws {
        let w = try Self.world()
        defer { w.t.remove() }
        try Self.refused(w, Self.draft("example.note", "n/1", [:]), by: w.admin, rule: "schema", pointer: "/type", "unknown event type")
        var missing = (Self.feedback("F-1", submitter: "p-0002").objectValue ?? [:])
        var payload = missing["payload"]?.objectValue ?? [:]
        payload["channel"] = nil
        missing["payload"] = .object(payload)
        try Self.refused(w, .object(missing), by: w.member, rule: "schema", pointer: "/payload/channel", "missing")
        payload["channel"] = "carrier_pigeon"
        missing["payload"] = .object(payload)
        try Self.refused(w, .object(missing), by: w.member, rule: "schema", pointer: "/payload/channel")
        try Self.refused(
            w, Self.draft("feedback.acknowledged", "feedback/F-404", ["feedbackId": "F-404", "at": "2026-03-03T10:00:00Z", "method": "email"]),
            by: w.member, rule: "reference", pointer: "/payload/feedbackId", "does not exist")
        try Self.refused(
            w, Self.draft("action.status_changed", "action/LG-9", ["actionId": "LG-9", "status": "in_progress", "note": "started", "evidenceRefs": []]),
            by: w.admin, rule: "reference")
        // A decision recorded in a meeting that was never held or scheduled.
        _ = try w.ledger.append(
            draft: Self.draft("decision.proposed", "decision/D-1", [
                "decisionId": "D-1", "bodyId": "B-X", "title": "Interpreters", "text": "Book interpreters.", "proposer": "p-0002",
                "inputs": [], "competencies": ["C-CA"], "pillars": [], "objectives": [],
            ]), signer: w.chair)
        try Self.refused(
            w, Self.draft("decision.recorded", "decision/D-1", [
                "decisionId": "D-1", "meetingId": "M-404", "outcome": "approved", "method": "consensus",
                "quorumSnapshot": ["met": true, "present": 4, "required": 3], "ebePresentCount": 1, "recusals": [],
                "rationale": "Agreed.", "ladderRung": "co_production",
            ]), by: w.chair, rule: "reference", pointer: "/payload/meetingId")
        // Responding to closed feedback.
        _ = try w.ledger.append(draft: Self.feedback("F-1", submitter: "p-0002"), signer: w.member)
        _ = try w.ledger.append(draft: Self.draft("feedback.closed", "feedback/F-1", ["feedbackId": "F-1", "reason": "duplicate"]), signer: w.member)
        try Self.refused(
            w, Self.draft("feedback.acknowledged", "feedback/F-1", ["feedbackId": "F-1", "at": "2026-03-03T10:00:00Z", "method": "email"]),
            by: w.member, rule: "transition", pointer: "/payload/feedbackId", "closed")
        // Defining the same feedback twice.
        try Self.refused(w, Self.feedback("F-1", submitter: "p-0002"), by: w.member, rule: "reference", "already exists")
        #expect(try w.ledger.verify().ok)
    }

    @Test func administratorsRegisterPeopleAndOthersMayNot() throws {
        let w = try Self.world()
        defer { w.t.remove() }
        _ = try w.ledger.append(draft: Self.person("p-0100", "ebe_carer"), signer: w.admin)
        for key in [w.chair, w.member, w.intake, w.evaluator] {
            try Self.refused(w, Self.person("p-0101", "ebe_carer"), by: key, rule: "authorization", pointer: "/signer")
        }
    }

    @Test func aBodysChairRecordsItsMeetingsAndNoOneElseExceptAdmins() throws {
        let w = try Self.world()
        defer { w.t.remove() }
        let meeting = { (id: String, body: String) in
            Self.draft("meeting.scheduled", "meeting/\(id)", [
                "meetingId": .string(id), "bodyId": .string(body), "scheduledFor": "2026-03-04T14:00:00Z",
                "agendaHash": .string("sha256:" + String(repeating: "cd", count: 32)),
            ])
        }
        _ = try w.ledger.append(draft: meeting("M-1", "B-X"), signer: w.chair)
        try Self.refused(w, meeting("M-2", "B-Y"), by: w.chair, rule: "authorization", "bodyOfficer")
        try Self.refused(w, meeting("M-3", "B-X"), by: w.member, rule: "authorization")
        try Self.refused(w, meeting("M-4", "B-X"), by: w.evaluator, rule: "authorization")
        _ = try w.ledger.append(draft: meeting("M-5", "B-Y"), signer: w.admin)
    }

    @Test func membersRecordFeedbackIntakeOnlyAnonymousEvaluatorsNone() throws {
        let w = try Self.world()
        defer { w.t.remove() }
        _ = try w.ledger.append(draft: Self.feedback("F-1", submitter: "p-0002"), signer: w.member)
        _ = try w.ledger.append(draft: Self.feedback("F-2", submitter: "anonymous"), signer: w.intake)
        try Self.refused(w, Self.feedback("F-3", submitter: "p-0002"), by: w.intake, rule: "authorization", "anonymous")
        try Self.refused(w, Self.feedback("F-4", submitter: "anonymous"), by: w.evaluator, rule: "authorization")
    }

    @Test func evaluatorsRecordEvaluationsAndNothingElse() throws {
        let w = try Self.world()
        defer { w.t.remove() }
        _ = try w.ledger.append(
            draft: Self.draft("evaluation.commissioned", "evaluation/EV-1", [
                "evaluationId": "EV-1", "evaluatorOrg": "Midlands University", "independenceStatement": "No ties.", "scope": "national",
            ]), signer: w.admin)
        let report = Self.draft("evaluation.reported", "evaluation/EV-1", [
            "evaluationId": "EV-1", "findings": "Feedback is acknowledged on time.", "recommendations": [],
            "reportHash": .string("sha256:" + String(repeating: "ef", count: 32)),
        ])
        try Self.refused(w, report, by: w.member, rule: "authorization")
        _ = try w.ledger.append(draft: report, signer: w.evaluator)
        try Self.refused(w, Self.person("p-0200", "staff"), by: w.evaluator, rule: "authorization")
    }
}

/// A ledger enforcing the PCREF policy in a temporary folder.
struct DomainLedger {
    let directory: URL
    let ledger: Ledger
    let logKey = Ed25519SigningKey()
    let admin = Ed25519SigningKey()

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("coledger-domain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        ledger = try Ledger.create(
            path: directory.appendingPathComponent("ledger.db").path, origin: "test.example/pcref", logKey: logKey, admins: [admin],
            policy: DomainPolicy.standard)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

struct CLIFailureTest: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

@Suite struct PolicyReplayTests {
    @Test func verifyReplaysThePolicyAndCatchesAnEntryItWouldHaveRefused() throws {
        let w = try DomainPolicyTests.world()
        defer { w.t.remove() }
        #expect(try w.ledger.verify().ok, "a ledger the policy built replays cleanly")
        // Someone with the member's key forges a person registration past the store.
        let size = try w.ledger.size()
        var entries = try w.ledger.entries(from: 0, limit: size).map(\.entry.bytes)
        let event = Event(
            id: Identifier.newUUID(), type: "person.registered", typeVersion: 1, stream: "person/p-0999", streamVersion: 1,
            occurredAt: "2026-04-01T09:00:00Z", signer: w.member.keyID,
            payload: ["personId": "p-0999", "categories": ["staff"], "lawfulBasisRef": "ROPA-1"])
        entries.append(try Entry(event: event, recordedAt: "2026-04-01T09:00:00.000Z", signature: w.member.signature(for: try event.signingMessage())).bytes)
        let verifier = LogVerifier()
        verifier.policy = DomainPolicy.standard
        verifier.consume(entries)
        verifier.finish()
        let failures = VerificationFailure.sorted(verifier.failures)
        #expect(failures.count == 1)
        #expect(failures.first?.index == size)
        #expect(failures.first?.check == "policy")
        #expect(failures.first?.detail.contains("AUTH-1") == true)
    }
}

@Suite struct DomainErasureTests {
    /// Under the PCREF policy too, personal data goes to the private part and erasure appends a
    /// catalogue-valid subject.erased signed by an admin.
    @Test func erasureUnderThePolicy() throws {
        let w = try DomainPolicyTests.world()
        defer { w.t.remove() }
        var feedback = DomainPolicyTests.feedback("F-9", submitter: "p-0002").objectValue ?? [:]
        feedback["private"] = .object(["subject": "person/p-0002", "data": .object(["text": "The waiting room has no prayer space."])])
        let r = try w.ledger.append(draft: .object(feedback), signer: w.member)
        guard case .available? = try w.ledger.privateRecord(at: r.index) else {
            Issue.record("the text should be held outside the log")
            return
        }
        let erased = try w.ledger.erase(subject: "person/p-0002", signer: w.admin, requestRef: "ER-2026-0001")
        #expect(try w.ledger.entry(at: erased.index)?.entry.event.type == "subject.erased")
        #expect(try w.ledger.privateRecord(at: r.index) == .erased(subject: "person/p-0002"))
        #expect(try w.ledger.verify().ok)
        // A member may not erase.
        #expect(throws: LedgerError.self) { try w.ledger.erase(subject: "person/p-0001", signer: w.member) }
    }
}
