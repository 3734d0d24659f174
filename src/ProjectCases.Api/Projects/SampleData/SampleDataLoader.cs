using JasperFx.Events;
using Marten;
using ProjectCases.Infrastructure;
using ProjectCases.Projects.Status;

namespace ProjectCases.Projects.SampleData;

public sealed record SampleLoadResult(int Loaded, int AlreadyPresent, IReadOnlyList<string> Refusals);

/// <summary>
/// Loads the sample projects, each in one transaction, through the API's validation and decisions.
/// Idempotent: a project's id is derived from its sample key, and a project already present is skipped.
/// </summary>
public sealed class SampleDataLoader(IDocumentStore store, IServiceProvider services, ILogger<SampleDataLoader> logger)
{
    public const string RecordedBy = "system:seed-sample";
    private static readonly Guid Namespace = new("5b0f3c1e-8d2a-4c6b-9a51-2f7e8c4d1a90");

    public static Guid ProjectId(string key) => NameBasedGuid.Create(Namespace, key);

    public async Task<SampleLoadResult> LoadAsync(string path, CancellationToken ct)
    {
        var file = SampleFile.Load(path);
        int loaded = 0, present = 0;
        var refusals = new List<string>();
        foreach (var sample in file.Projects)
        {
            var id = ProjectId(sample.Key);
            await using var session = store.LightweightSession();
            session.LastModifiedBy = RecordedBy;
            if (await session.Events.FetchStreamStateAsync(id, ct) is not null) { present++; continue; }

            var (events, refused) = Decide(id, sample);
            if (refused.Count > 0) { refusals.AddRange(refused); continue; }
            session.Events.StartStream<ProjectStatus>(id, events);
            try
            {
                await session.SaveChangesAsync(ct);
                loaded++;
            }
            catch (ExistingStreamIdCollisionException)
            {
                present++; // loaded concurrently by another process
            }
        }
        foreach (var risk in file.Risks ?? [])
        {
            var outcome = await LoadRiskAsync(risk, ct);
            if (outcome is null) continue;
            refusals.AddRange(outcome);
        }
        // The organisations the documents name: a file of their own beside the projects (issue 17).
        await Organisations.SampleOrganisations.LoadAsync(store, Path.Combine(Path.GetDirectoryName(path) ?? ".", "organisations.json"), RecordedBy, ct);
        foreach (var engagement in file.Engagements ?? []) refusals.AddRange(await LoadEngagementAsync(engagement, ct));
        foreach (var published in file.OfficialOrders ?? []) await LoadOfficialOrdersAsync(published, ct);
        foreach (var refusal in refusals) logger.LogWarning("Sample data refused: {Refusal}", refusal);
        return new SampleLoadResult(loaded, present, refusals);
    }

    public static Guid RiskId(string key) => NameBasedGuid.Create(Namespace, $"risk:{key}");

    /// <summary>
    /// One risk in one transaction: its stream, the link on each project it names and the decision recorded there,
    /// through the same decisions as the API (LinkCountryRiskDecision, RecordRiskDecisionDecision). Skipped when the
    /// risk is already there; null when loaded or skipped, else the refusals (and nothing is stored).
    /// </summary>
    /// <summary>Through the endpoint's own validation and decision; a month-only date is its first day, and the summary says so.</summary>
    private async Task<IReadOnlyList<string>> LoadEngagementAsync(SampleEngagement sample, CancellationToken ct)
    {
        var id = NameBasedGuid.Create(Namespace, $"engagement/{sample.Key}");
        await using var session = store.LightweightSession();
        session.LastModifiedBy = RecordedBy;
        if (await session.Events.FetchStreamStateAsync(id, ct) is not null) return [];
        var note = $" (source {sample.SourceLines}{(sample.Approx ? "; date approximate" : "")})";
        var command = new Engagements.RecordEngagement(
            sample.Touchpoint is { } t ? t with { Summary = t.Summary + note } : null,
            sample.Agreement is { } a ? a with { Title = a.Title + note } : null,
            sample.Country, sample.Ministry, sample.Sector, sample.Projects is { Count: > 0 } keys ? [.. keys.Select(ProjectId)] : null);
        var decision = SampleTimeline.Valid(command, services) ?? await Engagements.RecordEngagementInProcess.DecideAsync(session, command, id, ct);
        if (decision.Refusal is { } refusal) return [$"engagement {sample.Key}: {refusal.Detail}"];
        session.Events.StartStream<Engagements.Engagement>(id, decision.Events);
        await session.SaveChangesAsync(ct);
        return [];
    }

    private async Task LoadOfficialOrdersAsync(SampleOfficialOrders sample, CancellationToken ct)
    {
        var id = Reports.Orders.OfficialOrdersStreams.IdOf(sample.CalendarYear, sample.Group);
        await using var session = store.LightweightSession();
        session.LastModifiedBy = RecordedBy;
        if (await session.Events.FetchStreamStateAsync(id, ct) is not null) return;
        session.Events.StartStream<Reports.Orders.OfficialOrders>(id,
            new Reports.Orders.OfficialOrdersPublished(sample.CalendarYear, sample.Group, sample.AmountJpy, sample.Source));
        await session.SaveChangesAsync(ct);
    }

    private async Task<List<string>?> LoadRiskAsync(SampleRisk sample, CancellationToken ct)
    {
        var id = RiskId(sample.Key);
        await using var session = store.LightweightSession();
        session.LastModifiedBy = RecordedBy;
        if (await session.Events.FetchStreamStateAsync(id, ct) is not null) return null;
        var open = new CountryRisks.OpenCountryRisk(sample.Country, sample.Kind, sample.ObservedOn,
            $"{sample.Summary} (source {sample.SourceLines}{(sample.Approx ? "; date approximate" : "")})", sample.Severity,
            [.. sample.Decisions.Select(d => ProjectId(d.Project)).Distinct()]);
        var refusals = new List<string>();
        if (SampleTimeline.Valid(open, services) is { Refusal: { } invalid }) return [$"risk {sample.Key}: {invalid.Detail}"];
        var opened = (CountryRisks.CountryRiskOpened)CountryRisks.OpenCountryRiskDecision.Decide(open, id).Events[0];
        session.Events.StartStream<CountryRisks.CountryRisk>(id, opened);
        var risk = CountryRisks.CountryRiskWriteModel.Start(opened);
        foreach (var entry in sample.Decisions)
        {
            var stream = await session.Events.FetchForWriting<ProjectWriteModel>(ProjectId(entry.Project), ct);
            if (stream.Aggregate is not { } project) { refusals.Add($"risk {sample.Key}: no sample project {entry.Project}"); continue; }
            var linked = CountryRisks.LinkCountryRiskDecision.Decide(project, risk, sample.ObservedOn, []);
            foreach (var e in linked.Events) project = project.Fold(e, project.Version + 1);
            var command = new CountryRisks.RecordRiskDecision(id, entry.Decision, entry.Reason, entry.DecidedOn, entry.DecidedBy, entry.ReviewOn);
            var decision = SampleTimeline.Valid(command, services)
                ?? CountryRisks.RecordRiskDecisionDecision.Decide(project, command, risk, NameBasedGuid.Create(id, entry.Project));
            if (decision.Refusal is { } refusal) { refusals.Add($"risk {sample.Key}, {entry.Project}: {refusal.Detail}"); continue; }
            stream.AppendMany([.. linked.Events, .. decision.Events]);
        }
        if (refusals.Count > 0) return refusals;
        await session.SaveChangesAsync(ct);
        return null;
    }

    private (List<object> Events, List<string> Refusals) Decide(Guid id, SampleProject sample)
    {
        var registered = new ProjectRegistered(id, sample.Name, sample.NameJa, sample.Country, sample.Sector, sample.Financing, null, sample.Summary,
            sample.Countries is { Count: > 0 } countries ? [.. countries] : null, sample.Ministry);
        var refusals = new List<string>();
        foreach (var country in registered.AllCountries().Where(c => !Countries.IsKnown(c))) refusals.Add($"{sample.Key}: unknown country {country}");
        if (registered.AllCountries()[0] != sample.Country) refusals.Add($"{sample.Key}: country {sample.Country} is not the first of countries");
        var project = ProjectWriteModel.Start(registered);
        var events = new List<object> { registered };
        for (var position = 0; position < sample.Timeline.Count; position++)
        {
            var decision = SampleTimeline.Decide(project, sample.Timeline[position], position, services);
            if (decision.Refusal is { } refusal)
            {
                refusals.Add($"{sample.Key} entry {position} ({sample.Timeline[position].Type}): {refusal.Detail}");
                continue;
            }
            foreach (var e in decision.Events) project = project.Fold(e, project.Version + 1);
            events.AddRange(decision.Events);
        }
        return (events, refusals);
    }
}
