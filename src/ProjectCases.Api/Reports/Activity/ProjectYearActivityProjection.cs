using JasperFx.Events;
using Marten.Events.Projections;
using ProjectCases.Projects;
using ProjectCases.Projects.Corrections;

namespace ProjectCases.Reports.Activity;

/// <summary>
/// Async multi-stream projection: the same counting as <see cref="FiscalYearActivityProjection"/>, per project and
/// fiscal year, so that a report scoped to a ministry or a sector sums only that ministry's or sector's projects.
/// The hotline is one desk for every ministry and is not counted here.
/// </summary>
public sealed class ProjectYearActivityProjection : MultiStreamProjection<ProjectYearActivity, string>
{
    public ProjectYearActivityProjection()
    {
        Identities<TouchpointLogged>(IdsOf);
        Identities<AgreementSigned>(IdsOf);
        Identities<StudyStarted>(IdsOf);
        Identities<StudyCompleted>(IdsOf);
        Identities<TenderOpened>(IdsOf);
        Identities<JapaneseBidsRecorded>(IdsOf);
        Identities<ContractAwarded>(IdsOf);
        Identities<FactVoided>(e => IdsOf(e.ProjectId, e.Original.Value));
        Identities<FactCorrected>(e => [.. IdsOf(e.ProjectId, e.Original.Value).Union(IdsOf(e.ProjectId, e.Corrected.Value))]);
        Identities<ProjectVoided>(e => [.. e.Withdrawn.SelectMany(f => IdsOf(e.ProjectId, f.Value)).Distinct()]);
    }

    private static IReadOnlyList<string> IdsOf(object fact) => fact switch
    {
        TouchpointLogged x => IdsOf(x.ProjectId, x),
        AgreementSigned x => IdsOf(x.ProjectId, x),
        StudyStarted x => IdsOf(x.ProjectId, x),
        StudyCompleted x => IdsOf(x.ProjectId, x),
        TenderOpened x => IdsOf(x.ProjectId, x),
        JapaneseBidsRecorded x => IdsOf(x.ProjectId, x),
        ContractAwarded x => IdsOf(x.ProjectId, x),
        _ => [],
    };

    private static IReadOnlyList<string> IdsOf(Guid projectId, object fact) =>
        [.. FiscalYearActivityProjection.YearsOf(fact).Select(year => ProjectYearActivity.IdOf(year, projectId))];

    public override ProjectYearActivity? Evolve(ProjectYearActivity? snapshot, string id, IEvent e)
    {
        var year = int.Parse(id[..id.IndexOf(':')], System.Globalization.CultureInfo.InvariantCulture);
        var doc = snapshot ?? new ProjectYearActivity { Id = id, FiscalYear = year, ProjectId = Guid.Parse(id[(id.IndexOf(':') + 1)..]) };
        switch (e.Data)
        {
            case FactVoided x: FiscalYearActivityProjection.CountIfIn(x.Original.Value, year, doc, -1); break;
            case FactCorrected x:
                FiscalYearActivityProjection.CountIfIn(x.Original.Value, year, doc, -1);
                FiscalYearActivityProjection.CountIfIn(x.Corrected.Value, year, doc, +1);
                break;
            case ProjectVoided x:
                foreach (var fact in x.Withdrawn) FiscalYearActivityProjection.CountIfIn(fact.Value, year, doc, -1);
                break;
            default: FiscalYearActivityProjection.Count(e.Data, doc, +1); break;
        }
        return doc;
    }
}
