namespace ProjectCases.Organisations;

// The events of an organisation stream and of a contact stream (one stream each, keyed by its id). Stored names
// are fixed in OrganisationsSetup. Who recorded them is event metadata.

public enum OrganisationKind { PartnerMinistry, PartnerAgency, JapaneseMinistry, JapaneseAgency, Company, JointVenture, Other }

/// <summary>MemberIds: the member companies of a joint venture (empty for every other kind).</summary>
public sealed record OrganisationRegistered(
    Guid OrganisationId, string Name, string? NameJa, OrganisationKind Kind, string Country, IReadOnlyList<Guid> MemberIds);

/// <summary>A new name (either script); the former names stay in the stream and in the organisation's `names` history.</summary>
public sealed record OrganisationRenamed(Guid OrganisationId, string Name, string? NameJa, string? Reason);

public sealed record ContactRegistered(Guid ContactId, Guid OrganisationId, string Name, string? NameJa, string? Role, string? Email);
