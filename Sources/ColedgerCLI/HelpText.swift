/// `--help` texts. ArgumentParser wraps each line of a discussion at the terminal's width and
/// keeps the line breaks it was given, so a paragraph wrapped in the source at 100 columns came
/// out ragged at 80 (a full line, then a stub). Every command's discussion goes through
/// ``reflow(_:)``: the lines of a paragraph are joined into one, which ArgumentParser then wraps
/// evenly; blank lines, indented lines (tables, examples) and lines starting a list item ("- ")
/// stay as written.
enum HelpText {
    static func reflow(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let last = lines.last, joins(line, after: last) {
                lines[lines.count - 1] = last + " " + line
            } else {
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Whether `line` continues the paragraph `previous` belongs to.
    private static func joins(_ line: String, after previous: String) -> Bool {
        guard !line.isEmpty, !previous.isEmpty else { return false }
        guard !line.hasPrefix(" "), !previous.hasPrefix(" ") else { return false }
        return !line.hasPrefix("- ") && !line.hasPrefix("* ")
    }
}
