using JasperFx.Events;
using Marten.Events.Aggregation;
using ProjectCases.Infrastructure.Marten;
using ProjectCases.Projects;

namespace ProjectCases.CountryRisks;

public enum CountryRiskState { Open, Closed }

/// <summary>A country risk as it stands (GET /api/country-risks/{id}); affected projects are added per read from the projects.</summary>
public sealed class CountryRisk
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Country { get; set; } = "";
    public string Region { get; set; } = "";
    public CountryRiskKind Kind { get; set; }
    public CountryRiskSeverity Severity { get; set; }
    public DateOnly ObservedOn { get; set; }
    public string Summary { get; set; } = "";
    public List<Guid> ProjectIds { get; set; } = [];
    public List<CountryRiskUpdate> Updates { get; set; } = [];
    public CountryRiskState State { get; set; } = CountryRiskState.Open;
    /// <summary>0 while open, 1 once closed: the list's first sort key (the enum is stored by name).</summary>
    public int StateRank { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? ClosingSummary { get; set; }
    public DateOnly LatestObservedOn { get; set; }
}

public sealed record CountryRiskUpdate(DateOnly ObservedOn, string Summary, CountryRiskSeverity? Severity);

public sealed class CountryRiskProjection : SingleStreamProjection<CountryRisk, Guid>
{
    public CountryRiskProjection() => Folds.IncludeIn(this, startedBy: typeof(CountryRiskOpened));

    public override CountryRisk? Evolve(CountryRisk? snapshot, Guid id, IEvent e)
    {
        if (snapshot is null) return e.Data is CountryRiskOpened opened ? Start(opened) : null;
        Folds.Apply(snapshot, e.Data);
        snapshot.Version = e.Version;
        return snapshot;
    }

    private static CountryRisk Start(CountryRiskOpened e) => new()
    {
        Id = e.RiskId, Version = 1, Country = e.Country, Region = Countries.RegionOf(e.Country), Kind = e.Kind, Severity = e.Severity,
        ObservedOn = e.ObservedOn, LatestObservedOn = e.ObservedOn, Summary = e.Summary, ProjectIds = [.. e.ProjectIds],
    };

    private static readonly EventFolds<CountryRisk> Folds = new EventFolds<CountryRisk>()
        .On<CountryRiskUpdated>((e, r) =>
        {
            r.Updates.Add(new CountryRiskUpdate(e.ObservedOn, e.Summary, e.Severity));
            r.Severity = e.Severity ?? r.Severity;
            if (e.ObservedOn > r.LatestObservedOn) r.LatestObservedOn = e.ObservedOn;
        })
        .On<CountryRiskClosed>((e, r) =>
        {
            r.State = CountryRiskState.Closed;
            r.StateRank = 1;
            r.ClosedOn = e.ClosedOn;
            r.ClosingSummary = e.Summary;
        });
}
