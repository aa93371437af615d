import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#endif
import LedgerCore
import LedgerDomain
import LedgerStore

/// Where the ledger file is: --ledger, $COLEDGER_LEDGER, or ./coledger.db.
struct LedgerOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The ledger file (default: $COLEDGER_LEDGER or ./coledger.db).", valueName: "path"))
    var ledger: String?

    var path: String {
        ledger ?? ProcessInfo.processInfo.environment["COLEDGER_LEDGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "coledger.db"
    }

    func open() throws -> Ledger {
        try Ledger.open(path: path, policies: Catalogues.policies)
    }

    /// The `keys/` folder beside the ledger file.
    var defaultKeysDirectory: URL {
        URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("keys")
    }
}

/// The admission policies this build knows, by the name `init --catalogue` takes.
enum Catalogues {
    static let policies: [any AdmissionPolicy] = [DomainPolicy.standard]

    static func policy(named name: String) throws -> (any AdmissionPolicy)? {
        switch name {
        case "none": return nil
        case "pcref": return DomainPolicy.standard
        default: throw CLIError("unknown --catalogue \(name): use pcref (the PCREF event catalogue and authorization policy) or none (format rules only)")
        }
    }
}

/// A failure the CLI reports as one line on stderr with a chosen exit code.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    var code: Int32 = 1
    init(_ description: String, code: Int32 = 1) {
        self.description = description
        self.code = code
    }
}

extension ParsableCommand {
    /// Runs `body`, turning library errors into one clear line and a non-zero exit.
    func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as CLIError {
            FileHandle.standardError.write(Data("coledger: error: \(InputHygiene.printable(error.description))\n".utf8))
            throw ExitCode(error.code)
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch {
            FileHandle.standardError.write(Data("coledger: error: \(InputHygiene.printable("\(error)"))\n".utf8))
            throw ExitCode(1)
        }
    }
}

enum Output {
    static func json<T: Encodable>(_ value: T, pretty: Bool = false) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func printJSON<T: Encodable>(_ value: T) {
        print(json(value))
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("coledger: \(InputHygiene.printable(message))\n".utf8))
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// Whether standard output is a pipe (or a socket): then ``print(_:separator:terminator:)`` flushes each line.
    static let stdoutIsPipe: Bool = {
        // A pipe, FIFO or socket cannot seek (ESPIPE); a terminal cannot either, but is not one.
        guard isatty(1) == 0 else { return false }
        return lseek(1, 0, SEEK_CUR) == -1 && errno == ESPIPE
    }()
}

/// Every line the CLI prints goes through here (it shadows the standard library's `print` in
/// this module): control characters that came from a ledger or a bundle (ESC, CSI, BEL,
/// carriage return, …) are written as `\u001B`-style escapes, never raw, so text recorded by
/// someone else cannot drive the reader's terminal. JSON stays valid: the escapes are JSON's.
/// When standard output is a pipe, each call is flushed, so `coledger audit | head` or a log
/// tailer sees lines as they are produced (a file or a terminal keeps stdio's buffering).
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    Swift.print(InputHygiene.printable(items.map { "\($0)" }.joined(separator: separator)), terminator: terminator)
    if Output.stdoutIsPipe { fflush(nil) }
}

enum Input {
    /// Refuses a draft whose payload or private data has a control character in its text or is
    /// over the size limits (``InputHygiene``), naming the member; `source` prefixes the message.
    static func checkHygiene(_ draft: JSONValue, source: String) throws {
        if let problem = InputHygiene.problem(inDraft: draft) {
            throw CLIError("\(source): \(problem); nothing was appended")
        }
    }

    /// Reads FILE, or standard input for "-" or nil.
    static func read(_ path: String?) throws -> [UInt8] {
        if path == nil || path == "-" {
            return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        guard let path, let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("cannot read \(path ?? "-"): no such file or not readable")
        }
        return [UInt8](data)
    }

    /// Parses JSON, naming the file, line and column of any error.
    static func parseJSON(_ bytes: [UInt8], source: String) throws -> JSONValue {
        do {
            return try CanonicalJSON.parse(bytes)
        } catch {
            throw CLIError("\(source): \(error.description)")
        }
    }
}

enum KeyFiles {
    /// Opens a sealed key file with the passphrase from $COLEDGER_PASSPHRASE or a prompt.
    static func open(_ path: String) throws -> Ed25519SigningKey {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw CLIError("cannot read key file \(path)")
        }
        warnIfShared(path)
        let file: SealedKeyFile
        do {
            file = try SealedKeyFile(fileBytes: [UInt8](bytes))
        } catch {
            throw CLIError("\(path): \(error)")
        }
        var passphrase = try Passphrase.obtain(prompt: "Passphrase for \(path) (\(file.name)): ")
        defer { SecureRandom.zero(&passphrase) }
        do {
            return try file.open(passphrase: passphrase)
        } catch {
            throw CLIError("\(path): \(error)")
        }
    }

    /// Warns on stderr when a key file can be read or written by others (mode wider than 0600).
    /// The key is sealed with a passphrase, so this warns rather than refusing as ssh does: the
    /// file alone does not give the key away, but its owner should know and `chmod 600` it.
    static func warnIfShared(_ path: String) {
        guard let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int,
            mode & 0o077 != 0
        else { return }
        Output.error(
            "warning: key file \(path) has mode \(String(format: "%04o", mode & 0o7777)), readable or writable by others; run chmod 600 \(path)")
    }

    /// Seals `key` into a new file at `url`, refusing to overwrite, readable only by the owner.
    static func write(_ key: Ed25519SigningKey, name: String, role: String, to url: URL, passphrase: [UInt8]) throws {
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw CLIError("\(url.path) already exists; refusing to overwrite a key file")
        }
        let bytes = try SealedKeyFile.seal(key, name: name, role: role, passphrase: passphrase)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: url.path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            throw CLIError("cannot write \(url.path)")
        }
    }

    static func newPassphrase(for what: String) throws -> [UInt8] {
        try Passphrase.obtain(prompt: "New passphrase for \(what): ", confirm: true)
    }
}
