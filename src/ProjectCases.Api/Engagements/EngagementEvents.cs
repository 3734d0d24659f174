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
    : IOnLinkedProject
{
    [System.Text.Json.Serialization.JsonIgnore]
    public DateOnly On => Touchpoint?.OccurredOn ?? Agreement!.SignedOn;
}

/// <summary>An event an engagement write leaves on a linked project's stream (appended with that project's expected version).</summary>
public interface IOnLinkedProject
{
    Guid ProjectId { get; }
}

// Corrections of an engagement are new events on its own stream, never edits; each carries the engagement as it
// counted just before (Original), so that history shows what changed without reading back. The projects it is (or
// was) linked to get their own events in the same transaction: each stream owns its events, and the EngagementLinked
// already stored on a project is never touched.

/// <summary>The engagement was recorded by mistake: it no longer counts, lists or is found; its history stays.</summary>
public sealed record EngagementVoided(Guid EngagementId, string Reason, EngagementRecorded Original);

/// <summary>The engagement counts with the values of <paramref name="Corrected"/> from now on (same id; its links may change).</summary>
public sealed record EngagementCorrected(Guid EngagementId, string Reason, EngagementRecorded Original, EngagementRecorded Corrected);

/// <summary>
/// On a project that stays linked to a corrected engagement: the engagement as it now concerns the project
/// (its corrected date, country, ministry, touchpoint or agreement). The project's timeline and status show these values.
/// </summary>
public sealed record EngagementLinkCorrected(
    Guid ProjectId, Guid EngagementId, string Country, Ministry Ministry, EngagementTouchpoint? Touchpoint, EngagementAgreement? Agreement, string Reason)
    : IOnLinkedProject
{
    [System.Text.Json.Serialization.JsonIgnore]
    public DateOnly On => Touchpoint?.OccurredOn ?? Agreement!.SignedOn;

    /// <summary>The link as it counts now, in the shape of the original link.</summary>
    public EngagementLinked AsLink() => new(ProjectId, EngagementId, Country, Ministry, Touchpoint, Agreement);
}

/// <summary>
/// On a project the engagement no longer concerns: the engagement was voided (<paramref name="EngagementVoided"/>) or
/// corrected to other projects. The project no longer shows it; its history keeps the original link and this.
/// </summary>
public sealed record EngagementUnlinked(Guid ProjectId, Guid EngagementId, string Reason, bool EngagementVoided) : IOnLinkedProject;
