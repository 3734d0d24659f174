using ProjectCases.Projects.SampleData;

namespace ProjectCases.Benchmarks;

/// <summary>
/// The searchable text of the bulk-seeded events, drawn from the source documents rather than invented, so that the
/// search figure reads bigram frequencies like real ones (docs/benchmarks/README.md, "Search"):
/// project names (English and Japanese) and summaries from the service's own sample data (SampleData/projects.json,
/// itself taken from seed 001's annex); touchpoint summaries and counterparts in English from that sample data and in
/// Japanese as the seed's own sentences for the same touchpoints; award winners as the seed documents name them.
/// </summary>
public sealed class SeedText
{
    /// <summary>
    /// The Japanese originals of the sample touchpoints (seed 001, lines given; leading bullets dropped), with the
    /// counterpart as the sentence names it. The sample data keeps only English translations of these.
    /// </summary>
    private static readonly (string Summary, string Counterpart)[] JapaneseTouchpoints =
    [
        ("2023年3月にダナン市が訪日し、国土交通省港湾局と意見交換を実施", "ダナン市"), // L8830-L8832
        ("2023年3月、ルー・シハヌークビル港湾公社総裁が訪日した際、日本企業の事業受注に向けたトップセールスを実施", "シハヌークビル港湾公社"), // L8946-L8952
        ("2022年12月にタイ運輸大臣による国土交通大臣表敬を行い、国土交通省と都市再生機構・タイ運輸省・タイ国有鉄道の間で2020年12月に交換した４者協力覚書の更新を確認", "タイ運輸大臣"), // L9127-L9137
        ("2022年８月にコンテナターミナル運営等、パティンバン港の諸問題について議論する日インドネシア港湾局長級会合を立ち上げ", "日インドネシア港湾局長級会合"), // L9571-L9577
        ("2022年10月に東京で開催された第５回日バPPPプラットフォーム会合、及び2023年３月にダッカで開催された日バPPPプラットフォーム・フォローアップ会合等において、相手国政府と案件化（PPP事業契約締結）に向けた協議を実施", "日バPPPプラットフォーム"), // L9979-L9991
        ("2022年11月にURが日本企業を対象にした現地セミナーを開催", "日本企業"), // L10315-L10317
    ];

    /// <summary>
    /// Winners as the documents name them: seed 004 (東亜建設工業 at Abidjan port, a JV including 大成建設 at Hamad airport),
    /// seed 001 ("我が国企業が…を受注" throughout its annex; China Communications Construction Company as a competitor),
    /// and the English names of the two Japanese contractors. The bool is the award's JapaneseWinner.
    /// </summary>
    private static readonly (string Winner, bool Japanese)[] Winners =
    [
        ("東亜建設工業", true), ("Toa Corporation", true), ("大成建設を含むJV", true), ("JV including Taisei Corporation", true),
        ("我が国企業", true), ("China Communications Construction Company", false),
    ];

    public IReadOnlyList<SampleProject> Projects { get; }
    public IReadOnlyList<(string Summary, string Counterpart)> Touchpoints { get; }

    private SeedText(IReadOnlyList<SampleProject> projects, IReadOnlyList<(string, string)> touchpoints) =>
        (Projects, Touchpoints) = (projects, touchpoints);

    /// <summary>The sample data as the repository holds it (the same file the service loads with `seed-sample`).</summary>
    public static SeedText Load(string repositoryRoot)
    {
        var sample = SampleFile.Load(Path.Combine(repositoryRoot, "src", "ProjectCases.Api", "SampleData", "projects.json"));
        var english = sample.Projects.SelectMany(p => p.Timeline)
            .Where(e => e.Type == "TouchpointLogged" && e.Summary is not null && e.Counterpart is not null)
            .Select(e => (e.Summary!, e.Counterpart!)).Distinct();
        // English and Japanese distinct touchpoints in one pool, each drawn equally often.
        return new SeedText(sample.Projects, [.. english, .. JapaneseTouchpoints]);
    }

    public SampleProject Project(int stream) => Projects[stream % Projects.Count];

    public (string Summary, string Counterpart) Touchpoint(Random random) => Touchpoints[random.Next(Touchpoints.Count)];

    public static (string Winner, bool Japanese) Winner(Random random) => Winners[random.Next(Winners.Length)];

    /// <summary>The terms the search figure asks for: a two-character Japanese term (issue 16's target), a frequent English word, a rare name.</summary>
    public static readonly (string Term, string Label)[] Queries = [("港湾", "two-character Japanese"), ("Japan", "frequent English"), ("Mombasa", "rare")];
}
