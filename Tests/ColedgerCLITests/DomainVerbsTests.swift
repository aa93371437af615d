import Foundation
import LedgerCore
import LedgerDomain
import Testing

/// The domain verbs, `types` and `new`, run through the built binary against a PCREF ledger.
@Suite struct DomainVerbsTests {
    @Test func typesListsTheWholeCatalogueAndFiltersByGroup() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let all = try cli.ok("types", "--json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == Catalogue.all.count)
        let feedback = try #require(rows.first { $0["type"] as? String == "feedback.received" })
        #expect(feedback["group"] as? String == "F")
        #expect(feedback["privateFields"] as? [String] == ["text"])
        let text = try cli.ok("types", "--group", "D").stdout
        #expect(text.contains("meeting.held v1"))
        #expect(!text.contains("feedback.received"))
        let bad = try cli.run("types", "--group", "Z")
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("A–K"))
    }

    @Test func newPrintsAValidSkeletonForEveryType() throws {
        let cli = try CLI()
        defer { cli.remove() }
        for type in Catalogue.all {
            let draft = try Draft(try cli.ok("new", type.eventType, "--version", String(type.typeVersion)).stdout)
            #expect(draft.object["type"] as? String == type.eventType)
            #expect(draft.object["typeVersion"] as? Int == type.typeVersion)
            let payload = try CanonicalJSON.parse(Array(try JSONSerialization.data(withJSONObject: draft.payload)))
            let decoded = try Catalogue.decode(type: type.eventType, version: type.typeVersion, payload: payload)
            #expect(draft.object["stream"] as? String == decoded.stream)
            let data = (draft.object["private"] as? [String: Any])?["data"] as? [String: Any]
            #expect(Set(data?.keys.map { $0 } ?? []) == Set(type.privateFields), "\(type.eventType)")
        }
        let typo = try cli.run("new", "feedback.recieved")
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("did you mean feedback.received?"), "\(typo.stderr)")
        let version = try cli.run("new", "meeting.held", "--version", "9")
        #expect(version.status == 1)
        #expect(version.stderr.contains("known: 1"))
    }

    @Test func aRealisticRoundTripVerifies() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.setUpPCREF()
        try cli.setUpGovernance()
        let admin = cli.key("admin")
        let member = cli.key("member")
        for (person, category) in [("p-0002", "staff"), ("p-0003", "ebe_carer"), ("p-0004", "partner_rep"), ("p-0005", "staff")] {
            try cli.ok("person", "register", "--key", admin, "--id", person, "--category", category, "--lawful-basis", "ROPA-2026-03")
            try cli.ok(
                "body", "add-member", "--key", admin, "--body", "B-AMHEPF", "--person", person, "--category", category)
        }
        try cli.ok(
            "feedback", "receive", "--key", member, "--id", "F-2026-0001", "--channel", "survey", "--submitter", "p-0001",
            "--text", "I waited weeks for an interpreter.", "--consent-to-publish", "--contact-consent", "--language", "en")
        try cli.ok("feedback", "acknowledge", "--key", member, "--id", "F-2026-0001", "--method", "email")
        try cli.ok(
            "contribution", "record", "--key", member, "--id", "CON-1", "--person", "p-0001", "--body", "B-AMHEPF", "--kind", "insight",
            "--rung", "co_design", "--content", "Book interpreters when the referral is accepted.")
        try cli.ok(
            "decision", "propose", "--key", admin, "--body", "B-AMHEPF", "--decision", "dec-2026-009", "--title",
            "Interpreters at every forum",
            "--proposer", "p-0001", "--cites", "feedback:F-2026-0001", "--cites", "contribution:CON-1", "--competency", "C-CA")
        try cli.ok(
            "meeting", "hold", "--key", admin, "--meeting", "mtg-2026-03", "--attendee", "p-0001:ebe_lived:chair", "--attendee",
            "p-0002:staff",
            "--attendee", "p-0003:ebe_carer", "--attendee", "p-0004:partner_rep:observer", "--apology", "p-0005", "--declaration",
            "p-0002:dec-2026-009:recused")
        let recorded = try cli.ok(
            "decision", "record", "--key", admin, "--decision", "dec-2026-009", "--meeting", "mtg-2026-03", "--outcome", "approved",
            "--method", "consensus", "--rationale", "Members cannot take part fully without interpreters.", "--rung", "co_production",
            "--json")
        let index = try #require(try Draft(recorded.stdout).object["index"] as? Int)
        let decision = try cli.ok("show", String(index), "--json").stdout
        // p-0002 recused and the observer does not count: two of the quorum of two were present.
        #expect(decision.contains("\"quorumSnapshot\":{\"met\":true,\"present\":2,\"required\":2}"), "\(decision)")
        #expect(decision.contains("\"ebePresentCount\":2"))
        #expect(decision.contains("\"recusals\":[\"p-0002\"]"))
        try cli.ok(
            "contribution", "influence", "--key", member, "--id", "CON-1", "--target", "decision:dec-2026-009", "--influence", "adopted",
            "--explanation", "Taken up as proposed.")
        try cli.ok(
            "feedback", "respond", "--key", member, "--id", "F-2026-0001", "--you-said", "You waited weeks for an interpreter.",
            "--we-did", "We now book one when the referral is accepted.", "--change", "change_made",
            "--change-description", "Interpreter booking moved to referral acceptance.", "--moderated-by", "R-HEAD-RJE")
        try cli.createAction("LG-1")
        let update = try cli.ok(
            "action", "update", "--key", admin, "--action", "LG-1", "--status", "in_progress", "--progress", "40", "--note",
            "The forum met.",
            "--evidence", "meeting:mtg-2026-03")
        #expect(update.stdout.hasPrefix("Action LG-1 is now in_progress (40%)."))
        try cli.defineMetric("M-SUD-national")
        try cli.ok(
            "metric", "observe", "--key", admin, "--metric", "M-SUD-national", "--period-from", "2026-04-01", "--period-to", "2026-06-30",
            "--cell", "ethnicity=A1:n=12:d=40", "--cell", "ethnicity=B1:n=20:d=40", "--cell", "ethnicity=not_stated:n=5:d=40",
            "--cell", "ethnicity=not_known:n=3:d=40", "--total", "40")
        let verify = try cli.run("verify")
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        // The feedback text is held outside the log, under the submitter's subject.
        let entries = try cli.ok("log", "--json", "--limit", "1000").stdout
        #expect(!entries.contains("I waited weeks"))
        let received = try #require(entries.split(separator: "\n").firstIndex { $0.contains("\"feedback.received\"") })
        let shown = try cli.ok("show", String(received)).stdout
        #expect(shown.contains("subject person/p-0001"))
        #expect(shown.contains("I waited weeks for an interpreter."))
    }

    @Test func formatAndCatalogueRefusalsNameTheMember() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.setUpPCREF()
        let admin = cli.key("admin")
        let unknown = try cli.refuse(
            ["append", "--key", admin, "-"], stdin: #"{"type":"feedback.recieved","typeVersion":1,"stream":"feedback/F-1","payload":{}}"#)
        #expect(unknown.contains("/type: unknown event type feedback.recieved (did you mean feedback.received?)"), "\(unknown)")
        var draft = try Draft(try cli.ok("new", "role.defined").stdout)
        draft.payload["singleOccupant"] = nil
        let missing = try cli.refuse(["append", "--key", admin, "-"], stdin: try draft.json())
        #expect(missing.contains("/payload/singleOccupant: missing required member"), "\(missing)")
        let enumValue = try cli.refuse(["feedback", "receive", "--key", admin, "--id", "F-9", "--channel", "fax"])
        #expect(enumValue.contains("/payload/channel (--channel): unknown value \"fax\""), "\(enumValue)")
        let date = try cli.refuse([
            "body", "add-member", "--key", admin, "--body", "B-X", "--person", "p-0001", "--category", "staff", "--on", "2026-02-30",
        ])
        #expect(date.contains("--on 2026-02-30: expected a date YYYY-MM-DD"), "\(date)")
        // The verbs' second date options are gone: each names the option that replaced it.
        for (verb, option) in [(["body", "add-member", "--body", "B-X", "--person", "p-0001", "--category", "staff"], "--from"),
                               (["role", "assign", "--role", "R-X", "--person", "p-0001"], "--from"),
                               (["feedback", "acknowledge", "--id", "F-1", "--method", "email"], "--at"),
                               (["feedback", "receive", "--id", "F-1", "--channel", "survey"], "--received-at"),
                               (["feedback", "receive", "--id", "F-1", "--channel", "survey"], "--occurred-at")] {
            let replaced = try cli.refuse(verb + ["--key", admin, option, "2026-01-05"])
            #expect(replaced.contains("\(option) was replaced by --on DATE-OR-TIME"), "\(replaced)")
        }
    }

    @Test func referencesAndTransitionsAreEnforced() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.setUpPCREF()
        try cli.setUpGovernance()
        let admin = cli.key("admin")
        let never = try cli.refuse(["feedback", "acknowledge", "--key", admin, "--id", "F-NEVER", "--method", "email"])
        #expect(never.contains("/payload/feedbackId: feedback F-NEVER does not exist yet in this log (reference)"), "\(never)")
        try cli.ok(
            "decision", "propose", "--key", admin, "--body", "B-AMHEPF", "--decision", "dec-1", "--title", "T", "--proposer", "p-0001")
        for meeting in ["mtg-never", "mtg-2026-03"] {  // never scheduled; scheduled but not held
            let unheld = try cli.refuse([
                "decision", "record", "--key", admin, "--decision", "dec-1", "--meeting", meeting, "--outcome", "approved", "--method",
                "consensus", "--rationale", "R", "--rung", "consultation",
            ])
            #expect(unheld.contains("/payload/meetingId (--meeting): meeting \(meeting) was never held"), "\(unheld)")
        }
        let action = try cli.refuse(["action", "update", "--key", admin, "--action", "LG-99", "--status", "done", "--note", "Done."])
        #expect(action.contains("/payload/actionId: action LG-99 does not exist yet in this log (reference)"), "\(action)")
        try cli.ok("feedback", "receive", "--key", admin, "--id", "F-1", "--channel", "forum")
        try cli.ok("feedback", "close", "--key", admin, "--id", "F-1", "--reason", "out_of_scope")
        let closed = try cli.refuse([
            "feedback", "respond", "--key", admin, "--id", "F-1", "--you-said", "S", "--we-did", "D", "--change", "no_change_with_reason",
            "--reason", "Out of scope.", "--moderated-by", "R-HEAD-RJE",
        ])
        #expect(closed.contains("/payload/feedbackId: feedback F-1 is closed; record new feedback instead (transition)"), "\(closed)")
        let rule = try cli.refuse(["meeting", "hold", "--key", admin, "--meeting", "mtg-2026-03", "--attendee", "p-0001:ebe_lived"])
        #expect(rule.contains("--none-declared"), "\(rule)")
    }

    @Test func authorizationFollowsTheSignersRole() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.setUpPCREF()
        let asMember = try cli.refuse([
            "person", "register", "--key", cli.key("member"), "--id", "p-0002", "--category", "staff", "--lawful-basis", "ROPA-1",
        ])
        #expect(
            asMember.contains("/signer: person.registered must be signed by admin (AUTH-1); the signer is member (authorization)"),
            "\(asMember)")
        try cli.newKey("intake", register: ["--role", "intake", "--holder", "system/feedback-form"])
        let named = try cli.refuse([
            "feedback", "receive", "--key", cli.key("intake"), "--id", "F-1", "--channel", "web_form", "--submitter", "p-0001",
        ])
        #expect(named.contains("/signer: feedback.received must be signed by"), "\(named)")
        #expect(named.contains("intake (when submitter is anonymous)"), "\(named)")
        #expect(named.contains("(authorization)"))
        let before = try cli.logCount()
        try cli.ok(
            "feedback", "receive", "--key", cli.key("intake"), "--id", "F-2", "--channel", "web_form", "--text", "The waiting room is cold."
        )
        #expect(try cli.logCount() == before + 1)
        try cli.newKey("evaluator", register: ["--role", "evaluator"])
        let evaluator = try cli.refuse(["feedback", "receive", "--key", cli.key("evaluator"), "--id", "F-3", "--channel", "survey"])
        #expect(evaluator.contains("/signer: feedback.received must be signed by"), "\(evaluator)")
        #expect(evaluator.contains("the signer is evaluator (authorization)"), "\(evaluator)")
    }
}

/// A JSON object read from a command's output, to inspect or edit.
struct Draft {
    var object: [String: Any]

    init(_ text: String) throws {
        object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    var payload: [String: Any] {
        get { object["payload"] as? [String: Any] ?? [:] }
        set { object["payload"] = newValue }
    }

    func json() throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }
}

extension CLI {
    func key(_ name: String) -> String { keys.appendingPathComponent("\(name).key").path }

    /// Runs a command that must succeed.
    @discardableResult
    func ok(_ args: String..., stdin: String? = nil) throws -> Result {
        let r = try run(args, stdin: stdin)
        guard r.status == 0 else { throw CLIFailure("coledger \(args.joined(separator: " ")) failed (\(r.status)): \(r.stderr)") }
        return r
    }

    /// Runs a command that must be refused with one error line, appending nothing; returns the line.
    func refuse(_ args: [String], stdin: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let before = try logCount()
        let r = try run(args, stdin: stdin)
        #expect(r.status == 1, "\(args.joined(separator: " ")): \(r.stdout)", sourceLocation: sourceLocation)
        #expect(r.stderr.hasPrefix("coledger: error: "), sourceLocation: sourceLocation)
        #expect(r.stderr.hasSuffix("; nothing was appended\n"), "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.split(separator: "\n").count == 1, sourceLocation: sourceLocation)
        #expect(try logCount() == before, sourceLocation: sourceLocation)
        return r.stderr
    }

    func logCount() throws -> Int {
        try ok("log", "--json", "--limit", "100000").stdout.split(separator: "\n").count
    }

    /// A sealed key at keys/NAME.key, registered by the admin with `register` options.
    func newKey(_ name: String, register: [String]) throws {
        try ok("key", "new", "--out", key(name), "--name", name)
        try run(["key", "register", "--key", key("admin"), key(name)] + register).expectSuccess()
    }

    /// A PCREF ledger: init, person p-0001 (an Expert by Experience), and their key at keys/member.key.
    func setUpPCREF() throws {
        try ok("init", "--origin", "test.example/verbs")
        try ok(
            "person", "register", "--key", key("admin"), "--id", "p-0001", "--category", "ebe_lived", "--name", "A. Person",
            "--contact", "a.person@example.org", "--lawful-basis", "ROPA-2026-03")
        try newKey("member", register: ["--holder", "person/p-0001"])
    }

    /// Role R-HEAD-RJE, body B-AMHEPF (quorum 2) with p-0001 as a member, and meeting mtg-2026-03 scheduled.
    func setUpGovernance() throws {
        let admin = key("admin")
        try ok("role", "define", "--key", admin, "--role", "R-HEAD-RJE", "--name", "Head of Racial Justice and Equity", "--single-occupant")
        let tor = directory.appendingPathComponent("tor.md")
        try "Terms of reference".write(to: tor, atomically: true, encoding: .utf8)
        try ok(
            "body", "establish", "--key", admin, "--body", "B-AMHEPF", "--type", "B-AMHEPF", "--name", "AMHE Practice Forum",
            "--facilitator-role", "R-HEAD-RJE", "--tor", tor.path, "--quorum", "2", "--ebe-min", "1", "--scope", "operational")
        try ok("body", "add-member", "--key", admin, "--body", "B-AMHEPF", "--person", "p-0001", "--category", "ebe_lived")
        try ok(
            "meeting", "schedule", "--key", admin, "--body", "B-AMHEPF", "--meeting", "mtg-2026-03", "--at", "2026-03-04T14:00",
            "--agenda-hash", "sha256:" + String(repeating: "ab", count: 32))
    }

    /// action.created from `new`, edited to refer only to what exists.
    func createAction(_ id: String) throws {
        var draft = try Draft(try ok("new", "action.created").stdout)
        var p = draft.payload
        p["actionId"] = id
        p["ownerRoleId"] = "R-HEAD-RJE"
        p["planId"] = nil
        p["sourceDecisionId"] = "dec-2026-009"
        p["sourceFeedbackIds"] = ["F-2026-0001"]
        draft.payload = p
        draft.object["stream"] = "action/\(id)"
        try ok("append", "--key", key("admin"), "-", stdin: try draft.json())
    }

    /// metric.defined from `new`, made national and coproduced from CON-1.
    func defineMetric(_ id: String) throws {
        var draft = try Draft(try ok("new", "metric.defined").stdout)
        var p = draft.payload
        p["metricId"] = id
        p["scope"] = "national"
        p["regionId"] = nil
        p["locallyCoproducedRefs"] = ["CON-1"]
        draft.payload = p
        draft.object["stream"] = "metric/\(id)"
        try ok("append", "--key", key("admin"), "-", stdin: try draft.json())
    }
}

extension CLI.Result {
    func expectSuccess() throws {
        guard status == 0 else { throw CLIFailure("failed (\(status)): \(stderr)") }
    }
}
