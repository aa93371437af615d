/// Ethnicity as recorded in metric cells: the 19 ONS 2021 (England and Wales) categories of the
/// GSS harmonised standard, plus "not stated" and "not known" kept apart (DOMAIN.md 5.5).
///
/// The codes are Coledger's own and stable: a letter for the GSS group — `W` White, `M` Mixed or
/// Multiple, `A` Asian or Asian British, `B` Black, Black British, Caribbean or African, `O` Other —
/// then the category's position in the harmonised question. Observations name the code system
/// (``codeSystem``), so a later standard can be added as a new system without rewriting history.
///
/// - `not_stated`: the person was asked and declined ("Prefer not to say"); NHS Data Dictionary `Z`.
/// - `not_known`: the person was not asked, or the answer is missing; NHS Data Dictionary `99`.
public enum EthnicityCode: String, Sendable, Hashable, Codable, CaseIterable {
    /// White: English, Welsh, Scottish, Northern Irish or British.
    case whiteBritish = "W1"
    /// White: Irish.
    case whiteIrish = "W2"
    /// White: Gypsy or Irish Traveller.
    case whiteGypsyOrIrishTraveller = "W3"
    /// White: Roma.
    case whiteRoma = "W4"
    /// White: any other White background.
    case whiteOther = "W5"
    /// Mixed or Multiple: White and Black Caribbean.
    case mixedWhiteAndBlackCaribbean = "M1"
    /// Mixed or Multiple: White and Black African.
    case mixedWhiteAndBlackAfrican = "M2"
    /// Mixed or Multiple: White and Asian.
    case mixedWhiteAndAsian = "M3"
    /// Mixed or Multiple: any other Mixed or Multiple background.
    case mixedOther = "M4"
    /// Asian or Asian British: Indian.
    case asianIndian = "A1"
    /// Asian or Asian British: Pakistani.
    case asianPakistani = "A2"
    /// Asian or Asian British: Bangladeshi.
    case asianBangladeshi = "A3"
    /// Asian or Asian British: Chinese.
    case asianChinese = "A4"
    /// Asian or Asian British: any other Asian background.
    case asianOther = "A5"
    /// Black, Black British, Caribbean or African: Caribbean.
    case blackCaribbean = "B1"
    /// Black, Black British, Caribbean or African: African.
    case blackAfrican = "B2"
    /// Black, Black British, Caribbean or African: any other Black, Black British or Caribbean background.
    case blackOther = "B3"
    /// Other ethnic group: Arab.
    case otherArab = "O1"
    /// Other ethnic group: any other ethnic group.
    case otherAny = "O2"
    /// Asked and declined to say ("Prefer not to say").
    case notStated = "not_stated"
    /// Not asked or not recorded.
    case notKnown = "not_known"

    /// The name of this code system, stored on observations and profiles that use it.
    public static var codeSystem: String { EthnicityCodeSystem.ons2021.rawValue }

    /// The 19 ONS 2021 categories (everything but ``notStated`` and ``notKnown``).
    public static var categories: [EthnicityCode] { allCases.filter { $0.group != nil } }

    /// The five-group roll-up used to aggregate small groups, nil for not stated / not known.
    public var group: Group? {
        switch self {
        case .whiteBritish, .whiteIrish, .whiteGypsyOrIrishTraveller, .whiteRoma, .whiteOther: return .white
        case .mixedWhiteAndBlackCaribbean, .mixedWhiteAndBlackAfrican, .mixedWhiteAndAsian, .mixedOther: return .mixed
        case .asianIndian, .asianPakistani, .asianBangladeshi, .asianChinese, .asianOther: return .asian
        case .blackCaribbean, .blackAfrican, .blackOther: return .black
        case .otherArab, .otherAny: return .other
        case .notStated, .notKnown: return nil
        }
    }

    /// The NHS Data Dictionary ETHNIC CATEGORY code (2001 census based): `A`–`S`, `Z` (not stated)
    /// or `99` (not known).
    ///
    /// Gypsy or Irish Traveller and Roma map to `C` (any other White), Arab to `S` (any other ethnic
    /// group) and Chinese to `R`, following the published 2021 → NHS mapping (DOMAIN.md 5.5).
    public var nhsCode: String {
        switch self {
        case .whiteBritish: return "A"
        case .whiteIrish: return "B"
        case .whiteGypsyOrIrishTraveller, .whiteRoma, .whiteOther: return "C"
        case .mixedWhiteAndBlackCaribbean: return "D"
        case .mixedWhiteAndBlackAfrican: return "E"
        case .mixedWhiteAndAsian: return "F"
        case .mixedOther: return "G"
        case .asianIndian: return "H"
        case .asianPakistani: return "J"
        case .asianBangladeshi: return "K"
        case .asianOther: return "L"
        case .blackCaribbean: return "M"
        case .blackAfrican: return "N"
        case .blackOther: return "P"
        case .asianChinese: return "R"
        case .otherArab, .otherAny: return "S"
        case .notStated: return "Z"
        case .notKnown: return "99"
        }
    }

    /// Whether the NHS code names exactly this category (false where several ONS 2021 categories
    /// share one NHS code, so the mapping loses detail: rule P-5 may only claim losslessness when true).
    public var nhsMappingIsExact: Bool {
        Self.allCases.filter { $0.nhsCode == nhsCode }.count == 1
    }

    /// The NHS Data Dictionary label of ``nhsCode``.
    public var nhsLabel: String {
        switch nhsCode {
        case "A": return "White - British"
        case "B": return "White - Irish"
        case "C": return "White - Any other White background"
        case "D": return "Mixed - White and Black Caribbean"
        case "E": return "Mixed - White and Black African"
        case "F": return "Mixed - White and Asian"
        case "G": return "Mixed - Any other mixed background"
        case "H": return "Asian or Asian British - Indian"
        case "J": return "Asian or Asian British - Pakistani"
        case "K": return "Asian or Asian British - Bangladeshi"
        case "L": return "Asian or Asian British - Any other Asian background"
        case "M": return "Black or Black British - Caribbean"
        case "N": return "Black or Black British - African"
        case "P": return "Black or Black British - Any other Black background"
        case "R": return "Other Ethnic Groups - Chinese"
        case "S": return "Other Ethnic Groups - Any other ethnic group"
        case "Z": return "Not stated"
        default: return "Not known"
        }
    }

    /// The five GSS ethnic groups, plus not stated / not known, for aggregated cells.
    public enum Group: String, Sendable, Hashable, Codable, CaseIterable {
        /// White.
        case white
        /// Mixed or Multiple ethnic groups.
        case mixed
        /// Asian or Asian British.
        case asian
        /// Black, Black British, Caribbean or African.
        case black
        /// Other ethnic group.
        case other
        /// Asked and declined.
        case notStated = "not_stated"
        /// Not asked or not recorded.
        case notKnown = "not_known"
    }
}

/// The ethnicity code lists the catalogue knows: the one vocabulary of `equality.profile_recorded`
/// (the list of the sealed answer) and `metric.observed` (the list of its cells).
public enum EthnicityCodeSystem: String, CatalogueEnum {
    /// ``EthnicityCode``: ONS/GSS 2021 harmonised standard, 19 categories plus not stated / not known.
    case ons2021
    /// NHS Data Dictionary ETHNIC CATEGORY (2001 census based).
    case nhsDataDictionary = "nhs_data_dictionary"
}
