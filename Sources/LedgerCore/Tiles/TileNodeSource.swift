/// A ``MerkleNodeSource`` over a log's hash tiles as a tree of ``size`` leaves has them: the
/// node at tree level `l` and index `i` is folded from the `2^(l mod 8)` hashes it covers in tile
/// level `l / 8`, so ``MerkleTreeReader`` computes roots and proofs of a tiled log (a mirror or
/// a monitor checks a checkpoint against tiles it fetched this way).
///
/// Tiles come from `fetch` (a file, an HTTP GET, a test's dictionary) and are kept once read.
public final class TileNodeSource: MerkleNodeSource {
    /// The tree size whose tiles are read.
    public let size: UInt64
    private let fetch: (TlogTiles.Tile) throws -> [UInt8]
    private var tiles: [TlogTiles.Tile: [[UInt8]]] = [:]

    /// A source for the tree of `size` leaves; `fetch` returns a tile's bytes (or throws).
    public init(size: UInt64, fetch: @escaping (TlogTiles.Tile) throws -> [UInt8]) {
        self.size = size
        self.fetch = fetch
    }

    /// Supplies a tile's hashes already at hand (a level-0 tile checked against its entries).
    public func add(_ tile: TlogTiles.Tile, hashes: [[UInt8]]) {
        tiles[tile] = hashes
    }

    /// The hashes of tile `index` at `level`, fetched once.
    /// - Throws: ``TileError/missingTile(_:)`` when the tree has no such tile, or what `fetch` throws.
    public func hashes(level: Int, index: UInt64) throws -> [[UInt8]] {
        guard let tile = TlogTiles.tile(level: level, index: index, size: size) else {
            throw TileError.missingTile("tile/\(level)/\(TlogTiles.encodeIndex(index)) (tree size \(size))")
        }
        if let hit = tiles[tile] { return hit }
        let hashes = try TlogTiles.hashes(ofTile: try fetch(tile), width: tile.width)
        tiles[tile] = hashes
        return hashes
    }

    public func hash(level: Int, index: UInt64) throws -> [UInt8] {
        let tileLevel = level / TlogTiles.height
        let rise = level % TlogTiles.height
        let first = index << UInt64(rise)
        let hashes = try self.hashes(level: tileLevel, index: first / UInt64(TlogTiles.fullWidth))
        let offset = Int(first % UInt64(TlogTiles.fullWidth))
        let count = 1 << rise
        guard offset + count <= hashes.count else { throw MerkleError.missingNode(level: level, index: index) }
        var row = Array(hashes[offset..<(offset + count)])
        while row.count > 1 {
            row = stride(from: 0, to: row.count, by: 2).map { RFC6962.nodeHash(row[$0], row[$0 + 1]) }
        }
        return row[0]
    }
}
