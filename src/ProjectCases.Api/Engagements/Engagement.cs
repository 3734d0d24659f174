using JasperFx.Events;
using Marten.Events.Aggregation;
using ProjectCases.Projects;

namespace ProjectCases.Engagements;

/// <summary>
/// An engagement as it counts now (GET /api/engagements, GET /api/engagements/{id}), kept inline: the KPI report
/// counts engagements from these documents (a handful per ministry and year), so a filter by ministry or sector reads
/// them directly. A correction replaces the values (the corrected view); a voided one stays, marked, for its own
/// address and history, and is left out of the list, the search and the reports.
/// </summary>
public sealed class Engagement
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Country { get; set; } = "";
    public string Region { get; set; } = "";
    public Ministry Ministry { get; set; }
    public Sector? Sector { get; set; }
    /// <summary>"touchpoint" or "agreement".</summary>
    public string Type { get; set; } = "";
    public DateOnly On { get; set; }
    public int FiscalYear { get; set; }
    public EngagementTouchpoint? Touchpoint { get; set; }
    public EngagementAgreement? Agreement { get; set; }
    public List<Guid> ProjectIds { get; set; } = [];
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedBy { get; set; }
    /// <summary>Recorded by mistake (POST /api/engagements/{id}/void): counted, listed and found nowhere.</summary>
    public bool Voided { get; set; }
    public string? VoidReason { get; set; }
    /// <summary>The recording, then each correction or void, oldest first: who, when, why and the values it gave.</summary>
    public List<EngagementHistoryEntry> History { get; set; } = [];
}

/// <summary>
/// One step of an engagement's record: `recorded` (Values: as recorded), `corrected` (Values: the corrected values;
/// Reason) or `voided` (Values: null; Reason). Version is the engagement stream's version of that event.
/// </summary>
public sealed record EngagementHistoryEntry(long Version, string Kind, string? Reason, string? By, DateTimeOffset At, EngagementRecorded? Values);

public sealed class EngagementProjection : SingleStreamProjection<Engagement, Guid>
{
    public EngagementProjection()
    {
        IncludeType<EngagementRecorded>();
        IncludeType<EngagementCorrected>();
        IncludeType<EngagementVoided>();
    }

    public override Engagement? Evolve(Engagement? snapshot, Guid id, IEvent e)
    {
        switch (e.Data)
        {
            case EngagementRecorded x:
                var recorded = With(new Engagement { Id = x.EngagementId, RecordedAt = e.Timestamp, RecordedBy = e.UserName }, x);
                recorded.History = [new EngagementHistoryEntry(e.Version, "recorded", null, e.UserName, e.Timestamp, x)];
                recorded.Version = e.Version;
                return recorded;
            case EngagementCorrected x when snapshot is not null:
                With(snapshot, x.Corrected);
                snapshot.History = [.. snapshot.History, new EngagementHistoryEntry(e.Version, "corrected", x.Reason, e.UserName, e.Timestamp, x.Corrected)];
                snapshot.Version = e.Version;
                return snapshot;
            case EngagementVoided x when snapshot is not null:
                snapshot.Voided = true;
                snapshot.VoidReason = x.Reason;
                snapshot.History = [.. snapshot.History, new EngagementHistoryEntry(e.Version, "voided", x.Reason, e.UserName, e.Timestamp, null)];
                snapshot.Version = e.Version;
                return snapshot;
            default:
                return snapshot;
        }
    }

    /// <summary>Sets the values an engagement counts with (recording or correction).</summary>
    private static Engagement With(Engagement engagement, EngagementRecorded x)
    {
        engagement.Country = x.Country;
        engagement.Region = Countries.RegionOf(x.Country);
        engagement.Ministry = x.Ministry;
        engagement.Sector = x.Sector;
        engagement.Type = x.Touchpoint is null ? "agreement" : "touchpoint";
        engagement.On = x.On;
        engagement.FiscalYear = Reports.FiscalYear.Of(x.On);
        engagement.Touchpoint = x.Touchpoint;
        engagement.Agreement = x.Agreement;
        engagement.ProjectIds = [.. x.ProjectIds];
        return engagement;
    }
}
