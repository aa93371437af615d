import Foundation
import LedgerCore
import LedgerDomain
import LedgerRecording
import LedgerStore

/// The "Give feedback" form: its fields, their checks, and the `feedback.received` event it records.
///
/// The event is signed by the intake key, whose registration lets it record anonymous feedback
/// only (policy rule AUTH-4), so the payload's submitter is always `anonymous`. Everything the
/// person wrote — the feedback, a name, contact details, access needs — goes into the private
/// part (subject `feedback/<id>`): the log holds a salted commitment to it, the text is stored
/// encrypted outside the log and can be erased. The payload holds only the choices: language,
/// accessible format, region, and the two consents.
struct FeedbackSubmission: Equatable {
    var text = ""
    var region = ""
    var language = "en"
    var format = ""
    var needs = ""
    var publish = false
    var contact = false
    var name = ""
    var contactDetails = ""

    static let maxText = 5000
    static let maxShort = 200

    /// The languages offered, as BCP 47 tags and their names (in English and in the language).
    static let languages: [(tag: String, name: String)] = [
        ("en", "English"), ("cy", "Welsh (Cymraeg)"), ("ar", "Arabic (العربية)"), ("bn", "Bengali (বাংলা)"),
        ("gu", "Gujarati (ગુજરાતી)"), ("pa", "Punjabi (ਪੰਜਾਬੀ)"), ("pl", "Polish (polski)"), ("pt", "Portuguese (português)"),
        ("ro", "Romanian (română)"), ("so", "Somali (Soomaali)"), ("ur", "Urdu (اردو)"), ("yo", "Yoruba (Yorùbá)"),
        ("zh", "Chinese (中文)"), ("bfi", "British Sign Language"),
    ]

    /// Accessible formats for the answer, with their names (codes: the catalogue's
    /// `ReportingVocabulary.AccessibleFormat`, which decides what is accepted).
    static let formats: [(code: String, name: String)] = [
        ("easy_read", "Easy Read"), ("large_print", "Large print"), ("braille", "Braille"), ("audio", "Audio"),
        ("bsl", "British Sign Language video"), ("translation", "Translated into my language"),
        ("accessible_html", "An accessible web page"),
    ]

    /// One problem with one field, in words the person can act on.
    struct Problem: Equatable {
        /// The form field's name (and the id of its input).
        var field: String
        var message: String
    }

    init() {}

    /// Reads the posted form.
    init(form: FormData) {
        text = form["feedback"] ?? ""
        region = form["region"] ?? ""
        language = form["language"] ?? ""
        format = form["format"] ?? ""
        needs = form["needs"] ?? ""
        publish = form["publish"] == "yes"
        contact = form["contact"] == "yes"
        name = form["name"] ?? ""
        contactDetails = form["contactDetails"] ?? ""
    }

    /// Every problem, in the order the fields appear on the page.
    func problems(regions: [String]) -> [Problem] {
        var out: [Problem] = []
        if let problem = Self.freeTextProblem(text, field: "feedback", noun: "feedback") { out.append(problem) }
        if !region.isEmpty && !regions.contains(region) {
            out.append(
                Problem(
                    field: "region",
                    message: "Choose a region from the list, or leave it as \u{201C}Not about one region\u{201D}"))
        }
        if !Self.languages.contains(where: { $0.tag == language }) {
            out.append(Problem(field: "language", message: "Choose the language you wrote in from the list"))
        }
        if !format.isEmpty && ReportingVocabulary.AccessibleFormat(rawValue: format) == nil {
            out.append(
                Problem(
                    field: "format",
                    message: "Choose a format from the list, or leave it as \u{201C}No preference\u{201D}"))
        }
        for (field, value, label) in [
            ("needs", needs, "Other access needs"), ("name", name, "Your name"),
            ("contactDetails", contactDetails, "Email address or phone number"),
        ] {
            if value.count > Self.maxShort {
                out.append(Problem(field: field, message: "\(label) must be \(Self.maxShort) characters or fewer"))
            } else if Self.hasControlCharacters(value, allowNewlines: false) {
                out.append(Problem(field: field, message: "\(label) contains characters that cannot be stored"))
            }
        }
        if contact && contactDetails.trimmingCharacters(in: .whitespaces).isEmpty {
            out.append(
                Problem(
                    field: "contactDetails",
                    message:
                        "Enter an email address or phone number so we can tell you what happened, or untick \u{201C}Contact me\u{201D}"
                ))
        }
        if !contact && !contactDetails.trimmingCharacters(in: .whitespaces).isEmpty {
            out.append(
                Problem(
                    field: "contact",
                    message:
                        "Tick \u{201C}Contact me\u{201D} if you want us to use these contact details, or remove them"))
        }
        return out
    }

    /// The one check of a person's free text (the feedback, a reply to it): not empty, at most
    /// ``maxText`` characters, nothing that cannot be stored; `noun` names it ("feedback", "reply").
    static func freeTextProblem(_ text: String, field: String, noun: String) -> Problem? {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return Problem(field: field, message: "Enter your \(noun)")
        } else if text.count > Self.maxText {
            return Problem(
                field: field,
                message:
                    "Your \(noun) must be \(Words.number(Self.maxText)) characters or fewer (it is \(Words.number(text.count)))")
        } else if Self.hasControlCharacters(text, allowNewlines: true) {
            return Problem(
                field: field, message: "Your \(noun) contains characters that cannot be stored; remove them and try again")
        }
        return nil
    }

    /// The CLI's check too (``InputHygiene``): one rule for public and private text everywhere.
    static func hasControlCharacters(_ s: String, allowNewlines: Bool) -> Bool {
        InputHygiene.forbiddenScalar(in: s, allowNewlines: allowNewlines) != nil
    }

    /// The request to record, the same `feedback receive` records: the choices in the payload
    /// (channel `web_form`, submitter `anonymous`), what the person wrote in the private part
    /// (subject `feedback/<id>`).
    func request(feedbackId: String, lawfulBasis: String) -> ReceiveFeedback {
        let n = name.trimmingCharacters(in: .whitespaces)
        let needsText = needs.trimmingCharacters(in: .whitespaces)
        return ReceiveFeedback(
            feedbackId: feedbackId, channel: .webForm, submitter: FeedbackReceived.anonymous, language: language,
            consentToPublish: publish, contactConsent: contact, regionId: region.isEmpty ? nil : region,
            accessibleFormat: ReportingVocabulary.AccessibleFormat(rawValue: format), lawfulBasisRef: lawfulBasis,
            text: text, name: n.isEmpty ? nil : n,
            contact: contact ? contactDetails.trimmingCharacters(in: .whitespaces) : nil,
            accessNeeds: needsText.isEmpty ? nil : needsText)
    }
}

extension PortalWorker {
    /// Records a valid submission, once per form (the nonce): a second post of the same form
    /// finds the first and returns its reference.
    func record(_ s: FeedbackSubmission, nonce: String, tokens: CSRFTokens) throws -> (
        reference: String, index: Int, duplicate: Bool
    ) {
        guard let key = configuration.intakeKey else {
            throw PortalError.configuration("the feedback form is off: no intake key")
        }
        let idBytes = tokens.derive("event-id", nonce: nonce)
        let eventId = Self.uuid(idBytes)
        if let existing = try ledger.entry(id: eventId) {
            let earlier = try? Catalogue.decode(FeedbackReceived.self, payload: .object(existing.entry.event.payload))
            return (earlier?.feedbackId ?? "", existing.index, true)
        }
        let now = Timestamp.now()
        let feedbackId = FeedbackReference.make(
            day: now, random: Array(tokens.derive("feedback-id", nonce: nonce).prefix(FeedbackReference.randomBytes)))
        let recorder = Recorder(ledger: ledger)
        let event: PreparedEvent
        do {
            event = try recorder.prepare(
                s.request(feedbackId: feedbackId, lawfulBasis: configuration.lawfulBasis), at: now, eventId: eventId)
        } catch let error as RecordingError {
            throw PortalError.configuration("refused feedback: \(error.reason)")
        }
        let receipt = try recorder.append(event, signer: key)
        return (feedbackId, receipt.index, receipt.duplicate)
    }

    /// Records a person's reply to their web-form feedback `reference` (``ReplyToFeedback``:
    /// the text in the private part under the feedback's subject), once per form (the nonce).
    /// - Returns: nil when the log holds no such feedback.
    func recordReply(_ text: String, to reference: String, nonce: String, tokens: CSRFTokens) throws -> (
        index: Int, duplicate: Bool
    )? {
        guard let key = configuration.intakeKey else {
            throw PortalError.configuration("replies are off: no intake key")
        }
        let eventId = Self.uuid(tokens.derive("reply-id", nonce: nonce))
        if let existing = try ledger.entry(id: eventId) { return (existing.index, true) }
        guard try live.feedbackStatus(reference) != nil else { return nil }
        let recorder = Recorder(ledger: ledger)
        let event: PreparedEvent
        do {
            event = try recorder.prepare(
                ReplyToFeedback(feedbackId: reference, channel: .webForm, text: text), at: Timestamp.now(), eventId: eventId)
        } catch let error as RecordingError {
            throw PortalError.configuration("refused a reply: \(error.reason)")
        }
        let receipt = try recorder.append(event, signer: key)
        return (receipt.index, receipt.duplicate)
    }

    /// A version-4-shaped UUID from 16 derived bytes (``Identifier/uuid(derivedFrom:)``).
    static func uuid(_ bytes: [UInt8]) -> String { Identifier.uuid(derivedFrom: bytes) }
}

/// The reference the form gives: `WEB-` + the UTC day (`YYYYMMDD`) + `-` + 8 Crockford base 32
/// characters (40 bits derived from the form's secret nonce), such as `WEB-20261207-7K3QX9ZD`.
///
/// Only these references open a feedback item's public status (`GET /feedback/REF`). Feedback
/// recorded by staff has ids such as `F-2026-0001`, which anyone can guess by counting, so it is
/// deliberately not public by id: a privacy choice, not an oversight.
enum FeedbackReference {
    /// The bytes of the random part (40 bits: 8 characters).
    static let randomBytes = 5
    static let prefix = "WEB-"

    /// The reference for feedback received at `day` (an RFC 3339 time; its date is used).
    static func make(day: String, random: [UInt8]) -> String {
        prefix + day.prefix(10).replacingOccurrences(of: "-", with: "") + "-" + Base32.crockford(random)
    }

    /// The reference as typed, trimmed and in capitals, when it has the form ``make(day:random:)``
    /// gives (a real date, 8 characters of the alphabet); nil otherwise.
    static func normalise(_ typed: String) -> String? {
        let text = typed.trimmingCharacters(in: .whitespaces).uppercased()
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.hasPrefix(prefix), parts.count == 3, parts[1].count == 8, parts[1].allSatisfy(\.isASCII),
            parts[1].allSatisfy(\.isNumber), parts[2].count == (randomBytes * 8 + 4) / 5,
            parts[2].allSatisfy({ ContributionCodes.alphabet.contains($0) })
        else { return nil }
        let d = parts[1]
        guard CivilDate(parsing: "\(d.prefix(4))-\(d.dropFirst(4).prefix(2))-\(d.suffix(2))") != nil else { return nil }
        return text
    }
}

/// Crockford base 32 (no I, L, O, U).
enum Base32 {
    static func crockford(_ bytes: [UInt8]) -> String {
        var out = ""
        var value = 0
        var bits = 0
        for byte in bytes {
            value = (value << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                out.append(ContributionCodes.alphabet[(value >> bits) & 31])
            }
            value &= (1 << bits) - 1
        }
        if bits > 0 { out.append(ContributionCodes.alphabet[(value << (5 - bits)) & 31]) }
        return out
    }
}
