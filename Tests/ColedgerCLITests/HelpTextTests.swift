import Foundation
import Testing

/// `--help` reads as prose: a paragraph of a command's discussion is wrapped evenly at the
/// terminal's width, not cut into a full line and a stub at every line break of the source.
@Suite struct HelpTextTests {
    /// Every subcommand's help, as a user sees it in an 80-column terminal or a pipe: no line of
    /// the discussion stops short while its sentence goes on at the start of the next line.
    @Test func everyCommandsHelpIsWrappedEvenly() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let top = try cli.run("--help").stdout
        let commands = top.components(separatedBy: "SUBCOMMANDS:").last?.split(separator: "\n")
            .compactMap { line -> String? in
                guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first else { return nil }
                return String(name)
            } ?? []
        #expect(commands.count > 20, "\(commands)")
        var ragged: [String] = []
        for command in commands {
            let help = try cli.run(command, "--help").stdout
            let discussion = help.components(separatedBy: "USAGE:").first ?? ""
            let lines = discussion.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (line, next) in zip(lines, lines.dropFirst())
            where !line.hasPrefix(" ") && line.count < 40 && !line.isEmpty && !line.hasSuffix(".") && !line.hasSuffix(":")
                && next.first.map({ $0.isLowercase }) == true
            {
                ragged.append("\(command): \"\(line)\" / \"\(next)\"")
            }
        }
        #expect(ragged.isEmpty, "\(ragged.joined(separator: "\n"))")
        // Indented tables stay as written.
        let monitor = try cli.run("monitor", "--help").stdout
        #expect(monitor.contains("\n  growth        the log grew"), "\(monitor)")
        let prose = monitor.replacingOccurrences(of: "\n", with: " ")
        #expect(prose.contains("Each run fetches the log's checkpoint, checks it against everything the monitor kept before"))
    }
}
