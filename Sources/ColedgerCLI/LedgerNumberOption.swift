import ArgumentParser
import LedgerCore

/// Reads a numeric option under the ledger's number rule (FORMAT.md section 3.3), so that what is
/// signed is exactly what was typed: `--hours 9007199254740993` or `--hours 1e20` is refused with
/// the reason instead of being rounded. Use as `@Option(transform: ledgerNumberOption)`.
func ledgerNumberOption(_ text: String) throws -> Double {
    do {
        return try CanonicalJSON.ledgerNumber(text)
    } catch {
        throw ValidationError(error.message)
    }
}
