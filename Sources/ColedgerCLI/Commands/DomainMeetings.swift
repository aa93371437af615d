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
                try DomainVerb.record(signing) { _ in
                    MeetingScheduled(
                        meetingId: EntityID(unchecked: meeting), bodyId: BodyID(unchecked: body),
                        scheduledFor: UTCTimestamp(unchecked: DateInput.timestamp(at)),
                        agendaHash: DocHash(unchecked: try Digest.of(file: agenda, hash: agendaHash, what: "--agenda")))
                }
            }
        }
    }

    struct Hold: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that a scheduled meeting took place (meeting.held).",
            discussion: HelpText.reflow(
                """
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
                try DomainVerb.record(signing) { _ in
                    guard !attendee.isEmpty else {
                        throw CLIError("give at least one --attendee PERSON[:CATEGORY][:ROLE]")
                    }
                    guard noneDeclared != !declaration.isEmpty else {
                        throw CLIError(
                            "give --none-declared, or one --declaration PERSON:ITEM:recused|participated per interest (rule G-6), not both"
                        )
                    }
                    return HoldMeeting(
                        meetingId: EntityID(unchecked: meeting),
                        attendees: try attendee.enumerated().map { n, text in
                            let p = try VerbInput.parts(
                                text, option: "--attendee", min: 1, max: 3,
                                form: "PERSON[:CATEGORY][:ROLE], e.g. p-0007, p-0007:chair or p-0007:ebe_lived:chair")
                            // PERSON:ROLE when the second part is a role; a category left out is the log's.
                            let category =
                                p.count == 3 || (p.count == 2 && MeetingRole(rawValue: p[1]) == nil) ? p[1] : nil
                            let role = p.count == 3 ? p[2] : p.count == 2 && category == nil ? p[1] : nil
                            return HoldMeeting.Present(
                                personId: PersonID(unchecked: p[0]),
                                category: try category.map {
                                    try RecordingInput.value(
                                        PersonCategory.self, $0, pointer: HoldMeeting.attendeePointer(n, .category),
                                        field: "--attendee")
                                },
                                role: try role.map {
                                    try RecordingInput.value(
                                        MeetingRole.self, $0, pointer: HoldMeeting.attendeePointer(n, .role),
                                        field: "--attendee")
                                } ?? .member)
                        },
                        apologies: apology.map(PersonID.init(unchecked:)),
                        declarations: try declaration.enumerated().map { n, text in
                            let p = try VerbInput.parts(
                                text, option: "--declaration", min: 3, max: 3, form: "PERSON:ITEM:recused|participated")
                            return MeetingDeclaration(
                                personId: PersonID(unchecked: p[0]), itemRef: EntityID(unchecked: p[1]),
                                action: try RecordingInput.value(
                                    MeetingDeclaration.Action.self, p[2],
                                    pointer: HoldMeeting.declarationPointer(n, .action), field: "--declaration"))
                        },
                        noneDeclared: noneDeclared, quorate: quorate)
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
                try DomainVerb.record(signing) { ledger in
                    typealias K = DecisionProposed.CodingKeys
                    guard let who = try proposer ?? LogLookup(ledger: ledger).personHolding(keyFile: signing.key) else {
                        throw CLIError("give --proposer PERSON: the key \(signing.key) is not registered to a person")
                    }
                    return DecisionProposed(
                        decisionId: EntityID(unchecked: decision), bodyId: BodyID(unchecked: body),
                        title: ShortText(unchecked: title), text: LongText(unchecked: text ?? title),
                        proposer: PersonID(unchecked: who),
                        inputs: try cites.enumerated().map { i, text in
                            try VerbInput.entityRef(text, option: "--cites", pointer: DecisionProposed.inputPointer(i))
                        },
                        competencies: try RecordingInput.values(
                            Competency.self, competency, member: K.competencies, field: "--competency"),
                        pillars: try RecordingInput.values(Pillar.self, pillar, member: K.pillars, field: "--pillar"),
                        objectives: try RecordingInput.values(
                            Objective.self, objective, member: K.objectives, field: "--objective"))
                }
            }
        }
    }

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record what a body decided at a meeting (decision.recorded).",
            discussion: HelpText.reflow(
                """
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
                try DomainVerb.record(signing) { _ in
                    typealias K = DecisionRecorded.CodingKeys
                    var tally: DecisionRecorded.Tally?
                    if inFavour != nil || against != nil || abstained != nil {
                        tally = DecisionRecorded.Tally(
                            inFavour: Count(unchecked: inFavour ?? 0), against: Count(unchecked: against ?? 0),
                            abstained: Count(unchecked: abstained ?? 0))
                    }
                    return RecordDecision(
                        decisionId: EntityID(unchecked: decision), meetingId: EntityID(unchecked: meeting),
                        outcome: try RecordingInput.value(
                            DecisionRecorded.Outcome.self, outcome, member: K.outcome, field: "--outcome"),
                        method: try RecordingInput.value(
                            DecisionRecorded.Method.self, method, member: K.method, field: "--method"),
                        tally: tally, recusals: recusal.map(PersonID.init(unchecked:)),
                        rationale: LongText(unchecked: rationale),
                        ladderRung: try RecordingInput.value(
                            LadderRung.self, rung, member: K.ladderRung, field: "--rung"),
                        reviewOn: reviewOn.map { ISODate(unchecked: DateInput.date($0)) })
                }
            }
        }
    }
}
