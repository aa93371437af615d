public import LedgerCore
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
                let p = e.payload
                func id(_ key: String) -> String? { p[key]?.stringValue }
                switch e.type {
                case "person.registered":
                    if let person = id("personId") { agents["log:person/\(person)"] = element("agent", "Person", index, e.occurredAt) }
                case "feedback.received":
                    guard let f = id("feedbackId") else { break }
                    entities["log:feedback/\(f)"] = element("entity", "Feedback", index, e.occurredAt, ["coledger:channel": p["channel"] ?? .null])
                    if let s = id("submitter"), s != "anonymous" {
                        relation(&attributed, ["prov:entity": .string("log:feedback/\(f)"), "prov:agent": .string("log:person/\(s)")])
                    }
                case "contribution.recorded":
                    guard let c = id("contributionId") else { break }
                    entities["log:contribution/\(c)"] = element("entity", "Contribution", index, e.occurredAt, ["coledger:kind": p["kind"] ?? .null])
                    if let person = id("personId") {
                        relation(&attributed, ["prov:entity": .string("log:contribution/\(c)"), "prov:agent": .string("log:person/\(person)")])
                    }
                case "meeting.held":
                    if let m = id("meetingId") { activities["log:meeting/\(m)"] = element("activity", "Meeting", index, e.occurredAt, ["coledger:body": p["bodyId"] ?? .null]) }
                case "decision.proposed":
                    guard let d = id("decisionId") else { break }
                    entities["log:decision/\(d)"] = element("entity", "Decision", index, e.occurredAt, ["coledger:title": p["title"] ?? .null])
                    for input in p["inputs"]?.arrayValue ?? [] {
                        guard let kind = input["kind"]?.stringValue, let ref = input["id"]?.stringValue else { continue }
                        relation(&derived, ["prov:generatedEntity": .string("log:decision/\(d)"), "prov:usedEntity": .string("log:\(kind)/\(ref)")])
                    }
                case "decision.recorded":
                    if let d = id("decisionId"), let m = id("meetingId") {
                        relation(&generated, ["prov:entity": .string("log:decision/\(d)"), "prov:activity": .string("log:meeting/\(m)"),
                                              "coledger:outcome": p["outcome"] ?? .null])
                    }
                case "action.created":
                    guard let a = id("actionId") else { break }
                    entities["log:action/\(a)"] = element("entity", "Action", index, e.occurredAt, ["coledger:code": p["actionCode"] ?? .null])
                    if let d = id("sourceDecisionId") {
                        relation(&derived, ["prov:generatedEntity": .string("log:action/\(a)"), "prov:usedEntity": .string("log:decision/\(d)")])
                    }
                case "action.outcome_recorded":
                    guard let a = id("actionId") else { break }
                    entities["log:outcome/\(a)/\(index)"] = element("entity", "Outcome", index, e.occurredAt, ["coledger:outcome": p["outcome"] ?? .null])
                    relation(&derived, ["prov:generatedEntity": .string("log:outcome/\(a)/\(index)"), "prov:usedEntity": .string("log:action/\(a)")])
                case "contribution.influence_traced":
                    if let c = id("contributionId"), let kind = id("targetType"), let target = id("targetId") {
                        relation(&influenced, ["prov:influencee": .string("log:\(kind)/\(target)"), "prov:influencer": .string("log:contribution/\(c)"),
                                               "coledger:influence": p["influence"] ?? .null])
                    }
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
