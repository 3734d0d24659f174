using System.Collections.Immutable;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using ProjectCases.Projects.Corrections;
using Microsoft.AspNetCore.Mvc;
using ProjectCases.CountryRisks;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Marten;
using ProjectCases.Projects.Status;

namespace ProjectCases.Projects;

/// <summary>
/// What project decisions need, and nothing else: the status, and the touchpoints, studies and tenders
/// that later commands name. Immutable; kept by <see cref="ProjectWriteModelProjection"/> as a stored document in the
/// same transaction as each append, so Wolverine's aggregate workflow fetches it for writing in one row instead of
/// folding the whole stream on every write (docs/benchmarks, 2026-11-30).
/// The detail view is <see cref="ProjectStatus"/>, a read model.
/// </summary>
public sealed record ProjectWriteModel(
    Guid Id, long StreamVersion, ProjectStatusValue? Status, bool HasAward, bool Voided,
    ImmutableList<ProjectWriteModel.Touchpoint> Touchpoints,
    ImmutableList<ProjectWriteModel.Study> Studies,
    ImmutableList<ProjectWriteModel.Tender> Tenders,
    ImmutableList<ProjectWriteModel.RiskLink> Risks) : IWriteModel<ProjectWriteModel>
{
    /// <summary>The stream's version (IWriteModel). Not named Version in the stored document: Marten sets a projected
    /// document's Version member to the last event's version, which is 0 for an event appended without an expected
    /// version (quick append, e.g. the follow-up rules); <see cref="StreamVersions.Next"/> counts on from the model instead.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long Version => StreamVersion;

    /// <summary>A country risk the project is linked to, and the latest continue-or-withdraw call on it.</summary>
    public sealed record RiskLink(Guid RiskId, CountryRiskDecided? Decision);

    public sealed record Touchpoint(Guid TouchpointId, BusinessDate OccurredOn, bool HasOutcome);
    public sealed record Study(Guid StudyId, StudyType StudyType, BusinessDate? StartedOn, BusinessDate? CompletedOn);
    /// <summary>OpenedOn is null for a tender whose opening the source does not give.</summary>
    public sealed record Tender(Guid TenderId, string Package, BusinessDate? OpenedOn, TenderState State);

    public static ProblemDetails NotFound(Guid id) => new()
    {
        Status = 404, Title = "Project not found", Detail = $"No project {id} exists (or it is not visible to you).",
    };

    /// <summary>The project's detail view, rewritten inline with every append: fetched with this model (ReadModelsBesideWrites).</summary>
    public static IReadOnlyList<Type> ReadModelsBeside => [typeof(ProjectStatus)];

    public static ProjectWriteModel Start(ProjectRegistered e) => new(e.ProjectId, 1, null, false, false, [], [], [], []);

    public Touchpoint? FindTouchpoint(Guid id) => Touchpoints.Find(t => t.TouchpointId == id);
    public Study? FindStudy(Guid id) => Studies.Find(s => s.StudyId == id);
    public Tender? FindTender(Guid id) => Tenders.Find(t => t.TenderId == id);
    public RiskLink? FindRisk(Guid id) => Risks.Find(r => r.RiskId == id);

    /// <summary>The fold: one event in, the next state out. Events it does not know only move the version.</summary>
    public ProjectWriteModel Fold(object e, long version) => (e switch
    {
        TouchpointLogged x => this with { Touchpoints = Touchpoints.Add(new Touchpoint(x.TouchpointId, x.OccurredOn, x.Outcome is not null)) },
        TouchpointOutcomeRecorded x when FindTouchpoint(x.TouchpointId) is { } t => this with { Touchpoints = Touchpoints.Replace(t, t with { HasOutcome = true }) },
        StudyStarted x => this with { Studies = Studies.Add(new Study(x.StudyId, x.StudyType, x.StartedOn, null)) },
        StudyCompleted x when FindStudy(x.StudyId) is { } s => this with { Studies = Studies.Replace(s, s with { CompletedOn = x.CompletedOn }) },
        TenderOpened x => this with { Tenders = Tenders.Add(new Tender(x.TenderId, x.Package, x.OpenedOn, TenderState.Open)) },
        TenderFailed x => WithTender(x.TenderId, TenderState.Failed),
        ContractAwarded x => (x.TenderId is { } tenderId ? WithTender(tenderId, TenderState.Awarded) : this) with { HasAward = true },
        ProjectStatusChanged x => this with { Status = x.Status },
        CountryRiskLinked x when FindRisk(x.RiskId) is null => this with { Risks = Risks.Add(new RiskLink(x.RiskId, null)) },
        CountryRiskDecided x when FindRisk(x.RiskId) is { } r => this with { Risks = Risks.Replace(r, r with { Decision = x }) },
        ProjectVoided => this with { Voided = true },
        _ => this,
    }) with { StreamVersion = version };

    /// <summary>
    /// The model after <paramref name="events"/>, appended to this project in the current session with versions counting on
    /// from this one: what the inline projection will store at SaveChanges, for a caller that decides several commands on one
    /// project before saving (a bulk import's batch). Not for corrections: their fold reads the stream (see the projection).
    /// </summary>
    public static ProjectWriteModel? After(ProjectWriteModel? model, IEnumerable<object> events)
    {
        foreach (var e in events)
        {
            if (e is FactVoided or FactCorrected) throw new InvalidOperationException("A correction is folded from the stored stream, not in memory.");
            model = model is null ? e is ProjectRegistered registered ? Start(registered) : null : model.Fold(e, model.Version + 1);
        }
        return model;
    }

    private ProjectWriteModel WithTender(Guid tenderId, TenderState state) =>
        FindTender(tenderId) is { } t ? this with { Tenders = Tenders.Replace(t, t with { State = state }) } : this;
}

/// <summary>The inline projection of <see cref="ProjectWriteModel"/>. Its allow-list is every event a project stream holds
/// (the same as <see cref="ProjectStatusProjection"/>'s), so that Version follows the stream, and other streams' writes
/// never load this document. Marten allows only one of Evolve and EvolveAsync: the async one, because a correction
/// reads the stream again.</summary>
public sealed class ProjectWriteModelProjection : SingleStreamProjection<ProjectWriteModel, Guid>
{
    public ProjectWriteModelProjection()
    {
        foreach (var type in ProjectStatusProjection.StreamEvents) IncludeType(type);
    }

    private static ProjectWriteModel? Step(ProjectWriteModel? snapshot, IEvent e) =>
        snapshot is null
            ? e.Data is ProjectRegistered registered ? ProjectWriteModel.Start(registered) with { StreamVersion = StreamVersions.Next(e, null) } : null
            : snapshot.Fold(e.Data, StreamVersions.Next(e, snapshot.StreamVersion));

    /// <summary>
    /// A correction changes what later commands decide on (a voided tender is gone, a corrected date counts):
    /// the model is folded again from the corrected view of the events before it. Corrections are rare, so
    /// reading the stream once more for them keeps every other fold a plain step.
    /// </summary>
    public override async ValueTask<ProjectWriteModel?> EvolveAsync(ProjectWriteModel? snapshot, Guid id, IQuerySession session, IEvent e, CancellationToken cancellation)
    {
        if (snapshot is null || e.Data is not (FactVoided or FactCorrected)) return Step(snapshot, e);
        // In recording order: facts as they count now (voided ones left out), everything else as recorded (a country
        // risk's link and decision are no facts, and a correction must not drop them).
        var events = await CorrectedStream.UpToAsync(session, id, e, cancellation);
        var record = ProjectRecord.Of(id, events.Select(x => (x.Version, x.Data)));
        var model = ProjectWriteModel.Start(events.Select(x => x.Data).OfType<ProjectRegistered>().First());
        foreach (var x in events.Where(x => x.Data is not ProjectRegistered))
        {
            if (ProjectFact.Of(x.Data) is null) model = model.Fold(x.Data, x.Version);
            else if (record.Find(x.Version) is { } fact) model = model.Fold(fact.Fact.Value, x.Version);
        }
        return model with { StreamVersion = StreamVersions.Next(e, snapshot.StreamVersion), Voided = record.Voided };
    }
}
