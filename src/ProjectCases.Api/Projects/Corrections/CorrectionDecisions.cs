using ProjectCases.Infrastructure.Decisions;

namespace ProjectCases.Projects.Corrections;

/// <summary>
/// The rules of corrections, pure: a fact is named by its version; the registration is not a fact (the project
/// is voided instead); a fact that a counted fact depends on cannot be voided (409 naming it); a voided fact
/// stays voided. <paramref name="record"/> was read just before the write model was fetched: if the stream moved
/// in between, the command is refused as a conflict rather than decided on a stale view.
/// </summary>
public static class CorrectionDecisions
{
    public static Decision VoidFact(ProjectWriteModel project, ProjectRecord record, long version, string reason)
    {
        var (fact, refusal) = Locate(project, record, version, "void");
        if (refusal is not null) return refusal;
        if (record.DependantOf(fact!) is { } dependant)
            return Decision.Conflict($"The fact at version {version} cannot be voided: {dependant} depends on it. Void that first.");
        return Decision.Accept(new FactVoided(project.Id, version, reason.Trim(), fact!.Fact));
    }

    public static Decision CorrectFact(ProjectWriteModel project, ProjectRecord record, long version, string reason, ProjectFact corrected)
    {
        var (fact, refusal) = Locate(project, record, version, "correct");
        if (refusal is not null) return refusal;
        if (corrected.Value.GetType() != fact!.Fact.Value.GetType())
            return Decision.Unprocessable($"The fact at version {version} is a {fact.Fact.Value.GetType().Name}; a correction keeps its kind.");
        if (corrected == fact.Fact || corrected.Value.Equals(fact.Fact.Value))
            return Decision.Unprocessable("The corrected fields are the same as the fact as it counts now: nothing to correct.");
        return Decision.Accept(new FactCorrected(project.Id, version, reason.Trim(), fact.Fact, corrected));
    }

    public static Decision VoidProject(ProjectWriteModel project, ProjectRecord record, string reason)
    {
        if (record.Version != project.Version) return ChangedMeanwhile;
        if (project.Voided) return Decision.Conflict("The project was already voided.");
        return Decision.Accept(new ProjectVoided(project.Id, reason.Trim(), [.. record.Facts.Select(f => f.Fact)]));
    }

    private static readonly Decision ChangedMeanwhile = Decision.Conflict("The project changed while the correction was being decided; try again.");

    /// <summary>The fact a version names, or the refusal (changed meanwhile, voided project, registration, voided fact, none).</summary>
    public static (CountedFact? Fact, Decision? Refusal) Locate(ProjectWriteModel project, ProjectRecord record, long version, string verb)
    {
        if (record.Version != project.Version) return (null, ChangedMeanwhile);
        if (project.Voided) return (null, Decision.Conflict("The project was voided; its facts can no longer change."));
        if (version == 1)
            return (null, Decision.Unprocessable($"Version 1 is the registration, not a fact to {verb}: a project registered by mistake is voided (POST /api/projects/{project.Id}/void)."));
        if (record.VoidedVersions.Contains(version)) return (null, Decision.Conflict($"The fact at version {version} was already voided."));
        return record.Find(version) is { } fact
            ? (fact, null)
            : (null, Decision.NotFound($"Project {project.Id} has no fact recorded at version {version} (corrections themselves are not facts to {verb})."));
    }
}
