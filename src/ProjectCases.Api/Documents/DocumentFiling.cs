using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ProjectCases.Documents.Storage;
using ProjectCases.Documents.Upload;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using Wolverine;
using Wolverine.Marten;

namespace ProjectCases.Documents;

/// <summary>The steps of an upload between the stream fetched for writing and the append: receive, validate, decide.</summary>
public sealed class DocumentFiling(IDocumentContentStore store, IOptions<DocumentOptions> options, TimeProvider clock)
{
    public long MaxBytes => options.Value.MaxBytes;

    public async Task<(IResult, Events, OutgoingMessages)> FileAsync(HttpRequest request, IDocumentSession session, DocumentTarget target,
        long version, CancellationToken ct)
    {
        var documentId = Guid.CreateVersion7();
        var (file, fields, problem) = await MultipartForm.ReadAsync(request, documentId, store, MaxBytes, ct);
        var (decision, refused) = await DecideAsync(session, target, file, fields, problem, documentId, request.HttpContext.User, ct);
        if (refused is not null) return (Results.Problem(refused), [], []);
        return WriteResults.Answer(decision!, target.StreamId, version,
            next => new DocumentFiled(target.StreamId, next, documentId, file!.Sha256, file.Size, file.ContentType), createdAt: $"/api/documents/{documentId}");
    }

    /// <summary>
    /// The decision on a received file, or the problem to answer; a refused upload's bytes are discarded. Shared with the
    /// console, which receives the file from its own form.
    /// </summary>
    public async Task<(Decision? Decision, ProblemDetails? Problem)> DecideAsync(IQuerySession session, DocumentTarget target, ReceivedFile? file,
        UploadFields fields, ProblemDetails? problem, Guid documentId, ClaimsPrincipal user, CancellationToken ct)
    {
        problem ??= AttachDocumentDecision.Validate(fields, target.Owner);
        Decision? decision = null;
        if (problem is null)
        {
            var factKind = fields.FactVersion is { } v ? await FactKindAsync(session, target.StreamId, v, ct) : null;
            decision = AttachDocumentDecision.Decide(target with { FactKind = factKind }, fields, file!, documentId,
                user.Identity?.Name ?? "", clock.GetUtcNow());
            problem = decision.Refusal?.ToProblem();
        }
        if (problem is null) return (decision, null);
        await store.DiscardAsync(documentId, ct);
        return (null, problem);
    }

    public Task<(ReceivedFile? File, ProblemDetails? Problem)> ReceiveAsync(Stream content, string? contentType, string? fileName, Guid documentId,
        CancellationToken ct) => DocumentUpload.ReceiveAsync(content, contentType, fileName, documentId, store, MaxBytes, ct);

    private static async Task<string?> FactKindAsync(IQuerySession session, Guid streamId, long version, CancellationToken ct)
    {
        var fact = await session.Events.QueryAllRawEvents().Where(e => e.StreamId == streamId && e.Version == version).FirstOrDefaultAsync(ct);
        return fact?.EventTypeName;
    }
}

/// <summary>201 of an upload (API.md): the stream's new version and what was stored.</summary>
public sealed record DocumentFiled(Guid Id, long Version, Guid DocumentId, string Sha256, long Size, string ContentType);
