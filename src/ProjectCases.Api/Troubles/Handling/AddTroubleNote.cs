using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using ProjectCases.Troubles.Cases;

namespace ProjectCases.Troubles.Handling;

public sealed record AddTroubleNote([property: Required, StringLength(10000)] string Text, NoteVisibility? Visibility);

public static class AddTroubleNoteDecision
{
    /// <summary>Hotline notes are Internal unless marked Shared; a company's notes are always Shared.</summary>
    public static Decision Decide(TroubleWriteModel trouble, AddTroubleNote command, bool byCompany, Guid noteId, DateTimeOffset now)
    {
        if (trouble.Status == TroubleStatus.Closed) return Decision.Conflict("Cannot add a note: the case is closed; reopen it first.");
        var visibility = byCompany ? NoteVisibility.Shared : command.Visibility ?? NoteVisibility.Internal;
        return Decision.Accept(new TroubleNoteAdded(trouble.Id, noteId, command.Text.Trim(), visibility, byCompany, now));
    }
}

public static class AddTroubleNoteEndpoint
{
    [WolverinePost("/api/troubles/{id}/notes"), Authorize(Roles = Roles.Hotline + "," + Roles.Company)]
    public static (IResult, Events, OutgoingMessages) Post(AddTroubleNote command, [WriteAggregate(Required = false)] TroubleWriteModel trouble,
        ClaimsPrincipal user, TimeProvider clock)
    {
        var byCompany = TroubleAccess.CompanyOf(user) is not null;
        var decision = AddTroubleNoteDecision.Decide(trouble, command, byCompany, Guid.CreateVersion7(), clock.GetUtcNow());
        return WriteResults.Answer(decision, trouble.Id, trouble.Version);
    }
}
