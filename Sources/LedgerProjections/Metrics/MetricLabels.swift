import LedgerDomain

/// Readable names for the groups of a breakdown.
enum MetricLabels {
    /// A group's name: ethnicity categories and groups by name, other dimensions as `dimension value`.
    static func label(_ dims: MetricVocabulary.Dims) -> String {
        let parts = dims.pairs.map { dimension, value -> String in
            switch dimension {
            case .ethnicity: return EthnicityCode(rawValue: value).map(ethnicity) ?? value
            case .ethnicityGroup: return EthnicityCode.Group(rawValue: value).map(group) ?? value
            default: return "\(words(dimension.rawValue)) \(words(value))"
            }
        }
        return parts.isEmpty ? "Everyone" : parts.joined(separator: ", ")
    }

    /// `snake_case` as words.
    static func words(_ text: String) -> String { text.split(separator: "_").joined(separator: " ") }

    /// Short names of the ONS 2021 categories, after the GSS harmonised standard.
    static func ethnicity(_ code: EthnicityCode) -> String {
        switch code {
        case .whiteBritish: return "White: British"
        case .whiteIrish: return "White: Irish"
        case .whiteGypsyOrIrishTraveller: return "White: Gypsy or Irish Traveller"
        case .whiteRoma: return "White: Roma"
        case .whiteOther: return "White: any other"
        case .mixedWhiteAndBlackCaribbean: return "Mixed: White and Black Caribbean"
        case .mixedWhiteAndBlackAfrican: return "Mixed: White and Black African"
        case .mixedWhiteAndAsian: return "Mixed: White and Asian"
        case .mixedOther: return "Mixed: any other"
        case .asianIndian: return "Asian: Indian"
        case .asianPakistani: return "Asian: Pakistani"
        case .asianBangladeshi: return "Asian: Bangladeshi"
        case .asianChinese: return "Asian: Chinese"
        case .asianOther: return "Asian: any other"
        case .blackCaribbean: return "Black: Caribbean"
        case .blackAfrican: return "Black: African"
        case .blackOther: return "Black: any other"
        case .otherArab: return "Other: Arab"
        case .otherAny: return "Other: any other"
        case .notStated: return "Not stated (asked, declined)"
        case .notKnown: return "Not known (not asked or not recorded)"
        }
    }

    /// Names of the five GSS groups.
    static func group(_ group: EthnicityCode.Group) -> String {
        switch group {
        case .white: return "White"
        case .mixed: return "Mixed or Multiple"
        case .asian: return "Asian or Asian British"
        case .black: return "Black, Black British, Caribbean or African"
        case .other: return "Other ethnic group"
        case .notStated: return "Not stated (asked, declined)"
        case .notKnown: return "Not known (not asked or not recorded)"
        }
    }

    /// Sort key of an ethnicity or ethnic-group row: code order, not stated and not known last.
    static func ethnicityOrder(_ dims: [String: String]) -> Int {
        if let code = dims["ethnicity"].flatMap(EthnicityCode.init(rawValue:)) {
            return EthnicityCode.allCases.firstIndex(of: code) ?? Int.max
        }
        if let group = dims["ethnicity_group"].flatMap(EthnicityCode.Group.init(rawValue:)) {
            return EthnicityCode.Group.allCases.firstIndex(of: group) ?? Int.max
        }
        return Int.max
    }
}
