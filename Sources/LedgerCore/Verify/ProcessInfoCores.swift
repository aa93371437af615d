import Foundation

/// The number of cores verification and signing spread over.
public enum ProcessInfoCores {
    /// Active processors.
    public static var active: Int { ProcessInfo.processInfo.activeProcessorCount }
}
