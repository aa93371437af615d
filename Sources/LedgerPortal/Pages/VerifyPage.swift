import LedgerAudit
import LedgerCore

extension Pages {
    // MARK: Verify

    static func verify(_ v: VerifyStatus, witnessPolicy: WitnessPolicy? = nil) -> Markup {
        let checkpoint: Markup =
            v.checkpoint.map { c in
                let witnesses = c.signers.dropFirst()
                return """
                    <p>The newest checkpoint covers the first \(Words.count(c.size, "entry", "entries")) of the record. It was signed \
                    \(Words.date(c.signedAt)) by the record\u{2019}s own key\(witnesses.isEmpty ? ", and no independent witness has countersigned it yet." : " and countersigned by \(Words.count(witnesses.count, "independent witness", "independent witnesses")): \(witnesses.joined(separator: ", ")).")</p>
                    <dl class="facts">
                    <dt>Entries covered</dt><dd>\(Words.number(c.size))</dd>
                    <dt>Root hash</dt><dd><code>\(c.root)</code></dd>
                    </dl>
                    <h3>The signed checkpoint</h3>
                    <pre>\(c.note)</pre>
                    <p><a href="/api/checkpoint">Download the checkpoint</a> and keep it. If the record is ever rewritten, \
                    a checkpoint you kept will no longer match.</p>
                    """
            } ?? "<p>No checkpoint has been signed yet.</p>"
        return """
            <h1>Check the record</h1>
            <p class="lede">You do not have to trust us. Every entry in this record is signed, and the record as a whole is sealed \
            by signed checkpoints, so anyone can check that nothing was changed, removed or slipped in afterwards.</p>
            <h2>The record</h2>
            <dl class="facts">
            <dt>Name</dt><dd>\(v.origin)</dd>
            <dt>Entries</dt><dd>\(Words.number(v.entries))</dd>
            <dt>Public key</dt><dd><code>\(v.logKey)</code></dd>
            </dl>
            <h2>Latest signed checkpoint</h2>
            \(checkpoint)
            \(witnessVerdict(v, policy: witnessPolicy))
            <h2>How to check it yourself</h2>
            <ol>
            <li>Get the public key above from somewhere you trust as well, not only from this site (for example our annual report).</li>
            <li>Ask us for an export of the record (a folder of files), or use the proofs linked from each decision.</li>
            <li>Check the export with Coledger: <code>coledger verify --bundle FOLDER --log-key KEY --checkpoint KEPT-CHECKPOINT</code></li>
            <li>Or check it with the independent checker, which shares no code with Coledger: \
            <code>python3 Tools/verify_bundle.py FOLDER --log-key KEY</code></li>
            <li>To check one entry, download it from <code>/api/entries/INDEX</code> and its proof from <code>/api/proofs/INDEX</code>: \
            the proof ties that exact entry to the signed checkpoint.</li>
            </ol>
            <h2>The last audit</h2>
            \(audit(v.audit))
            """
    }

    /// The newest checkpoint judged by the site's witness policy, as `coledger verify --witness-policy` judges it.
    static func witnessVerdict(_ v: VerifyStatus, policy: WitnessPolicy?) -> Markup {
        guard let policy, let c = v.checkpoint else { return .empty }
        let verdict = policy.judge(note: c.note)
        return """
            <p id="witness-policy">Witness policy: <strong class="\(verdict.ok ? "verdict-pass" : "verdict-fail")">\
            \(verdict.ok ? "met" : "not met")</strong>. The newest checkpoint is \(verdict.detail).</p>
            """
    }

    static func audit(_ a: VerifyStatus.AuditResult) -> Markup {
        switch a.state {
        case "done":
            let rules: [Markup] = a.rules.map { r in
                let cls = r.verdict == "pass" ? "verdict-pass" : r.verdict == "fail" ? "verdict-fail" : ""
                // The same words as the audit's text and HTML reports (Verdict.words), capitalised.
                let words = Verdict(rawValue: r.verdict)?.words ?? r.verdict
                let verdict = words.prefix(1).uppercased() + words.dropFirst()
                let findings: Markup =
                    r.findings.isEmpty ? .empty : "<ul>\(r.findings.map { "<li>\($0)</li>" as Markup })</ul>"
                return """
                    <tr><th scope="row">\(r.id)</th><td>\(r.title)\(findings)</td><td class="num">\(r.checked)</td>\
                    <td class="\(cls)">\(verdict)</td></tr>
                    """
            }
            return """
                <p>The audit checked \(Words.count(a.entries ?? 0, "entry", "entries")) with the rules as they stood on \
                \(Words.date(a.asOf ?? "")). Result: <strong class="\(a.passed == true ? "verdict-pass" : "verdict-fail")">\
                \(a.passed == true ? "everything passed" : "some checks failed")</strong>. \
                Integrity problems: \(a.integrityFailures ?? 0). Entries signed by someone not entitled to: \(a.entitlementFailures ?? 0).</p>
                <div class="table-scroll"><table>
                <caption>The plan\u{2019}s accountability rules</caption>
                <thead><tr><th scope="col">Rule</th><th scope="col">What it checks</th><th scope="col" class="num">Items checked</th>\
                <th scope="col">Result</th></tr></thead>
                <tbody>\(rules)</tbody>
                </table></div>
                \(recordingDelay(a.recordingDelay ?? []))
                """
        case "running": return "<p>The audit is running now. Reload this page in a minute to see its result.</p>"
        case "failed": return "<p>The last audit could not run: \(a.error ?? "unknown reason").</p>"
        default: return "<p>No audit has been run by this site.</p>"
        }
    }

    /// Transparency, not a rule: how long after it happened entries were recorded.
    static func recordingDelay(_ lines: [String]) -> Markup {
        guard !lines.isEmpty else { return .empty }
        let items: [Markup] = lines.map { "<li>\($0)</li>" }
        return """
            <h3>How long after it happened things were recorded</h3>
            <p>Minutes are written up after meetings and post is entered after it arrives, so entries are often \
            recorded later than they happened. The record keeps both times; this is for transparency and is not a rule.</p>
            <ul>\(items)</ul>
            """
    }

    // MARK: Points

    /// A point before anything was recorded or had happened: said, not shown as an empty page.
    static func nothingThen(_ message: String, now: String) -> Markup {
        """
        <h1>Nothing in the record at that point</h1>
        <p class="lede">\(message).</p>
        <p><a href="\(now)">See it as it is now</a></p>
        """
    }

    // MARK: Errors

    static func error(status: Int, title: String, message: String) -> Markup {
        """
        <h1>\(title)</h1>
        <p class="lede">\(message)</p>
        <p><a href="/">Go to the home page</a></p>
        <p class="muted">Error \(status).</p>
        """
    }
}
