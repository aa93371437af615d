import ArgumentParser
import Foundation
import LedgerCore
import LedgerDomain
import LedgerRecording

// People, roles and bodies (catalogue groups B and C), recorded through the recording API.

/// The library's request, named apart from the verb that records it.
typealias AddMemberRequest = LedgerRecording.AddMember

private let categories = PersonCategory.allCases.map(\.rawValue).joined(separator: ", ")

struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person", abstract: "Register people under pseudonyms.", subcommands: [Register.self])

    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a person (person.registered); name and contact go to the private part.",
            discussion: HelpText.reflow(
                """
                The payload holds only the pseudonym and categories. --name and --contact are personal data:
                the ledger commits to them and stores them encrypted outside the log under subject
                person/<id>, so `coledger erase` can delete them later.
                """))
        @OptionGroup var signing: SigningOptions
        @Option(help: "The pseudonym, e.g. p-0001.") var id: String
        @Option(help: ArgumentHelp("A part the person plays (repeatable): \(categories).", valueName: "category"))
        var category: [String] = []
        @Option(help: "Their name (private).") var name: String?
        @Option(help: "How to reach them (private).") var contact: String?
        @Option(help: "The record-of-processing entry that covers the private data, e.g. ROPA-2026-03 (rule P-1).")
        var lawfulBasis: String

        func run() throws {
            try reporting {
                try DomainVerb.record(signing) { _ in
                    guard !category.isEmpty else { throw CLIError("give at least one --category (\(categories))") }
                    return RegisterPerson(
                        personId: PersonID(unchecked: id),
                        categories: try RecordingInput.values(
                            PersonCategory.self, category, member: PersonRegistered.CodingKeys.categories,
                            field: "--category"),
                        lawfulBasisRef: ExternalRef(unchecked: lawfulBasis), name: name, contact: contact)
                }
            }
        }
    }
}

struct RoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "role", abstract: "Define roles and assign people to them.",
        subcommands: [Define.self, Assign.self])

    struct Define: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Define a role (role.defined).")
        @OptionGroup var signing: SigningOptions
        @Option(help: "The role id, e.g. R-HEAD-RJE.") var role: String
        @Option(help: "Its canonical name.") var name: String
        @Option(help: "Another name it goes by (repeatable).") var alias: [String] = []
        @Flag(help: "Only one person holds it at a time.") var singleOccupant = false

        func run() throws {
            try reporting {
                try DomainVerb.record(signing) { _ in
                    RoleDefined(
                        roleId: RoleID(unchecked: role), name: ShortText(unchecked: name),
                        aliases: alias.map(ShortText.init(unchecked:)),
                        singleOccupant: singleOccupant)
                }
            }
        }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "A person takes up a role (role.assigned); a body's chair or facilitator role makes them its officer.")
        @OptionGroup var signing: SigningOptions
        @Option(help: "The role id.") var role: String
        @Option(help: "The person's pseudonym.") var person: String
        @Option(help: .hidden) var from: String?
        @Option(help: "The body the role is held for, if any.") var body: String?
        @Option(help: "The region the role is held for, if any.") var region: String?
        @Option(help: "The decision that appointed them, if any.") var decision: String?

        func run() throws {
            try reporting {
                try EffectiveDateOption.replaced("--from", from)
                try DomainVerb.record(signing) { _ in
                    AssignRole(
                        roleId: RoleID(unchecked: role), personId: PersonID(unchecked: person),
                        bodyId: body.map(BodyID.init(unchecked:)),
                        regionId: region.map(EntityID.init(unchecked:)),
                        appointedByDecision: decision.map(EntityID.init(unchecked:)))
                }
            }
        }
    }
}

struct BodyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "body", abstract: "Establish governance bodies and record their members.",
        subcommands: [Establish.self, AddMember.self, BoardUpdate.self])

    struct Establish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set up a body with its terms of reference (body.established).",
            discussion: "Roles, the parent body, the region and the decision must already be in the log.")
        @OptionGroup var signing: SigningOptions
        @Option(help: "The body id, e.g. B-AMHEPF or B-REGFORUM-NW.") var body: String
        @Option(
            help: ArgumentHelp(
                "Its seed type: \(BodyType.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "type"))
        var type: String
        @Option(help: "Its canonical name.") var name: String
        @Option(help: "Another name it goes by (repeatable).") var alias: [String] = []
        @Option(help: "The body it reports to.") var parent: String?
        @Option(help: "Its region, for a regional body.") var region: String?
        @Option(help: "The role that chairs it.") var chairRole: String?
        @Option(help: "A role that facilitates it (repeatable).") var facilitatorRole: [String] = []
        @Option(help: "The terms of reference file (its SHA-256 is recorded).") var tor: String?
        @Option(help: "The terms of reference digest, sha256:<hex>, instead of --tor.") var torHash: String?
        @Option(help: "Members needed for a quorum.") var quorum: Int
        @Option(help: "Count only members of this category towards the quorum.") var quorumOf: String?
        @Option(help: "Experts by Experience who must be present for a decision (rule G-4).") var ebeMin = 1
        @Option(help: "And at least this share of attendees (0–1).", transform: ledgerNumberOption) var ebeShare:
            Double?
        @Option(
            help: ArgumentHelp(
                "What it may decide: \(DecisionScope.allCases.map(\.rawValue).joined(separator: ", ")).",
                valueName: "scope"))
        var scope: String
        @Option(help: "The decision that set it up.") var decision: String?

        func run() throws {
            try reporting {
                try DomainVerb.record(signing) { _ in
                    typealias K = BodyEstablished.CodingKeys
                    let ofCategory = try quorumOf.map {
                        try RecordingInput.value(
                            PersonCategory.self, $0, pointer: BodyEstablished.quorumCategoryPointer,
                            field: "--quorum/--quorum-of")
                    }
                    return BodyEstablished(
                        bodyId: BodyID(unchecked: body),
                        bodyType: try RecordingInput.value(BodyType.self, type, member: K.bodyType, field: "--type"),
                        name: ShortText(unchecked: name), aliases: alias.map(ShortText.init(unchecked:)),
                        parentBodyId: parent.map(BodyID.init(unchecked:)),
                        regionId: region.map(EntityID.init(unchecked:)),
                        chairRoleId: chairRole.map(RoleID.init(unchecked:)),
                        facilitatorRoleIds: facilitatorRole.map(RoleID.init(unchecked:)),
                        torDocHash: DocHash(unchecked: try Digest.of(file: tor, hash: torHash, what: "--tor")),
                        quorumRule: QuorumRule(min: PositiveInt(unchecked: quorum), ofCategory: ofCategory),
                        ebePresenceRule: EbePresenceRule(
                            minCount: Count(unchecked: ebeMin), minShare: ebeShare.map(Fraction.init(floatLiteral:))),
                        decisionScope: try RecordingInput.value(
                            DecisionScope.self, scope, member: K.decisionScope, field: "--scope"),
                        decisionRef: decision.map(EntityID.init(unchecked:)))
                }
            }
        }
    }

    struct AddMember: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A person joins a body (member.joined).")
        @OptionGroup var signing: SigningOptions
        @Option(help: "The body id.") var body: String
        @Option(help: "The person's pseudonym.") var person: String
        @Option(help: ArgumentHelp("The category they sit in: \(categories).", valueName: "category")) var category:
            String
        @Option(help: .hidden) var from: String?
        @Flag(inversion: .prefixedNo, help: "Whether they vote (default: --voting).") var voting = true

        func run() throws {
            try reporting {
                try EffectiveDateOption.replaced("--from", from)
                try DomainVerb.record(signing) { _ in
                    AddMemberRequest(
                        bodyId: BodyID(unchecked: body), personId: PersonID(unchecked: person),
                        membershipCategory: try RecordingInput.value(
                            PersonCategory.self, category, member: MemberJoined.CodingKeys.membershipCategory,
                            field: "--category"),
                        votingRights: voting)
                }
            }
        }
    }
}

/// Document digests (`sha256:<hex>`) for terms of reference, agendas and minutes.
enum Digest {
    /// The digest of `file`, or `hash` as given; one of them is required.
    static func of(file: String?, hash: String?, what option: String) throws -> String {
        switch (file, hash) {
        case (let file?, nil):
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CLIError("\(option) \(file): cannot read the file")
            }
            return "sha256:" + Hex.encode(SHA256.hash([UInt8](data)))
        case (nil, let hash?):
            return hash
        case (.some, .some):
            throw CLIError("give \(option) FILE or \(option)-hash sha256:…, not both")
        case (nil, nil):
            throw CLIError("give \(option) FILE (its SHA-256 is recorded) or \(option)-hash sha256:<64 hex digits>")
        }
    }
}
