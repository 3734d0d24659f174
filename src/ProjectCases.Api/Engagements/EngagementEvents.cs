using ProjectCases.Projects;

namespace ProjectCases.Engagements;

// The events of an engagement stream (one stream per engagement, keyed by its id), and the copy an engagement
// leaves on each project it is linked to. Stored names are fixed in EngagementsSetup.

/// <summary>A touchpoint with a country or a sector rather than one project (a policy dialogue, a conference, a seminar).</summary>
public sealed record EngagementTouchpoint(
    TouchpointKind Kind, DateOnly OccurredOn, JapanLevel JapanLevel, string Counterpart, string? Location, string Summary, string? Outcome);

/// <summary>An agreement with a country (an MOU or MOC of a ministry with its counterpart).</summary>
public sealed record EngagementAgreement(AgreementType AgreementType, AgreementLevel Level, string Title, IReadOnlyList<string> Parties, DateOnly SignedOn);

/// <summary>
/// An engagement of a ministry's country partnership: exactly one of Touchpoint and Agreement. ProjectIds: the
/// projects it concerns (each also receives <see cref="EngagementLinked"/>). Counted once in the KPI report, from
/// this event alone.
/// </summary>
public sealed record EngagementRecorded(
    Guid EngagementId, string Country, Ministry Ministry, Sector? Sector, EngagementTouchpoint? Touchpoint, EngagementAgreement? Agreement,
    IReadOnlyList<Guid> ProjectIds)
{
    /// <summary>The business date: when it took place or was signed.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateOnly On => Touchpoint?.OccurredOn ?? Agreement!.SignedOn;
}

/// <summary>
/// On a linked project's stream: the engagement concerns the project (its timeline and history show it). Not
/// counted in any report: the engagement's own stream counts it, once.
/// </summary>
public sealed record EngagementLinked(
    Guid ProjectId, Guid EngagementId, string Country, Ministry Ministry, EngagementTouchpoint? Touchpoint, EngagementAgreement? Agreement)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public DateOnly On => Touchpoint?.OccurredOn ?? Agreement!.SignedOn;
}
