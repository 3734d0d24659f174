using ProjectCases.Projects;

namespace ProjectCases.Reports;

/// <summary>Japanese names of sectors and regions for the reports' CSV (the ministries' own words where they have one).</summary>
public static class JapaneseLabels
{
    public static string Of(Sector sector) => sector switch
    {
        Sector.Rail => "鉄道",
        Sector.Road => "道路",
        Sector.Bridge => "橋梁",
        Sector.Airport => "空港",
        Sector.AirNavigation => "航空保安",
        Sector.Port => "港湾",
        Sector.Maritime => "海事",
        Sector.Logistics => "物流",
        Sector.Urban => "都市開発",
        Sector.Water => "水資源・上水道",
        Sector.Sewerage => "下水道",
        Sector.Dam => "ダム",
        Sector.DisasterPrevention => "防災",
        Sector.TransportSoftInfrastructure => "交通ソフトインフラ",
        Sector.ConstructionTechnology => "建設技術",
        Sector.ICT => "情報通信",
        Sector.Energy => "エネルギー",
        _ => sector.ToString(),
    };

    public static string OfRegion(string region) => region switch
    {
        "East Asia" => "東アジア",
        "Southeast Asia" => "東南アジア",
        "South Asia" => "南アジア",
        "Central Asia" => "中央アジア",
        "Middle East" => "中東",
        "North Africa" => "北アフリカ",
        "Sub-Saharan Africa" => "サブサハラ・アフリカ",
        "Europe" => "欧州",
        "North America" => "北米",
        "Latin America and the Caribbean" => "中南米",
        "Oceania" => "大洋州",
        "Antarctica" => "南極",
        _ => region,
    };
}
