import Dispatch

/// Splits index ranges across threads for the CPU-bound loops (signing, verifying, hashing).
package enum Parallel {
    /// Runs `body(i)` for every i in 0..<count on up to `workers` threads; each index runs once.
    package static func forEach(_ count: Int, workers: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard count > 0 else { return }
        guard workers > 1, count >= 64 else {
            for i in 0..<count { body(i) }
            return
        }
        // Several blocks per worker, handed out dynamically, so a core that is busy with other
        // work (the in-order phase, reading) does not hold up the rest.
        let n = min(workers * 8, count / 32)
        DispatchQueue.concurrentPerform(iterations: n) { w in
            for i in (count * w / n)..<(count * (w + 1) / n) { body(i) }
        }
    }

    /// Maps `items` to results on up to `workers` threads, keeping order.
    package static func map<T: Sendable, R: Sendable>(
        _ items: [T], workers: Int, _ transform: @escaping @Sendable (T) -> R
    ) -> [R] {
        // Every index runs exactly once, so each slot is initialised once, in place.
        [R](unsafeUninitializedCapacity: items.count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            let out = UnsafeSendable(base)
            forEach(items.count, workers: workers) { i in (out.value + i).initialize(to: transform(items[i])) }
            initialized = items.count
        }
    }

    /// The number of active processors.
    package static var cores: Int { ProcessInfoCores.active }
}

/// Lets a buffer whose disjoint elements are written by different threads cross into
/// `concurrentPerform`; each index is written by exactly one worker.
package struct UnsafeSendable<T>: @unchecked Sendable {
    package let value: T
    package init(_ value: T) { self.value = value }
}
