import ArgumentParser
import Foundation
import LedgerCore
import LedgerDomain
import LedgerRecording

// The feedback loop, "you said, we did" (catalogue group F).

private func values<T: RawRepresentable & CaseIterable>(_: T.Type) -> String where T.RawValue == String {
    T.allCases.map(\.rawValue).joined(separator: ", ")
}

struct FeedbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback", abstract: "The feedback loop: list items and their clocks; receive, acknowledge, answer and close feedback.",
        subcommands: [
            FeedbackListCommand.self, Receive.self, Acknowledge.self, Triage.self, Link.self, Status.self, Respond.self, Notify.self,
            Close.self,
        ],
        defaultSubcommand: FeedbackListCommand.self)

    struct Receive: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record feedback that arrived (feedback.received); its text goes to the private part.",
            discussion: HelpText.reflow("""
                The text is personal data: the ledger commits to it and stores it encrypted outside the log,
                under subject person/<submitter>, or feedback/<id> when the submitter is anonymous. An intake
                key (the public form) may record anonymous feedback only.
                """))
        @OptionGroup var signing: SigningOptions
        @Option(help: "The feedback id, e.g. F-2026-0001.") var id: String
        @Option(help: ArgumentHelp("How it arrived: \(values(FeedbackVocabulary.Channel.self)).", valueName: "channel"))
        var channel: String
        @Option(help: "The submitter's pseudonym, or anonymous (default).") var submitter = FeedbackReceived.anonymous
        @Option(help: "The feedback itself (private).") var text: String?
        @Option(help: "The language it was given in (BCP 47).") var language = "en"
        @Flag(help: "The submitter agreed to a moderated summary being published.") var consentToPublish = false
        @Flag(help: "The submitter agreed to be contacted about the outcome (rule F-4).") var contactConsent = false
        @Option(help: "The service it is about.") var service: String?
        @Option(help: "The region it is about.") var region: String?
        @Option(help: "The body it came through.") var body: String?
        @Option(
            help: ArgumentHelp(
                "The format to answer in: \(values(ReportingVocabulary.AccessibleFormat.self)).", valueName: "format"))
        var accessibleFormat: String?
        @Option(help: "The event id of the submitter's equality monitoring record.") var equalityRef: String?
        @Option(help: "The lawful basis the text is held under (rule P-1), e.g. LB-ART9-2H.") var lawfulBasis: String?

        func run() throws {
            try reporting {
                try DomainVerb.record(signing) { _ in
                    typealias K = FeedbackReceived.CodingKeys
                    return ReceiveFeedback(
                        feedbackId: id,
                        channel: try RecordingInput.value(
                            FeedbackVocabulary.Channel.self, channel, member: K.channel, field: "--channel"),
                        submitter: submitter, language: language, consentToPublish: consentToPublish,
                        contactConsent: contactConsent, serviceId: service, regionId: region, bodyId: body,
                        accessibleFormat: try accessibleFormat.map {
                            try RecordingInput.value(
                                ReportingVocabulary.AccessibleFormat.self, $0, member: K.accessibleFormat,
                                field: "--accessible-format")
                        },
                        equalityRef: equalityRef, lawfulBasisRef: lawfulBasis, text: text)
                }
            }
        }
    }

    struct Acknowledge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that receipt was acknowledged (feedback.acknowledged, rule F-1).")
        @OptionGroup var signing: SigningOptions
        @Option(help: "The feedback id.") var id: String
        @Option(help: ArgumentHelp("How: \(values(FeedbackVocabulary.ContactMethod.self)).", valueName: "method"))
        var method: String
        @Option(help: .hidden) var at: String?

        func run() throws {
            try reporting {
                try EffectiveDateOption.replaced("--at", at)
                try DomainVerb.record(signing) { _ in
                    AcknowledgeFeedback(
                        feedbackId: id,
                        method: try RecordingInput.value(
                            FeedbackVocabulary.ContactMethod.self, method,
                            member: FeedbackAcknowledged.CodingKeys.method, field: "--method"))
                }
            }
        }
    }

    struct Respond: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Answer feedback: \"you said\", \"we did\" and what changed (feedback.responded).",
            discussion:
                "--change-description is required unless --change is no_change_with_reason, which needs --reason instead. "
                + "When the feedback was received without consent to publish, --you-said and --we-did are sealed in the "
                + "event's private part (the submitter's subject), never in the public payload."
        )
        @OptionGroup var signing: SigningOptions
        @Option(help: "The feedback id.") var id: String
        @Option(help: "\"You said\": a moderated summary with no personal data.") var youSaid: String
        @Option(help: "\"We did\": the response.") var weDid: String
        @Option(
            help: ArgumentHelp("What came of it: \(values(FeedbackVocabulary.ChangeStatus.self)).", valueName: "status")
        ) var change: String
        @Option(help: "What changed, is planned, or where it was referred.") var changeDescription: String?
        @Option(help: "Why nothing changes (for no_change_with_reason).") var reason: String?
        @Option(help: "The action carrying the change (rule F-3).") var action: String?
        @Option(help: "The role that moderated the summary (rule F-6), e.g. R-HEAD-RJE.") var moderatedBy: String

        func run() throws {
            try reporting {
                try DomainVerb.record(signing) { _ in
                    RespondToFeedback(
                        feedbackId: id, youSaid: youSaid, weDid: weDid,
                        changeStatus: try RecordingInput.value(
                            FeedbackVocabulary.ChangeStatus.self, change,
                            member: FeedbackResponded.CodingKeys.changeStatus, field: "--change"),
                        changeDescription: changeDescription, reason: reason, actionRef: action,
                        moderatedByRoleId: moderatedBy)
                }
            }
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close feedback that needs nothing more (feedback.closed).")
        @OptionGroup var signing: SigningOptions
        @Option(help: "The feedback id.") var id: String
        @Option(help: ArgumentHelp("Why: \(values(FeedbackVocabulary.CloseReason.self)).", valueName: "reason"))
        var reason: String
        @Option(help: "A short public note (no personal data).") var note: String?

        func run() throws {
            try reporting {
                try DomainVerb.record(signing) { _ in
                    FeedbackClosed.make(
                        feedbackId: id,
                        reason: try RecordingInput.value(
                            FeedbackVocabulary.CloseReason.self, reason, member: FeedbackClosed.CodingKeys.reason,
                            field: "--reason"),
                        note: note)
                }
            }
        }
    }
}

// Contributions (catalogue group G).

struct ContributionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contribution", abstract: "Record contributions and trace what they influenced.",
        subcommands: [Record.self, Influence.self, ContributionCode.self])

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Record a person's input through a body or meeting (contribution.recorded); its content is private.",
            discussion:
                "Give --body, --meeting or both. The content is stored encrypted outside the log under subject person/<person>."
        )
        @OptionGroup var signing: SigningOptions
        @Option(help: "The contribution id, e.g. CON-2026-0014.") var id: String
        @Option(help: "The contributor's pseudonym.") var person: String
        @Option(help: "The body it came through.") var body: String?
        @Option(help: "The meeting it was made at.") var meeting: String?
        @Option(
            help: ArgumentHelp(
                "What kind of input: \(values(InvolvementVocabulary.ContributionKind.self)).", valueName: "kind"))
        var kind: String
        @Option(
            help: ArgumentHelp(
                "The rung of the ladder of co-production: \(values(InvolvementVocabulary.LadderRung.self)).",
                valueName: "rung"))
        var rung: String
        @Option(help: "What it is about: an action, decision, plan or metric id (repeatable).") var topic: [String] = []
        @Option(help: "Hours given.", transform: ledgerNumberOption) var hours: Double?
        @Option(help: "The input itself (private).") var content: String?
        @Option(help: "The lawful basis the content is held under (rule P-1).") var lawfulBasis: String?

        func run() throws {
            try reporting {
                try DomainVerb.record(signing) { _ in
                    typealias K = ContributionRecorded.CodingKeys
                    return RecordContribution(
                        .make(
                            contributionId: id, personId: person, bodyId: body, meetingId: meeting,
                            kind: try RecordingInput.value(
                                InvolvementVocabulary.ContributionKind.self, kind, member: K.kind, field: "--kind"),
                            ladderRung: try RecordingInput.value(
                                InvolvementVocabulary.LadderRung.self, rung, member: K.ladderRung, field: "--rung"),
                            topicRefs: topic, hours: hours, lawfulBasisRef: lawfulBasis),
                        content: content)
                }
            }
        }
    }

    struct Influence: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Trace a contribution to what it shaped, or say why it was not adopted (contribution.influence_traced, rule C-1)."
        )
        @OptionGroup var signing: SigningOptions
        @Option(help: "The contribution id.") var id: String
        @Option(
            help: ArgumentHelp(
                "What it influenced, TYPE:ID; TYPE is one of \(values(InvolvementVocabulary.InfluenceTarget.self)).",
                valueName: "type:id"))
        var target: String
        @Option(help: ArgumentHelp("How far: \(values(InvolvementVocabulary.Influence.self)).", valueName: "influence"))
        var influence: String
        @Option(help: "How it shaped the target, or why it was not adopted.") var explanation: String

        func run() throws {
            try reporting {
                try DomainVerb.record(signing) { _ in
                    let t = try VerbInput.parts(
                        target, option: "--target", min: 2, max: 2, form: "TYPE:ID, e.g. decision:dec-2026-009")
                    typealias K = ContributionInfluenceTraced.CodingKeys
                    return ContributionInfluenceTraced.make(
                        contributionId: id,
                        targetType: try RecordingInput.value(
                            InvolvementVocabulary.InfluenceTarget.self, t[0], member: K.targetType, field: "--target"),
                        targetId: t[1],
                        influence: try RecordingInput.value(
                            InvolvementVocabulary.Influence.self, influence, member: K.influence, field: "--influence"),
                        explanation: explanation)
                }
            }
        }
    }
}
