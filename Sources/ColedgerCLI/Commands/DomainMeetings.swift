import ArgumentParser
import Foundation
import LedgerCore
import LedgerDomain
import LedgerRecording

// Meetings and decisions (catalogue group D).

struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting", abstract: "Schedule meetings and record that they were held.",
        subcommands: [Schedule.self, Hold.self, ApproveMinutes.self])

    struct Schedule: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Call a body's meeting, with its agenda's digest (meeting.scheduled).")
        @OptionGroup var signing: SigningOptions
        @Option(help: "The body id.") var body: String
        @Option(help: "The meeting id, e.g. mtg-amhepf-2026-03.") var meeting: String
        @Option(help: "When it starts: 2026-03-04T14:00:00Z, 2026-03-04T14:00 (UTC) or a date.") var at: String
        @Option(help: "The agenda file (its SHA-256 is recorded).") var agenda: String?
        @Option(help: "The agenda digest, sha256:<hex>, instead of --agenda.") var agendaHash: String?

        func run() throws {
            try reporting {
                try DomainVerb.append(signing) { _ in
                    DomainEvent(
                        type: "meeting.scheduled",
                        payload: [
                            "meetingId": .string(meeting), "bodyId": .string(body),
                            "scheduledFor": .string(DateInput.timestamp(at)),
                            "agendaHash": .string(try Digest.of(file: agenda, hash: agendaHash, what: "--agenda")),
                        ],
                        options: [
                            "meetingId": "--meeting", "bodyId": "--body", "scheduledFor": "--at",
                            "agendaHash": "--agenda-hash",
                        ])
                } describe: { _, _ in
                    "Scheduled meeting \(meeting) of \(body)."
                }
            }
        }
    }

    struct Hold: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that a scheduled meeting took place (meeting.held).",
            discussion: HelpText.reflow("""
                The body comes from the meeting's meeting.scheduled. Experts by Experience present are counted
                from the attendees' categories; the quorum is worked out from the body's quorum rule (members
                and chairs count, observers and guests do not) unless --quorate or --no-quorate says otherwise.
                Record declarations of interest (rule G-6): --none-declared, or one --declaration each.
                """))
        @OptionGroup var signing: SigningOptions
        @Option(help: "The meeting id (scheduled earlier).") var meeting: String
        @Option(
            help: ArgumentHelp(
                "Someone present, PERSON[:CATEGORY][:ROLE] (repeatable); the category defaults to the one the log holds (membership of the body, else registration) and a typed one must agree with it; ROLE is one of \(MeetingRole.allCases.map(\.rawValue).joined(separator: ", ")), default member.",
                valueName: "attendee"))
        var attendee: [String] = []
        @Option(help: "Someone who sent apologies (repeatable).") var apology: [String] = []
        @Flag(help: "Nobody declared an interest.") var noneDeclared = false
        @Option(
            help: ArgumentHelp(
                "An interest declared, PERSON:ITEM:recused|participated (repeatable); ITEM is an agenda item or decision id.",
                valueName: "declaration"))
        var declaration: [String] = []
        @Flag(
            inversion: .prefixedNo,
            help: "Whether the chair declared the meeting quorate (default: worked out from the body's quorum rule).")
        var quorate: Bool?

        func run() throws {
            try reporting {
                try DomainVerb.append(signing) { ledger in
                    guard !attendee.isEmpty else {
                        throw CLIError("give at least one --attendee PERSON[:CATEGORY][:ROLE]")
                    }
                    guard noneDeclared != !declaration.isEmpty else {
                        throw CLIError(
                            "give --none-declared, or one --declaration PERSON:ITEM:recused|participated per interest (rule G-6), not both"
                        )
                    }
                    let lookup = LogLookup(ledger: ledger)
                    guard let body = try lookup.latest(MeetingScheduled.self, stream: "meeting/\(meeting)")?.payload.bodyId.rawValue else {
                        throw CLIError(
                            "/payload/meetingId (--meeting): meeting \(meeting) was never scheduled in this log; use `coledger meeting schedule` first"
                        )
                    }
                    let attendees = try attendee.map { text -> JSONValue in
                        let p = try VerbInput.parts(
                            text, option: "--attendee", min: 1, max: 3,
                            form: "PERSON[:CATEGORY][:ROLE], e.g. p-0007, p-0007:chair or p-0007:ebe_lived:chair")
                        // The category is a fact the log holds; a typed one is checked against it at admission.
                        var category = p.count == 3 || (p.count == 2 && MeetingRole(rawValue: p[1]) == nil) ? p[1] : nil
                        let role = p.count == 3 ? p[2] : p.count == 2 && category == nil ? p[1] : MeetingRole.member.rawValue
                        if category == nil { category = try lookup.category(of: p[0], in: body) }
                        guard let category else {
                            throw CLIError(
                                "--attendee \(text): the log holds no membership of \(body) or registration for \(p[0]); give PERSON:CATEGORY[:ROLE]")
                        }
                        return .object(["personId": .string(p[0]), "category": .string(category), "role": .string(role)])
                    }
                    let listed = Attendance.listed(attendees)
                    var quorumMet = quorate
                    if quorumMet == nil, let rule = try lookup.quorumRule(of: body) {
                        quorumMet = AttendanceRule.quorum(listed, required: rule.min.value, ofCategory: rule.ofCategory?.rawValue).met
                    }
                    guard let quorumMet else {
                        throw CLIError("body \(body) has no quorum rule in this log; say --quorate or --no-quorate")
                    }
                    var payload: [String: JSONValue] = [
                        "meetingId": .string(meeting), "bodyId": .string(body), "attendees": .array(attendees),
                        "apologies": VerbInput.strings(apology), "quorumMet": .bool(quorumMet),
                        "ebePresent": VerbInput.int(AttendanceRule.presence(listed, requiredCount: nil, requiredShare: nil).present),
                    ]
                    if noneDeclared {
                        payload["noneDeclared"] = .bool(true)
                    } else {
                        payload["declarationsMade"] = .array(
                            try declaration.map { text in
                                let p = try VerbInput.parts(
                                    text, option: "--declaration", min: 3, max: 3,
                                    form: "PERSON:ITEM:recused|participated")
                                return .object([
                                    "personId": .string(p[0]), "itemRef": .string(p[1]), "action": .string(p[2]),
                                ])
                            })
                    }
                    return DomainEvent(
                        type: "meeting.held", payload: payload,
                        options: [
                            "meetingId": "--meeting", "attendees": "--attendee", "apologies": "--apology",
                            "declarationsMade": "--declaration", "noneDeclared": "--none-declared",
                        ])
                } describe: { event, _ in
                    let quorate = event.payload["quorumMet"]?.boolValue == true ? "quorate" : "not quorate"
                    let ebe = event.payload["ebePresent"]?.intValue ?? 0
                    let experts = ebe == 1 ? "1 Expert" : "\(ebe) Experts"
                    return
                        "Recorded meeting \(meeting) as held: \(attendee.count) present, \(experts) by Experience, \(quorate)."
                }
            }
        }
    }
}

struct DecisionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decision", abstract: "Propose decisions and record what bodies decided.",
        subcommands: [Propose.self, Record.self])

    struct Propose: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put a proposal to a body, citing what it draws on (decision.proposed).")
        @OptionGroup var signing: SigningOptions
        @Option(help: "The body asked to decide.") var body: String
        @Option(help: "The decision id, e.g. dec-2026-009.") var decision: String
        @Option(help: "A short title.") var title: String
        @Option(help: "The proposal as put (default: the title).") var text: String?
        @Option(help: "Who proposed it (default: the person holding --key).") var proposer: String?
        @Option(
            help: ArgumentHelp(
                "What it draws on, KIND:ID (repeatable), e.g. feedback:F-2026-0142 or contribution:CON-1.",
                valueName: "kind:id"))
        var cites: [String] = []
        @Option(
            help: ArgumentHelp(
                "A competency it serves (repeatable): \(Competency.allCases.map(\.rawValue).joined(separator: ", ")).",
                valueName: "code"))
        var competency: [String] = []
        @Option(
            help: ArgumentHelp(
                "A pillar it serves (repeatable): \(Pillar.allCases.map(\.rawValue).joined(separator: ", ")).",
                valueName: "code"))
        var pillar: [String] = []
        @Option(
            help: ArgumentHelp(
                "An objective it serves (repeatable): \(Objective.allCases.map(\.rawValue).joined(separator: ", ")).",
                valueName: "code"))
        var objective: [String] = []

        func run() throws {
            try reporting {
                try DomainVerb.append(signing) { ledger in
                    guard let who = try proposer ?? LogLookup(ledger: ledger).personHolding(keyFile: signing.key) else {
                        throw CLIError("give --proposer PERSON: the key \(signing.key) is not registered to a person")
                    }
                    return DomainEvent(
                        type: "decision.proposed",
                        payload: [
                            "decisionId": .string(decision), "bodyId": .string(body), "title": .string(title),
                            "text": .string(text ?? title),
                            "proposer": .string(who),
                            "inputs": .array(try cites.map { try VerbInput.entityRef($0, option: "--cites") }),
                            "competencies": VerbInput.strings(competency), "pillars": VerbInput.strings(pillar),
                            "objectives": VerbInput.strings(objective),
                        ],
                        options: [
                            "decisionId": "--decision", "bodyId": "--body", "title": "--title", "text": "--text",
                            "proposer": "--proposer",
                            "inputs": "--cites", "competencies": "--competency", "pillars": "--pillar",
                            "objectives": "--objective",
                        ])
                } describe: { _, _ in
                    "Proposed decision \(decision) to \(body)."
                }
            }
        }
    }

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record what a body decided at a meeting (decision.recorded).",
            discussion: HelpText.reflow("""
                The meeting must have been held (meeting.held). The quorum snapshot and the Experts by
                Experience present are worked out from its attendance, leaving out recused members; recusals
                default to the meeting's declarations with action recused for this decision.
                """))
        @OptionGroup var signing: SigningOptions
        @Option(help: "The decision id (proposed earlier).") var decision: String
        @Option(help: "The meeting (held earlier) where it was decided.") var meeting: String
        @Option(
            help: ArgumentHelp(
                "What was decided: \(DecisionRecorded.Outcome.allCases.map(\.rawValue).joined(separator: ", ")).",
                valueName: "outcome"))
        var outcome: String
        @Option(help: "How: consensus, or vote (with --in-favour, --against, --abstained).") var method: String
        @Option(help: "Votes for.") var inFavour: Int?
        @Option(help: "Votes against.") var against: Int?
        @Option(help: "Abstentions.") var abstained: Int?
        @Option(help: "Someone who left for this item (repeatable; default: the meeting's recusals for this decision).")
        var recusal: [String] = []
        @Option(help: "Why the body decided so (required by the catalogue).") var rationale: String
        @Option(
            help: ArgumentHelp(
                "The rung of the ladder of co-production it was made at: \(LadderRung.allCases.map(\.rawValue).joined(separator: ", ")).",
                valueName: "rung"))
        var rung: String
        @Option(help: "When to look at it again (a date).") var reviewOn: String?

        func run() throws {
            try reporting {
                try DomainVerb.append(signing) { ledger in
                    let lookup = LogLookup(ledger: ledger)
                    guard let held = try lookup.latest(MeetingHeld.self, stream: "meeting/\(meeting)")?.payload else {
                        throw CLIError(
                            "/payload/meetingId (--meeting): meeting \(meeting) was never held in this log; record it with `coledger meeting hold` first"
                        )
                    }
                    let body = held.bodyId.rawValue
                    var recused = recusal
                    if recused.isEmpty {
                        recused = (held.declarationsMade ?? []).filter { $0.itemRef.rawValue == decision && $0.action == .recused }.map(\.personId.rawValue)
                    }
                    guard let rule = try lookup.quorumRule(of: body) else {
                        throw CLIError("body \(body) has no quorum rule in this log")
                    }
                    let listed = Attendance.listed(held.attendees)
                    let present = AttendanceRule.quorum(
                        listed, recused: Set(recused), required: rule.min.value, ofCategory: rule.ofCategory?.rawValue
                    ).present
                    var payload: [String: JSONValue] = [
                        "decisionId": .string(decision), "meetingId": .string(meeting), "outcome": .string(outcome),
                        "method": .string(method),
                        "quorumSnapshot": .object([
                            "present": VerbInput.int(present), "required": VerbInput.int(rule.min.value),
                            "met": .bool(present >= rule.min.value),
                        ]),
                        "ebePresentCount": VerbInput.int(
                            AttendanceRule.presence(listed, recused: Set(recused), requiredCount: nil, requiredShare: nil).present),
                        "recusals": VerbInput.strings(recused), "rationale": .string(rationale),
                        "ladderRung": .string(rung),
                    ]
                    if inFavour != nil || against != nil || abstained != nil {
                        payload["tally"] = .object([
                            "inFavour": VerbInput.int(inFavour ?? 0), "against": VerbInput.int(against ?? 0),
                            "abstained": VerbInput.int(abstained ?? 0),
                        ])
                    }
                    if let reviewOn { payload["reviewOn"] = .string(DateInput.date(reviewOn)) }
                    return DomainEvent(
                        type: "decision.recorded", payload: payload,
                        options: [
                            "decisionId": "--decision", "meetingId": "--meeting", "outcome": "--outcome",
                            "method": "--method",
                            "tally": "--in-favour/--against/--abstained", "recusals": "--recusal",
                            "rationale": "--rationale",
                            "ladderRung": "--rung", "reviewOn": "--review-on",
                        ])
                } describe: { event, _ in
                    let met = event.payload["quorumSnapshot"]?["met"]?.boolValue == true ? "quorate" : "NOT quorate"
                    return "Recorded decision \(decision): \(outcome) by \(method) at \(meeting) (\(met))."
                }
            }
        }
    }
}
