import LedgerCore
import Testing

@Suite("c2sp.org/tlog-tiles layout")
struct TlogTilesTests {
    @Test("tile indices are written as x-prefixed 3-digit groups, as the spec's example")
    func indexEncoding() {
        #expect(TlogTiles.encodeIndex(0) == "000")
        #expect(TlogTiles.encodeIndex(999) == "999")
        #expect(TlogTiles.encodeIndex(1000) == "x001/000")
        #expect(TlogTiles.encodeIndex(1_234_067) == "x001/x234/067")
        #expect(TlogTiles.Tile(level: 0, index: 1_234_067, width: 256).path == "tile/0/x001/x234/067")
        #expect(TlogTiles.Tile(level: 1, index: 1_234_067, width: 8).path == "tile/1/x001/x234/067.p/8")
        #expect(TlogTiles.Tile(level: 0, index: 5, width: 3).entriesPath == "tile/entries/005.p/3")
    }

    @Test("paths parse back to the tile they name, and only canonical spellings parse")
    func parsing() {
        #expect(TlogTiles.parse(path: "checkpoint") == .checkpoint)
        #expect(TlogTiles.parse(path: "tile/0/x001/x234/067") == .tile(.init(level: 0, index: 1_234_067, width: 256)))
        #expect(TlogTiles.parse(path: "tile/entries/x001/x234/067.p/8") == .entries(.init(level: 0, index: 1_234_067, width: 8)))
        #expect(TlogTiles.parse(path: "tile/2/000.p/255") == .tile(.init(level: 2, index: 0, width: 255)))
        for bad in [
            "tile/0/1234067", "tile/0/x001/234/067", "tile/0/001/x234/067", "tile/0/x000/001", "tile/0/12",
            "tile/0/0001", "tile/0/000.p/0", "tile/0/000.p/256", "tile/0/000.p/08", "tile/0/000.p/", "tile/0/000.p",
            "tile/8/000", "tile/01/000", "tile/-1/000", "tile/0/", "tile/0", "tile/entries", "tile/0/000/",
            "/tile/0/000", "checkpoint/", "tile/0/x1000/000", "tile/x/000", "tile/0/x999/x999/x999/x999/x999/x999/x999/999",
        ] {
            #expect(TlogTiles.parse(path: bad) == nil, "\(bad) should not parse")
        }
        var rng = SplitMix64(seed: 16)
        for _ in 0..<2000 {
            let tile = TlogTiles.Tile(
                level: Int(rng.next() % 8), index: rng.next() >> UInt64(rng.next() % 64), width: Int(rng.next() % 256) + 1)
            #expect(TlogTiles.parse(path: tile.path) == .tile(tile))
            #expect(TlogTiles.parse(path: tile.entriesPath) == .entries(.init(level: 0, index: tile.index, width: tile.width)))
        }
    }

    @Test("a tree has the tiles its size implies; publishing adds only new and grown ones")
    func tilesOfASize() {
        typealias T = TlogTiles.Tile
        #expect(TlogTiles.tilesToPublish(from: 0, to: 0).isEmpty)
        #expect(TlogTiles.tilesToPublish(from: 0, to: 1) == [T(level: 0, index: 0, width: 1)])
        #expect(
            TlogTiles.tilesToPublish(from: 0, to: 300) == [
                T(level: 0, index: 0, width: 256), T(level: 0, index: 1, width: 44), T(level: 1, index: 0, width: 1),
            ])
        #expect(
            TlogTiles.tilesToPublish(from: 300, to: 512) == [T(level: 0, index: 1, width: 256), T(level: 1, index: 0, width: 2)])
        // Level 1 does not change between 512 and 513: it is not written again.
        #expect(TlogTiles.tilesToPublish(from: 512, to: 513) == [T(level: 0, index: 2, width: 1)])
        #expect(TlogTiles.tilesToPublish(from: 513, to: 513).isEmpty)
        #expect(TlogTiles.tilesToPublish(from: 0, to: 65536).last == T(level: 2, index: 0, width: 1))
        #expect(TlogTiles.tilesToPublish(from: 0, to: 65536).count == 256 + 1 + 1)
        #expect(TlogTiles.tile(level: 0, index: 1, size: 256) == nil)
        #expect(TlogTiles.tile(level: 1, index: 0, size: 255) == nil)
        #expect(TlogTiles.tile(level: 7, index: UInt64.max, size: UInt64.max) == nil)
    }

    @Test("entry bundles round-trip and malformed ones are refused with the reason")
    func entryBundles() throws {
        let entries: [[UInt8]] = [[], Array("{\"a\":1}".utf8), [UInt8](repeating: 0x41, count: 65_535), [0x0A]]
        let bundle = try TlogTiles.entryBundle(entries)
        #expect(Array(bundle.prefix(4)) == [0, 0, 0, 7])
        #expect(try TlogTiles.entries(ofBundle: bundle, count: 4) == entries)
        #expect(throws: TileError.entryTooLarge(position: 1, bytes: 65_536)) {
            try TlogTiles.entryBundle([[1], [UInt8](repeating: 0, count: 65_536)])
        }
        #expect(throws: TileError.self) { try TlogTiles.entries(ofBundle: bundle, count: 3) }
        #expect(throws: TileError.self) { try TlogTiles.entries(ofBundle: bundle, count: 5) }
        #expect(throws: TileError.self) { try TlogTiles.entries(ofBundle: Array(bundle.dropLast()), count: 4) }
        #expect(throws: TileError.self) { try TlogTiles.entries(ofBundle: bundle + [0], count: 4) }
        #expect(try TlogTiles.entries(ofBundle: [], count: 0).isEmpty)
        #expect(throws: TileError.self) { try TlogTiles.hashes(ofTile: [UInt8](repeating: 0, count: 63), width: 2) }
    }

    @Test("roots and proofs computed from tiles equal RFC 6962's over the leaves, at every kind of size")
    func treeFromTiles() throws {
        var rng = SplitMix64(seed: 6962)
        let leaves = (0..<66_000).map { _ in RFC6962.leafHash((0..<8).map { _ in UInt8(truncatingIfNeeded: rng.next()) }) }
        // Level-1 hashes: roots of each run of 256 leaves; level 2: of 65,536.
        let level1 = stride(from: 0, to: leaves.count - 255, by: 256).map { RFC6962.root(ofLeafHashes: Array(leaves[$0..<($0 + 256)])) }
        let level2 = [RFC6962.root(ofLeafHashes: Array(leaves[0..<65_536]))]
        for size in [1, 2, 255, 256, 257, 511, 512, 1000, 65_536, 66_000] {
            var fetched = 0
            let source = TileNodeSource(size: UInt64(size)) { tile in
                fetched += 1
                let row = [leaves, level1, level2][tile.level]
                let first = Int(tile.index) * 256
                return TlogTiles.tileBytes(Array(row[first..<(first + tile.width)]))
            }
            let reader = MerkleTreeReader(source: source)
            let prefix = Array(leaves[0..<size])
            #expect(try reader.root(size: UInt64(size)) == RFC6962.root(ofLeafHashes: prefix), "root at \(size)")
            #expect(fetched <= 2 * 3, "a root reads at most two tiles per level, read \(fetched) at \(size)")
            if size > 300 {
                let index = UInt64(size - 300)
                #expect(
                    try reader.inclusionProof(index: index, size: UInt64(size))
                        == RFC6962.inclusionProof(index: index, leafHashes: prefix))
            }
        }
        let source = TileNodeSource(size: 300) { _ in [UInt8](repeating: 0, count: 31) }
        #expect(throws: TileError.self) { try MerkleTreeReader(source: source).root(size: 300) }
    }
}
