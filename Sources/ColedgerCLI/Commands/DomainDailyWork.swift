import ArgumentParser
import Foundation
import LedgerCore
import LedgerDomain
import LedgerRecording

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
                try DomainVerb.record(signing) { _ in
                    typealias K = FeedbackTriaged.CodingKeys
                    return FeedbackTriaged.make(
                        feedbackId: id, themes: theme,
                        pillars: try RecordingInput.values(
                            TagVocabulary.Pillar.self, pillar, member: K.pillars, field: "--pillar"),
                        competencies: try RecordingInput.values(
                            TagVocabulary.Competency.self, competency, member: K.competencies, field: "--competency"),
                        criticality: criticality, safeguardingFlag: safeguarding, ownerRoleId: owner)
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
                try DomainVerb.record(signing) { _ in
                    FeedbackLinked.make(
                        feedbackId: id,
                        targetType: try RecordingInput.value(
                            FeedbackVocabulary.LinkTarget.self, to, member: FeedbackLinked.CodingKeys.targetType,
                            field: "--to"),
                        targetId: target)
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
                try DomainVerb.record(signing) { _ in
                    FeedbackStatusUpdated.make(
                        feedbackId: id,
                        status: try RecordingInput.value(
                            FeedbackVocabulary.Status.self, status, member: FeedbackStatusUpdated.CodingKeys.status,
                            field: "--status"),
                        note: note)
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
                try DomainVerb.record(signing) { _ in
                    typealias K = SubmitterNotified.CodingKeys
                    return NotifySubmitter(
                        feedbackId: id,
                        method: try RecordingInput.value(
                            FeedbackVocabulary.ContactMethod.self, method, member: K.method, field: "--method"),
                        kind: try RecordingInput.value(
                            FeedbackVocabulary.NotificationKind.self, kind, member: K.kind, field: "--kind"))
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
                try DomainVerb.record(signing) { _ in
                    BoardUpdateGiven.make(
                        bodyId: body,
                        mode: try RecordingInput.value(
                            ReportingVocabulary.UpdateMode.self, mode, member: BoardUpdateGiven.CodingKeys.mode,
                            field: "--mode"),
                        paperHash: paper != nil || paperHash != nil
                            ? try Digest.of(file: paper, hash: paperHash, what: "--paper") : nil,
                        metricsIncluded: metric, meetingId: meeting, givenByRoleId: givenBy)
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
                try DomainVerb.record(signing) { _ in
                    MinutesApproved(
                        meetingId: EntityID(unchecked: meeting),
                        minutesHash: DocHash(
                            unchecked: try Digest.of(file: minutes, hash: minutesHash, what: "--minutes")),
                        approvedAtMeetingId: EntityID(unchecked: approvedAt))
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
                try DomainVerb.record(signing) { _ in
                    RegionRegistered(
                        regionId: EntityID(unchecked: id), name: ShortText(unchecked: name),
                        servicesProvided: servicesProvided)
                }
            }
        }
    }
}
