using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;
using Wolverine.Http;

namespace ProjectCases.FollowUps.Tasks;

public sealed record CompleteFollowUp([property: StringLength(4000)] string? Note);

public static class CompleteFollowUpDecision
{
    public static Decision Decide(FollowUpTask task, CompleteFollowUp command) =>
        FollowUpWrites.MustBeOpen(task, "complete it") ?? Decision.Accept(new FollowUpCompleted(task.Id, command.Note?.Trim(), null));
}

public static class CompleteFollowUpEndpoint
{
    [WolverinePost("/api/follow-ups/{id}/complete"), Authorize(Roles = Roles.Officer + "," + Roles.Hotline)]
    public static async Task<IResult> Post(Guid id, CompleteFollowUp command, HttpContext context, IDocumentSession session, CancellationToken ct)
    {
        var (stream, refusal) = await FollowUpWrites.FetchAsync(id, context, session, ct);
        if (refusal is not null) return refusal;
        return StreamWrites<FollowUpTask>.Apply(stream!, CompleteFollowUpDecision.Decide(stream!.Aggregate!, command), context);
    }
}
