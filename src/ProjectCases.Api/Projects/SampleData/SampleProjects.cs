using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProjectCases.Projects.SampleData;

/// <summary>The shape of SampleData/projects.json (drawn from seed 001's annex; see SampleData/README.md).</summary>
public sealed record SampleFile(string Source, IReadOnlyList<SampleProject> Projects, IReadOnlyList<SampleRisk>? Risks = null,
    IReadOnlyList<SampleEngagement>? Engagements = null, IReadOnlyList<SampleOfficialOrders>? OfficialOrders = null)
{
    public static readonly string DefaultPath = Path.Combine(AppContext.BaseDirectory, "SampleData", "projects.json");

    public static SampleFile Load(string path)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        return JsonSerializer.Deserialize<SampleFile>(File.ReadAllText(path), options)
               ?? throw new InvalidOperationException($"{path} is empty.");
    }
}

public sealed record SampleProject(
    string Key, string Name, string? NameJa, string Country, Sector Sector, Financing Financing, string? Summary,
    string SourceLines, IReadOnlyList<SampleEntry> Timeline,
    IReadOnlyList<string>? Countries = null, Ministry? Ministry = null, string? Source = null);

/// <summary>One fact of a sample timeline; which fields are set depends on Type (validate_projects.py).
/// Reason is a TenderFailureReason name for TenderFailed and free text for StatusChanged. On is as precise as the source
/// ("2023-01" where it gives a month, "FY2021" for a fiscal year); Approx marks a day that stands for a coarser period
/// the API has no form for (a calendar year: "2020年に").</summary>
public sealed record SampleEntry(
    BusinessDate On, bool Approx, string Type, string SourceLines,
    TouchpointKind? Kind, JapanLevel? JapanLevel, string? Counterpart, string? Summary,
    StudyType? StudyType, AgreementType? AgreementType, AgreementLevel? Level, string? Title, IReadOnlyList<string>? Parties, string? Tranche,
    string? Package, TenderType? TenderType, AwardScope? Scope, bool? JapaneseWinner, AwardType? AwardType,
    ProjectStatusValue? Status, string? Reason);

/// <summary>A country risk of the source, the projects it affected (by sample key) and the decision recorded on each.</summary>
public sealed record SampleRisk(
    string Key, string Country, CountryRisks.CountryRiskKind Kind, CountryRisks.CountryRiskSeverity Severity, DateOnly ObservedOn, bool Approx,
    string Summary, string SourceLines, IReadOnlyList<SampleRiskDecision> Decisions);

public sealed record SampleRiskDecision(
    string Project, CountryRisks.RiskDecisionKind Decision, DateOnly DecidedOn, bool Approx, JapanLevel DecidedBy, DateOnly? ReviewOn, string Reason);

/// <summary>An engagement of a country partnership the source describes (POST /api/engagements), linked to sample projects by key.</summary>
public sealed record SampleEngagement(
    string Key, string Country, Ministry Ministry, Sector? Sector, bool Approx, string SourceLines,
    Engagements.EngagementTouchpointInput? Touchpoint, Engagements.EngagementAgreementInput? Agreement, IReadOnlyList<string>? Projects = null);

/// <summary>A published aggregate of infrastructure orders (POST /api/reports/official-orders), as the source gives it.</summary>
public sealed record SampleOfficialOrders(int CalendarYear, Reports.Orders.OfficialOrdersGroup Group, decimal AmountJpy, string Source);
