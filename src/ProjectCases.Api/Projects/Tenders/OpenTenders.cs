using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Projects.Status;

namespace ProjectCases.Projects.Tenders;

/// <summary>The rule shared by bids, award and failure: they act only on an existing tender that is still open.</summary>
public static class OpenTenders
{
    public static (ProjectWriteModel.Tender? Tender, Decision? Refusal) Find(ProjectWriteModel project, Guid tenderId, string action)
    {
        var tender = project.FindTender(tenderId);
        if (tender is null) return (null, Decision.NotFound($"Project {project.Id} has no tender {tenderId}."));
        return tender.State == TenderState.Open
            ? (tender, null)
            : (null, Decision.Conflict($"Cannot {action}: the tender '{tender.Package}' is already {tender.State.ToString().ToLowerInvariant()}."));
    }
}
