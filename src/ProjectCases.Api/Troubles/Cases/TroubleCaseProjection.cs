using JasperFx.Events;
using Marten.Events.Aggregation;
using ProjectCases.Infrastructure.Marten;

namespace ProjectCases.Troubles.Cases;

/// <summary>Folds a case stream into its TroubleCase. Pure: due times come from the events themselves.</summary>
public sealed class TroubleCaseProjection : SingleStreamProjection<TroubleCase, Guid>
{
    public TroubleCaseProjection() => Folds.IncludeIn(this, startedBy: typeof(TroubleReported));

    /// <summary>The events of this stream type (the allow-list above): the write model's inline projection includes the same.</summary>
    public static IReadOnlyList<Type> StreamEvents => Folds.EventTypes(typeof(TroubleReported));

    /// <summary>What each event after TroubleReported does to the case; also the projection's event allow-list.</summary>
    private static readonly EventFolds<TroubleCase> Folds = new EventFolds<TroubleCase>()
        .On<TroubleTriaged>(On)
        .On<TroubleAssigned>(On)
        .On<AgencyConsulted>(On)
        .On<TopClaimMade>(On)
        .On<TroubleNoteAdded>(On)
        .On<TroubleResolved>(On)
        .On<ResolutionAcknowledged>(On)
        .On<TroubleClosed>(On)
        .On<TroubleReopened>(On)
        .On<FirstResponseOverdue>(On)
        .On<ResolutionOverdue>(On)
        .On<Documents.DocumentAttached>(On);

    /// <summary>
    /// Explicit fold. TroubleReported, TroubleClosed and TroubleReopened are also appended to the project's
    /// stream: a case starts only from a TroubleReported whose case id is the stream's own id.
    /// </summary>
    public override TroubleCase? Evolve(TroubleCase? snapshot, Guid id, IEvent e)
    {
        if (snapshot is null) return e.Data is TroubleReported reported && reported.TroubleId == id ? Open(reported) : null;
        Folds.Apply(snapshot, e.Data);
        snapshot.Version = e.Version;
        return snapshot;
    }

    private static TroubleCase Open(TroubleReported e)
    {
        var c = new TroubleCase
        {
            Id = e.TroubleId, ProjectId = e.ProjectId, Category = e.Category, Summary = e.Summary, Details = e.Details,
            OccurredOn = e.OccurredOn, Reporter = e.Reporter, ReporterCompany = e.Reporter.Company, ReporterOrganisationId = e.Reporter.OrganisationId, AmountAtStake = e.AmountAtStake,
            ReportedAt = e.ReportedAt, Priority = e.Priority, PriorityRank = (int)e.Priority, FirstResponseDue = e.Dues.FirstResponseDue, ResolutionDue = e.Dues.ResolutionDue,
        };
        Log(c, e.ReportedAt, "Reported", $"{e.Category}: {e.Summary}", false);
        return c;
    }

    private static void On(TroubleTriaged e, TroubleCase c)
    {
        (c.Priority, c.PriorityRank, c.Category, c.Triaged) = (e.Priority, (int)e.Priority, e.Category, true);
        (c.FirstResponseDue, c.ResolutionDue) = (e.Dues.FirstResponseDue, e.Dues.ResolutionDue);
        Respond(c, e.At);
        Log(c, e.At, "Triaged", $"Priority {e.Priority}, category {e.Category}", false);
    }

    private static void On(TroubleAssigned e, TroubleCase c)
    {
        c.Assignee = e.Officer;
        Log(c, e.At, "Assigned", $"Assigned to {e.Officer}", true);
    }

    private static void On(AgencyConsulted e, TroubleCase c)
    {
        Respond(c, e.At);
        Log(c, e.At, "AgencyConsulted", $"{e.Agency}: {e.Note}", true);
    }

    private static void On(TopClaimMade e, TroubleCase c) =>
        Log(c, e.At, "TopClaimMade", $"Top claim by {e.RaisedBy} to {e.RaisedWith} on {e.RaisedOn:yyyy-MM-dd}{(e.Channel is null ? "" : $" ({e.Channel})")}", false);

    private static void On(TroubleNoteAdded e, TroubleCase c)
    {
        if (!e.ByCompany && e.Visibility == NoteVisibility.Shared) Respond(c, e.At);
        Log(c, e.At, e.ByCompany ? "CompanyNote" : "Note", e.Text, e.Visibility == NoteVisibility.Internal);
    }

    private static void On(TroubleResolved e, TroubleCase c)
    {
        (c.Status, c.Outcome, c.ResolutionSummary, c.ResolvedAt, c.Acknowledged) = (TroubleStatus.Resolved, e.Outcome, e.Summary, e.At, false);
        Respond(c, e.At);
        Log(c, e.At, "Resolved", $"{e.Outcome}: {e.Summary}", false);
    }

    private static void On(ResolutionAcknowledged e, TroubleCase c)
    {
        c.Acknowledged = true;
        Log(c, e.At, "Acknowledged", "The reporting company accepted the resolution", false);
    }

    private static void On(TroubleClosed e, TroubleCase c)
    {
        (c.Status, c.ClosedAt) = (TroubleStatus.Closed, e.At);
        Log(c, e.At, "Closed", "Case closed", false);
    }

    private static void On(TroubleReopened e, TroubleCase c)
    {
        (c.Status, c.ResolvedAt, c.ClosedAt, c.Outcome, c.ResolutionSummary, c.Acknowledged) = (TroubleStatus.Open, null, null, null, null, false);
        (c.ResolutionDue, c.ResolutionBreached) = (e.ResolutionDue, false);
        Log(c, e.At, "Reopened", e.Reason, false);
    }

    private static void On(FirstResponseOverdue e, TroubleCase c)
    {
        c.FirstResponseBreached = true;
        Log(c, e.DueAt, "FirstResponseOverdue", "First response not given by its due time", true);
    }

    private static void On(ResolutionOverdue e, TroubleCase c)
    {
        c.ResolutionBreached = true;
        Log(c, e.DueAt, "ResolutionOverdue", "Not resolved by its due time", true);
    }

    /// <summary>A document on the case's timeline; internal unless it is shared with the company.</summary>
    private static void On(Documents.DocumentAttached e, TroubleCase c) =>
        Log(c, e.At, "DocumentAttached", $"{e.Title} ({e.FileName}, {e.Size} bytes, SHA-256 {e.Sha256})", !e.Shared);

    private static void Respond(TroubleCase c, DateTimeOffset at) => c.FirstRespondedAt ??= at;

    private static void Log(TroubleCase c, DateTimeOffset at, string type, string text, bool isInternal)
    {
        c.Timeline.Add(new TimelineEntry(at, type, text, isInternal));
        c.NextDueAt = c.Status != TroubleStatus.Open ? null : c.FirstRespondedAt is null ? c.FirstResponseDue : c.ResolutionDue;
    }
}
