import ArgumentParser
import Foundation
import LedgerCore
import LedgerDomain
import LedgerRecording
import LedgerStore

/// The options every domain verb shares: the ledger, the signing key, the event time and the output form.
struct SigningOptions: ParsableArguments {
    @OptionGroup var store: LedgerOptions
    @Option(help: "The sealed key file that signs the event (passphrase from $COLEDGER_PASSPHRASE, else a prompt).")
    var key: String
    @OptionGroup var when: EffectiveDateOption
    @Flag(help: "Print {\"index\",\"id\",\"leafHash\"} as JSON instead of a sentence.") var json = false
    @Option(
        help: ArgumentHelp(
            "The event's id (a UUID; default: a new one). The safe way to retry: if a reply was lost after the event was recorded, running the same command with the same --event-id appends nothing and prints the entry already logged.",
            valueName: "uuid"))
    var eventId: String?
}

/// One event a domain verb has built from its options, before it is checked and signed.
struct DomainEvent {
    /// The catalogue type, e.g. `feedback.received`.
    var type: String
    /// The payload version: the newest the catalogue has (unless a verb names one).
    var version: Int? = nil
    /// The payload members.
    var payload: [String: JSONValue]
    /// The subject of the private part (e.g. `person/p-0001`), when there is personal data.
    var privateSubject: String?
    /// Personal data in clear; the ledger commits to it and stores it encrypted outside the log.
    var privateData: [String: JSONValue] = [:]
    /// Which option set each payload member, so errors can name the option.
    var options: [String: String] = [:]

    /// The version written: ``version``, or the newest the catalogue has.
    var writtenVersion: Int { version ?? UpcasterChain.standard.newestVersion(of: type) ?? 1 }

    /// `/payload/<pointer> (--option): reason`.
    func describe(_ error: DomainError) -> String {
        let member = error.pointer.split(separator: "/").first.map(String.init)
        let option = member.flatMap { options[$0] }.map { " (\($0))" } ?? ""
        return "/payload\(error.pointer)\(option): \(error.reason)"
    }
}

/// Builds, checks, signs and appends one domain event.
enum DomainVerb {
    /// Opens the ledger, asks `build` for the event, decodes its payload strictly against the
    /// catalogue (so mistakes are reported before the passphrase is asked for), then signs and
    /// appends it and prints the result like `append`. Every refusal ends "; nothing was appended".
    static func append(
        _ signing: SigningOptions, build: (Ledger) throws -> DomainEvent,
        describe: (DomainEvent, AppendResult) -> String
    ) throws {
        let effective: String
        do {
            effective = try signing.when.timestamp() ?? Timestamp.now()
        } catch let error as CLIError {
            throw CLIError("\(error.description); nothing was appended", code: error.code)
        }
        let ledger = try signing.store.open()
        var event: DomainEvent
        do {
            event = try build(ledger)
        } catch let error as CLIError {
            throw CLIError("\(error.description); nothing was appended", code: error.code)
        }
        // The one effective time sets the envelope and every payload member that restates it.
        for (member, value) in EffectiveTime.payloadMembers(type: event.type, at: effective) {
            event.payload[member] = value
            event.options[member] = "--on"
        }
        let payload = JSONValue.object(event.payload)
        let decoded: any EventPayload
        do {
            decoded = try Catalogue.decode(type: event.type, version: event.writtenVersion, payload: payload)
        } catch {
            throw CLIError("\(event.describe(error)); nothing was appended")
        }
        var draft: [String: JSONValue] = [
            "type": .string(event.type), "typeVersion": .number(Double(event.writtenVersion)),
            "stream": .string(decoded.stream), "occurredAt": .string(effective),
            "payload": payload,
        ]
        if let subject = event.privateSubject, !event.privateData.isEmpty {
            draft["private"] = .object(["subject": .string(subject), "data": .object(event.privateData)])
        }
        if let eventId = signing.eventId { draft["id"] = .string(eventId) }
        if let problem = InputHygiene.problem(inDraft: .object(draft)) {
            let member = problem.split(separator: "/").dropFirst().first.map { String($0.prefix { $0 != ":" }) }
            let option = problem.hasPrefix("/payload") ? member.flatMap { event.options[$0] }.map { " (\($0))" } ?? "" : ""
            throw CLIError("\(problem)\(option); nothing was appended")
        }
        let signer = try KeyFiles.open(signing.key)
        let result: AppendResult
        do {
            result = try ledger.append(draft: .object(draft), signer: signer)
        } catch {
            throw CLIError("\(Self.reason(error)); nothing was appended")
        }
        if signing.json {
            Output.printJSON(AppendOutput(result))
        } else if result.duplicate {
            print("Already in the log at index \(result.index) (event \(result.id)); nothing new was appended.")
        } else {
            print("\(describe(event, result)) Index \(result.index), event \(result.id).")
        }
    }
}

extension DomainVerb {
    /// The ledger's reason, without the id of the event that was never appended.
    static func reason(_ error: LedgerError) -> String { Recorder.reason(error) }

    /// Records the request `build` makes from the options through the recording API
    /// (``Recorder``): the request is checked against the log and the catalogue before the
    /// passphrase is asked for, then signed and appended; prints the receipt like `append`.
    /// Every refusal ends "; nothing was appended".
    static func record<R: RecordingRequest>(_ signing: SigningOptions, _ build: (Ledger) throws -> R) throws {
        let effective: String
        do {
            effective = try signing.when.timestamp() ?? Timestamp.now()
        } catch let error as CLIError {
            throw CLIError("\(error.description); nothing was appended", code: error.code)
        }
        let ledger = try signing.store.open()
        let recorder = Recorder(ledger: ledger)
        let prepared: PreparedEvent
        do {
            prepared = try recorder.prepare(try build(ledger), at: effective, eventId: signing.eventId)
        } catch let error as CLIError {
            throw CLIError("\(error.description); nothing was appended", code: error.code)
        } catch let error as RecordingError {
            throw CLIError("\(error); nothing was appended")
        }
        let signer = try KeyFiles.open(signing.key)
        let receipt: Receipt
        do {
            receipt = try recorder.append(prepared, signer: signer)
        } catch let error as RecordingError {
            throw CLIError("\(error); nothing was appended")
        }
        if signing.json {
            Output.printJSON(AppendOutput(receipt.result))
        } else if receipt.duplicate {
            print("Already in the log at index \(receipt.index) (event \(receipt.id)); nothing new was appended.")
        } else {
            print("\(receipt.summary) Index \(receipt.index), event \(receipt.id).")
        }
    }
}

/// The one date option every recording verb takes: when the event happened (its effective
/// time, the envelope's `occurredAt`, and any payload member that restates it). See the DocC
/// article "Time in Coledger".
struct EffectiveDateOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "When it happened: a date YYYY-MM-DD (midnight UTC), YYYY-MM-DDTHH:MM (UTC) or an RFC 3339 UTC time (default: now). Sets the event's effective time and any date its payload restates.",
            valueName: "date-or-time"))
    var on: String?
    @Option(name: .customLong("occurred-at"), help: .hidden) var occurredAt: String?
    @Option(name: .customLong("received-at"), help: .hidden) var receivedAt: String?

    /// The effective time given, completed to an RFC 3339 UTC time; nil when left out.
    /// - Throws: ``CLIError`` for a replaced option or text that is not a date or time.
    func timestamp() throws -> String? {
        for (name, value) in [("--occurred-at", occurredAt), ("--received-at", receivedAt)] where value != nil {
            throw CLIError("\(name) was replaced by --on DATE-OR-TIME, the one date option of every verb")
        }
        guard let on else { return nil }
        let time = DateInput.timestamp(on)
        guard Timestamp.isValidUTC(time) else {
            throw CLIError("--on \(on): expected a date YYYY-MM-DD, YYYY-MM-DDTHH:MM (UTC) or an RFC 3339 UTC time")
        }
        return time
    }

    /// Refuses a verb's own date option that `--on` replaced.
    static func replaced(_ option: String, _ value: String?) throws {
        if value != nil {
            throw CLIError("\(option) was replaced by --on DATE-OR-TIME, the one date option of every verb; nothing was appended")
        }
    }
}

/// Dates and times given on the command line, completed to the forms the catalogue requires.
/// Text that cannot be completed is passed on as given, so the catalogue's check names the member.
enum DateInput {
    /// Today's date in UTC, `YYYY-MM-DD`.
    static var today: String { String(Timestamp.now().prefix(10)) }

    /// A `YYYY-MM-DD` date: today when absent or `today`; a UTC time is cut to its date.
    static func date(_ text: String?) -> String {
        guard let text = text?.trimmingCharacters(in: .whitespaces), text != "today" else { return today }
        if text.count > 10, Timestamp.isValidUTC(timestamp(text)) { return String(text.prefix(10)) }
        return text
    }

    /// An RFC 3339 UTC time: now when absent or `now`; `YYYY-MM-DD[THH:MM[:SS]]` (or with a space
    /// for the `T`) is taken as UTC and completed.
    static func timestamp(_ text: String?) -> String {
        guard let text = text?.trimmingCharacters(in: .whitespaces), text != "now" else { return Timestamp.now() }
        var t = text.replacingOccurrences(of: " ", with: "T")
        if t.count == 10 { t += "T00:00:00Z" }
        if t.count == 16 { t += ":00" }
        if t.count == 19 { t += "Z" }
        return Timestamp.isValidUTC(t) ? t : text
    }
}

/// Small parsers for the compact forms the verbs take (`KIND:ID`, `PERSON:CATEGORY[:ROLE]`).
enum VerbInput {
    /// Splits `text` on `:` into between `min` and `max` non-empty parts.
    static func parts(_ text: String, option: String, min: Int, max: Int, form: String) throws -> [String] {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= min, parts.count <= max, !parts.contains(where: \.isEmpty) else {
            throw CLIError("\(option) \(text): expected \(form)")
        }
        return parts
    }

    /// `KIND:ID` as an entity reference; an unknown kind is refused at `pointer`'s `kind`
    /// (`/payload/inputs/0/kind (--cites): unknown value …`).
    static func entityRef(_ text: String, option: String, pointer: String) throws -> EntityRef {
        let p = try parts(
            text, option: option, min: 2, max: 2, form: "KIND:ID, e.g. feedback:F-2026-0001 or contribution:CON-1")
        return EntityRef(
            try RecordingInput.value(EntityKind.self, p[0], pointer: pointer + "/kind", field: option),
            EntityID(unchecked: p[1]))
    }

    static func strings(_ values: [String]) -> JSONValue {
        .array(values.map(JSONValue.string))
    }

    static func int(_ value: Int) -> JSONValue {
        .number(Double(value))
    }
}

extension LogLookup {
    /// The person who holds the key in `keyFile`, when its registration names one.
    func personHolding(keyFile: String) throws -> String? {
        let file = try KeyCommand.ShowKey.read(keyFile)
        guard let holder = try latest(KeyRegistered.self, stream: "key/\(file.keyID)")?.payload.holder?.rawValue, holder.hasPrefix("person/")
        else { return nil }
        return String(holder.dropFirst("person/".count))
    }
}
