import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore
import LedgerWorkspace

struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "Enrol staff accounts (a person's registered key and a TOTP second factor).",
        discussion: HelpText.reflow(
            """
            The staff key store is the folder staff/ beside the ledger file (mode 0700, one 0600 file per person).
            It keeps each person's sealed key file and their TOTP secret sealed under that key: the server never
            holds a passphrase or an unsealed key at rest. Sign-in pages come with the staff workspace.
            """),
        subcommands: [Add.self, List.self, Disable.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Enrol a person with their registered key; prints the TOTP enrolment URI and secret once.",
            discussion: HelpText.reflow(
                """
                The key must be registered in the log to person/PERSON and not revoked. Its holder types its
                passphrase ($COLEDGER_PASSPHRASE or the prompt) so the TOTP secret can be sealed under the key,
                then scans the otpauth:// URI (or types the secret) into an authenticator app: it is not shown again.
                """))
        @OptionGroup var options: LedgerOptions
        @Argument(help: "The person id, e.g. p-0001 (or person/p-0001).") var person: String
        @Option(help: "The person's sealed key file (from `coledger key new`).") var key: String

        func run() throws {
            try reporting {
                guard let bytes = FileManager.default.contents(atPath: key) else {
                    throw CLIError("cannot read key file \(key); give the file `coledger key new --out` wrote")
                }
                let ledger = try options.open()
                let store = StaffStore(besideLedgerAt: options.path)
                let enrolment: StaffEnrolment
                do {
                    _ = try store.admissible(person: person, keyFile: [UInt8](bytes), ledger: ledger)
                    let unlocked = try KeyFiles.open(key)
                    enrolment = try store.add(
                        person: person, keyFile: [UInt8](bytes), unlocked: unlocked, ledger: ledger)
                } catch let error as StaffStoreError {
                    throw CLIError(error.description)
                }
                let record = enrolment.record
                print("Enrolled person/\(record.person) with key \(record.keyId) in \(store.directory.path).")
                print("Scan this now into an authenticator app; it is not shown again:")
                print(enrolment.totp.enrolmentURI(issuer: "Coledger \(ledger.origin)", account: record.person))
                print("Secret (to type instead): \(Base32.encode(enrolment.totp.secret))")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the staff accounts and whether each is enrolled or disabled.")
        @OptionGroup var options: LedgerOptions
        @Flag(help: "Print the result as JSON.") var json = false

        func run() throws {
            try reporting {
                let records: [StaffRecord]
                do {
                    records = try StaffStore(besideLedgerAt: options.path).list()
                } catch let error as StaffStoreError {
                    throw CLIError(error.description)
                }
                if json {
                    Output.printJSON(records.map { Listing($0) })
                } else if records.isEmpty {
                    print("No staff accounts; enrol one with `coledger staff add PERSON --key FILE`.")
                } else {
                    for r in records {
                        let state = r.state.rawValue + (r.disabledAt.map { " at \($0)" } ?? "")
                        print(
                            "person/\(r.person)  key \(r.keyId)  \(state)  "
                                + "enrolled \(r.enrolledAt)")
                    }
                }
            }
        }

        /// What `--json` shows of a record: never the key file or the sealed secret.
        struct Listing: Encodable {
            var person: String
            var keyId: String
            var state: String
            var enrolledAt: String
            var disabledAt: String?
            init(_ r: StaffRecord) {
                (person, keyId, state, enrolledAt, disabledAt) = (
                    r.person, r.keyId, r.state.rawValue, r.enrolledAt, r.disabledAt
                )
            }
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disable a person's staff account: they may not sign in until enrolled again.",
            discussion: "This does not revoke their key in the log; use `coledger key revoke` for that.")
        @OptionGroup var options: LedgerOptions
        @Argument(help: "The person id, e.g. p-0001.") var person: String

        func run() throws {
            try reporting {
                do {
                    let record = try StaffStore(besideLedgerAt: options.path).disable(person: person)
                    print("Disabled person/\(record.person) (key \(record.keyId)) at \(record.disabledAt ?? "").")
                } catch let error as StaffStoreError {
                    throw CLIError(error.description)
                }
            }
        }
    }
}
