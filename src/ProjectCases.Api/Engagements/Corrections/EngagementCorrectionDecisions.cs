using ProjectCases.Infrastructure.Decisions;

namespace ProjectCases.Engagements.Corrections;

/// <summary>
/// The rules of engagement corrections, pure. Both name the engagement as it counts now (Original); a voided
/// engagement stays voided and cannot be corrected (409). The projects it concerns get their own events: a voided
/// engagement is unlinked from each; a correction corrects the link on the projects it keeps (when their copy would
/// read differently), links the projects it adds and unlinks the ones it drops.
/// </summary>
public static class EngagementCorrectionDecisions
{
    public static Decision Void(EngagementWriteModel engagement, string reason)
    {
        if (engagement.Voided) return AlreadyVoided;
        var why = reason.Trim();
        return Decision.Accept([
            new EngagementVoided(engagement.Id, why, engagement.Current),
            .. engagement.Current.ProjectIds.Select(p => new EngagementUnlinked(p, engagement.Id, why, EngagementVoided: true)),
        ]);
    }

    /// <summary><paramref name="missingProjects"/>: the projects of the corrected fields that do not exist (404 naming them, as when recording).</summary>
    public static Decision Correct(EngagementWriteModel engagement, RecordEngagement fields, string reason, IReadOnlyCollection<Guid> missingProjects)
    {
        if (engagement.Voided) return Decision.Conflict("The engagement was voided; it can no longer be corrected.");
        if (missingProjects.Count > 0)
            return Decision.NotFound($"These projects in fields.projectIds do not exist: {string.Join(", ", missingProjects)}. Nothing was corrected.");
        var original = engagement.Current;
        var corrected = RecordEngagementDecision.Recorded(fields, engagement.Id);
        if (EngagementLinks.Same(original, corrected))
            return Decision.Unprocessable("The corrected fields are the same as the engagement as it counts now: nothing to correct.");
        var why = reason.Trim();
        var onProjects = new List<object>();
        foreach (var dropped in original.ProjectIds.Except(corrected.ProjectIds))
            onProjects.Add(new EngagementUnlinked(dropped, engagement.Id, why, EngagementVoided: false));
        foreach (var project in corrected.ProjectIds)
        {
            if (!original.ProjectIds.Contains(project)) onProjects.Add(RecordEngagementDecision.LinkOf(corrected, project));
            else if (!EngagementLinks.SameOnProject(original, corrected))
                onProjects.Add(new EngagementLinkCorrected(project, engagement.Id, corrected.Country, corrected.Ministry, corrected.Touchpoint, corrected.Agreement, why));
        }
        return Decision.Accept([new EngagementCorrected(engagement.Id, why, original, corrected), .. onProjects]);
    }

    private static readonly Decision AlreadyVoided = Decision.Conflict("The engagement was already voided.");
}
