namespace ProjectCases.Projects.Status;

/// <summary>
/// The stage is the furthest point the record shows, upstream to downstream (DOMAIN.md):
/// Operation (status InOperation) › Construction (status UnderConstruction) › Awarded (any award) ›
/// Tender (any tender opened) › Promotion (any agreement signed) › Formation (any study beyond a
/// discovery survey) › Discovery. Touchpoints happen at every stage and do not move it.
/// </summary>
public static class ProjectStages
{
    public static ProjectStage Derive(ProjectStatus p) => p switch
    {
        { Status: ProjectStatusValue.InOperation } => ProjectStage.Operation,
        { Status: ProjectStatusValue.UnderConstruction } => ProjectStage.Construction,
        _ when p.Awards.Count > 0 => ProjectStage.Awarded,
        _ when p.Tenders.Count > 0 => ProjectStage.Tender,
        _ when p.AgreementCount > 0 => ProjectStage.Promotion,
        _ when p.Studies.Any(s => s.StudyType != StudyType.DiscoverySurvey) => ProjectStage.Formation,
        _ => ProjectStage.Discovery,
    };
}
