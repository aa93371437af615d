import Foundation
import Testing

@Suite struct StaffCLITests {
    /// init, and keys/staff.key registered to person/p-0001.
    static func world() throws -> CLI {
        let cli = try CLI()
        try cli.setUp()
        let r = try cli.run("key", "new", "--out", cli.keys.appendingPathComponent("staff.key").path)
        try #require(r.status == 0, "\(r.stderr)")
        let g = try cli.run(
            "key", "register", "--key", cli.keys.appendingPathComponent("admin.key").path,
            cli.keys.appendingPathComponent("staff.key").path, "--holder", "person/p-0001")
        try #require(g.status == 0, "\(g.stderr)")
        return cli
    }

    static func staffDirectory(_ cli: CLI) -> URL { cli.directory.appendingPathComponent("staff") }

    static func listing(_ cli: CLI) throws -> [[String: Any]] {
        let r = try cli.run("staff", "list", "--json")
        try #require(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
    }

    static func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) & 0o777
    }

    @Test func aRegisteredKeyIsEnrolledListedAndItsFilesArePrivate() throws {
        let cli = try Self.world()
        defer { cli.remove() }
        let add = try cli.run("staff", "add", "p-0001", "--key", cli.keys.appendingPathComponent("staff.key").path)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("otpauth://totp/"), "\(add.stdout)")
        #expect(add.stdout.contains("not shown again"), "\(add.stdout)")
        let listed = try Self.listing(cli)
        #expect(listed.count == 1)
        #expect(listed.first?["person"] as? String == "p-0001")
        #expect(listed.first?["state"] as? String == "enrolled")
        let dir = Self.staffDirectory(cli)
        #expect(try Self.mode(dir.path) == 0o700)
        #expect(try Self.mode(dir.appendingPathComponent("p-0001.json").path) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["p-0001.json"])
        let list = try cli.run("staff", "list")
        #expect(!list.stdout.contains("secret") && !list.stdout.contains("sealed"), "\(list.stdout)")
    }

    @Test func aKeyNotInTheLogIsRefusedAndNothingWritten() throws {
        let cli = try Self.world()
        defer { cli.remove() }
        let stray = cli.keys.appendingPathComponent("stray.key").path
        #expect(try cli.run("key", "new", "--out", stray).status == 0)
        let add = try cli.run("staff", "add", "p-0001", "--key", stray)
        #expect(add.status != 0)
        #expect(add.stderr.contains("is not registered in the log"), "\(add.stderr)")
        #expect(add.stderr.contains("coledger key register"), "\(add.stderr)")
        #expect(add.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: Self.staffDirectory(cli).path))
    }

    @Test func aKeyRegisteredToAnotherPersonIsRefused() throws {
        let cli = try Self.world()
        defer { cli.remove() }
        let add = try cli.run("staff", "add", "p-0002", "--key", cli.keys.appendingPathComponent("staff.key").path)
        #expect(add.status != 0)
        #expect(add.stderr.contains("registered to person/p-0001, not to person/p-0002"), "\(add.stderr)")
        #expect(try Self.listing(cli).isEmpty)
    }

    @Test func aRevokedKeyIsRefusedAndTheStoreUnchanged() throws {
        let cli = try Self.world()
        defer { cli.remove() }
        let staffKey = cli.keys.appendingPathComponent("staff.key").path
        let show = try cli.run("key", "show", staffKey, "--json")
        let keyID = try #require(
            (try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])?["keyId"] as? String)
        let revoke = try cli.run("key", "revoke", "--key", cli.keys.appendingPathComponent("admin.key").path, keyID)
        try #require(revoke.status == 0, "\(revoke.stderr)")
        let add = try cli.run("staff", "add", "p-0001", "--key", staffKey)
        #expect(add.status != 0)
        #expect(add.stderr.contains("was revoked"), "\(add.stderr)")
        #expect(!FileManager.default.fileExists(atPath: Self.staffDirectory(cli).path))
    }

    @Test func aWrongPassphraseIsRefusedAndNothingWritten() throws {
        let cli = try Self.world()
        defer { cli.remove() }
        let staffKey = cli.keys.appendingPathComponent("staff.key").path
        let (p, out, err) = cli.process(["staff", "add", "p-0001", "--key", staffKey])
        p.environment?["COLEDGER_PASSPHRASE"] = "not-the-passphrase"
        try p.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus != 0)
        #expect(stderr.contains("wrong passphrase"), "\(stderr)")
        #expect(!stdout.contains("otpauth://"), "\(stdout)")
        #expect(!FileManager.default.fileExists(atPath: Self.staffDirectory(cli).path))
    }

    @Test func aDisabledAccountIsListedAsDisabled() throws {
        let cli = try Self.world()
        defer { cli.remove() }
        let staffKey = cli.keys.appendingPathComponent("staff.key").path
        #expect(try cli.run("staff", "add", "p-0001", "--key", staffKey).status == 0)
        let disable = try cli.run("staff", "disable", "p-0001")
        #expect(disable.status == 0, "\(disable.stderr)")
        let listed = try Self.listing(cli)
        #expect(listed.first?["state"] as? String == "disabled")
        #expect(listed.first?["disabledAt"] is String)
        #expect(try Self.mode(Self.staffDirectory(cli).appendingPathComponent("p-0001.json").path) == 0o600)
        let again = try cli.run("staff", "disable", "p-0009")
        #expect(again.status != 0)
        #expect(again.stderr.contains("p-0009 is not in the staff store"), "\(again.stderr)")
    }

    @Test func everyStaffCommandHasHelp() throws {
        let cli = try CLI()
        defer { cli.remove() }
        for sub in ["add", "list", "disable"] {
            let help = try cli.run("staff", sub, "--help")
            #expect(help.status == 0)
            #expect(help.stdout.contains("USAGE: coledger staff \(sub)"), "\(help.stdout)")
        }
    }
}
