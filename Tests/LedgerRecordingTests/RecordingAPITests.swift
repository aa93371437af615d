import Foundation
import LedgerCore
import LedgerDomain
import LedgerRecording
import LedgerStore
import Testing

/// The recording API used directly, as a web form would: a real SQLite ledger enforcing the PCREF
/// policy, real Ed25519 signatures, no CLI.
@Suite struct RecordingAPITests {
    /// A PCREF ledger in a temporary folder, recorded in by its admin.
    struct World {
        let directory: URL
        let ledger: Ledger
        let admin = Ed25519SigningKey()
        var recorder: Recorder { Recorder(ledger: ledger) }

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("coledger-recording-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            ledger = try Ledger.create(
                path: directory.appendingPathComponent("ledger.db").path, origin: "test.example/recording", logKey: Ed25519SigningKey(),
                admins: [admin], policy: DomainPolicy.standard)
        }

        @discardableResult
        func record<R: RecordingRequest>(_ request: R, at time: String = "2026-05-01T10:00:00Z") throws -> Receipt {
            try recorder.record(request, at: time, signer: admin)
        }

        /// The typed payload of the entry at `index`, read back from the file.
        func payload(at index: Int) throws -> any EventPayload {
            try Catalogue.decode(try #require(try ledger.entries(from: index, limit: 1).first).entry.event)
        }

        /// Person p-0003 (an independent evaluator) and their evaluator key, recorded as raw drafts
        /// (key registration is not a recording request yet).
        func evaluator() throws -> Ed25519SigningKey {
            let key = Ed25519SigningKey()
            for (type, stream, payload) in [
                (
                    "person.registered", "person/p-0003",
                    ["personId": "p-0003", "categories": ["independent_evaluator"], "lawfulBasisRef": "ROPA-1"]
                ),
                (
                    "key.registered", "key/\(key.keyID)",
                    [
                        "keyId": .string(key.keyID), "publicKey": .string(Base64.encode(key.publicKey.rawRepresentation)),
                        "holder": "person/p-0003",
                        "role": "evaluator",
                    ]
                ),
            ] as [(String, String, JSONValue)] {
                _ = try ledger.append(
                    draft: .object([
                        "type": .string(type), "typeVersion": 1, "stream": .string(stream), "occurredAt": "2026-04-01T00:00:00Z",
                        "payload": payload,
                    ]),
                    signer: admin)
            }
            return key
        }

        /// Appends `payload` as a raw draft at `time`, for what is not (yet) recorded through a request.
        func appendRaw<P: EventPayload>(_ payload: P, at time: String) throws {
            _ = try ledger.append(
                draft: .object([
                    "type": .string(P.eventType), "typeVersion": .number(Double(P.typeVersion)), "stream": .string(payload.stream),
                    "occurredAt": .string(time), "payload": Catalogue.json(of: payload),
                ]), signer: admin)
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    static let hash = "sha256:" + String(repeating: "ab", count: 32)

    @Test func aRegionIsRecordedAndReadBackTyped() throws {
        let w = try World()
        defer { w.remove() }
        let before = try w.ledger.size()
        let receipt = try w.record(RegionRegistered(regionId: "NW", name: "North West", servicesProvided: true), at: "2026-04-01T00:00:00Z")
        #expect(receipt.index == before)
        #expect(receipt.stream == "region/NW")
        #expect(receipt.type == "region.registered")
        #expect(!receipt.duplicate)
        #expect(receipt.summary == "Registered region NW (North West).")
        #expect(try w.ledger.size() == before + 1)
        let stored = try #require(try w.payload(at: receipt.index) as? RegionRegistered)
        #expect(stored == RegionRegistered(regionId: "NW", name: "North West", servicesProvided: true))
        let event = try #require(try w.ledger.entries(from: receipt.index, limit: 1).first).entry.event
        #expect(event.id == receipt.id)
        #expect(event.occurredAt == "2026-04-01T00:00:00Z", "the one effective time is the envelope's")
    }

    @Test func theSameEventIdIsASafeRetry() throws {
        let w = try World()
        defer { w.remove() }
        let id = UUID().uuidString.lowercased()
        let request = RegionRegistered(regionId: "NW", name: "North West", servicesProvided: true)
        let first = try w.recorder.record(request, at: "2026-04-01T00:00:00Z", eventId: id, signer: w.admin)
        let size = try w.ledger.size()
        let again = try w.recorder.record(request, at: "2026-04-01T00:00:00Z", eventId: id, signer: w.admin)
        #expect(again.duplicate)
        #expect(again.index == first.index)
        #expect(try w.ledger.size() == size)
    }

    @Test func peopleRolesAndBodiesAreRecordedWithThePrivatePartKeptApart() throws {
        let w = try World()
        defer { w.remove() }
        try w.record(RoleDefined(roleId: "R-CHAIR-X", name: "Chair of the forum", aliases: [], singleOccupant: true), at: "2026-04-01T00:00:00Z")
        let person = try w.record(
            RegisterPerson(personId: "p-0002", categories: [.staff], lawfulBasisRef: "ROPA-1", name: "B. Person", contact: "b@example.org"),
            at: "2026-04-01T00:00:00Z")
        #expect(person.summary == "Registered person p-0002.")
        let event = try #require(try w.ledger.entries(from: person.index, limit: 1).first).entry.event
        #expect(event.payload["name"] == nil, "the name is not in the log")
        guard case .available(let subject, _, let data)? = try w.ledger.privateRecord(at: person.index) else {
            Issue.record("the private part was not stored")
            return
        }
        #expect(subject == "person/p-0002")
        #expect(data["name"] == .string("B. Person"))
        try w.record(
            BodyEstablished(
                bodyId: "B-AMHEPF", bodyType: .amhePracticeForum, name: "Practice Forum", aliases: [], chairRoleId: "R-CHAIR-X",
                facilitatorRoleIds: [],
                torDocHash: DocHash(unchecked: Self.hash),
                quorumRule: QuorumRule(min: 2), ebePresenceRule: EbePresenceRule(minCount: 1), decisionScope: .advisory),
            at: "2026-04-02T00:00:00Z")
        let joined = try w.record(AddMember(bodyId: "B-AMHEPF", personId: "p-0002", membershipCategory: .staff), at: "2026-04-03T09:00:00Z")
        #expect(joined.summary == "p-0002 joined B-AMHEPF as staff.")
        let member = try #require(try w.payload(at: joined.index) as? MemberJoined)
        #expect(member.from == "2026-04-03", "the membership starts on the effective date")
        #expect(try LogLookup(ledger: w.ledger).category(of: "p-0002", in: "B-AMHEPF") == "staff")
    }

    @Test func anActionUpdateIsRecordedAgainstTheActionInTheLog() throws {
        let w = try World()
        defer { w.remove() }
        try w.record(RoleDefined(roleId: "R-OWNER", name: "Action owner", aliases: [], singleOccupant: false), at: "2026-04-01T00:00:00Z")
        let created = ActionCreated(
            actionId: "LG-1", actionCode: "LG-1", area: .leadershipGovernance, title: "A champion at Board level", competencies: [],
            pillars: [], objectives: [], scope: .national, ownerRoleId: "R-OWNER", dueDate: "2027-03-31", sourceFeedbackIds: [])
        try w.appendRaw(created, at: "2026-04-02T00:00:00Z")
        let receipt = try w.record(
            ActionStatusChanged(
                actionId: "LG-1", status: .inProgress, progressPct: Percentage(unchecked: 40), note: "Champion appointed.",
                evidenceRefs: [EntityRef(.action, "LG-1")]))
        #expect(receipt.summary == "Action LG-1 is now in_progress (40%).")
        #expect(receipt.stream == "action/LG-1")
        let stored = try #require(try w.payload(at: receipt.index) as? ActionStatusChanged)
        #expect(stored.progressPct == Percentage(unchecked: 40))
        #expect(stored.status == .inProgress)
    }

    @Test func anActionThatWasNeverCreatedIsRefusedAndNothingIsAppended() throws {
        let w = try World()
        defer { w.remove() }
        let before = try w.ledger.size()
        let update = ActionStatusChanged(
            actionId: "LG-99", status: .inProgress, progressPct: Percentage(unchecked: 40), note: "Under way.", evidenceRefs: [])
        #expect(
            update.summary(of: try update.payload(from: LogLookup(ledger: w.ledger), at: "2026-05-01T10:00:00Z"))
                == "Action LG-99 is now in_progress (40%).")
        let error = try #require(throws: RecordingError.self) { try w.record(update) }
        #expect(error.kind == .refused)
        #expect(error.description == "/payload/actionId: action LG-99 does not exist yet in this log (reference)", "\(error)")
        let tooMuch = ActionStatusChanged(
            actionId: "LG-99", status: .done, progressPct: Percentage(unchecked: 140), note: "Done.", evidenceRefs: [])
        let range = try #require(throws: RecordingError.self) { try w.record(tooMuch) }
        #expect(range.kind == .invalid)
        #expect(range.pointer == "/payload/progressPct")
        #expect(range.field == "--progress", "the error names the request field, not only the member")
        #expect(try w.ledger.size() == before)
    }

    @Test func projectsEvaluationsReviewsAndReportsAreRecordedThroughTheAPI() throws {
        let w = try World()
        defer { w.remove() }
        try w.record(RegionRegistered(regionId: "NW", name: "North West", servicesProvided: true), at: "2026-04-01T00:00:00Z")
        let started = try w.record(
            PlaceBasedProjectStarted.make(
                projectId: "PBP-1", category: .communityEngagement, regionId: "NW", partners: [],
                objectives: ["Six drop-ins at places of worship."]))
        #expect(started.stream == "project/PBP-1")
        let completed = try w.record(
            PlaceBasedProjectCompleted.make(
                projectId: "PBP-1", outcomeSummary: "Six drop-ins held; 41 referrals.", evidenceRefs: [Self.hash]))
        #expect(completed.summary == "Completed project PBP-1 (1 piece of evidence).")
        #expect(
            try w.payload(at: completed.index) as? PlaceBasedProjectCompleted
                == .make(
                    projectId: "PBP-1", outcomeSummary: "Six drop-ins held; 41 referrals.", evidenceRefs: [Self.hash]))
        try w.record(
            IndependentEvaluationCommissioned.make(
                evaluationId: "EV-2026", evaluatorOrg: "Midlands University", independenceStatement: "No staff or funding ties.",
                scope: .national))
        let evaluator = try w.evaluator()
        let reported = try w.recorder.record(
            IndependentEvaluationReported.make(
                evaluationId: "EV-2026", reportHash: Self.hash, findings: "Feedback is answered on time.",
                recommendations: ["Trace every contribution."]),
            at: "2026-11-01T00:00:00Z", signer: evaluator)
        #expect(reported.summary == "Recorded the report of evaluation EV-2026 (1 recommendation).")
        let review = try w.record(
            ReviewHeld.make(
                reviewId: "RV-NW-2026H1", scope: .regional, regionId: "NW", period: .init(from: "2026-04-01", to: "2026-09-30"),
                participants: .init(serviceUsers: 9, carers: 4, vcse: 3, marginalisedCommunities: 6, staff: 5), findingsHash: Self.hash,
                actionsRaised: []))
        #expect(review.summary == "Recorded the regional review RV-NW-2026H1 in NW (2026-04-01 to 2026-09-30, 27 taking part).")
        let report = try w.record(
            ReportPublished.make(
                reportId: "RP-2026", type: .annualFindings, title: "Annual findings 2026",
                period: .init(from: "2026-04-01", to: "2027-03-31"),
                url: "https://example.org/findings-2026", docHash: Self.hash,
                sdcAttestation: .init(policyRef: "SDC-1", checkedBy: "R-HEAD-RJE"),
                accessibleFormats: [.easyRead]))
        #expect(report.stream == "report/RP-2026")
        for type in [PlaceBasedProjectStarted.self, PlaceBasedProjectCompleted.self] as [any EventPayload.Type] {
            #expect(try LogLookup(ledger: w.ledger).exists(stream: "project/PBP-1", [type]))
        }
    }

    @Test func aBadFieldIsNamedAndNothingIsAppended() throws {
        let w = try World()
        defer { w.remove() }
        try w.record(RegionRegistered(regionId: "NW", name: "North West", servicesProvided: true), at: "2026-04-01T00:00:00Z")
        let before = try w.ledger.size()
        let review = ReviewHeld.make(
            reviewId: "RV-1", scope: .local, regionId: "NW", period: .init(from: "2026-04-01", to: "2026-09-30"),
            participants: .init(serviceUsers: 1, carers: 0, vcse: 0, marginalisedCommunities: 0, staff: 1), findingsHash: "not-a-hash",
            actionsRaised: [])
        let error = try #require(throws: RecordingError.self) { try w.recorder.prepare(review, at: "2026-10-01T00:00:00Z") }
        #expect(error.kind == .invalid)
        #expect(error.pointer == "/payload/findingsHash")
        #expect(error.field == "--findings-hash")
        #expect(error.description.hasPrefix("/payload/findingsHash (--findings-hash): "), "\(error)")
        let unknownRegion = ReviewHeld.make(
            reviewId: "RV-2", scope: .local, regionId: "SW", period: .init(from: "2026-04-01", to: "2026-09-30"),
            participants: .init(serviceUsers: 1, carers: 0, vcse: 0, marginalisedCommunities: 0, staff: 1), findingsHash: Self.hash,
            actionsRaised: [])
        let refused = try #require(throws: RecordingError.self) { try w.record(unknownRegion) }
        #expect(refused.kind == .refused)
        #expect(refused.description.contains("/payload/regionId"), "\(refused)")
        #expect(try w.ledger.size() == before)
    }

    @Test func typedInputRefusesAnUnknownValueNamingMemberAndField() throws {
        let error = try #require(throws: RecordingError.self) {
            try RecordingInput.value(
                FeedbackVocabulary.Status.self, "lost", member: FeedbackStatusUpdated.CodingKeys.status, field: "--status")
        }
        let allowed = FeedbackVocabulary.Status.allCases.map(\.rawValue).joined(separator: ", ")
        #expect(error.description == "/payload/status (--status): unknown value \"lost\" (allowed: \(allowed))")
        let second = try #require(throws: RecordingError.self) {
            try RecordingInput.values(
                TagVocabulary.Pillar.self, [TagVocabulary.Pillar.allCases[0].rawValue, "x"], member: FeedbackTriaged.CodingKeys.pillars,
                field: "--pillar")
        }
        #expect(second.pointer == "/payload/pillars/1")
    }
}
