import Foundation
import LedgerCore

extension AuditReport {
    /// Plain text for people.
    public var text: String {
        var out = "Coledger audit of \(source)\n"
        out += "\(size) entries, rules judged as of \(asOf), policy \(policy) (sha256 \(policySHA256))\n"
        if let point { out += "Rules judged \(point)\n" }
        out += "\n"
        out += "1. Integrity: " + (integrity.isEmpty ? "PASS — every entry, signature, key and checkpoint checks out\n" : "FAIL\n")
        for f in integrity.prefix(20) { out += "   - \(f)\n" }
        out += "2. Entitlement: " + (entitlement.isEmpty ? "PASS — every signer was entitled to what they signed\n" : "FAIL\n")
        for f in entitlement.prefix(20) { out += "   - \(f)\n" }
        out += "3. Accountability:\n"
        for r in rules {
            out += "   \(r.verdict.words.uppercased()) \(r.id) \(r.title) (\(r.checked) checked)\(r.limitation == nil ? "" : " [partial]")\n"
            for f in r.findings.prefix(10) { out += "        - \(f.index.map { "entry \($0): " } ?? "")\(f.detail)\n" }
            if r.findings.count > 10 { out += "        … and \(r.findings.count - 10) more (--format json lists them all)\n" }
            for f in r.notes.prefix(3) { out += "        note: \(f.index.map { "entry \($0): " } ?? "")\(f.detail)\n" }
            if r.notes.count > 3 { out += "        note: … and \(r.notes.count - 3) more\n" }
        }
        if rules.contains(where: { $0.limitation != nil }) {
            out += "\n[partial]: the log can show only part of that rule; --format json says which part.\n"
        }
        out += "Not expressible with the catalogue: " + notImplemented.keys.sorted().joined(separator: ", ") + " (--format json says why)\n"
        if let delay = recordingDelay, let overall = delay.overall {
            out += "\nRecording delay (transparency, not a rule): how long after it happened each entry was recorded\n"
            out += "   \(RecordingDelayReport.line(overall))\n"
            let slowest = { (groups: [RecordingDelayReport.Summary]) in groups.sorted { ($0.p90Seconds, $0.key) > ($1.p90Seconds, $1.key) }.prefix(5) }
            for s in slowest(delay.byType) { out += "   type \(RecordingDelayReport.line(s))\n" }
            for s in slowest(delay.bySigner) { out += "   signer \(RecordingDelayReport.line(s))\n" }
            out += "   (the slowest five of \(delay.byType.count) types and \(delay.bySigner.count) signers; --format json lists them all)\n"
        }
        out += passed ? "\nRESULT: PASS\n" : "\nRESULT: FAIL\n"
        return out
    }

    /// One self-contained HTML page for a board pack (no scripts, prints cleanly).
    public var html: String {
        func e(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        var rows = ""
        for r in rules {
            let findings = r.findings.map { "<li>\($0.index.map { "entry \($0): " } ?? "")\(e($0.detail))</li>" }.joined()
            let notes = r.notes.map { "<li class=\"note\">\($0.index.map { "entry \($0): " } ?? "")\(e($0.detail))</li>" }.joined()
            rows += "<tr class=\"\(r.verdict.rawValue)\"><td>\(e(r.id))</td><td>\(e(r.title))<div class=\"seed\">“\(e(r.seed))”</div>"
                + (findings.isEmpty && notes.isEmpty ? "" : "<ul>\(findings)\(notes)</ul>")
                + (r.limitation.map { "<div class=\"limit\">Not judged: \(e($0))</div>" } ?? "")
                + "</td><td>\(r.checked)</td><td>\(r.verdict.words)</td></tr>\n"
        }
        func list(_ failures: [VerificationFailure]) -> String {
            failures.isEmpty ? "<p class=\"pass\">Pass.</p>" : "<ul>" + failures.map { "<li>\(e($0.description))</li>" }.joined() + "</ul>"
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Coledger audit — \(e(asOf))</title>
            <style>
            body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#111;line-height:1.4}
            table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.4rem;vertical-align:top;text-align:left}
            tr.fail td:last-child{font-weight:bold;color:#8b0000}tr.pass td:last-child{color:#0b5d1e}
            .seed{font-style:italic;color:#444;font-size:.9em}.pass{color:#0b5d1e}.note{color:#444}.limit{font-size:.85em;color:#444}
            @media print{body{margin:0}tr{page-break-inside:avoid}}
            </style></head><body>
            <h1>Coledger audit</h1>
            <p>\(e(source)): \(size) entries; rules judged as of <strong>\(e(asOf))</strong>; policy \(e(policy)) (SHA-256 \(e(policySHA256))).</p>\(point.map { "<p>Rules judged \(e($0)).</p>" } ?? "")
            <p><strong>Result: \(passed ? "pass" : "fail")</strong></p>
            <h2>1. Integrity</h2>\(list(integrity))
            <h2>2. Entitlement</h2>\(list(entitlement))
            <h2>3. Accountability rules</h2>
            <table><thead><tr><th>Rule</th><th>What it checks</th><th>Checked</th><th>Verdict</th></tr></thead><tbody>
            \(rows)</tbody></table>
            <h2>Rules the catalogue cannot express</h2><ul>\(notImplemented.sorted { $0.key < $1.key }.map { "<li>\(e($0.key)): \(e($0.value))</li>" }.joined())</ul>
            </body></html>

            """
    }
}
