import Foundation

/// The one table of metric units: how a figure in each unit is written (`3.2 %`, `£12.40`,
/// `4.1 per 1,000`) and the plain-words sentence that says what a figure in it means. Every
/// page and chart that shows a metric's figure writes it through here.
enum MetricUnits {
    /// How one unit is written and explained.
    struct Unit: Sendable {
        /// The figure with its unit.
        let write: @Sendable (Double) -> String
        /// What a figure in this unit means, as a sentence.
        let sentence: String
    }

    /// By the catalogue's unit code (`MetricVocabulary.Unit`).
    static let table: [String: Unit] = [
        "count": Unit(write: { whole($0) }, sentence: "Figures are counts of people."),
        "percent": Unit(
            write: { decimal($0) + "\u{00A0}%" },
            sentence: "Figures are percentages: 3.2\u{00A0}% means 3.2 in every 100."),
        "ratio": Unit(
            write: { decimal($0, places: 2) },
            sentence: "Figures are ratios: 1 means the same, 2 means twice as much, 0.5 half as much."),
        "rate_per_1000": Unit(
            write: { decimal($0) + " per 1,000" },
            sentence: "Figures are rates per 1,000 people: 4.1 per 1,000 means about 4 in every 1,000."),
        "score": Unit(
            write: { decimal($0) + " points" }, sentence: "Figures are scores on the measure\u{2019}s own scale."),
        "currency_gbp": Unit(
            write: { "\u{00A3}" + String(format: "%.2f", $0) }, sentence: "Figures are amounts in pounds sterling."),
        "days": Unit(write: { decimal($0) + " days" }, sentence: "Figures are numbers of days."),
    ]

    /// `value` written in `unit` (a unit not in the table: the bare number).
    static func write(_ value: Double, unit: String) -> String {
        table[unit]?.write(value) ?? decimal(value)
    }

    /// What a figure in `unit` means; empty for a unit not in the table.
    static func sentence(_ unit: String) -> String { table[unit]?.sentence ?? "" }

    /// A group's figure divided by everyone's, written with what it means:
    /// `0.9 (a little lower than for everyone)`.
    static func ratio(_ r: Double) -> String {
        let words: String
        switch r {
        case ..<0.8: words = "lower than for everyone"
        case ..<0.95: words = "a little lower than for everyone"
        case ...1.05: words = "about the same as for everyone"
        case ...1.25: words = "a little higher than for everyone"
        default: words = "higher than for everyone"
        }
        return "\(decimal(r, places: 2)) (\(words))"
    }

    /// What the "compared with everyone" column means.
    static let ratioSentence =
        "\u{201C}Compared with everyone\u{201D} divides the group\u{2019}s figure by everyone\u{2019}s: 1 means the same, " +
        "0.9 means 10\u{00A0}% lower, 1.5 means half as much again."

    static func whole(_ v: Double) -> String { Words.number(Int(v.rounded())) }

    /// At most `places` decimals, without trailing zeros (`3.2`, `12`, `0.85`).
    static func decimal(_ v: Double, places: Int = 1) -> String {
        var text = String(format: "%.\(places)f", v)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
