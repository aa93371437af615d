import Foundation
import LedgerCore
import LedgerStore
import Testing

@testable import LedgerPortal

@Suite("serve: c2sp.org/tlog-tiles paths")
struct TileRouteTests {
    @Test("the portal serves the checkpoint, tiles and entry bundles of the newest checkpoint, with cache headers by kind")
    func tilesOverHTTP() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("coledger-tiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let logKey = try Ed25519SigningKey(seed: [UInt8](repeating: 1, count: 32))
        let admin = try Ed25519SigningKey(seed: [UInt8](repeating: 2, count: 32))
        let path = directory.appendingPathComponent("ledger.db").path
        let ledger = try Ledger.create(
            path: path, origin: "test.example/tiles", logKey: logKey, admins: [admin], occurredAt: "2026-01-01T09:00:00Z")
        let notes: [JSONValue] = (1..<300).map {
            .object(["type": "example.note", "typeVersion": 1, "stream": "notes", "payload": .object(["n": .number(Double($0))])])
        }
        _ = try ledger.append(drafts: notes, signer: admin)
        var configuration = PortalConfiguration(ledgerPath: path, codes: try ContributionCodes(secret: [UInt8](repeating: 7, count: 32)))
        configuration.auditInterval = nil
        let portal = try Portal(configuration: configuration)
        func get(_ path: String, method: String = "GET") async -> PortalResponse {
            await portal.handle(PortalRequest(method: method, path: path))
        }

        #expect(await get("/checkpoint").status == 404)  // nothing is published before a checkpoint
        let (checkpoint, _) = try ledger.signCheckpoint(with: logKey)
        let note = await get("/checkpoint")
        #expect(note.status == 200)
        #expect(note.text == checkpoint.note)
        #expect(note.header("cache-control") == "public, max-age=5")
        #expect(note.header("content-type") == "text/plain; charset=utf-8")

        let full = await get("/tile/0/000")
        #expect(full.status == 200)
        #expect(full.body == (try ledger.tileBytes(.init(level: 0, index: 0, width: 256))))
        #expect(full.header("cache-control") == "public, max-age=31536000, immutable")
        let bundle = await get("/tile/entries/000")
        #expect(bundle.header("cache-control") == "public, max-age=31536000, immutable")
        #expect(try TlogTiles.entries(ofBundle: bundle.body, count: 256) == (try ledger.entries(from: 0, limit: 256).map(\.entry.bytes)))
        let partial = await get("/tile/0/001.p/44")
        #expect(partial.status == 200 && partial.body.count == 44 * 32)
        #expect(partial.header("cache-control") == "public, max-age=5")
        #expect(await get("/tile/0/001.p/10").body == Array(partial.body.prefix(320)))  // an older width
        #expect(await get("/tile/1/000.p/1").body == (try ledger.root(size: 256)))
        #expect(await get("/tile/0/001", method: "HEAD").status == 404)  // not full yet
        for missing in ["/tile/0/001.p/45", "/tile/0/002.p/1", "/tile/1/000", "/tile/0/1", "/tile/0/000.p/0", "/tile/x"] {
            #expect(await get(missing).status == 404, "\(missing)")
        }
        #expect(await portal.handle(PortalRequest(method: "POST", path: "/tile/0/000")).status == 405)

        // Entries appended after the checkpoint are not served until the next checkpoint.
        _ = try ledger.append(
            drafts: [notes[0]].map { _ in
                .object(["type": "example.note", "typeVersion": 1, "stream": "notes", "payload": .object(["n": 300])])
            }, signer: admin)
        #expect(await get("/tile/0/001.p/45").status == 404)
        _ = try ledger.signCheckpoint(with: logKey)
        #expect(await get("/tile/0/001.p/45").status == 200)
        #expect(await get("/").status == 200)  // the portal's pages still answer
    }
}
