using Marten.Events.Aggregation;

namespace ProjectCases.Troubles.Cases;

/// <summary>Folds a case stream into its TroubleCase. Pure: due times come from the events themselves.</summary>
public sealed class TroubleCaseProjection : SingleStreamProjection<TroubleCase, Guid>
{
    public static TroubleCase Create(TroubleReported e)
    {
        var c = new TroubleCase
        {
            Id = e.TroubleId, ProjectId = e.ProjectId, Category = e.Category, Summary = e.Summary, Details = e.Details,
            OccurredOn = e.OccurredOn, Reporter = e.Reporter, ReporterCompany = e.Reporter.Company, AmountAtStake = e.AmountAtStake,
            ReportedAt = e.ReportedAt, Priority = e.Priority, PriorityRank = (int)e.Priority, FirstResponseDue = e.Dues.FirstResponseDue, ResolutionDue = e.Dues.ResolutionDue,
        };
        Log(c, e.ReportedAt, "Reported", $"{e.Category}: {e.Summary}", false);
        return c;
    }

    public static void Apply(TroubleTriaged e, TroubleCase c)
    {
        (c.Priority, c.PriorityRank, c.Category, c.Triaged) = (e.Priority, (int)e.Priority, e.Category, true);
        (c.FirstResponseDue, c.ResolutionDue) = (e.Dues.FirstResponseDue, e.Dues.ResolutionDue);
        Respond(c, e.At);
        Log(c, e.At, "Triaged", $"Priority {e.Priority}, category {e.Category}", false);
    }

    public static void Apply(TroubleAssigned e, TroubleCase c)
    {
        c.Assignee = e.Officer;
        Log(c, e.At, "Assigned", $"Assigned to {e.Officer}", true);
    }

    public static void Apply(AgencyConsulted e, TroubleCase c)
    {
        Respond(c, e.At);
        Log(c, e.At, "AgencyConsulted", $"{e.Agency}: {e.Note}", true);
    }

    public static void Apply(TopClaimMade e, TroubleCase c) =>
        Log(c, e.At, "TopClaimMade", $"Top claim by {e.RaisedBy} to {e.RaisedWith} on {e.RaisedOn:yyyy-MM-dd}{(e.Channel is null ? "" : $" ({e.Channel})")}", false);

    public static void Apply(TroubleNoteAdded e, TroubleCase c)
    {
        if (!e.ByCompany && e.Visibility == NoteVisibility.Shared) Respond(c, e.At);
        Log(c, e.At, e.ByCompany ? "CompanyNote" : "Note", e.Text, e.Visibility == NoteVisibility.Internal);
    }

    public static void Apply(TroubleResolved e, TroubleCase c)
    {
        (c.Status, c.Outcome, c.ResolutionSummary, c.ResolvedAt, c.Acknowledged) = (TroubleStatus.Resolved, e.Outcome, e.Summary, e.At, false);
        Respond(c, e.At);
        Log(c, e.At, "Resolved", $"{e.Outcome}: {e.Summary}", false);
    }

    public static void Apply(ResolutionAcknowledged e, TroubleCase c)
    {
        c.Acknowledged = true;
        Log(c, e.At, "Acknowledged", "The reporting company accepted the resolution", false);
    }

    public static void Apply(TroubleClosed e, TroubleCase c)
    {
        (c.Status, c.ClosedAt) = (TroubleStatus.Closed, e.At);
        Log(c, e.At, "Closed", "Case closed", false);
    }

    public static void Apply(TroubleReopened e, TroubleCase c)
    {
        (c.Status, c.ResolvedAt, c.ClosedAt, c.Outcome, c.ResolutionSummary, c.Acknowledged) = (TroubleStatus.Open, null, null, null, null, false);
        (c.ResolutionDue, c.ResolutionBreached) = (e.ResolutionDue, false);
        Log(c, e.At, "Reopened", e.Reason, false);
    }

    public static void Apply(FirstResponseOverdue e, TroubleCase c)
    {
        c.FirstResponseBreached = true;
        Log(c, e.DueAt, "FirstResponseOverdue", "First response not given by its due time", true);
    }

    public static void Apply(ResolutionOverdue e, TroubleCase c)
    {
        c.ResolutionBreached = true;
        Log(c, e.DueAt, "ResolutionOverdue", "Not resolved by its due time", true);
    }

    private static void Respond(TroubleCase c, DateTimeOffset at) => c.FirstRespondedAt ??= at;

    private static void Log(TroubleCase c, DateTimeOffset at, string type, string text, bool isInternal)
    {
        c.Timeline.Add(new TimelineEntry(at, type, text, isInternal));
        c.NextDueAt = c.Status != TroubleStatus.Open ? null : c.FirstRespondedAt is null ? c.FirstResponseDue : c.ResolutionDue;
    }
}
