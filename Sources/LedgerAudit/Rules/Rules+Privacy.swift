import LedgerCore
import LedgerDomain

// Privacy and publication (P-1 … P-5).
extension Rules {
    func p1() -> RuleResult {
        let special = Set(policy.privacy.specialCategoryTypes)
        var findings: [Finding] = []
        for e in model.privateWithoutBasis {
            findings.append(Finding(index: e.index, detail: "\(e.type) holds personal data in its private part but names no lawfulBasisRef"))
        }
        for e in model.privateInPayload {
            findings.append(Finding(index: e.index, detail: "\(e.type) carries the personal field \(e.field) in its payload, where everyone can read it, not in its private part"))
        }
        var checked = model.privateEvents
        for change in model.visibilityChanges {
            guard let target = model.specialCategoryEvents[change.event] else { continue }
            checked += 1
            if change.visibility != "restricted" {
                findings.append(Finding(index: change.index, detail: "makes entry \(target), which holds special-category data, \(change.visibility) instead of restricted"))
            }
        }
        return result(
            "P-1", "Personal data has a lawful basis; special-category data stays restricted",
            "UK GDPR Articles 6 and 9; DOMAIN.md 5.1",
            ["specialCategoryTypes": special.sorted().joined(separator: ",")], checked: checked, findings: findings.sorted { ($0.index ?? 0) < ($1.index ?? 0) })
    }

    func p2() -> RuleResult {
        let within = policy.privacy.eraseWithinDays
        var findings: [Finding] = []
        var checked = 0
        for (id, request) in model.erasureRequests.sorted(by: { $0.value.index < $1.value.index }) {
            let due = request.day + within
            if let done = model.erased[id] {
                checked += 1
                if done > due { findings.append(Finding(index: request.index, detail: "erasure \(id) done \(Day.text(done)), due \(Day.text(due))")) }
            } else if asOf > due {
                checked += 1
                findings.append(Finding(index: request.index, detail: "erasure \(id) requested \(Day.text(request.day)) was not carried out (due \(Day.text(due)))"))
            }
        }
        return result("P-2", "Erasure within one month of the request", "UK GDPR Art 12(3)", ["withinDays": String(within)], checked: checked, findings: findings)
    }

    func p3() -> RuleResult {
        var findings: [Finding] = []
        for (subject, index) in model.erasedSubjects.sorted(by: { $0.value < $1.value }) {
            if let held = heldPrivate[subject], held > 0 {
                findings.append(Finding(index: index, detail: "subject \(subject) was erased, yet \(held) of its private objects are still held"))
            }
        }
        return result(
            "P-3", "Nothing of an erased subject's personal data is still held", "UK GDPR Article 17",
            [:], checked: model.erasedSubjects.count, findings: findings,
            limitation: "checks the ledger's private store (or a restricted bundle's private.jsonl); projection tables and earlier exports are outputs, not log facts, and are covered by the erasure tests")
    }

    func p4() -> RuleResult {
        let p = policy.privacy
        var findings: [Finding] = []
        var checked = 0
        for review in model.representationReviews {
            for cell in review.cells {
                checked += 1
                guard case .count(let n) = cell.count else { continue }
                if n >= p.suppressCountsFrom && n <= p.suppressCountsTo {
                    findings.append(Finding(index: review.index, detail: "representation review shows a count of \(n) for \(cell.group); counts \(p.suppressCountsFrom)–\(p.suppressCountsTo) must be hidden"))
                } else if n > p.suppressCountsTo && n % p.roundCountsTo != 0 {
                    findings.append(Finding(index: review.index, detail: "representation review shows a count of \(n) for \(cell.group), not rounded to a multiple of \(p.roundCountsTo)"))
                }
            }
        }
        return result(
            "P-4", "Published counts are suppressed: small counts hidden, the rest rounded",
            "small-number suppression (DOMAIN.md 9.6)",
            ["hide": "\(p.suppressCountsFrom)–\(p.suppressCountsTo)", "roundTo": String(p.roundCountsTo)], checked: checked, findings: findings,
            limitation: "checks the counts the log itself publishes (representation.reviewed); a report's tables are in its document, which the log holds only as a hash, so they cannot be recomputed from the observations it cites, and secondary suppression needs totals the log does not publish")
    }

    func p5() -> RuleResult {
        let findings = model.ethnicityProblems.map { Finding(index: $0.index, detail: $0.detail) }
        return result(
            "P-5", "Ethnicity is recorded in a declared code system, with valid codes", "DOMAIN.md 5.5 (ONS 2021 and NHS Data Dictionary codes)",
            ["codeSystem": "ons2021"], checked: model.ethnicityChecked, findings: findings,
            limitation: "no event claims a mapping to NHS Data Dictionary codes, so there is no claimed mapping to check for losslessness (LedgerDomain's EthnicityCode.nhsMappingIsExact says which ONS codes map exactly)")
    }
}
