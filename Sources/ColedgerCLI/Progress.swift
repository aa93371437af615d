import Dispatch
import Foundation

/// The one progress line long work shows (`audit`, `verify`, `demo --events`, `rebuild`):
/// `coledger: verified 120000/1000000 entries (85000/s)` on standard error, redrawn in place at
/// most four times a second, and only when standard error is a terminal: never into a pipe, a
/// file or a log, and never with `--json`. Results go to standard output, which ``print(_:separator:terminator:)``
/// flushes line by line when it is a pipe.
final class ProgressLine {
    private let verb: String
    private let unit: String
    private let enabled: Bool
    private let started = DispatchTime.now().uptimeNanoseconds
    private var lastDrawn: UInt64 = 0
    private var drawn = false

    /// A line saying `coledger: VERB DONE/TOTAL UNIT (RATE/s)`; off unless standard error is a
    /// terminal and `quiet` is false (a machine-readable run).
    init(_ verb: String, unit: String = "entries", quiet: Bool = false) {
        self.verb = verb
        self.unit = unit
        enabled = !quiet && Output.stderrIsTerminal
    }

    /// Reports `done` of `total` (nil: unknown); drawn when a quarter second passed since the last
    /// drawing, or when the work is complete.
    func update(_ done: Int, of total: Int?) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastDrawn >= 250_000_000 || done == total else { return }
        lastDrawn = now
        let seconds = Double(now - started) / 1e9
        let rate = seconds > 0 ? " (\(Int(Double(done) / seconds))/s)" : ""
        let of = total.map { "/\($0)" } ?? ""
        FileHandle.standardError.write(Data("\r\u{1B}[Kcoledger: \(verb) \(done)\(of) \(unit)\(rate)".utf8))
        drawn = true
    }

    /// Clears the line, so what follows starts at the left edge.
    func finish() {
        guard enabled, drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }
}
