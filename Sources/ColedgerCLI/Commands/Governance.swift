import ArgumentParser
import Foundation
import LedgerCore
import LedgerProjections

// The governance register and the decision register (the `governance` and `decisions`
// projections). The write verbs are `body`, `meeting` and `decision`.

struct BodiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bodies",
        abstract: "The governance register: every body, its chair and facilitators, quorum and EbE rules, members and meetings.",
        discussion: HelpText.reflow("""
            One line per body, in the order they were established: its type, who holds its chair and \
            facilitator roles now (role: pseudonym), its quorum and Expert-by-Experience presence rules as \
            last amended, its current members by category, and how many meetings it called or held. Then \
            every amendment to a body's terms and every dissolution, with log indexes.

            --json adds the history: every version of each body's terms, every holder of its offices with \
            their dates, every membership spell, and membership by category after each change. \
            See a body's meetings with `coledger meetings BODY`; record bodies with `coledger body`.
            """))
    @OptionGroup var options: ProjectionOptions
    @Flag(help: "Print the register as JSON.") var json = false

    func run() throws {
        try reporting {
            let report = try options.open().bodies()
            if json { return Output.printJSON(report) }
            let dissolved = report.bodies.filter { $0.body.dissolved != nil }.count
            print("Governance register (\(report.entriesFolded) log entries): \(report.bodies.count) bodies\(dissolved > 0 ? ", \(dissolved) dissolved" : "").\n")
            guard !report.bodies.isEmpty else { return print("No bodies are recorded yet (record one with `coledger body establish`).") }
            print(Table.render(
                ["BODY", "TYPE", "CHAIR", "FACILITATORS", "QUORUM", "EBE RULE", "MEMBERS NOW", "MEETINGS", "STATUS", "NAME"],
                report.bodies.map { v in
                    let t = v.terms
                    func holders(_ office: String) -> String {
                        let offices = v.offices.filter { $0.office == office }
                        guard !offices.isEmpty else { return "-" }
                        return offices.map { "\($0.roleId): \($0.current.isEmpty ? "vacant" : $0.current.joined(separator: "+"))" }.joined(separator: ", ")
                    }
                    return [
                        v.body.bodyId, v.body.bodyType, holders("chair"), holders("facilitator"),
                        "\(t.quorumMin)\(t.quorumOfCategory.map { " \($0)" } ?? "")", GovernanceText.ebeRule(t),
                        GovernanceText.counts(v.currentMembersByCategory), "\(v.meetings)",
                        v.body.dissolved.map { "dissolved \($0.occurredAt.prefix(10))" } ?? "active", v.body.name,
                    ]
                }))
            let amendments = report.bodies.flatMap { v in v.termsHistory.filter { $0.kind == "amended" } }
            if !amendments.isEmpty {
                print("\nTerms amended:")
                for a in amendments {
                    print("  #\(a.index) \(a.occurredAt.prefix(10)) \(a.bodyId) by decision \(a.decisionRef ?? "?"): \(a.changes ?? "")")
                }
            }
            for v in report.bodies {
                if let d = v.body.dissolved {
                    print("\n\(v.body.bodyId) was dissolved at entry \(d.index) by decision \(d.decisionRef): \(d.reason)")
                }
            }
        }
    }
}

struct MeetingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meetings",
        abstract: "A body's meetings: attendance, apologies, declarations, and quorum and EbE presence worked out from attendance.",
        discussion: HelpText.reflow("""
            Quorum and Expert-by-Experience presence are worked out from who attended and the body's terms \
            in force at the meeting, never taken from what the recorder claimed; both are shown (CALC/REC) \
            and every disagreement is listed. The quorum counts members on the day (or holders of the \
            body's chair and facilitator roles) who took part — not observers or guests — once each, of the \
            rule's category when it names one. EbE presence counts attendees in category ebe_lived or \
            ebe_carer. For each decision, people recused from it count for neither.

            The catalogue records attendance per meeting, not per item: somebody listed both as present and \
            with apologies (a late arrival) counts as present, and a decision whose recorder counted \
            differently is flagged.
            """))
    @OptionGroup var options: ProjectionOptions
    @Argument(help: "The body id, e.g. B-AMHEPF.") var body: String
    @Flag(help: "List every attendee of every meeting (default: only those whose attendance needs a note).") var attendance = false
    @Flag(help: "Print the meetings as JSON.") var json = false

    func run() throws {
        try reporting {
            let report: MeetingsReport
            do {
                report = try options.open().meetings(body: body)
            } catch let error as ProjectionError {
                throw CLIError("\(error); see `coledger bodies` for the bodies in the log")
            }
            if json { return Output.printJSON(report) }
            let held = report.meetings.filter { $0.heldIndex != nil }.count
            print("\(report.bodyId)\(report.body.map { " — \($0.name)" } ?? " (not established in the log)"): \(report.meetings.count) meetings, \(held) held, \(report.disagreements) disagreeing with attendance (\(report.entriesFolded) log entries).\n")
            print(Table.render(
                ["MEETING", "HELD", "ENTRY", "PRESENT", "APOLOGIES", "EBE CALC/REC", "QUORUM CALC/REC", "DECLARATIONS", "DECISIONS"],
                report.meetings.map { m in
                    guard let index = m.heldIndex else {
                        return [m.meetingId, "called for \(m.scheduledFor?.prefix(10) ?? "?")", "-", "-", "-", "-", "-", "-", "-"]
                    }
                    let c = m.computed
                    let ebe = "\(c.map { "\($0.ebe.present)\($0.ebe.met ? "" : "!")" } ?? "?")/\(m.recorded.map { "\($0.ebePresent)" } ?? "?")"
                    let quorum = "\(c?.quorum.map { "\($0.present)of\($0.required) \($0.met ? "yes" : "NO")" } ?? "?")/\(m.recorded.map { $0.quorumMet ? "yes" : "no" } ?? "?")"
                    let declarations = m.noneDeclared ? "none" : m.declarations.map { "\($0.personId) \($0.action) \($0.itemRef)" }.joined(separator: "; ")
                    return [
                        m.meetingId, String(m.heldAt?.prefix(10) ?? "?"), "\(index)", "\(m.attendees.count)", "\(m.apologies.count)", ebe, quorum,
                        declarations.isEmpty ? "-" : declarations, m.decisions.map(\.decisionId).joined(separator: ", "),
                    ]
                }))
            for m in report.meetings where m.heldIndex != nil {
                // Observers and guests are routine; anything else about an attendee is worth a line.
                let notes = m.attendees.filter { a in attendance || a.notes.contains { !$0.hasPrefix("attends as ") } }
                let items = m.decisions
                guard attendance || !notes.isEmpty || !m.disagreements.isEmpty || items.contains(where: { !$0.disagreements.isEmpty }) else { continue }
                print("\n\(m.meetingId) (entry \(m.heldIndex ?? 0)):")
                for d in m.disagreements { print("  DISAGREES: \(d)") }
                for a in notes {
                    let member = a.member.map { $0 ? "member" : "not a member" } ?? "membership not recorded"
                    print("  \(a.personId) \(a.category) \(a.role), \(member)\(a.officeRoles.isEmpty ? "" : ", holds \(a.officeRoles.joined(separator: ", "))")\(a.countsForQuorum ? ", counts for quorum" : "")\(a.notes.isEmpty ? "" : " — \(a.notes.joined(separator: "; "))")")
                }
                if attendance && !m.apologies.isEmpty { print("  apologies: \(m.apologies.joined(separator: ", "))") }
                for d in items {
                    let c = d.computed
                    print("  decision \(d.decisionId) (entry \(d.index)) \(d.outcome): \(c.map { GovernanceText.experts($0.ebe) } ?? "attendance unknown")\(c?.quorum.map { ", quorum \($0.present) of \($0.required)" } ?? "")\(d.recused.isEmpty ? "" : ", recused \(d.recused.joined(separator: ", "))")")
                    for x in d.disagreements { print("    DISAGREES: \(x)") }
                }
            }
        }
    }
}

struct DecisionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decisions",
        abstract: "The decision register: every decision with its date, body, outcome, EbE present and quorum from attendance.",
        discussion: HelpText.reflow("""
            One line per decision proposed, in the order proposed: the day of its latest recorded outcome \
            (or of its proposal while pending), the body it was put to, its outcome, the Experts by \
            Experience present for it and whether it was quorate — both worked out from the meeting's \
            attendance less those recused from it (`!` marks a decision that broke the body's EbE rule). \
            Then the decisions taken with no Expert by Experience present, without a quorum, or whose \
            record disagrees with attendance.

            See one decision's sources with `coledger provenance DECISION`; record decisions with \
            `coledger decision`.
            """))
    @OptionGroup var options: ProjectionOptions
    @OptionGroup var point: PointOptions
    @Option(help: ArgumentHelp("Only decisions put to this body.", valueName: "body")) var body: String?
    @Option(help: ArgumentHelp("Only decisions dated on or after this day.", valueName: "YYYY-MM-DD")) var since: String?
    @Option(help: ArgumentHelp("Only decisions dated on or before this day.", valueName: "YYYY-MM-DD")) var until: String?
    @Flag(help: "Print the register as JSON.") var json = false

    func run() throws {
        try reporting {
            for (name, value) in [("--since", since), ("--until", until)] {
                if let value, value.count != 10 || CivilDate(parsing: value) == nil { throw CLIError("\(name) must be a date YYYY-MM-DD, got \(value)") }
            }
            let (projections, _, said) = try point.read(options)
            let register = try projections.decisions(body: body).dated(since: since, until: until)
            if json { return Output.printJSON(register) }
            print("Decision register\(body.map { " of \($0)" } ?? "") \(said) (\(register.entriesFolded) log entries): \(register.decisions.count) decisions; \(register.withoutEbE.count) with no Expert by Experience present; \(register.notQuorate.count) not quorate; \(register.withDisagreements.count) whose record disagrees with attendance.\n")
            guard !register.decisions.isEmpty else { return print("No decisions are recorded yet.") }
            print(Table.render(
                ["DECISION", "DATE", "BODY", "OUTCOME", "EBE", "QUORATE", "ENTRY", "TITLE"],
                register.decisions.map { d in
                    [
                        d.decisionId, d.date, d.bodyId, d.outcome + (d.reviewed.map { " (\($0))" } ?? ""),
                        d.ebePresent.map { "\($0)\(d.ebeMet == false ? "!" : "")" } ?? "-", d.quorumMet.map { $0 ? "yes" : "NO" } ?? "-",
                        "\(d.recordedIndex ?? d.proposedIndex)", d.title,
                    ]
                }))
            if !register.withoutEbE.isEmpty { print("\nDecided with no Expert by Experience present: \(register.withoutEbE.joined(separator: ", "))") }
            if !register.notQuorate.isEmpty { print("Decided without a quorum: \(register.notQuorate.joined(separator: ", "))") }
            for d in register.decisions where !d.disagreements.isEmpty {
                print("\(d.decisionId): \(d.disagreements.joined(separator: "; "))")
            }
        }
    }
}

enum GovernanceText {
    /// `ebe_lived 2, staff 3`.
    static func counts(_ byCategory: [String: Int]) -> String {
        byCategory.isEmpty ? "-" : byCategory.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    /// `≥1`, `≥2 and 25%`.
    static func ebeRule(_ t: BodyTerms) -> String {
        ">=\(max(1, t.ebeMinCount))\(t.ebeMinShare.map { " and \(Int(($0 * 100).rounded()))%" } ?? "")"
    }

    /// `2 Experts by Experience (1 lived, 1 carer) of 6 present, rule met`.
    static func experts(_ e: EbePresenceCheck) -> String {
        let who = e.present == 1 ? "1 Expert by Experience" : "\(e.present) Experts by Experience"
        return "\(who) (\(e.lived) lived, \(e.carers) carer) of \(e.outOf) present, EbE rule \(e.met ? "met" : "NOT met")"
    }
}
