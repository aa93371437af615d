import ArgumentParser
import Foundation
import LedgerCore
import LedgerDomain

// Verbs for the ordinary work that had needed `coledger new` and hand-edited JSON: triaging,
// linking and updating feedback, telling a submitter, a board update, approving minutes and
// registering a region. Each takes the one date option, --on (SigningOptions).

private func allowed<T: RawRepresentable & CaseIterable>(_: T.Type) -> String where T.RawValue == String {
    T.allCases.map(\.rawValue).joined(separator: ", ")
}

extension FeedbackCommand {
    struct Triage: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Triage feedback: its themes, tags, criticality and owner (feedback.triaged).")
        @OptionGroup var signing: SigningOptions
        @Option(help: "The feedback id.") var id: String
        @Option(help: ArgumentHelp("A theme (repeatable), e.g. interpreters.", valueName: "theme")) var theme:
            [String] = []
        @Option(
            help: ArgumentHelp("A pillar (repeatable): \(allowed(TagVocabulary.Pillar.self)).", valueName: "pillar"))
        var pillar: [String] = []
        @Option(
            help: ArgumentHelp(
                "A competency (repeatable): \(allowed(TagVocabulary.Competency.self)).", valueName: "competency"))
        var competency: [String] = []
        @Option(help: "How critical, 1 (low) to 5.") var criticality: Int
        @Flag(help: "It raises a safeguarding concern.") var safeguarding = false
        @Option(help: "The role that owns it, e.g. R-HEAD-RJE.") var owner: String?

        func run() throws {
            try reporting {
                try DomainVerb.append(signing) { _ in
                    var payload: [String: JSONValue] = [
                        "feedbackId": .string(id), "themes": VerbInput.strings(theme),
                        "pillars": VerbInput.strings(pillar),
                        "competencies": VerbInput.strings(competency), "criticality": VerbInput.int(criticality),
                        "safeguardingFlag": .bool(safeguarding),
                    ]
                    if let owner { payload["ownerRoleId"] = .string(owner) }
                    return DomainEvent(
                        type: "feedback.triaged", payload: payload,
                        options: [
                            "feedbackId": "--id", "themes": "--theme", "pillars": "--pillar",
                            "competencies": "--competency",
                            "criticality": "--criticality", "ownerRoleId": "--owner",
                        ])
                } describe: { _, _ in
                    "Triaged feedback \(id) (criticality \(criticality))."
                }
            }
        }
    }

    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Link feedback to what it led to: an action, decision, meeting or other item (feedback.linked).")
        @OptionGroup var signing: SigningOptions
        @Option(help: "The feedback id.") var id: String
        @Option(
            help: ArgumentHelp(
                "What it is linked to: \(allowed(FeedbackVocabulary.LinkTarget.self)).", valueName: "kind"))
        var to: String
        @Option(help: "The id of what it is linked to.") var target: String

        func run() throws {
            try reporting {
                try DomainVerb.append(signing) { _ in
                    DomainEvent(
                        type: "feedback.linked",
                        payload: ["feedbackId": .string(id), "targetType": .string(to), "targetId": .string(target)],
                        options: ["feedbackId": "--id", "targetType": "--to", "targetId": "--target"])
                } describe: { _, _ in
                    "Linked feedback \(id) to \(to) \(target)."
                }
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record where feedback stands before it is answered (feedback.status_updated).")
        @OptionGroup var signing: SigningOptions
        @Option(help: "The feedback id.") var id: String
        @Option(help: ArgumentHelp("Its status: \(allowed(FeedbackVocabulary.Status.self)).", valueName: "status"))
        var status: String
        @Option(help: "A note (no personal data).") var note: String?

        func run() throws {
            try reporting {
                try DomainVerb.append(signing) { _ in
                    var payload: [String: JSONValue] = ["feedbackId": .string(id), "status": .string(status)]
                    if let note { payload["note"] = .string(note) }
                    return DomainEvent(
                        type: "feedback.status_updated", payload: payload,
                        options: ["feedbackId": "--id", "status": "--status", "note": "--note"])
                } describe: { _, _ in
                    "Feedback \(id) is now \(status)."
                }
            }
        }
    }

    struct Notify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Record that the submitter was told of the answer or of progress (feedback.submitter_notified, rule F-4).",
            discussion: "When they were told is --on (the payload's `at` says the same).")
        @OptionGroup var signing: SigningOptions
        @Option(help: "The feedback id.") var id: String
        @Option(help: ArgumentHelp("How: \(allowed(FeedbackVocabulary.ContactMethod.self)).", valueName: "method"))
        var method: String
        @Option(help: ArgumentHelp("Of what: \(allowed(FeedbackVocabulary.NotificationKind.self)).", valueName: "kind"))
        var kind: String

        func run() throws {
            try reporting {
                try DomainVerb.append(signing) { _ in
                    DomainEvent(
                        type: "feedback.submitter_notified",
                        payload: ["feedbackId": .string(id), "method": .string(method), "kind": .string(kind)],
                        options: ["feedbackId": "--id", "method": "--method", "kind": "--kind"])
                } describe: { _, _ in
                    "Recorded that the submitter of \(id) was told (\(kind), by \(method))."
                }
            }
        }
    }
}

extension BodyCommand {
    struct BoardUpdate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "board-update",
            abstract:
                "Record an update on the plan given to a board, verbally or in writing (board.update_given, rule G-7).")
        @OptionGroup var signing: SigningOptions
        @Option(help: "The board, e.g. B-TRUSTEES.") var body: String
        @Option(help: ArgumentHelp("How: \(allowed(ReportingVocabulary.UpdateMode.self)).", valueName: "mode"))
        var mode: String
        @Option(help: "The paper (its SHA-256 is recorded; required for a written update).") var paper: String?
        @Option(help: "The paper's digest, sha256:<hex>, instead of --paper.") var paperHash: String?
        @Option(help: ArgumentHelp("A metric reported (repeatable).", valueName: "metric")) var metric: [String] = []
        @Option(help: "The meeting it was given at.") var meeting: String?
        @Option(help: "The role that gave it, e.g. R-RJE-TEAM.") var givenBy: String?

        func run() throws {
            try reporting {
                try DomainVerb.append(signing) { _ in
                    var payload: [String: JSONValue] = [
                        "bodyId": .string(body), "mode": .string(mode), "metricsIncluded": VerbInput.strings(metric),
                    ]
                    if paper != nil || paperHash != nil {
                        payload["paperHash"] = .string(try Digest.of(file: paper, hash: paperHash, what: "--paper"))
                    }
                    if let meeting { payload["meetingId"] = .string(meeting) }
                    if let givenBy { payload["givenByRoleId"] = .string(givenBy) }
                    return DomainEvent(
                        type: "board.update_given", payload: payload,
                        options: [
                            "bodyId": "--body", "mode": "--mode", "paperHash": "--paper-hash",
                            "metricsIncluded": "--metric",
                            "meetingId": "--meeting", "givenByRoleId": "--given-by",
                        ])
                } describe: { _, _ in
                    "Recorded a \(mode) update to \(body)."
                }
            }
        }
    }
}

extension MeetingCommand {
    struct ApproveMinutes: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "approve-minutes",
            abstract: "Record that a meeting's minutes were approved at a later meeting (minutes.approved).")
        @OptionGroup var signing: SigningOptions
        @Option(help: "The meeting the minutes are of.") var meeting: String
        @Option(help: "The meeting that approved them.") var approvedAt: String
        @Option(help: "The minutes (their SHA-256 is recorded).") var minutes: String?
        @Option(help: "The minutes' digest, sha256:<hex>, instead of --minutes.") var minutesHash: String?

        func run() throws {
            try reporting {
                try DomainVerb.append(signing) { _ in
                    DomainEvent(
                        type: "minutes.approved",
                        payload: [
                            "meetingId": .string(meeting), "approvedAtMeetingId": .string(approvedAt),
                            "minutesHash": .string(try Digest.of(file: minutes, hash: minutesHash, what: "--minutes")),
                        ],
                        options: [
                            "meetingId": "--meeting", "approvedAtMeetingId": "--approved-at",
                            "minutesHash": "--minutes-hash",
                        ])
                } describe: { _, _ in
                    "Recorded that the minutes of \(meeting) were approved at \(approvedAt)."
                }
            }
        }
    }
}

struct RegionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "region", abstract: "Register the plan's regions.", subcommands: [Register.self])

    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register a region (region.registered).")
        @OptionGroup var signing: SigningOptions
        @Option(help: "The region id, e.g. NW.") var id: String
        @Option(help: "Its name, e.g. North West.") var name: String
        @Flag(inversion: .prefixedNo, help: "Whether the trust provides services there.") var servicesProvided = true

        func run() throws {
            try reporting {
                try DomainVerb.append(signing) { _ in
                    DomainEvent(
                        type: "region.registered",
                        payload: [
                            "regionId": .string(id), "name": .string(name), "servicesProvided": .bool(servicesProvided),
                        ],
                        options: ["regionId": "--id", "name": "--name", "servicesProvided": "--services-provided"])
                } describe: { _, _ in
                    "Registered region \(id) (\(name))."
                }
            }
        }
    }
}
