import Foundation
import LedgerCore
import LedgerDomain
import LedgerRecording
import LedgerStore
import Testing

/// The verbs for reviews, reports, place-based projects and independent evaluations, run through
/// the built binary, and the recording API giving the same payload as the CLI.
@Suite struct RecordingVerbsCLITests {
    static let hash = "sha256:" + String(repeating: "cd", count: 32)

    /// A PCREF ledger with region NW registered on 2026-04-01.
    static func world() throws -> CLI {
        let cli = try CLI()
        try cli.setUpPCREF()
        try cli.ok("region", "register", "--key", cli.key("admin"), "--id", "NW", "--name", "North West", "--on", "2026-04-01")
        return cli
    }

    @Test func reviewsReportsAndProjectsAreRecordedAndTheCadenceSeesThem() throws {
        let cli = try Self.world()
        defer { cli.remove() }
        let admin = cli.key("admin")
        let review = try cli.ok(
            "review", "hold", "--key", admin, "--id", "RV-NW-2026H1", "--scope", "regional", "--region", "NW", "--period-from",
            "2026-04-01",
            "--period-to", "2026-09-30", "--service-users", "9", "--carers", "4", "--staff", "5", "--findings-hash", Self.hash,
            "--on", "2026-10-01")
        #expect(
            review.stdout.hasPrefix("Recorded the regional review RV-NW-2026H1 in NW (2026-04-01 to 2026-09-30, 18 taking part). Index "),
            "\(review.stdout)")
        let findings = cli.directory.appendingPathComponent("findings.pdf")
        try Data("annual findings".utf8).write(to: findings)
        let report = try cli.ok(
            "report", "publish", "--key", admin, "--id", "RP-2026", "--type", "annual_findings", "--title", "Annual findings 2026-27",
            "--period-from", "2026-04-01", "--period-to", "2027-03-31", "--url", "https://example.org/findings", "--document",
            findings.path,
            "--sdc-policy", "SDC-1", "--sdc-checked-by", "R-HEAD-RJE", "--format", "easy_read", "--format", "large_print", "--on",
            "2026-10-02")
        #expect(report.stdout.hasPrefix("Published report RP-2026 (annual_findings, 2026-04-01 to 2027-03-31). Index "), "\(report.stdout)")
        try cli.ok(
            "project", "start", "--key", admin, "--id", "PBP-1", "--category", "community_engagement", "--region", "NW", "--objective",
            "Six drop-ins at places of worship.", "--on", "2026-05-01")
        let done = try cli.ok(
            "project", "complete", "--key", admin, "--id", "PBP-1", "--outcome", "Six drop-ins held; 41 referrals.", "--evidence",
            "report/RP-2026", "--on", "2026-10-03")
        #expect(done.stdout.hasPrefix("Completed project PBP-1 (1 piece of evidence). Index "), "\(done.stdout)")

        let cadence = try cli.ok("cadence", "--as-of", "2026-12-31", "--json").stdout
        let c = try #require(try JSONSerialization.jsonObject(with: Data(cadence.utf8)) as? [String: Any])
        let regions = try #require(c["reviews"] as? [[String: Any]])
        let nw = try #require(regions.first { $0["regionId"] as? String == "NW" })
        let reviews = try #require(nw["reviews"] as? [[String: Any]])
        #expect(reviews.compactMap { ($0["review"] as? [String: Any])?["reviewId"] as? String } == ["RV-NW-2026H1"])
        #expect((reviews.first?["review"] as? [String: Any])?["heldAt"] as? String == "2026-10-01T00:00:00Z")
        let annual = try #require(c["annualFindings"] as? [String: Any])
        let reports = try #require(annual["reports"] as? [[String: Any]])
        #expect(reports.compactMap { ($0["report"] as? [String: Any])?["reportId"] as? String } == ["RP-2026"])
        let projects = try #require((c["placeBasedProjects"] as? [String: Any])?["projects"] as? [[String: Any]])
        #expect(projects.count == 1)
        #expect(projects.first?["projectId"] as? String == "PBP-1")
        #expect(projects.first?["completedAt"] as? String == "2026-10-03T00:00:00Z")
    }

    @Test func evaluationsAreRecordedAndTheAuditSeesThem() throws {
        let cli = try Self.world()
        defer { cli.remove() }
        let admin = cli.key("admin")
        try cli.ok(
            "evaluation", "commission", "--key", admin, "--id", "EV-2026", "--evaluator", "Midlands University", "--independence",
            "No staff or funding ties in three years.", "--scope", "national", "--on", "2026-04-02")
        try cli.ok(
            "person", "register", "--key", admin, "--id", "p-0003", "--category", "independent_evaluator", "--lawful-basis", "ROPA-2026-03",
            "--on", "2026-04-01")
        try cli.newKey("evaluator", register: ["--holder", "person/p-0003", "--role", "evaluator"])
        let before = try Self.m5Findings(cli)
        let reported = try cli.ok(
            "evaluation", "report", "--key", cli.key("evaluator"), "--id", "EV-2026", "--report-hash", Self.hash, "--findings",
            "Feedback is answered on time.",
            "--recommendation", "Trace every contribution.", "--recommendation", "Publish completeness.", "--on", "2026-11-01")
        #expect(reported.stdout.hasPrefix("Recorded the report of evaluation EV-2026 (2 recommendations). Index "), "\(reported.stdout)")
        let log = try cli.ok("log", "--json", "--limit", "100000").stdout.split(separator: "\n")
        let types = try log.map { line in
            let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return ((row["entry"] as? [String: Any])?["event"] as? [String: Any])?["type"] as? String
        }
        #expect(types.last == "evaluation.reported", "\(types)")
        #expect(types.contains("evaluation.commissioned"), "\(types)")
        let after = try Self.m5Findings(cli)
        #expect(after.count == before.count - 1, "the report fills one plan year's gap in M-5: \(before) -> \(after)")
    }

    /// The details of audit rule M-5's findings, judged as of 2027-04-02 (plan year 2026-27 over).
    static func m5Findings(_ cli: CLI) throws -> [String] {
        let audit = try cli.run("audit", "--format", "json", "--as-of", "2027-04-02")
        let json = try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8))
        func find(_ value: Any) -> [String: Any]? {
            if let o = value as? [String: Any] {
                if o["id"] as? String == "M-5", o["findings"] != nil { return o }
                return o.values.lazy.compactMap(find).first
            }
            return (value as? [Any])?.lazy.compactMap(find).first
        }
        let rule = try #require(find(json), "\(audit.stdout.prefix(300))")
        return (rule["findings"] as? [[String: Any]] ?? []).compactMap { $0["detail"] as? String }
    }

    @Test func badInputIsRefusedNamingTheFieldAndNothingIsAppended() throws {
        let cli = try Self.world()
        defer { cli.remove() }
        let admin = cli.key("admin")
        let scope = try cli.refuse([
            "review", "hold", "--key", admin, "--id", "RV-1", "--scope", "county", "--region", "NW", "--period-from", "2026-04-01",
            "--period-to", "2026-09-30", "--findings-hash", Self.hash,
        ])
        #expect(scope.contains("/payload/scope (--scope): unknown value \"county\""), "\(scope)")
        let region = try cli.refuse([
            "review", "hold", "--key", admin, "--id", "RV-1", "--scope", "local", "--region", "SW", "--period-from", "2026-04-01",
            "--period-to", "2026-09-30", "--findings-hash", Self.hash,
        ])
        #expect(region.contains("/payload/regionId"), "\(region)")
        let hash = try cli.refuse([
            "report", "publish", "--key", admin, "--id", "RP-1", "--type", "plan", "--title", "Plan", "--period-from", "2026-04-01",
            "--period-to", "2027-03-31", "--url", "https://example.org/plan", "--document-hash", "md5:abc", "--sdc-policy", "SDC-1",
            "--sdc-checked-by", "R-HEAD-RJE",
        ])
        #expect(hash.contains("/payload/docHash (--document-hash): "), "\(hash)")
        let evidence = try cli.refuse(["project", "complete", "--key", admin, "--id", "PBP-9", "--outcome", "Nothing."])
        #expect(evidence.contains("/payload/evidenceRefs (--evidence): "), "\(evidence)")
        let never = try cli.refuse([
            "project", "complete", "--key", admin, "--id", "PBP-9", "--outcome", "Nothing.", "--evidence", Self.hash,
        ])
        #expect(never.contains("/payload/projectId: project PBP-9 does not exist yet in this log"), "\(never)")
        let missing = try cli.refuse(["evaluation", "report", "--key", admin, "--id", "EV-1", "--findings", "None."])
        #expect(missing.contains("give --report FILE"), "\(missing)")
    }

    @Test func everyNewVerbHasHelpWithTheOneDateOption() throws {
        let cli = try CLI()
        defer { cli.remove() }
        for verb in [
            ["review", "hold"], ["report", "publish"], ["project", "start"], ["project", "complete"], ["evaluation", "commission"],
            ["evaluation", "report"],
        ] {
            let help = try cli.run(verb + ["--help"]).stdout
            #expect(help.contains("--on <date-or-time>"), "\(verb): \(help)")
            #expect(help.contains("--key <key>"), "\(verb)")
            let usage = help.components(separatedBy: "OPTIONS:").first ?? ""
            #expect(usage.contains("--id <id>"), "\(verb): required options are shown in the usage line")
            #expect(!help.contains("--occurred-at"), "\(verb)")
        }
    }

    @Test func theAPIAndTheCLIRecordTheSamePayload() throws {
        let cli = try Self.world()
        defer { cli.remove() }
        try cli.ok(
            "project", "start", "--key", cli.key("admin"), "--id", "PBP-2", "--category", "other", "--region", "NW", "--objective",
            "Outreach.",
            "--objective", "Drop-ins.", "--on", "2026-06-01T10:30")
        try cli.ok(
            "feedback", "receive", "--key", cli.key("member"), "--id", "F-2026-0001", "--channel", "survey", "--submitter", "p-0001",
            "--text",
            "Interpreters were late.", "--consent-to-publish", "--contact-consent", "--language", "en", "--on", "2026-06-02")
        try cli.ok(
            "feedback", "triage", "--key", cli.key("admin"), "--id", "F-2026-0001", "--theme", "interpreters", "--pillar",
            TagVocabulary.Pillar.allCases[0].rawValue, "--criticality", "3", "--on", "2026-06-03")
        let ledger = try Ledger.open(path: cli.ledger, policies: [DomainPolicy.standard])
        let size = try ledger.size()
        let rows = try ledger.entries(from: size - 3, limit: 3).map(\.entry.event)
        let recorder = Recorder(ledger: ledger)
        let project = try recorder.prepare(
            PlaceBasedProjectStarted.make(
                projectId: "PBP-2", category: .other, regionId: "NW", partners: [], objectives: ["Outreach.", "Drop-ins."]),
            at: "2026-06-01T10:30:00Z")
        #expect(project.payload == .object(rows[0].payload))
        #expect(project.stream == rows[0].stream)
        let received = try recorder.prepare(
            ReceiveFeedback(
                feedbackId: "F-2026-0001", channel: .survey, submitter: "p-0001", language: "en", consentToPublish: true,
                contactConsent: true, text: "Interpreters were late."),
            at: "2026-06-02T00:00:00Z")
        #expect(received.payload == .object(rows[1].payload))
        #expect(received.draft["private"]?["subject"] == .string(try #require(rows[1].privatePart?.subject)))
        let triage = try recorder.prepare(
            FeedbackTriaged.make(
                feedbackId: "F-2026-0001", themes: ["interpreters"], pillars: [TagVocabulary.Pillar.allCases[0]], competencies: [],
                criticality: 3, safeguardingFlag: false),
            at: "2026-06-03T00:00:00Z")
        #expect(triage.payload == .object(rows[2].payload))
        #expect(triage.draft["occurredAt"] == .string(rows[2].occurredAt))
    }
}
