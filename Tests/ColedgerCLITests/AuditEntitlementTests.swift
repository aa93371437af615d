import Foundation
import LedgerCore
import LedgerDomain
import LedgerStore
import Testing

/// `coledger audit`'s entitlement part, one role of `Schemas/policy/authorization.v1.json` at a
/// time: an entry the role may sign leaves the audit clean; one it may not sign, written into the
/// store behind the append path's back, fails entitlement naming its index.
///
/// The append path refuses such entries, so they are written the way a rogue program would: the
/// same ledger file opened with a policy that carries the standard policy's name but allows any
/// signer. The entries are properly signed and in the tree; only the real policy, replayed by
/// the audit, shows who was not entitled. Audits are judged as of 2023-01-01, before the plan
/// starts, so no accountability rule applies and the exit status reflects integrity and
/// entitlement alone.
@Suite struct AuditEntitlementTests {
    static let roles = ["admin", "member", "intake", "evaluator", "bodyOfficer"]

    /// A PCREF ledger in which each role has signed something it may sign.
    final class EntitledLedger {
        let cli: CLI
        let ledger: Ledger
        let admin = EntitledLedger.key(2), member = EntitledLedger.key(3), officer = EntitledLedger.key(4)
        let intake = EntitledLedger.key(5), evaluator = EntitledLedger.key(6)
        /// The index of an entry each role signed with its own key, as the policy allows.
        var allowed: [String: Int] = [:]

        static func key(_ seed: UInt8) -> Ed25519SigningKey {
            // Fixed test seeds: a failure to derive a key from 32 bytes is a programming error.
            guard let key = try? Ed25519SigningKey(seed: [UInt8](repeating: seed, count: 32)) else { preconditionFailure("bad test seed") }
            return key
        }

        init() throws {
            cli = try CLI()
            ledger = try Ledger.create(
                path: cli.ledger, origin: "test.example/entitlement", logKey: Self.key(1), admins: [admin], policy: DomainPolicy.standard)
            func add(_ type: String, _ stream: String, _ payload: [String: JSONValue], by signer: Ed25519SigningKey? = nil) throws -> Int {
                try ledger.append(
                    draft: .object(["type": .string(type), "typeVersion": 1, "stream": .string(stream), "payload": .object(payload)]), signer: signer ?? admin
                ).index
            }
            for (person, category) in [("p-0001", "service_user"), ("p-0002", "staff"), ("p-0003", "independent_evaluator")] {
                _ = try add("person.registered", "person/\(person)", ["personId": .string(person), "categories": [.string(category)], "lawfulBasisRef": "ROPA-1"])
            }
            for (key, holder, role) in [(member, "person/p-0001", "member"), (officer, "person/p-0002", "member"), (intake, "system/feedback-form", "intake"),
                                        (evaluator, "person/p-0003", "evaluator")] {
                _ = try add("key.registered", "key/\(key.keyID)", [
                    "keyId": .string(key.keyID), "publicKey": .string(Base64.encode(key.publicKey.rawRepresentation)), "holder": .string(holder), "role": .string(role),
                ])
            }
            let hash: JSONValue = .string("sha256:" + String(repeating: "ab", count: 32))
            _ = try add("role.defined", "role/R-CHAIR-X", ["roleId": "R-CHAIR-X", "name": "Chair of B-X", "aliases": [], "singleOccupant": true])
            _ = try add("role.assigned", "role/R-CHAIR-X", ["roleId": "R-CHAIR-X", "personId": "p-0002", "from": "2026-01-01"])
            for (body, chair) in [("B-X", "R-CHAIR-X"), ("B-Y", nil)] as [(String, String?)] {
                var payload: [String: JSONValue] = [
                    "bodyId": .string(body), "bodyType": "B-OTHER", "name": .string("Body \(body)"), "aliases": [], "facilitatorRoleIds": [],
                    "torDocHash": hash, "quorumRule": ["min": 1], "ebePresenceRule": ["minCount": 0], "decisionScope": "operational",
                ]
                if let chair { payload["chairRoleId"] = .string(chair) }
                _ = try add("body.established", "body/\(body)", payload)
            }
            allowed["admin"] = try add("region.registered", "region/NW", ["regionId": "NW", "name": "North West", "servicesProvided": true])
            // B-X's chair schedules, holds and records its meeting; the admin does B-Y's.
            for (meeting, body, signer) in [("M-1", "B-X", officer), ("M-2", "B-Y", admin)] {
                _ = try add("meeting.scheduled", "meeting/\(meeting)", ["meetingId": .string(meeting), "bodyId": .string(body), "scheduledFor": "2026-02-01T14:00:00Z", "agendaHash": hash], by: signer)
            }
            for (decision, body, signer) in [("D-1", "B-X", officer), ("D-2", "B-Y", admin), ("D-3", "B-X", officer)] {
                _ = try add("decision.proposed", "decision/\(decision)", [
                    "decisionId": .string(decision), "bodyId": .string(body), "title": "A decision", "text": "What is decided.", "proposer": "p-0002",
                    "inputs": [], "competencies": [], "pillars": [], "objectives": [],
                ], by: signer)
            }
            for (meeting, body, signer) in [("M-1", "B-X", officer), ("M-2", "B-Y", admin)] {
                _ = try add("meeting.held", "meeting/\(meeting)", [
                    "meetingId": .string(meeting), "bodyId": .string(body), "attendees": [["personId": "p-0002", "category": "staff", "role": "chair"]],
                    "apologies": [], "quorumMet": true, "ebePresent": 0, "noneDeclared": true,
                ], by: signer)
            }
            allowed["bodyOfficer"] = try add("decision.recorded", "decision/D-1", Self.decision("D-1", meeting: "M-1"), by: officer)
            allowed["intake"] = try add("feedback.received", "feedback/FB-1", Self.feedback("FB-1", submitter: "anonymous"), by: intake)
            allowed["member"] = try add("feedback.received", "feedback/FB-2", Self.feedback("FB-2", submitter: "p-0001"), by: member)
            _ = try add("evaluation.commissioned", "evaluation/EV-1", [
                "evaluationId": "EV-1", "evaluatorOrg": "An independent university", "independenceStatement": "No ties.", "scope": "national",
            ])
            allowed["evaluator"] = try add(
                "evaluation.reported", "evaluation/EV-1", ["evaluationId": "EV-1", "reportHash": hash, "findings": "On track.", "recommendations": []], by: evaluator)
        }

        deinit { cli.remove() }

        static func decision(_ id: String, meeting: String) -> [String: JSONValue] {
            [
                "decisionId": .string(id), "meetingId": .string(meeting), "outcome": "approved", "method": "consensus",
                "quorumSnapshot": ["present": 1, "required": 1, "met": true], "ebePresentCount": 0, "recusals": [], "rationale": "Agreed.",
                "ladderRung": "consultation",
            ]
        }

        static func feedback(_ id: String, submitter: String) -> [String: JSONValue] {
            [
                "feedbackId": .string(id), "channel": "web_form", "receivedAt": "2026-02-02T10:00:00Z", "submitter": .string(submitter),
                "language": "en", "consentToPublish": false, "contactConsent": false,
            ]
        }

        /// Appends, as a rogue program would, what `role` may not sign; returns the indexes.
        func writeUnentitled(_ role: String) throws -> [Int] {
            var types: Set<String> = []
            for type in Catalogue.all { types.insert(type.eventType) }
            let anyone: JSONValue = [
                "policy": "pcref/v1",
                "rules": [[
                    "id": "ANYONE", "types": .array(types.sorted().map { JSONValue.string($0) }),
                    "allow": ["admin", "member", "intake", "evaluator", "bodyOfficer"],
                ]],
            ]
            let text = String(decoding: try CanonicalJSON.serialize(anyone), as: UTF8.self)
            let rogue = try Ledger.open(path: cli.ledger, policies: [DomainPolicy(authorization: try AuthorizationPolicy(json: text))])
            func add(_ type: String, _ stream: String, _ payload: [String: JSONValue], by signer: Ed25519SigningKey) throws -> Int {
                try rogue.append(
                    draft: .object(["type": .string(type), "typeVersion": 1, "stream": .string(stream), "payload": .object(payload)]), signer: signer
                ).index
            }
            switch role {
            case "admin":  // only an evaluator reports an evaluation (AUTH-5)
                return [try add("evaluation.reported", "evaluation/EV-1", ["evaluationId": "EV-1", "reportHash": .string("sha256:" + String(repeating: "cd", count: 32)), "findings": "Fine.", "recommendations": []], by: admin)]
            case "member":  // regions are registered by administrators (AUTH-1)
                return [try add("region.registered", "region/LDN", ["regionId": "LDN", "name": "London", "servicesProvided": true], by: member)]
            case "intake":  // the public form records anonymous feedback only (AUTH-4)
                return [try add("feedback.received", "feedback/FB-3", Self.feedback("FB-3", submitter: "p-0001"), by: intake)]
            case "evaluator":  // and an evaluator nothing but evaluation reports
                return [try add("feedback.acknowledged", "feedback/FB-1", ["feedbackId": "FB-1", "at": "2026-02-03T09:00:00Z", "method": "online"], by: evaluator)]
            default:  // bodyOfficer: B-X's chair records B-Y's decision; a member who is neither chair nor secretary records B-X's
                return [
                    try add("decision.recorded", "decision/D-2", Self.decision("D-2", meeting: "M-2"), by: officer),
                    try add("decision.recorded", "decision/D-3", Self.decision("D-3", meeting: "M-1"), by: member),
                ]
            }
        }

        /// Runs the built `coledger audit --format json` as of 2023-01-01.
        func audit(_ extra: [String] = []) throws -> (status: Int32, integrity: [JSONValue], entitlement: [JSONValue]) {
            let result = try cli.run(["--ledger", cli.ledger, "audit", "--format", "json", "--as-of", "2023-01-01"] + extra)
            let report = try CanonicalJSON.parse(Array(result.stdout.utf8))
            return (result.status, report["integrity"]?.arrayValue ?? [], report["entitlement"]?.arrayValue ?? [])
        }
    }

    @Test(arguments: roles)
    func eachRoleSignsWhatItMayAndIsCaughtSigningWhatItMayNot(role: String) throws {
        let log = try EntitledLedger()
        let keys = ["admin": log.admin, "member": log.member, "intake": log.intake, "evaluator": log.evaluator, "bodyOfficer": log.officer]
        let index = try #require(log.allowed[role])
        #expect(try log.ledger.entry(at: index)?.entry.event.signer == keys[role]?.keyID, "the allowed entry is the role's own")
        let clean = try log.audit()
        #expect(clean.status == 0)
        #expect(clean.integrity.isEmpty && clean.entitlement.isEmpty, "\(clean.entitlement)")

        let unentitled = try log.writeUnentitled(role)
        let caught = try log.audit()
        #expect(caught.status == 1)
        #expect(caught.integrity.isEmpty, "the entries are well formed and in the tree: \(caught.integrity)")
        #expect(caught.entitlement.compactMap { $0["index"]?.intValue } == unentitled)
        for failure in caught.entitlement {
            #expect(failure["check"]?.stringValue == "policy")
            #expect(failure["detail"]?.stringValue?.hasSuffix("(authorization)") == true, "\(failure)")
        }
    }

    @Test func aDecisionRecordedByNeitherChairNorSecretaryIsCaughtInABundleToo() throws {
        let log = try EntitledLedger()
        let unentitled = try log.writeUnentitled("bodyOfficer")
        _ = try log.ledger.signCheckpoint(with: EntitledLedger.key(1))
        let bundle = log.cli.directory.appendingPathComponent("bundle")
        _ = try log.ledger.export(to: bundle)
        let caught = try log.audit(["--bundle", bundle.path, "--log-key", log.ledger.logKey.description])
        #expect(caught.status == 1)
        #expect(caught.entitlement.compactMap { $0["index"]?.intValue } == unentitled)
        let member = caught.entitlement.last?["detail"]?.stringValue ?? ""
        #expect(member.contains("decision.recorded must be signed by admin or bodyOfficer"), "\(member)")
        #expect(member.contains("the signer is member"), "\(member)")
    }
}
