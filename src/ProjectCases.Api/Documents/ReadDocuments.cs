using ProjectCases.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Mvc;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Documents.Storage;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Projects;
using ProjectCases.Projects.Status;
using ProjectCases.Troubles.Cases;
using Wolverine.Http;

namespace ProjectCases.Documents;

/// <summary>
/// Who may read a stream's documents: a project's, every internal reader (companies never); a case's, whoever may read
/// the case (TroubleAccess: the reporting company, the assigned officer, hotline, auditors, admins), and the company only
/// the documents shared with it. Anything else is 404, like a document that does not exist.
/// </summary>
public static class DocumentAccess
{
    public static async Task<bool> CanReadStreamAsync(IQuerySession session, ClaimsPrincipal user, DocumentOwner owner, Guid streamId, CancellationToken ct) =>
        owner == DocumentOwner.Project
            ? !user.IsInRole(Roles.Company) && await session.LoadAsync<ProjectStatus>(streamId, ct) is not null
            : await session.LoadAsync<TroubleCase>(streamId, ct) is { } trouble && TroubleAccess.CanSee(user, trouble);

    public static bool CanRead(ClaimsPrincipal user, DocumentInfo document) => !user.IsInRole(Roles.Company) || document.Shared;

    /// <summary>The stream's documents the user may read, oldest first; null when the stream is not readable by them.</summary>
    public static async Task<IReadOnlyList<DocumentInfo>?> ListAsync(IQuerySession session, ClaimsPrincipal user, DocumentOwner owner, Guid streamId,
        CancellationToken ct)
    {
        if (!await CanReadStreamAsync(session, user, owner, streamId, ct)) return null;
        var documents = await session.Query<DocumentInfo>().Where(d => d.StreamId == streamId).OrderBy(d => d.Version).ToListAsync(ct);
        return [.. documents.Where(d => CanRead(user, d))];
    }

    /// <summary>The document if the user may download it, else null.</summary>
    public static async Task<DocumentInfo?> FindAsync(IQuerySession session, ClaimsPrincipal user, Guid documentId, CancellationToken ct) =>
        await session.LoadAsync<DocumentInfo>(documentId, ct) is { } document && CanRead(user, document)
        && await CanReadStreamAsync(session, user, document.Owner, document.StreamId, ct) ? document : null;

    /// <summary>The bytes, streamed from the store, offered as an attachment under the kept file name.</summary>
    public static IResult Download(DocumentInfo document, IDocumentContentStore store) =>
        Results.Stream(async body =>
        {
            if (!await store.CopyToAsync(document.Id, body, CancellationToken.None))
                throw new InvalidOperationException($"Document {document.Id} has no stored content.");
        }, document.ContentType, document.FileName);
}

public static class ReadDocumentsEndpoints
{
    [FileResponse]
    [WolverineGet("/api/documents/{id}", OperationId = "DownloadDocument"), Authorize(Roles = Roles.ProjectReaders)]
    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, IQuerySession session, IDocumentContentStore store, HttpContext context, CancellationToken ct)
    {
        if (await DocumentAccess.FindAsync(session, user, id, ct) is not { } document)
            return Results.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 404, Title = "Document not found", Detail = $"No document {id} exists (or it is not visible to you)." });
        context.Response.ContentLength = document.Size;
        return DocumentAccess.Download(document, store);
    }

    [ProducesResponseType<DocumentList>(200)]
    [WolverineGet("/api/projects/{id}/documents", OperationId = "ListProjectDocuments"), Authorize(Roles = Roles.InternalReaders)]
    public static async Task<IResult> OfProject(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        await DocumentAccess.ListAsync(session, user, DocumentOwner.Project, id, ct) is { } documents
            ? Results.Ok(new DocumentList(documents))
            : Results.Problem(ProjectWriteModel.NotFound(id));

    [ProducesResponseType<DocumentList>(200)]
    [WolverineGet("/api/troubles/{id}/documents", OperationId = "ListTroubleDocuments"), Authorize(Roles = Roles.ProjectReaders)]
    public static async Task<IResult> OfTrouble(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        await DocumentAccess.ListAsync(session, user, DocumentOwner.Trouble, id, ct) is { } documents
            ? Results.Ok(new DocumentList(documents))
            : TroubleAccess.NotFound(id);
}

/// <summary>A stream's documents the user may read, oldest first.</summary>
public sealed record DocumentList(IReadOnlyList<DocumentInfo> Items);
