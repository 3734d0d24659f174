using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Projects.Status;

namespace ProjectCases.Projects.Tenders;

/// <summary>The rule shared by bids, award and failure: they act only on an existing tender that is still open.</summary>
public static class OpenTenders
{
    public static (TenderEntry? Tender, Decision? Refusal) Find(ProjectStatus project, Guid tenderId, string action)
    {
        var tender = project.Tenders.FirstOrDefault(t => t.TenderId == tenderId);
        if (tender is null) return (null, Decision.NotFound($"Project {project.Id} has no tender {tenderId}."));
        return tender.State == TenderState.Open
            ? (tender, null)
            : (null, Decision.Conflict($"Cannot {action}: the tender '{tender.Package}' is already {tender.State.ToString().ToLowerInvariant()}."));
    }
}
