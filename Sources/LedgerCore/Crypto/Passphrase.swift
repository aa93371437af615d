import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a passphrase could not be obtained.
public enum PassphraseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `COLEDGER_PASSPHRASE` is unset and standard input is not a terminal to prompt on.
    case noTerminal
    /// The two entries did not match (when confirmation was asked for).
    case mismatch
    /// An empty passphrase was entered.
    case empty
    /// Reading from the terminal failed or hit end of input.
    case readFailed(reason: String)

    /// A message for the user.
    public var description: String {
        switch self {
        case .noTerminal:
            return "no passphrase: standard input is not a terminal; "
                + "set \(Passphrase.environmentVariable) to the passphrase for non-interactive use"
        case .mismatch:
            return "the passphrases did not match"
        case .empty:
            return "the passphrase must not be empty"
        case .readFailed(let reason):
            return "could not read the passphrase: \(reason)"
        }
    }
}

/// Gets a key-file passphrase from the environment or the terminal.
public enum Passphrase {
    /// The environment variable read before prompting.
    public static let environmentVariable = "COLEDGER_PASSPHRASE"

    /// Returns the passphrase, consulting the process environment: see
    /// ``obtain(prompt:confirm:environment:)``.
    public static func obtain(prompt: String, confirm: Bool = false) throws -> [UInt8] {
        try obtain(prompt: prompt, confirm: confirm, environment: ProcessInfo.processInfo.environment)
    }

    /// Returns the passphrase as UTF-8 bytes (zero them with ``SecureRandom/zero(_:)`` after use).
    ///
    /// Order: `COLEDGER_PASSPHRASE` when set and non-empty (used as is, `confirm` is
    /// ignored); otherwise, if standard input is a terminal, `prompt` is written to standard
    /// error and a line is read from standard input with echo turned off, asking a second
    /// time when `confirm` is true; otherwise the call fails with
    /// ``PassphraseError/noTerminal``.
    /// - Parameters:
    ///   - prompt: e.g. `"Passphrase for admin.key: "`.
    ///   - confirm: ask twice and require both entries to match (use when creating a key).
    ///   - environment: the environment to consult (``obtain(prompt:confirm:)`` passes the
    ///     process environment).
    /// - Throws: ``PassphraseError``.
    public static func obtain(
        prompt: String, confirm: Bool = false, environment: [String: String]
    ) throws -> [UInt8] {
        if let value = environment[environmentVariable], !value.isEmpty {
            return Array(value.utf8)
        }
        guard isatty(STDIN_FILENO) == 1 else { throw PassphraseError.noTerminal }
        var first = try readHidden(prompt: prompt)
        guard !first.isEmpty else { throw PassphraseError.empty }
        if confirm {
            var second: [UInt8]
            do {
                second = try readHidden(prompt: "Repeat to confirm: ")
            } catch {
                SecureRandom.zero(&first)
                throw error
            }
            defer { SecureRandom.zero(&second) }
            guard first == second else {
                SecureRandom.zero(&first)
                throw PassphraseError.mismatch
            }
        }
        return first
    }

    /// Writes `prompt` to stderr and reads one line from stdin with terminal echo off.
    private static func readHidden(prompt: String) throws -> [UInt8] {
        writeToStderr(prompt)
        var saved = termios()
        let haveSettings = tcgetattr(STDIN_FILENO, &saved) == 0
        if haveSettings {
            var silent = saved
            silent.c_lflag &= ~tcflag_t(ECHO)
            silent.c_lflag |= tcflag_t(ECHONL)
            _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        }
        defer {
            if haveSettings { _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved) }
        }

        var line = [UInt8]()
        line.reserveCapacity(1024)  // avoid regrowth leaving partial copies behind
        var byte: UInt8 = 0
        while true {
            let n = read(STDIN_FILENO, &byte, 1)
            if n == 1 {
                if byte == UInt8(ascii: "\n") { break }
                line.append(byte)
            } else if n == 0 {
                if line.isEmpty {
                    throw PassphraseError.readFailed(reason: "end of input")
                }
                break
            } else if errno == EINTR {
                continue
            } else {
                SecureRandom.zero(&line)
                throw PassphraseError.readFailed(reason: String(cString: strerror(errno)))
            }
        }
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        byte = 0
        if !haveSettings { writeToStderr("\n") }
        return line
    }

    private static func writeToStderr(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { buf in
            if let base = buf.baseAddress { _ = write(STDERR_FILENO, base, buf.count) }
        }
    }
}
