using Marten;
using ProjectCases.Projects.Status;

namespace ProjectCases.CountryRisks;

/// <summary>
/// Which of a project's linked risks are still open, read from the risks themselves (a risk's closing is its
/// own stream's fact, never copied onto the projects). A second query only for projects that have risks.
/// </summary>
public static class OpenRisksOfProject
{
    public static async Task FillAsync(ProjectStatus project, IQuerySession session, CancellationToken ct)
    {
        if (project.RiskIds.Count == 0) return;
        var ids = project.RiskIds.ToArray();
        var open = (await session.Query<CountryRisk>().Where(r => ids.Contains(r.Id) && r.StateRank == 0).ToListAsync(ct)).ToDictionary(r => r.Id);
        project.OpenRisks = [.. project.Risks.Where(r => open.ContainsKey(r.RiskId)).Select(r => r with { Severity = open[r.RiskId].Severity })];
    }
}
