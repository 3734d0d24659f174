using Microsoft.AspNetCore.Mvc;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Export;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Troubles.Cases;
using ProjectCases.Infrastructure.OpenApi;
using Wolverine.Http;

namespace ProjectCases.Troubles.Queue;

public sealed record QueueItem(
    Guid Id, Guid ProjectId, TroubleCategory Category, string Summary, string Company, Priority Priority, bool Triaged, string? Assignee,
    DateTimeOffset ReportedAt, DateTimeOffset FirstResponseDue, DateTimeOffset? FirstRespondedAt, DateTimeOffset ResolutionDue,
    DateTimeOffset? NextDueAt, bool FirstResponseOverdue, bool ResolutionOverdue, bool Overdue);

public static class HotlineQueueEndpoint
{
    /// <summary>
    /// Open cases, most urgent priority first, then the nearest deadline still running. Filters `assignee`,
    /// `priority`, `overdue`. Reads indexed columns of the case documents (TroublesSetup).
    /// </summary>
    [Query("assignee", typeof(string), "Only cases assigned to this person.")]
    [Query("priority", typeof(Priority), "Only cases of this priority.")]
    [Query("overdue", typeof(bool), "true: only cases past a deadline; false: only cases within every deadline.")]
    [Paged, ExportFormatQuery]
    [ProducesResponseType<ListPage<QueueItem>>(200)]
    [WolverineGet("/api/hotline/queue"), Authorize(Roles = Roles.Hotline)]
    public static async Task<IResult> Get(HttpContext context, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var query = new QueryParameters(context.Request);
        var assignee = query.Text("assignee");
        var priority = query.Enum<Priority>("priority");
        var overdueText = query.Text("overdue");
        if (overdueText is not null && !bool.TryParse(overdueText, out _)) query.AddError("overdue", "must be true or false.");
        var (page, pageSize) = query.Paging();
        var format = ExportFormats.Read(query);
        if (query.Problem() is { } problem) return Results.Problem(problem);

        bool? overdue = overdueText is null ? null : bool.Parse(overdueText);
        var now = clock.GetUtcNow();
        if (format is { } file) return ListExport.AllPages(file, "hotline-queue", (p, size) => QueryAsync(session, assignee, priority, overdue, now, p, size, ct));
        return Results.Ok(await QueryAsync(session, assignee, priority, overdue, clock.GetUtcNow(), page, pageSize, ct));
    }

    /// <summary>One page of the queue at <paramref name="now"/>; also read by the web console.</summary>
    public static async Task<ListPage<QueueItem>> QueryAsync(IQuerySession session, string? assignee, Priority? priority, bool? overdue,
        DateTimeOffset now, int page, int pageSize, CancellationToken ct)
    {
        IQueryable<TroubleCase> open = session.Query<TroubleCase>().Where(c => c.Status == TroubleStatus.Open);
        if (assignee is not null) open = open.Where(c => c.Assignee == assignee);
        if (priority is not null) open = open.Where(c => c.PriorityRank == (int)priority.Value);
        if (overdue is not null)
        {
            open = overdue.Value
                ? open.Where(c => c.NextDueAt < now || c.FirstResponseBreached || c.ResolutionBreached)
                : open.Where(c => c.NextDueAt >= now && !c.FirstResponseBreached && !c.ResolutionBreached);
        }

        // A count and a page rather than Marten's paged list (count(*) over(), which reads every open case for
        // each page): the page then walks the queue index (TroublesSetup) and stops after pageSize rows.
        var total = await open.CountAsync(ct);
        // Only the row's columns leave PostgreSQL (not the case's details and timeline).
        var found = await open.OrderBy(c => c.PriorityRank).ThenBy(c => c.NextDueAt).ThenBy(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new Row(c.Id, c.ProjectId, c.Category, c.Summary, c.ReporterCompany, c.Priority, c.Triaged, c.Assignee, c.ReportedAt,
                c.FirstResponseDue, c.FirstRespondedAt, c.ResolutionDue, c.NextDueAt, c.FirstResponseBreached, c.ResolutionBreached))
            .ToListAsync(ct);
        var items = found.Select(c => new QueueItem(c.Id, c.ProjectId, c.Category, c.Summary, c.ReporterCompany, c.Priority, c.Triaged, c.Assignee,
            TokyoTime.Local(c.ReportedAt), TokyoTime.Local(c.FirstResponseDue), TokyoTime.Local(c.FirstRespondedAt), TokyoTime.Local(c.ResolutionDue),
            TokyoTime.Local(c.NextDueAt),
            c.FirstResponseBreached || c.FirstRespondedAt is null && c.FirstResponseDue < now,
            c.ResolutionBreached || c.ResolutionDue < now,
            TroubleCaseView.IsOverdue(TroubleStatus.Open, c.FirstResponseBreached, c.ResolutionBreached, c.NextDueAt, now))).ToList();
        return new ListPage<QueueItem>(items, page, pageSize, total);
    }

    /// <summary>The columns of a case the queue shows or computes from.</summary>
    private sealed record Row(
        Guid Id, Guid ProjectId, TroubleCategory Category, string Summary, string ReporterCompany, Priority Priority, bool Triaged, string? Assignee,
        DateTimeOffset ReportedAt, DateTimeOffset FirstResponseDue, DateTimeOffset? FirstRespondedAt, DateTimeOffset ResolutionDue,
        DateTimeOffset? NextDueAt, bool FirstResponseBreached, bool ResolutionBreached);
}
