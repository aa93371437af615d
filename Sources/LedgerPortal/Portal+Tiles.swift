import Foundation
import LedgerCore
import LedgerStore

/// The log as c2sp.org/tlog-tiles at the site's root: `/checkpoint`, `/tile/L/N[.p/W]` and
/// `/tile/entries/N[.p/W]`, as of the newest signed checkpoint (entries appended since are not
/// published until the next checkpoint). Full tiles never change and are cacheable forever;
/// partial tiles and the checkpoint are cacheable for a few seconds.
extension Portal {
    /// How long the checkpoint and partial tiles may be cached, in seconds.
    static let shortLivedSeconds = 5
    /// `Cache-Control` of a full tile or full entry bundle.
    static let immutableCache = "public, max-age=31536000, immutable"

    /// The answer to a tlog-tiles path, or nil when `request` is not for one.
    func tileResponse(_ request: PortalRequest) async throws -> PortalResponse? {
        guard request.path == "/checkpoint" || request.path.hasPrefix("/tile/") else { return nil }
        guard request.method == "GET" || request.method == "HEAD" else {
            throw Refusal(
                status: 405, title: "That cannot be done here", message: "This address answers GET, HEAD only.",
                headers: [("allow", "GET, HEAD")])
        }
        guard let resource = TlogTiles.parse(path: String(request.path.dropFirst())) else {
            return Self.tileNotFound("\(request.path.prefix(80)) is not a c2sp.org/tlog-tiles path")
        }
        let answer = try await store.perform { w -> (bytes: [UInt8], full: Bool)? in
            guard let checkpoint = try w.ledger.latestCheckpoint() else { return nil }
            let size = UInt64(checkpoint.size)
            switch resource {
            case .checkpoint:
                return (Array((try w.ledger.cosignedNote(size: checkpoint.size) ?? checkpoint.note).utf8), false)
            case .tile(let tile):
                guard Self.isPublished(tile, size: size) else { return nil }
                return (try w.ledger.tileBytes(tile), tile.isFull)
            case .entries(let tile):
                guard Self.isPublished(tile, size: size) else { return nil }
                return (try w.ledger.entryBundle(tile), tile.isFull)
            }
        }
        guard let answer else {
            return Self.tileNotFound("not published: the newest checkpoint has no such tile")
        }
        let contentType = resource == .checkpoint ? "text/plain; charset=utf-8" : "application/octet-stream"
        let cache = answer.full ? Self.immutableCache : "public, max-age=\(Self.shortLivedSeconds)"
        return PortalResponse(
            status: 200, headers: [("content-type", contentType), ("cache-control", cache)], body: answer.bytes)
    }

    /// Whether the tree at `size` has `tile` at exactly that width (a full tile, or the right
    /// edge's partial one, or an older partial width of it).
    static func isPublished(_ tile: TlogTiles.Tile, size: UInt64) -> Bool {
        guard let current = TlogTiles.tile(level: tile.level, index: tile.index, size: size) else { return false }
        return tile.width <= current.width
    }

    static func tileNotFound(_ message: String) -> PortalResponse {
        PortalResponse(
            status: 404, headers: [("content-type", "text/plain; charset=utf-8"), ("cache-control", "no-cache")],
            body: Array((message + "\n").utf8))
    }
}
