using System.Security.Claims;
using Marten;
using ProjectCases.Documents;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.WebConsole.SignIn;

namespace ProjectCases.WebConsole.Pages.Documents;

/// <summary>
/// The documents section of a project or case page: the documents the user may read (DocumentAccess, as the API) and,
/// for those who may file one there (the API's roles), the upload form. The hotline decides whether the company sees a
/// case document; a company's own upload is always shared.
/// </summary>
public sealed record DocumentsPanel(DocumentOwner Owner, Guid StreamId, IReadOnlyList<DocumentInfo> Items, bool CanUpload, bool CanShare, string? Error,
    long MaxBytes)
{
    public static bool MayUpload(ClaimsPrincipal user, DocumentOwner owner) =>
        owner == DocumentOwner.Project ? user.IsAnyOf(Roles.ProjectWriters) : user.IsAnyOf(Roles.Hotline + "," + Roles.Admin + "," + Roles.Company);

    public static async Task<DocumentsPanel> LoadAsync(IQuerySession session, ClaimsPrincipal user, DocumentOwner owner, Guid streamId, bool writable,
        string? error, long maxBytes, CancellationToken ct)
    {
        var items = await DocumentAccess.ListAsync(session, user, owner, streamId, ct) ?? [];
        var canUpload = writable && MayUpload(user, owner);
        return new DocumentsPanel(owner, streamId, items, canUpload, canUpload && owner == DocumentOwner.Trouble && !user.IsInRole(Roles.Company), error, maxBytes);
    }
}
