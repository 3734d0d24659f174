using JasperFx.Events;
using Marten.Events.Aggregation;
using ProjectCases.Projects;

namespace ProjectCases.Engagements;

/// <summary>
/// An engagement as recorded (GET /api/engagements), kept inline: the KPI report counts engagements from these
/// documents (a handful per ministry and year), so a filter by ministry or sector reads them directly.
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
}

public sealed class EngagementProjection : SingleStreamProjection<Engagement, Guid>
{
    public EngagementProjection() => IncludeType<EngagementRecorded>();

    public override Engagement? Evolve(Engagement? snapshot, Guid id, IEvent e)
    {
        if (e.Data is not EngagementRecorded x) return snapshot;
        return new Engagement
        {
            Id = x.EngagementId, Version = e.Version, Country = x.Country, Region = Countries.RegionOf(x.Country), Ministry = x.Ministry,
            Sector = x.Sector, Type = x.Touchpoint is null ? "agreement" : "touchpoint", On = x.On, FiscalYear = Reports.FiscalYear.Of(x.On),
            Touchpoint = x.Touchpoint, Agreement = x.Agreement, ProjectIds = [.. x.ProjectIds], RecordedAt = e.Timestamp, RecordedBy = e.UserName,
        };
    }
}
