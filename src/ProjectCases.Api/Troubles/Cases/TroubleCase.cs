using ProjectCases.Projects;

namespace ProjectCases.Troubles.Cases;

/// <summary>
/// A trouble case as it stands: the state case commands decide against, the case detail, and the
/// hotline queue's row (queue fields are duplicated columns). Built inline by TroubleCaseProjection.
/// </summary>
public sealed class TroubleCase
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public Guid ProjectId { get; set; }
    public TroubleCategory Category { get; set; }
    public string Summary { get; set; } = "";
    public string Details { get; set; } = "";
    public DateOnly OccurredOn { get; set; }
    public Reporter Reporter { get; set; } = new("", CompanyType.Other, "", "");
    /// <summary>Duplicated from Reporter for the company filter (confidentiality).</summary>
    public string ReporterCompany { get; set; } = "";
    /// <summary>The reporting company as an organisation on record, when it was one (the organisation page's cases).</summary>
    public Guid? ReporterOrganisationId { get; set; }
    public Money? AmountAtStake { get; set; }
    public DateTimeOffset ReportedAt { get; set; }

    public TroubleStatus Status { get; set; } = TroubleStatus.Open;
    public Priority Priority { get; set; } = Priority.Medium;
    /// <summary>0 = Critical ... 3 = Low: the queue's first sort key (the enum is stored by name).</summary>
    public int PriorityRank { get; set; } = (int)Priority.Medium;
    public bool Triaged { get; set; }
    public string? Assignee { get; set; }

    public DateTimeOffset FirstResponseDue { get; set; }
    public DateTimeOffset? FirstRespondedAt { get; set; }
    public DateTimeOffset ResolutionDue { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public bool FirstResponseBreached { get; set; }
    public bool ResolutionBreached { get; set; }
    /// <summary>The next deadline still running (first response, then resolution); null once resolved. The queue sorts by it.</summary>
    public DateTimeOffset? NextDueAt { get; set; }

    public ResolutionOutcome? Outcome { get; set; }
    public string? ResolutionSummary { get; set; }
    public bool Acknowledged { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    public List<TimelineEntry> Timeline { get; set; } = [];
}

/// <summary>One line of a case's timeline. Internal lines (assignments, consultations, internal notes,
/// breaches) are never shown to company users.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Type, string Text, bool Internal);
