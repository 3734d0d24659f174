using Microsoft.AspNetCore.Mvc;
using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Audit.History;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Export;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Infrastructure.OpenApi;
using Wolverine.Http;

namespace ProjectCases.FollowUps.Tasks;

/// <summary>A task as lists and GET /api/follow-ups/{id} show it: with its project's name and, for a hotline task, the case's summary.</summary>
public sealed record FollowUpItem(
    Guid Id, long Version, string Title, string Owner, DateOnly DueOn, FollowUpStatus Status, bool Overdue, string Rule,
    string? SourceEventType, Guid? ProjectId, Guid? TroubleId, string? Note, string? ProjectName = null, string? CaseName = null);

/// <summary>The list's filters; null means "any". <c>OwnerPrefix</c> (e.g. "desk:") is for the console's desk view.</summary>
public sealed record FollowUpFilter(
    string? Owner = null, FollowUpStatus? Status = null, bool OverdueOnly = false, Guid? ProjectId = null, Guid? TroubleId = null,
    DateOnly? DueBefore = null, string? OwnerPrefix = null);

public static class ListFollowUpsEndpoint
{
    private const string Readers = Roles.Officer + "," + Roles.Hotline + "," + Roles.Auditor;

    /// <summary>Filters `owner`, `status` (Open, Done, Cancelled, or Overdue = open and past due), `projectId`, `troubleId`, `dueBefore`; by due date.</summary>
    [Query("owner", typeof(string), "Only tasks of this owner.")]
    [Query("status", typeof(string), "Open, Done, Cancelled, or Overdue (open and past due).", Values = ["Open", "Done", "Cancelled", "Overdue"])]
    [Query("projectId", typeof(Guid), "Only tasks about this project.")]
    [Query("troubleId", typeof(Guid), "Only tasks about this trouble case.")]
    [Query("dueBefore", typeof(DateOnly), "Only tasks due before this date.")]
    [Paged, ExportFormatQuery]
    [ProducesResponseType<ListPage<FollowUpItem>>(200)]
    [WolverineGet("/api/follow-ups"), Authorize(Roles = Readers)]
    public static async Task<IResult> Get(HttpContext context, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var query = new QueryParameters(context.Request);
        var owner = query.Text("owner");
        var statusText = query.Text("status");
        FollowUpStatus? status = null;
        var overdueOnly = string.Equals(statusText, "Overdue", StringComparison.OrdinalIgnoreCase);
        if (!overdueOnly) status = query.Enum<FollowUpStatus>("status");
        var projectId = query.Guid("projectId");
        var troubleId = query.Guid("troubleId");
        var dueBefore = query.Date("dueBefore");
        var (page, pageSize) = query.Paging();
        var format = ExportFormats.Read(query);
        if (query.Problem() is { } problem) return Results.Problem(problem);

        var filter = new FollowUpFilter(owner, status, overdueOnly, projectId, troubleId, dueBefore);
        var today = TokyoTime.Today(clock);
        if (format is { } file) return ListExport.AllPages(file, "tasks", (p, size) => QueryAsync(session, filter, today, p, size, ct));
        return Results.Ok(await QueryAsync(session, filter, TokyoTime.Today(clock), page, pageSize, ct));
    }

    /// <summary>One page of tasks by due date; also read by the web console.</summary>
    public static async Task<ListPage<FollowUpItem>> QueryAsync(IQuerySession session, FollowUpFilter filter, DateOnly today, int page, int pageSize,
        CancellationToken ct)
    {
        var (owner, status, overdueOnly, projectId, troubleId, dueBefore, ownerPrefix) = filter;
        IQueryable<FollowUpTask> tasks = session.Query<FollowUpTask>();
        if (owner is not null) tasks = tasks.Where(t => t.Owner == owner);
        if (ownerPrefix is not null) tasks = tasks.Where(t => t.Owner.StartsWith(ownerPrefix));
        if (status is not null) tasks = tasks.Where(t => t.Status == status.Value);
        if (overdueOnly) tasks = tasks.Where(t => t.Status == FollowUpStatus.Open && (t.DueOn < today || t.OverdueRecorded));
        if (projectId is not null) tasks = tasks.Where(t => t.ProjectId == projectId.Value);
        if (troubleId is not null) tasks = tasks.Where(t => t.TroubleId == troubleId.Value);
        if (dueBefore is not null) tasks = tasks.Where(t => t.DueOn < dueBefore.Value);

        // Only the row's columns leave PostgreSQL; `overdue` depends on today, so it is computed after the read.
        var found = await tasks.OrderBy(t => t.DueOn).ThenBy(t => t.Id)
            .Select(t => new Row(t.Id, t.Version, t.Title, t.Owner, t.DueOn, t.Status, t.OverdueRecorded, t.Rule, t.SourceEventType, t.ProjectId, t.TroubleId, t.Note))
            .ToPagedListAsync(page, pageSize, ct);
        var names = await FollowUpNames.LookUpAsync(session, found.Select(t => t.ProjectId), found.Select(t => t.TroubleId), ct);
        var items = found.Select(t => new FollowUpItem(t.Id, t.Version, t.Title, t.Owner, t.DueOn, t.Status,
            FollowUpTask.IsOverdue(t.Status, t.OverdueRecorded, t.DueOn, today), t.Rule, t.SourceEventType, t.ProjectId, t.TroubleId, t.Note,
            names.ProjectName(t.ProjectId), names.CaseName(t.TroubleId))).ToList();
        return new ListPage<FollowUpItem>(items, page, pageSize, found.TotalItemCount);
    }

    /// <summary>The columns of a task the list shows or computes from.</summary>
    private sealed record Row(Guid Id, long Version, string Title, string Owner, DateOnly DueOn, FollowUpStatus Status, bool OverdueRecorded, string Rule,
        string? SourceEventType, Guid? ProjectId, Guid? TroubleId, string? Note);

    /// <summary>One task, with its project's name (and the case's summary for a hotline task), and its ETag.</summary>
    [ProducesResponseType<FollowUpItem>(200)]
    [WolverineGet("/api/follow-ups/{id}", OperationId = "GetFollowUp"), Authorize(Roles = Readers + "," + Roles.Admin)]
    public static async Task<IResult> GetOne(Guid id, HttpContext context, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        if (await session.LoadAsync<FollowUpTask>(id, ct) is not { } t) return Results.Problem(FollowUpWriteModel.NotFound(id));
        var names = await FollowUpNames.LookUpAsync(session, [t.ProjectId], [t.TroubleId], ct);
        context.Response.Headers.ETag = IfMatch.ETag(t.Version);
        return Results.Ok(new FollowUpItem(t.Id, t.Version, t.Title, t.Owner, t.DueOn, t.Status,
            FollowUpTask.IsOverdue(t.Status, t.OverdueRecorded, t.DueOn, TokyoTime.Today(clock)), t.Rule, t.SourceEventType, t.ProjectId, t.TroubleId, t.Note,
            names.ProjectName(t.ProjectId), names.CaseName(t.TroubleId)));
    }

    /// <summary>Who created, completed, moved or cancelled a task, and when.</summary>
    [Paged, ExportFormatQuery]
    [ProducesResponseType<ListPage<HistoryItem>>(200)]
    [WolverineGet("/api/follow-ups/{id}/history", OperationId = "FollowUpHistory"), Authorize(Roles = Readers + "," + Roles.Admin)]
    public static async Task<IResult> History(Guid id, HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var query = new QueryParameters(context.Request);
        var (page, pageSize) = query.Paging();
        var format = ExportFormats.Read(query);
        if (query.Problem() is { } problem) return Results.Problem(problem);
        if (await session.LoadAsync<FollowUpTask>(id, ct) is null) return Results.Problem(FollowUpWriteModel.NotFound(id));
        if (format is { } file) return ListExport.AllPages(file, $"task-history-{id}", (p, size) => StreamHistory.ReadAsync(session, id, p, size, ct));
        return Results.Ok(await StreamHistory.ReadAsync(session, id, page, pageSize, ct));
    }
}
