import Foundation
import LedgerProjections

extension Pages {
    // MARK: Give feedback

    static func feedbackClosed() -> Markup {
        """
        <h1>Give feedback</h1>
        <p class="lede">The feedback form is not open on this site. Please speak to your service, or contact us in the usual ways.</p>
        """
    }

    static func feedbackForm(
        _ s: FeedbackSubmission, token: String, regions: [(id: String, name: String)],
        problems: [FeedbackSubmission.Problem]
    ) -> Markup {
        func problem(_ field: String) -> FeedbackSubmission.Problem? { problems.first { $0.field == field } }
        func errorLine(_ field: String) -> Markup {
            problem(field).map {
                "<p id=\"\(field)-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> \($0.message)</p>"
            } ?? .empty
        }
        func describedBy(_ field: String, hint: Bool) -> Markup {
            let ids = (hint ? ["\(field)-hint"] : []) + (problem(field) == nil ? [] : ["\(field)-error"])
            return ids.isEmpty ? .empty : " aria-describedby=\"\(ids.joined(separator: " "))\""
        }
        func invalid(_ field: String) -> Markup { problem(field) == nil ? .empty : " aria-invalid=\"true\"" }
        func fieldClass(_ field: String) -> Markup { problem(field) == nil ? "field" : "field field-error" }
        func option(_ value: String, _ label: String, selected: Bool) -> Markup {
            selected
                ? "<option value=\"\(value)\" selected>\(label)</option>"
                : "<option value=\"\(value)\">\(label)</option>"
        }
        func check(_ name: String, _ on: Bool) -> Markup { on ? " checked" : .empty }

        let summary: Markup =
            problems.isEmpty
            ? .empty
            : """
            <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
            <h2 id="error-summary-title">There is a problem</h2>
            <ul>\(problems.map { "<li><a href=\"#\($0.field)\">\($0.message)</a></li>" as Markup })</ul>
            </div>
            """
        let regionOptions: [Markup] =
            [option("", "Not about one region", selected: s.region.isEmpty)]
            + regions.map { option($0.id, $0.name, selected: s.region == $0.id) }
        let languageOptions: [Markup] = FeedbackSubmission.languages.map {
            option($0.tag, $0.name, selected: s.language == $0.tag)
        }
        let formatOptions: [Markup] =
            [option("", "No preference", selected: s.format.isEmpty)]
            + FeedbackSubmission.formats.map { option($0.code, $0.name, selected: s.format == $0.code) }
        return """
            <h1>Give feedback</h1>
            <p class="lede">Tell us what is working and what is not, in our services or in how we involve people. \
            You do not have to give your name.</p>
            <p>What you write is kept private. Only a short summary is ever published, and only if you say we may, \
            after someone has checked it names nobody.</p>
            \(summary)
            <form method="post" action="/feedback" novalidate>
            <input type="hidden" name="csrf" value="\(token)">
            <div class="\(fieldClass("feedback"))">
            <label for="feedback">Your feedback</label>
            <p class="hint" id="feedback-hint">Up to \(Words.number(FeedbackSubmission.maxText)) characters.</p>
            \(errorLine("feedback"))
            <textarea id="feedback" name="feedback" rows="8"\(describedBy("feedback", hint: true))\(invalid("feedback"))>\(s.text)</textarea>
            </div>
            <div class="\(fieldClass("region"))">
            <label for="region">Which region is it about? (optional)</label>
            \(errorLine("region"))
            <select id="region" name="region"\(describedBy("region", hint: false))\(invalid("region"))>\(regionOptions)</select>
            </div>
            <div class="\(fieldClass("language"))">
            <label for="language">Which language did you write in?</label>
            \(errorLine("language"))
            <select id="language" name="language"\(describedBy("language", hint: false))\(invalid("language"))>\(languageOptions)</select>
            </div>
            <fieldset>
            <legend>Your access needs (optional)</legend>
            <div class="\(fieldClass("format"))">
            <label for="format">If we reply, what format would help you?</label>
            \(errorLine("format"))
            <select id="format" name="format"\(describedBy("format", hint: false))\(invalid("format"))>\(formatOptions)</select>
            </div>
            <div class="\(fieldClass("needs"))">
            <label for="needs">Anything else we should know to make things accessible for you?</label>
            <p class="hint" id="needs-hint">For example: an interpreter, a phone call rather than a letter. Kept private.</p>
            \(errorLine("needs"))
            <input type="text" id="needs" name="needs" value="\(s.needs)"\(describedBy("needs", hint: true))\(invalid("needs"))>
            </div>
            </fieldset>
            <fieldset>
            <legend>Publishing a summary</legend>
            <div class="choice">
            <input type="checkbox" id="publish" name="publish" value="yes"\(check("publish", s.publish))>
            <label for="publish">You may publish a short summary of my feedback, with nothing that could identify me, in \u{201C}You said, we did\u{201D}.</label>
            </div>
            </fieldset>
            <fieldset aria-describedby="contact-hint">
            <legend>Hearing back (optional)</legend>
            <p class="hint" id="contact-hint">Leave these empty to stay anonymous. If you give them, they are kept private \
            and used only to tell you what happened.</p>
            <div class="\(fieldClass("name"))">
            <label for="name">Your name</label>
            \(errorLine("name"))
            <input class="short" type="text" id="name" name="name" value="\(s.name)" autocomplete="name"\(describedBy("name", hint: false))\(invalid("name"))>
            </div>
            <div class="\(fieldClass("contact"))">
            \(errorLine("contact"))
            <div class="choice">
            <input type="checkbox" id="contact" name="contact" value="yes"\(check("contact", s.contact))\(describedBy("contact", hint: false))>
            <label for="contact">Contact me to tell me what happened to my feedback.</label>
            </div>
            </div>
            <div class="\(fieldClass("contactDetails"))">
            <label for="contactDetails">Email address or phone number</label>
            \(errorLine("contactDetails"))
            <input class="short" type="text" id="contactDetails" name="contactDetails" value="\(s.contactDetails)" autocomplete="email"\
            \(describedBy("contactDetails", hint: false))\(invalid("contactDetails"))>
            </div>
            </fieldset>
            <button type="submit">Send feedback</button>
            </form>
            """
    }

    static func feedbackThanks(reference: String, duplicate: Bool, contact: Bool) -> Markup {
        """
        <div class="panel" role="status">
        <h1>Thank you: we have your feedback</h1>
        <p>Your reference is</p>
        <p class="reference">\(reference)</p>
        </div>
        \(duplicate ? "<p>This form had already been sent, so it was not recorded twice.</p>" as Markup : .empty)
        <p>Keep your reference. We will acknowledge feedback within 3 working days and answer within 90 days. \
        \(contact ? "We will contact you to tell you what happened." : "You chose not to be contacted, so look for your reference on \u{201C}You said, we did\u{201D} if you agreed we could publish a summary.")</p>
        <p>Your words are stored privately and only a signed record that feedback arrived is public.</p>
        <p><a href="/feedback/\(HTML.urlComponent(reference))">See where your feedback is</a>. You can come back to it \
        later by entering your reference here or on \u{201C}My contributions\u{201D}.</p>
        \(referenceForm(reference))
        <p><a href="/feedback">Give more feedback</a> or <a href="/you-said-we-did">see what others said and what we did</a>.</p>
        """
    }

    /// Where one piece of feedback stands (`/feedback/REF`): received, acknowledged (or due by),
    /// answered (or due by) and closed, with dates, in plain words. Never the person's own text;
    /// the answer only as "you said, we did" publishes it, when the person agreed to publication.
    static func feedbackStatus(_ v: FeedbackView) -> Markup {
        let f = v.item
        let clocks = FeedbackClocks()
        func step(_ title: String, done: Bool, _ text: Markup) -> Markup {
            """
            <li class="card">
            <h2>\(title)<span class="visually-hidden">: \(done ? "done" : "not yet")</span></h2>
            \(text)
            </li>
            """
        }
        let acknowledged: Markup
        if let at = f.acknowledgedAt {
            let late = v.acknowledgedLate ? " That was later than we promise." : ""
            acknowledged = "<p>We acknowledged it on \(Words.date(at)).\(late)</p>"
        } else if f.closedAt != nil {
            acknowledged = "<p>We closed it without acknowledging it first.</p>"
        } else if v.acknowledgementOverdue {
            acknowledged = """
                <p><span class="flag">Late</span> We should have acknowledged it by \(Words.date(v.acknowledgeBy)) \
                (\(Words.count(clocks.acknowledgeWithinWorkingDays, "working day")) after it arrived), \
                and have not yet.</p>
                """
        } else {
            acknowledged = """
                <p>Not yet. We will acknowledge it by \(Words.date(v.acknowledgeBy)) \
                (\(Words.count(clocks.acknowledgeWithinWorkingDays, "working day")) after it arrived).</p>
                """
        }
        let answered: Markup
        if let at = f.respondedAt {
            let late: Markup = v.respondedLate ? " That was later than we promise." : .empty
            let answer: Markup
            if let y = YouSaidWeDid(f) {
                answer = """
                    <p>You agreed that we could publish a summary, so our answer is on \
                    <a href="/you-said-we-did">\u{201C}You said, we did\u{201D}</a>:</p>
                    \(saidAndDone(y, withAction: false))
                    """
            } else if f.consentToPublish {
                answer = "<p>The answer is not published here.</p>"
            } else {
                answer = "<p>You did not agree that we publish a summary, so the answer is not shown here.</p>"
            }
            answered = "<p>We answered it on \(Words.date(at)).\(late)</p>\(answer)"
        } else if f.closedAt != nil {
            answered = "<p>We closed it without a separate answer.</p>"
        } else if v.responseOverdue {
            answered = """
                <p><span class="flag">Late</span> We should have answered it by \(Words.date(v.respondBy)) \
                (\(Words.count(clocks.respondWithinDays, "day")) after it arrived), and have not yet.</p>
                """
        } else {
            answered = """
                <p>Not yet. We will answer it by \(Words.date(v.respondBy)) \
                (\(Words.count(clocks.respondWithinDays, "day")) after it arrived).</p>
                """
        }
        let received: Markup =
            "<p>We received it on \(Words.date(v.receivedOn)) through \(Words.channel(f.channel)).</p>"
        let closed: Markup =
            f.closedAt.map { "<p>We closed it on \(Words.date($0))\(Words.closeReason(f.closeReason)).</p>" }
            ?? "<p>Not yet: it is still open.</p>"
        return """
            <h1>Your feedback</h1>
            <p class="lede">Reference \(f.feedbackId). This page shows where your feedback is. \
            It never shows what you wrote, your name or your contact details.</p>
            <ol class="cards">
            \(step("Received", done: true, received))
            \(step("Acknowledged", done: f.acknowledgedAt != nil, acknowledged))
            \(step("Answered", done: f.respondedAt != nil, answered))
            \(step("Closed", done: f.closedAt != nil, closed))
            </ol>
            <p><a href="/feedback/\(HTML.urlComponent(f.feedbackId))/reply">Add a reply to your feedback</a>. \
            Only our staff read it.</p>
            <p><a href="/contributions">Look up another reference</a></p>
            """
    }

    /// The reply form on `/feedback/REF/reply`.
    static func feedbackReplyForm(reference: String, text: String, token: String, problem: FeedbackSubmission.Problem?)
        -> Markup
    {
        let summary: Markup =
            problem.map {
                """
                <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
                <h2 id="error-summary-title">There is a problem</h2>
                <ul><li><a href="#reply">\($0.message)</a></li></ul>
                </div>
                """
            } ?? .empty
        let error: Markup =
            problem.map {
                "<p id=\"reply-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> \($0.message)</p>"
            } ?? .empty
        let described: Markup = problem == nil ? " aria-describedby=\"reply-hint\"" : " aria-describedby=\"reply-hint reply-error\" aria-invalid=\"true\""
        return """
            <h1>Reply to your feedback</h1>
            <p class="lede">Reference \(reference). Add anything you want us to know: what happened since, \
            whether our answer helped. What you write is kept private and only our staff read it.</p>
            \(summary)
            <form method="post" action="/feedback/\(HTML.urlComponent(reference))/reply" novalidate>
            <input type="hidden" name="csrf" value="\(token)">
            <div class="\(problem == nil ? "field" : "field field-error")">
            <label for="reply">Your reply</label>
            <p class="hint" id="reply-hint">Up to \(Words.number(FeedbackSubmission.maxText)) characters.</p>
            \(error)
            <textarea id="reply" name="reply" rows="8"\(described)>\(text)</textarea>
            </div>
            <button type="submit">Send reply</button>
            </form>
            <p><a href="/feedback/\(HTML.urlComponent(reference))">Back to where your feedback is</a></p>
            """
    }

    /// After a reply was recorded.
    static func feedbackReplyThanks(reference: String, duplicate: Bool) -> Markup {
        """
        <div class="panel" role="status">
        <h1>Thank you: we have your reply</h1>
        <p>It is kept with your feedback \(reference), privately.</p>
        </div>
        \(duplicate ? "<p>This reply had already been sent, so it was not recorded twice.</p>" as Markup : .empty)
        <p><a href="/feedback/\(HTML.urlComponent(reference))">Back to where your feedback is</a></p>
        """
    }
}
