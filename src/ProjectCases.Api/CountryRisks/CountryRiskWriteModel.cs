using System.Collections.Immutable;
using JasperFx.Events;
using Marten.Events.Aggregation;
using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Decisions;

namespace ProjectCases.CountryRisks;

/// <summary>What risk decisions need: the country, the severity, the named projects and whether it is over. Folded live.</summary>
public sealed record CountryRiskWriteModel(
    Guid Id, long Version, string Country, CountryRiskKind Kind, CountryRiskSeverity Severity, string Summary, bool IsClosed,
    ImmutableList<Guid> ProjectIds) : IWriteModel<CountryRiskWriteModel>
{
    /// <summary>The risk as it is read, rewritten inline with every append: fetched with this model (ReadModelsBesideWrites).</summary>
    public static IReadOnlyList<Type> ReadModelsBeside => [typeof(CountryRisk)];

    public static ProblemDetails NotFound(Guid id) => new()
    {
        Status = 404, Title = "Country risk not found", Detail = $"No country risk {id} exists.",
    };

    /// <summary>Warning and Crisis make the projects react (linking, tasks); Watch is observed only.</summary>
    public bool Links => !IsClosed && Severity >= CountryRiskSeverity.Warning;

    public static CountryRiskWriteModel Start(CountryRiskOpened e) =>
        new(e.RiskId, 1, e.Country, e.Kind, e.Severity, e.Summary, false, [.. e.ProjectIds]);

    public CountryRiskWriteModel Fold(object e, long version) => (e switch
    {
        CountryRiskUpdated x => this with { Severity = x.Severity ?? Severity, Summary = x.Summary },
        CountryRiskClosed => this with { IsClosed = true },
        _ => this,
    }) with { Version = version };
}

public sealed class CountryRiskWriteModelProjection : SingleStreamProjection<CountryRiskWriteModel, Guid>
{
    public override CountryRiskWriteModel? Evolve(CountryRiskWriteModel? snapshot, Guid id, IEvent e) =>
        snapshot is null
            ? e.Data is CountryRiskOpened opened ? CountryRiskWriteModel.Start(opened) with { Version = e.Version } : null
            : snapshot.Fold(e.Data, e.Version);
}
