public import LedgerCore
import LedgerDomain
public import LedgerStore

/// W3C PROV-JSON of the plan's coproduction chain — feedback and contributions → decisions →
/// actions → outcomes — with agents by pseudonym and every element tied to its log index.
public enum ProvExport {
    /// The PROV-JSON document for the whole log.
    public static func document(_ ledger: Ledger) throws(LedgerError) -> JSONValue {
        var entities: [String: JSONValue] = [:]
        var agents: [String: JSONValue] = [:]
        var activities: [String: JSONValue] = [:]
        var attributed: [String: JSONValue] = [:]
        var derived: [String: JSONValue] = [:]
        var generated: [String: JSONValue] = [:]
        var influenced: [String: JSONValue] = [:]
        var n = 0
        func relation(_ table: inout [String: JSONValue], _ members: [String: JSONValue]) {
            n += 1
            table["_:r\(n)"] = .object(members)
        }
        func element(_ kind: String, _ type: String, _ index: Int, _ at: String, _ extra: [String: JSONValue] = [:]) -> JSONValue {
            .object(extra.merging(["prov:type": .string("coledger:\(type)"), "coledger:logIndex": .number(Double(index)), "coledger:occurredAt": .string(at)]) { a, _ in a })
        }
        try ledger.forEachEntryChunk { chunk in
            for (index, entry) in chunk {
                let e = entry.event
                // The one decode path; an event the catalogue cannot read has no place in the chain.
                guard let payload = try? Catalogue.decode(e) else { continue }
                switch payload {
                case let p as PersonRegistered:
                    agents["log:person/\(p.personId)"] = element("agent", "Person", index, e.occurredAt)
                case let p as FeedbackReceived:
                    let f = p.feedbackId
                    entities["log:feedback/\(f)"] = element("entity", "Feedback", index, e.occurredAt, ["coledger:channel": .string(p.channel.rawValue)])
                    if p.submitter != "anonymous" {
                        relation(&attributed, ["prov:entity": .string("log:feedback/\(f)"), "prov:agent": .string("log:person/\(p.submitter)")])
                    }
                case let p as ContributionRecorded:
                    let c = p.contributionId
                    entities["log:contribution/\(c)"] = element("entity", "Contribution", index, e.occurredAt, ["coledger:kind": .string(p.kind.rawValue)])
                    relation(&attributed, ["prov:entity": .string("log:contribution/\(c)"), "prov:agent": .string("log:person/\(p.personId)")])
                case let p as MeetingHeld:
                    activities["log:meeting/\(p.meetingId)"] = element("activity", "Meeting", index, e.occurredAt, ["coledger:body": .string(p.bodyId.rawValue)])
                case let p as DecisionProposed:
                    let d = p.decisionId
                    entities["log:decision/\(d)"] = element("entity", "Decision", index, e.occurredAt, ["coledger:title": .string(p.title.rawValue)])
                    for input in p.inputs {
                        relation(&derived, ["prov:generatedEntity": .string("log:decision/\(d)"), "prov:usedEntity": .string("log:\(input.kind.rawValue)/\(input.id)")])
                    }
                case let p as DecisionRecorded:
                    relation(&generated, [
                        "prov:entity": .string("log:decision/\(p.decisionId)"), "prov:activity": .string("log:meeting/\(p.meetingId)"),
                        "coledger:outcome": .string(p.outcome.rawValue),
                    ])
                case let p as ActionCreated:
                    let a = p.actionId
                    entities["log:action/\(a)"] = element("entity", "Action", index, e.occurredAt, ["coledger:code": .string(p.actionCode.rawValue)])
                    if let d = p.sourceDecisionId {
                        relation(&derived, ["prov:generatedEntity": .string("log:action/\(a)"), "prov:usedEntity": .string("log:decision/\(d)")])
                    }
                case let p as ActionOutcomeRecorded:
                    let a = p.actionId
                    entities["log:outcome/\(a)/\(index)"] = element("entity", "Outcome", index, e.occurredAt, ["coledger:outcome": .string(p.outcome.rawValue)])
                    relation(&derived, ["prov:generatedEntity": .string("log:outcome/\(a)/\(index)"), "prov:usedEntity": .string("log:action/\(a)")])
                case let p as ContributionInfluenceTraced:
                    relation(&influenced, [
                        "prov:influencee": .string("log:\(p.targetType.rawValue)/\(p.targetId)"), "prov:influencer": .string("log:contribution/\(p.contributionId)"),
                        "coledger:influence": .string(p.influence.rawValue),
                    ])
                default:
                    break
                }
            }
        }
        return .object([
            "prefix": .object(["coledger": "https://coledger.example/ns#", "log": .string("urn:coledger:\(ledger.origin):")]),
            "entity": .object(entities), "agent": .object(agents), "activity": .object(activities),
            "wasAttributedTo": .object(attributed), "wasDerivedFrom": .object(derived), "wasGeneratedBy": .object(generated),
            "wasInfluencedBy": .object(influenced),
        ])
    }

    /// The README of an open export: what each file holds.
    public static let readmeHeader = """
        # Coledger open export

        The signed bundle (manifest.json, entries.jsonl, checkpoint, log.vkey) is the evidence; the files
        below are views of it for evaluators' own tools. Every row and element names the log index it
        comes from, so it can be proved with `coledger prove inclusion INDEX`.

        """

    /// README section for prov.json.
    public static let readmeProv = """
        - `prov.json` — W3C PROV-JSON (https://www.w3.org/Submission/prov-json/) of the coproduction chain:
          feedback and contributions (entities) attributed to people (agents, by pseudonym only), decisions
          derived from what they cited and generated by the meetings that recorded them, actions derived
          from decisions, outcomes derived from actions, and contributions' influence on what they changed.
          Every element carries `coledger:logIndex`.

        """

    /// README section for the CSV files.
    public static let readmeCSV = """
        - `actions.csv` — the plan projection: one row per action (code, area, owner role, due date, status,
          progress, competencies, pillars, region, the log index of its creation).
        - `feedback.csv` — the feedback loop projection: one row per item (channel, receipt, consent flags,
          themes, links, log indexes); never the text.
        - `yousaid.csv` — the public "you said, we did" list: consented, moderated summaries only.

        """

    /// Closing line of the README.
    public static let readmeFooter = """
        No personal data: names, contact details and free text stay outside the log and out of these files.

        """
}
