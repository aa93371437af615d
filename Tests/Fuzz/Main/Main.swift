// The libFuzzer entry point. One binary holds every harness; COLEDGER_FUZZ_HARNESS names the one
// to run (Tools/fuzz sets it). Built with -parse-as-library: libFuzzer provides `main`.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A harness: reads one input, checks its properties and stops the process on a violation.
typealias Harness = @Sendable ([UInt8]) -> Void

let harnesses: [String: Harness] = [
    "canonical-json": CanonicalJSONHarness.run,
    "entry": EntryHarness.run,
    "event": EventHarness.run,
    "signed-note": SignedNoteHarness.run,
    "checkpoint": CheckpointHarness.run,
    "tlog-proof": TlogProofHarness.run,
    "witness-request": WitnessRequestHarness.run,
    "bundle": BundleHarness.run,
    "portal-form": PortalFormHarness.run,
]

let selected: Harness = {
    let name = getenv("COLEDGER_FUZZ_HARNESS").map { String(cString: $0) } ?? ""
    guard let harness = harnesses[name] else {
        printError("set COLEDGER_FUZZ_HARNESS to one of: \(harnesses.keys.sorted().joined(separator: ", "))")
        exit(2)
    }
    return harness
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    selected(bytes)
    return 0
}

/// Stops the run with `message` when `condition` is false: libFuzzer saves the input as a crash.
func expect(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        printError("PROPERTY VIOLATED: \(message())")
        abort()
    }
}

/// The input as text, when it is valid UTF-8.
func utf8(_ bytes: [UInt8]) -> String? { String(validating: bytes, as: UTF8.self) }

/// Writes one line to standard error.
func printError(_ message: String) {
    var line = message + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}
