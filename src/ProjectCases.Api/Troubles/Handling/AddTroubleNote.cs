using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Troubles.Cases;
using Wolverine.Http;

namespace ProjectCases.Troubles.Handling;

public sealed record AddTroubleNote([property: Required, StringLength(10000)] string Text, NoteVisibility? Visibility);

public static class AddTroubleNoteDecision
{
    /// <summary>Hotline notes are Internal unless marked Shared; a company's notes are always Shared.</summary>
    public static Decision Decide(TroubleCase trouble, AddTroubleNote command, bool byCompany, Guid noteId, DateTimeOffset now)
    {
        if (trouble.Status == TroubleStatus.Closed) return Decision.Conflict("Cannot add a note: the case is closed; reopen it first.");
        var visibility = byCompany ? NoteVisibility.Shared : command.Visibility ?? NoteVisibility.Internal;
        return Decision.Accept(new TroubleNoteAdded(trouble.Id, noteId, command.Text.Trim(), visibility, byCompany, now));
    }
}

public static class AddTroubleNoteEndpoint
{
    [WolverinePost("/api/troubles/{id}/notes"), Authorize(Roles = Roles.Hotline + "," + Roles.Company)]
    public static async Task<IResult> Post(Guid id, AddTroubleNote command, HttpContext context, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (stream, refusal) = await TroubleAccess.FetchForWritingAsync(id, context, session, ct);
        if (refusal is not null) return refusal;
        var byCompany = TroubleAccess.CompanyOf(context.User) is not null;
        var decision = AddTroubleNoteDecision.Decide(stream!.Aggregate!, command, byCompany, Guid.CreateVersion7(), clock.GetUtcNow());
        return TroubleAccess.Apply(stream, decision, context);
    }
}
