/// The c2sp.org/tlog-tiles layout: where a log's checkpoint, hash tiles and entry bundles live,
/// and which of them a tree of a given size has.
///
/// A tile at level `L` and index `N` holds up to 256 consecutive hashes of tree level `8·L`: hash
/// `i` is the perfect subtree of `2^(8·L)` leaves starting at leaf `(256·N + i)·2^(8·L)`. A *full*
/// tile has 256 hashes and never changes; a *partial* tile, on the right edge of the tree, has
/// width `W` in 1…255 and lives at `…/N.p/W`. The entry bundle `tile/entries/N` holds the entries
/// whose leaf hashes are level-0 tile `N`. `N` is written as 3-digit groups, every group but the
/// last prefixed with `x` (1234067 is `x001/x234/067`).
public enum TlogTiles {
    /// Tree levels per tile level.
    public static let height = 8
    /// Hashes in a full tile (and entries in a full bundle).
    public static let fullWidth = 256

    /// One tile (or entry bundle) of a tree: its level, index and width.
    public struct Tile: Sendable, Hashable, CustomStringConvertible {
        /// The tile level (tree level `8·level`); ignored for entry bundles.
        public let level: Int
        /// The tile's index at its level.
        public let index: UInt64
        /// Hashes (or entries) in it: 256 for a full tile, 1…255 for a partial one.
        public let width: Int

        /// A tile; `width` must be 1…256.
        public init(level: Int, index: UInt64, width: Int) {
            self.level = level
            self.index = index
            self.width = width
        }

        /// Whether the tile holds all 256 hashes (and so never changes).
        public var isFull: Bool { width == TlogTiles.fullWidth }

        /// Its path under the log's prefix: `tile/L/N[.p/W]`.
        public var path: String { "tile/\(level)/" + TlogTiles.suffix(index: index, width: width) }

        /// The path of the entry bundle with the same index and width: `tile/entries/N[.p/W]`.
        public var entriesPath: String { "tile/entries/" + TlogTiles.suffix(index: index, width: width) }

        public var description: String { path }
    }

    /// What a request path under the log's prefix names.
    public enum Resource: Sendable, Hashable {
        /// `checkpoint`.
        case checkpoint
        /// `tile/L/N[.p/W]`.
        case tile(Tile)
        /// `tile/entries/N[.p/W]` (the tile's level is 0).
        case entries(Tile)
    }

    /// `N` as the spec writes it: 3-digit groups, all but the last prefixed with `x`.
    public static func encodeIndex(_ index: UInt64) -> String {
        var groups: [String] = []
        var n = index
        repeat {
            let g = String(n % 1000)
            groups.append(String(repeating: "0", count: 3 - g.count) + g)
            n /= 1000
        } while n > 0
        return groups.reversed().enumerated().map { i, g in i == groups.count - 1 ? g : "x" + g }.joined(separator: "/")
    }

    static func suffix(index: UInt64, width: Int) -> String {
        encodeIndex(index) + (width == fullWidth ? "" : ".p/\(width)")
    }

    /// Parses a path relative to the log's prefix (no leading `/`), strictly: the canonical
    /// spelling only (three digits per group, `x` on all groups but the last, no leading
    /// zero group, widths 1…255 without leading zeros). Nil for anything else.
    public static func parse(path: String) -> Resource? {
        if path == "checkpoint" { return .checkpoint }
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3, parts[0] == "tile" else { return nil }
        let isEntries = parts[1] == "entries"
        let level: Int
        if isEntries {
            level = 0
        } else {
            guard let l = decimal(parts[1], max: 63 / height), l <= 7 else { return nil }
            level = l
        }
        parts.removeFirst(2)
        var width = fullWidth
        if parts.count >= 2, parts[parts.count - 2].hasSuffix(".p") {
            guard let w = decimal(parts[parts.count - 1], max: fullWidth - 1), w >= 1 else { return nil }
            width = w
            parts.removeLast()
            parts[parts.count - 1].removeLast(2)
        }
        guard let index = decodeIndex(parts) else { return nil }
        let tile = Tile(level: level, index: index, width: width)
        return isEntries ? .entries(tile) : .tile(tile)
    }

    /// The index from its groups, or nil unless they are exactly `encodeIndex`'s spelling.
    static func decodeIndex(_ groups: [String]) -> UInt64? {
        guard !groups.isEmpty, groups.count <= 7 else { return nil }
        var n: UInt64 = 0
        for (i, g) in groups.enumerated() {
            let last = i == groups.count - 1
            let digits = last ? Substring(g) : (g.hasPrefix("x") ? g.dropFirst() : "")
            guard digits.count == 3, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            let (m, o1) = n.multipliedReportingOverflow(by: 1000)
            let (s, o2) = m.addingReportingOverflow(UInt64(digits)!)
            guard !o1, !o2 else { return nil }
            n = s
        }
        return encodeIndex(n) == groups.joined(separator: "/") ? n : nil
    }

    /// A decimal without sign or leading zeros, at most `max`.
    static func decimal(_ s: String, max: Int) -> Int? {
        guard !s.isEmpty, s.count <= 3, s.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            s == "0" || !s.hasPrefix("0"),
            let n = Int(s), n <= max
        else { return nil }
        return n
    }

    /// The number of hashes at tile level `level` in a tree of `size` leaves (nodes of tree level `8·level`).
    public static func hashCount(level: Int, size: UInt64) -> UInt64 {
        level * height >= 64 ? 0 : size >> UInt64(level * height)
    }

    /// The tile at `level` and `index` as a tree of `size` leaves has it (full, or partial on the
    /// right edge), or nil when that tree has no hash in it.
    public static func tile(level: Int, index: UInt64, size: UInt64) -> Tile? {
        let count = hashCount(level: level, size: size)
        let (start, overflow) = index.multipliedReportingOverflow(by: UInt64(fullWidth))
        guard !overflow, start < count else { return nil }
        return Tile(level: level, index: index, width: Int(min(UInt64(fullWidth), count - start)))
    }

    /// The tiles of a tree of `newSize` leaves that a tree of `oldSize` leaves did not already
    /// have in full: every tile (all levels) that is partial at `oldSize` or new since, as it is
    /// at `newSize`. Publishing these (and the entry bundles of the level-0 ones) brings a
    /// directory that held the tree at `oldSize` up to `newSize`. Level 0 comes first.
    public static func tilesToPublish(from oldSize: UInt64, to newSize: UInt64) -> [Tile] {
        guard newSize > oldSize else { return [] }
        var tiles: [Tile] = []
        var level = 0
        while hashCount(level: level, size: newSize) > 0 {
            let first = hashCount(level: level, size: oldSize) / UInt64(fullWidth)
            var index = first
            while let tile = tile(level: level, index: index, size: newSize) {
                if !(tile.isFull == false && tile.width == partialWidth(level: level, index: index, size: oldSize)) {
                    tiles.append(tile)
                }
                index += 1
            }
            level += 1
        }
        return tiles
    }

    /// The width of tile `index` at `level` in a tree of `size` when it is partial there, else nil.
    static func partialWidth(level: Int, index: UInt64, size: UInt64) -> Int? {
        guard let t = tile(level: level, index: index, size: size), !t.isFull else { return nil }
        return t.width
    }

    // MARK: - Entry bundles

    /// The largest entry an entry bundle can hold (its length prefix is two bytes).
    public static let maxEntryBytes = 65_535

    /// Encodes entries as an entry bundle: each one a big-endian two-byte length, then its bytes.
    /// - Throws: ``TileError/entryTooLarge(position:bytes:)`` for an entry over 65,535 bytes.
    public static func entryBundle<C: Collection>(_ entries: C) throws(TileError) -> [UInt8]
    where C.Element == [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(entries.reduce(0) { $0 + 2 + $1.count })
        for (i, entry) in entries.enumerated() {
            guard entry.count <= maxEntryBytes else { throw .entryTooLarge(position: i, bytes: entry.count) }
            out.append(UInt8(entry.count >> 8))
            out.append(UInt8(entry.count & 0xFF))
            out.append(contentsOf: entry)
        }
        return out
    }

    /// Reads an entry bundle back into its entries, expecting exactly `count` of them.
    /// - Throws: ``TileError/malformedBundle(_:)`` when the bundle is truncated, has trailing
    ///   bytes or holds another number of entries.
    public static func entries(ofBundle bundle: [UInt8], count: Int) throws(TileError) -> [[UInt8]] {
        var entries: [[UInt8]] = []
        entries.reserveCapacity(count)
        var at = 0
        while at < bundle.count {
            guard bundle.count - at >= 2 else {
                throw .malformedBundle("entry \(entries.count) has a truncated length prefix at byte \(at)")
            }
            let length = Int(bundle[at]) << 8 | Int(bundle[at + 1])
            at += 2
            guard bundle.count - at >= length else {
                throw .malformedBundle(
                    "entry \(entries.count) says \(length) bytes but only \(bundle.count - at) remain")
            }
            guard entries.count < count else {
                throw .malformedBundle("holds more than the \(count) entries expected")
            }
            entries.append(Array(bundle[at..<(at + length)]))
            at += length
        }
        guard entries.count == count else {
            throw .malformedBundle("holds \(entries.count) entries, expected \(count)")
        }
        return entries
    }

    // MARK: - Hash tiles

    /// Concatenates the hashes of a tile.
    public static func tileBytes(_ hashes: [[UInt8]]) -> [UInt8] {
        hashes.flatMap { $0 }
    }

    /// Splits a tile's bytes into `width` hashes.
    /// - Throws: ``TileError/malformedTile(_:)`` unless it is exactly `width` 32-byte hashes.
    public static func hashes(ofTile bytes: [UInt8], width: Int) throws(TileError) -> [[UInt8]] {
        let n = RFC6962.hashByteCount
        guard bytes.count == width * n else {
            throw .malformedTile("has \(bytes.count) bytes, expected \(width) hashes of \(n) bytes (\(width * n))")
        }
        return (0..<width).map { Array(bytes[($0 * n)..<(($0 + 1) * n)]) }
    }
}

/// Why tile data was refused.
public enum TileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An entry is longer than an entry bundle's two-byte length prefix allows.
    case entryTooLarge(position: Int, bytes: Int)
    /// An entry bundle does not decode.
    case malformedBundle(String)
    /// A hash tile has the wrong length.
    case malformedTile(String)
    /// A tile needed to answer is missing.
    case missingTile(String)

    public var description: String {
        switch self {
        case .entryTooLarge(let position, let bytes):
            return
                "entry \(position) of the bundle is \(bytes) bytes, over the \(TlogTiles.maxEntryBytes) an entry bundle can hold"
        case .malformedBundle(let why): return "malformed entry bundle: \(why)"
        case .malformedTile(let why): return "malformed tile: \(why)"
        case .missingTile(let path): return "tile \(path) is missing"
        }
    }
}
