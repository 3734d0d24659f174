using Microsoft.AspNetCore.Mvc;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Projects;
using ProjectCases.Troubles;
using ProjectCases.Troubles.Cases;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace ProjectCases.Documents;

/// <summary>
/// POST .../documents: Wolverine's aggregate workflow fetches the stream for writing (404, If-Match as for every write),
/// the file streams into the store (<see cref="DocumentFiling"/>; discarded again if the upload is refused), and the
/// DocumentAttached event is appended at the fetched version.
/// </summary>
public static class AttachDocumentEndpoints
{
    [ProducesResponseType<DocumentFiled>(201)]
    [WolverinePost("/api/projects/{id}/documents", OperationId = "AttachProjectDocument"), Authorize(Roles = Roles.ProjectWriters), StreamedUpload]
    public static Task<(IResult, Events, OutgoingMessages)> PostToProject([WriteAggregate(Required = false)] ProjectWriteModel project,
        HttpRequest request, IDocumentSession session, DocumentFiling filing, CancellationToken ct) =>
        filing.FileAsync(request, session, new DocumentTarget(project.Id, DocumentOwner.Project, false, null), project.Version, ct);

    [ProducesResponseType<DocumentFiled>(201)]
    [WolverinePost("/api/troubles/{id}/documents", OperationId = "AttachTroubleDocument"), Authorize(Roles = Roles.Hotline + "," + Roles.Admin + "," + Roles.Company), StreamedUpload]
    public static async Task<(IResult, Events, OutgoingMessages)> PostToTrouble([WriteAggregate(Required = false)] TroubleWriteModel trouble,
        HttpRequest request, IDocumentSession session, DocumentFiling filing, CancellationToken ct)
    {
        if (MustBeOpen(trouble) is { Refusal: { } refusal }) return (WriteResults.Refuse(refusal), [], []);
        var byCompany = TroubleAccess.CompanyOf(request.HttpContext.User) is not null;
        return await filing.FileAsync(request, session, new DocumentTarget(trouble.Id, DocumentOwner.Trouble, byCompany, null), trouble.Version, ct);
    }

    /// <summary>A closed case takes no more documents (checked before the body is read).</summary>
    public static Decision? MustBeOpen(TroubleWriteModel trouble) =>
        trouble.Status == TroubleStatus.Closed ? Decision.Conflict("Cannot attach a document: the case is closed; reopen it first.") : null;
}
