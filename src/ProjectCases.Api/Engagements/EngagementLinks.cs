namespace ProjectCases.Engagements;

/// <summary>An engagement's link to a project as it counts now, and whether a correction changed it since it was linked.</summary>
public sealed record CurrentLink(EngagementLinked Link, bool Corrected);

/// <summary>
/// The corrected view of the engagement links on one project stream (pure): each engagement the project is linked
/// to now, with its corrected values; unlinked ones (voided, or corrected to other projects) are left out. The
/// project's status folds it after a link changed, and the console's timeline shows it.
/// </summary>
public static class EngagementLinks
{
    public static IReadOnlyDictionary<Guid, CurrentLink> Of(IEnumerable<object> events)
    {
        var links = new Dictionary<Guid, CurrentLink>();
        foreach (var e in events)
        {
            switch (e)
            {
                case EngagementLinked x:
                    links[x.EngagementId] = new CurrentLink(x, false);
                    break;
                case EngagementLinkCorrected x:
                    links[x.EngagementId] = new CurrentLink(x.AsLink(), true);
                    break;
                case EngagementUnlinked x:
                    links.Remove(x.EngagementId);
                    break;
            }
        }
        return links;
    }

    /// <summary>Whether two recordings of an engagement are the same in every field (its lists compared item by item).</summary>
    public static bool Same(EngagementRecorded a, EngagementRecorded b) =>
        a.EngagementId == b.EngagementId && a.Country == b.Country && a.Ministry == b.Ministry && a.Sector == b.Sector
        && a.Touchpoint == b.Touchpoint && SameAgreement(a.Agreement, b.Agreement) && a.ProjectIds.SequenceEqual(b.ProjectIds);

    /// <summary>Whether a project's copy of the engagement would read the same (the copy holds no sector and no other projects).</summary>
    public static bool SameOnProject(EngagementRecorded a, EngagementRecorded b) =>
        a.Country == b.Country && a.Ministry == b.Ministry && a.Touchpoint == b.Touchpoint && SameAgreement(a.Agreement, b.Agreement);

    private static bool SameAgreement(EngagementAgreement? a, EngagementAgreement? b) =>
        a is null || b is null
            ? a is null && b is null
            : a.AgreementType == b.AgreementType && a.Level == b.Level && a.Title == b.Title && a.SignedOn == b.SignedOn && a.Parties.SequenceEqual(b.Parties);
}
