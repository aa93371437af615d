import Foundation
import LedgerCore
import LedgerDomain
import LedgerPortal
import LedgerProjections

/// The workspace's pages, built with the portal's ``Markup`` (every string escaped).
enum StaffPages {
    /// One form's fields: values as typed and problems by field, GOV.UK's error pattern (a
    /// summary at the top linking to each field, the message above the field).
    struct FormState {
        var values: [String: String]
        var problems: [String: String]
        /// The order the summary lists problems in.
        var order: [String]

        func value(_ name: String) -> String { values[name] ?? "" }

        var summary: Markup {
            let listed = order.filter { problems[$0] != nil } + problems.keys.filter { !order.contains($0) }.sorted()
            guard !listed.isEmpty else { return .empty }
            return """
                <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
                <h2 id="error-summary-title">There is a problem</h2>
                <ul>\(listed.map { "<li><a href=\"#\($0)\">\(problems[$0] ?? "")</a></li>" as Markup })</ul>
                </div>
                """
        }

        func errorLine(_ field: String) -> Markup {
            problems[field].map {
                "<p id=\"\(field)-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> \($0)</p>"
            } ?? .empty
        }

        func attributes(_ field: String, hint: Bool) -> Markup {
            let ids = (hint ? ["\(field)-hint"] : []) + (problems[field] == nil ? [] : ["\(field)-error"])
            let described: Markup = ids.isEmpty ? .empty : " aria-describedby=\"\(ids.joined(separator: " "))\""
            return problems[field] == nil ? described : "\(described) aria-invalid=\"true\""
        }

        func fieldClass(_ field: String) -> Markup { problems[field] == nil ? "field" : "field field-error" }

        func text(_ name: String, _ label: String, hint: String? = nil, type: String = "text", short: Bool = false, autocomplete: String? = nil, multiline: Bool = false) -> Markup {
            let hintLine: Markup = hint.map { "<p class=\"hint\" id=\"\(name)-hint\">\($0)</p>" } ?? .empty
            let complete: Markup = autocomplete.map { " autocomplete=\"\($0)\"" } ?? .empty
            let input: Markup =
                multiline
                ? "<textarea id=\"\(name)\" name=\"\(name)\" rows=\"4\"\(attributes(name, hint: hint != nil))>\(value(name))</textarea>"
                : "<input\(short ? " class=\"short\"" as Markup : .empty) type=\"\(type)\" id=\"\(name)\" name=\"\(name)\" value=\"\(type == "password" ? "" : value(name))\"\(complete)\(attributes(name, hint: hint != nil))>"
            return """
                <div class="\(fieldClass(name))">
                <label for="\(name)">\(label)</label>
                \(hintLine)\(errorLine(name))\(input)
                </div>
                """
        }

        func select(_ name: String, _ label: String, _ options: [(value: String, label: String)], hint: String? = nil) -> Markup {
            let hintLine: Markup = hint.map { "<p class=\"hint\" id=\"\(name)-hint\">\($0)</p>" } ?? .empty
            let chosen = value(name)
            let list: [Markup] =
                [chosen.isEmpty ? "<option value=\"\" selected>Choose…</option>" : "<option value=\"\">Choose…</option>"]
                + options.map { o in
                    o.value == chosen
                        ? "<option value=\"\(o.value)\" selected>\(o.label)</option>"
                        : "<option value=\"\(o.value)\">\(o.label)</option>"
                }
            return """
                <div class="\(fieldClass(name))">
                <label for="\(name)">\(label)</label>
                \(hintLine)\(errorLine(name))<select id="\(name)" name="\(name)"\(attributes(name, hint: hint != nil))>\(list)</select>
                </div>
                """
        }
    }

    /// Options from a closed list, labelled in words (`change_made` → `Change made`).
    static func options<E: RawRepresentable & CaseIterable>(_: E.Type) -> [(value: String, label: String)]
    where E.RawValue == String {
        E.allCases.map { ($0.rawValue, words($0.rawValue)) }
    }

    static func words(_ raw: String) -> String {
        let spaced = raw.replacingOccurrences(of: "_", with: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }

    // MARK: Sign in

    static func signIn(
        _ fields: Workspace.SignInFields, token: String, problems: [(field: String, message: String)], note: Markup
    ) -> Markup {
        var byField: [String: String] = [:]
        for p in problems where byField[p.field] == nil { byField[p.field] = p.message }
        let form = FormState(
            values: ["person": fields.person], problems: byField, order: ["person", "passphrase", "code"])
        return """
            <h1>Sign in to the staff workspace</h1>
            \(note)\(form.summary)
            <p>Sign in with your own key: what you record is signed by it, so the record shows who did what.</p>
            <form method="post" action="/staff/sign-in" novalidate>
            <input type="hidden" name="csrf" value="\(token)">
            \(form.text("person", "Person id", hint: "As registered in the record, like p-0001.", short: true, autocomplete: "username"))
            \(form.text("passphrase", "Your key's passphrase", type: "password", autocomplete: "current-password"))
            \(form.text("code", "Code from your authenticator app", hint: "6 digits. It changes every 30 seconds.", short: true, autocomplete: "one-time-code"))
            <button type="submit">Sign in</button>
            </form>
            """
    }

    // MARK: Home

    static func home(person: String, tasks: [(task: StaffTask, refusal: String?)]) -> Markup {
        let allowed = tasks.filter { $0.refusal == nil }.map(\.task)
        let list: Markup =
            allowed.isEmpty
            ? "<p>Your roles in the record today give you no work here. An administrator can register your roles and memberships.</p>"
            : """
            <ul class="cards">\(allowed.map { t in
                "<li class=\"card\"><h2><a href=\"\(t.path)\">\(t.title)</a></h2><p>\(t.description)</p></li>" as Markup
            })</ul>
            """
        return """
            <h1>Your work</h1>
            <p class="lede">Signed in as person/\(person). This is the work your roles in the record allow today.</p>
            \(list)
            """
    }

    // MARK: Feedback

    static func clock(_ v: FeedbackView) -> Markup {
        let ack: Markup =
            v.item.acknowledgedAt != nil
            ? "Acknowledged\(v.acknowledgedLate ? " late" : "")"
            : v.acknowledgementOverdue
                ? "<span class=\"flag\">Overdue</span> acknowledge by \(v.acknowledgeBy.description)"
                : "Acknowledge by \(v.acknowledgeBy.description)"
        let respond: Markup =
            v.item.respondedAt != nil
            ? "Answered\(v.respondedLate ? " late" : "")"
            : v.responseOverdue
                ? "<span class=\"flag\">Overdue</span> answer by \(v.respondBy.description)"
                : "Answer by \(v.respondBy.description)"
        return "\(ack)<br>\(respond)"
    }

    static func inbox(_ items: [FeedbackView]) -> Markup {
        guard !items.isEmpty else {
            return "<h1>Feedback inbox</h1><p>There is no open feedback.</p>"
        }
        let rows: [Markup] = items.map { v in
            """
            <tr><td><a href="/staff/feedback/\(HTML.urlComponent(v.item.feedbackId))">\(v.item.feedbackId)</a></td>\
            <td>\(words(v.item.channel))</td><td>\(v.receivedOn.description)</td><td>\(words(v.stage))</td>\
            <td>\(clock(v))</td></tr>
            """
        }
        let overdue = items.filter { $0.acknowledgementOverdue || $0.responseOverdue }.count
        return """
            <h1>Feedback inbox</h1>
            <p class="lede">\(Words.count(items.count, "open item")), \(Words.count(overdue, "with a clock overdue", "with a clock overdue")). \
            Acknowledge within 3 working days and answer within 90 days of receipt.</p>
            <div class="table-scroll"><table>
            <caption>Open feedback, oldest first</caption>
            <thead><tr><th scope="col">Feedback</th><th scope="col">Channel</th><th scope="col">Received</th>\
            <th scope="col">Stage</th><th scope="col">Clocks</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table></div>
            """
    }

    static func feedbackItem(
        _ v: FeedbackView, tokens: (acknowledge: String, respond: String, close: String), problems: [String: String],
        form: (FeedbackAction, FormData)?
    ) -> Markup {
        let item = v.item
        let path = "/staff/feedback/\(HTML.urlComponent(item.feedbackId))"
        func state(_ action: FeedbackAction, order: [String]) -> FormState {
            guard let form, form.0 == action else { return FormState(values: [:], problems: [:], order: order) }
            return FormState(values: form.1.fields, problems: problems, order: order)
        }
        let ack = state(.acknowledge, order: ["method"])
        let respond = state(
            .respond, order: ["youSaid", "weDid", "change", "whatChanged", "reason", "action", "moderatedBy"])
        let close = state(.close, order: ["closeReason", "note"])
        let consent: Markup =
            item.consentToPublish
            ? "Yes: a moderated summary may be published on \u{201C}You said, we did\u{201D}."
            : "No: the answer is sealed in the private part, never published."
        let closed = item.closedAt != nil
        let ackForm: Markup =
            item.acknowledgedAt != nil
            ? .empty
            : """
            <h2 id="acknowledge-heading">Acknowledge it</h2>
            \(ack.summary)
            <form method="post" action="\(path)/acknowledge" novalidate aria-labelledby="acknowledge-heading">
            <input type="hidden" name="csrf" value="\(tokens.acknowledge)">
            \(ack.select("method", "How was receipt acknowledged?", options(FeedbackVocabulary.ContactMethod.self)))
            <button type="submit">Record the acknowledgement</button>
            </form>
            """
        let respondForm: Markup =
            item.respondedAt != nil
            ? .empty
            : """
            <h2 id="respond-heading">Answer it: you said, we did</h2>
            \(respond.summary)
            <form method="post" action="\(path)/respond" novalidate aria-labelledby="respond-heading">
            <input type="hidden" name="csrf" value="\(tokens.respond)">
            \(respond.text("youSaid", "You said", hint: "A short summary that names nobody.", multiline: true))
            \(respond.text("weDid", "We did", hint: "What was done about it.", multiline: true))
            \(respond.select("change", "What came of it?", options(FeedbackVocabulary.ChangeStatus.self)))
            \(respond.text("whatChanged", "What changed, is planned, or where it was referred", hint: "Needed unless nothing changes."))
            \(respond.text("reason", "Why nothing changes", hint: "Needed when nothing changes."))
            \(respond.text("action", "Action carrying the change (optional)", hint: "An action id in the plan.", short: true))
            \(respond.text("moderatedBy", "Role that moderated the summary", hint: "The role that checked the summary names nobody, like R-HEAD-RJE.", short: true))
            <button type="submit">Record the answer</button>
            </form>
            """
        let closeForm: Markup = """
            <h2 id="close-heading">Close it</h2>
            \(close.summary)
            <form method="post" action="\(path)/close" novalidate aria-labelledby="close-heading">
            <input type="hidden" name="csrf" value="\(tokens.close)">
            \(close.select("closeReason", "Why is it closed?", options(FeedbackVocabulary.CloseReason.self)))
            \(close.text("note", "A short public note (optional)", hint: "No personal data."))
            <button type="submit">Close the feedback</button>
            </form>
            """
        let forms: Markup =
            closed ? "<p>This feedback is closed. New feedback must be recorded as new.</p>" : "\(ackForm)\(respondForm)\(closeForm)"
        let answer: Markup =
            item.response.map { r in
                "<div class=\"said\"><dl><dt>You said</dt><dd>\(item.publicSummary ?? "")</dd><dt>We did</dt><dd>\(r)</dd></dl></div>"
            } ?? .empty
        return """
            <p><a href="/staff/feedback">Back to the inbox</a></p>
            <h1>Feedback \(item.feedbackId)</h1>
            <dl class="facts">
            <dt>Received</dt><dd>\(v.receivedOn.description) by \(words(item.channel))</dd>
            <dt>Stage</dt><dd>\(words(v.stage))</dd>
            <dt>Clocks</dt><dd>\(clock(v))</dd>
            <dt>Consent to publish</dt><dd>\(consent)</dd>
            <dt>Contact</dt><dd>\(item.contactConsent ? "The submitter agreed to be told the outcome." : "The submitter did not ask to be contacted.")</dd>
            <dt>Entry</dt><dd>\(item.receivedIndex)</dd>
            </dl>
            \(answer)
            \(forms)
            """
    }

    static func recorded(
        _ r: Recorded, back: String, backLabel: String, list: String, listLabel: String, publicBase: String
    ) -> Markup {
        let links: Markup =
            publicBase.isEmpty
            ? "<p>On the public portal, the entry is at <code>/api/entries/\(r.index)</code> and its proof at <code>/api/proofs/\(r.index)</code>.</p>"
            : """
            <ul>
            <li><a href="\(publicBase)/api/entries/\(r.index)">The entry on the public portal</a></li>
            <li><a href="\(publicBase)/api/proofs/\(r.index)">Its proof of inclusion</a> (once the next checkpoint is signed)</li>
            </ul>
            """
        return """
            <div class="panel" role="status">
            <h1>\(r.duplicate ? "Already recorded" : "Recorded")</h1>
            \(r.summary.map { "<p>\($0)</p>" as Markup } ?? .empty)
            <p>Entry</p>
            <p class="reference">\(r.index)</p>
            </div>
            \(r.duplicate ? "<p>This form had already been sent, so it was not recorded twice.</p>" as Markup : .empty)
            \(links)
            <p><a href="\(back)">Back to \(backLabel)</a> or <a href="\(list)">\(listLabel)</a>.</p>
            """
    }
}
