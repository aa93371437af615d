import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

struct Erase: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Erase a subject's personal data (UK GDPR Article 17): delete its key and private objects.",
        discussion: HelpText.reflow("""
            Deletes the subject's encryption key and every private object recorded for it, and appends a
            subject.erased event (no personal data) signed by --key, in one transaction. The log keeps
            only salted commitments, so it still verifies; the subject's private fields read as erased.
            """))
    @OptionGroup var options: LedgerOptions
    @Option(help: "The admin key file that signs the subject.erased event.") var key: String
    @Argument(help: "The pseudonymous subject id, e.g. person/p-0001.") var subject: String
    @Option(help: "The erasure request this answers, e.g. ER-2026-0002 (no personal data); recorded as \"unreferenced\" when left out.")
    var requestRef: String?
    @Flag(help: "Print the result as JSON.") var json = false

    func run() throws {
        try reporting {
            let ledger = try options.open()
            let signer = try KeyFiles.open(key)
            let result = try ledger.erase(subject: subject, signer: signer, requestRef: requestRef)
            if json {
                Output.printJSON(AppendOutput(result))
            } else {
                print("Erased \(subject): key and personal data deleted; subject.erased recorded at index \(result.index).")
            }
        }
    }
}
