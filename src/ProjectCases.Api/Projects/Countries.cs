using System.Collections.Frozen;

namespace ProjectCases.Projects;

/// <summary>
/// ISO 3166-1 alpha-2 country codes (all 249 officially assigned) and the region each belongs to,
/// grouped the way the ministries' reports group partner countries (UN M49 sub-regions, with Iran
/// counted in the Middle East). Kept as data here so validation needs no ICU or network.
/// </summary>
public static class Countries
{
    private static readonly (string Region, string Codes)[] Table =
    [
        ("East Asia", "CN HK MO JP KP KR MN TW"),
        ("Southeast Asia", "BN KH ID LA MY MM PH SG TH TL VN"),
        ("South Asia", "AF BD BT IN LK MV NP PK"),
        ("Central Asia", "KZ KG TJ TM UZ"),
        ("Middle East", "AE AM AZ BH CY GE IL IQ IR JO KW LB OM PS QA SA SY TR YE"),
        ("North Africa", "DZ EG EH LY MA SD TN"),
        ("Sub-Saharan Africa",
            "AO BF BI BJ BW CD CF CG CI CM CV DJ ER ET GA GH GM GN GQ GW IO KE KM LR LS MG ML MR MU MW MZ NA NE NG " +
            "RE RW SC SH SL SN SO SS ST SZ TD TF TG TZ UG YT ZA ZM ZW"),
        ("Europe",
            "AD AL AT AX BA BE BG BY CH CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI LT LU LV MC MD ME " +
            "MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA"),
        ("North America", "BM CA GL PM US"),
        ("Latin America and the Caribbean",
            "AG AI AR AW BB BL BO BQ BR BS BV BZ CL CO CR CU CW DM DO EC FK GD GF GP GS GT GY HN HT JM KN KY LC MF MQ " +
            "MS MX NI PA PE PR PY SR SV SX TC TT UY VC VE VG VI"),
        ("Oceania", "AS AU CC CK CX FJ FM GU HM KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV UM VU WF WS"),
        ("Antarctica", "AQ"),
    ];

    private static readonly FrozenDictionary<string, string> RegionByCode = Table
        .SelectMany(row => row.Codes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(code => (code, row.Region)))
        .ToFrozenDictionary(pair => pair.code, pair => pair.Region);

    public static IReadOnlyCollection<string> Codes => RegionByCode.Keys;

    /// <summary>Every region name, in the reports' (table) order: the list filter's vocabulary and the console's choices.</summary>
    public static IReadOnlyList<string> Regions { get; } = [.. Table.Select(row => row.Region)];

    public static bool IsKnown(string? code) => code is not null && RegionByCode.ContainsKey(code);

    /// <summary>The region of a known code; "Unknown" otherwise (never thrown: old events must always replay).</summary>
    public static string RegionOf(string code) => RegionByCode.GetValueOrDefault(code, "Unknown");
}
