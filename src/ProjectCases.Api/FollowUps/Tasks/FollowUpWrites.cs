using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Http;

namespace ProjectCases.FollowUps.Tasks;

public static class FollowUpWrites
{
    public static Task<(IEventStream<FollowUpTask>? Stream, IResult? Refusal)> FetchAsync(Guid id, HttpContext context, IDocumentSession session, CancellationToken ct) =>
        StreamWrites<FollowUpTask>.FetchAsync(id, context, session, () => NotFound(id), ct);

    public static IResult NotFound(Guid id) => Results.Problem(new ProblemDetails
    {
        Status = 404, Title = "Follow-up not found", Detail = $"No follow-up task {id} exists.",
    });

    public static Decision? MustBeOpen(FollowUpTask task, string action) => task.Status == FollowUpStatus.Open
        ? null
        : Decision.Conflict($"Cannot {action}: the task is already {(task.Status == FollowUpStatus.Done ? "done" : "cancelled")}.");
}
