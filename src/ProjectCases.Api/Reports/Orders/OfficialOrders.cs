using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.OpenApi;
using System.ComponentModel.DataAnnotations;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Http;
using Wolverine.Http;

namespace ProjectCases.Reports.Orders;

/// <summary>
/// An officially published aggregate of infrastructure orders (e.g. seed 004: energy 5.1 trillion yen in 2018), with
/// where it was published. One stream per calendar year and group: a revised figure is a new event on it, the
/// earlier one stays in the history.
/// </summary>
public sealed record OfficialOrdersPublished(int CalendarYear, OfficialOrdersGroup Group, decimal AmountJpy, string Source);

public sealed record RecordOfficialOrders(
    [property: Required, Range(FiscalYear.Earliest, FiscalYear.Latest)] int? CalendarYear,
    [property: Required] OfficialOrdersGroup? Group,
    [property: Required, Range(typeof(decimal), "0", "1000000000000000000")] decimal? AmountJpy,
    [property: Required, StringLength(1000, MinimumLength = 1)] string Source);

/// <summary>The published figure as it stands (the latest revision), for the orders report.</summary>
public sealed class OfficialOrders
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public int CalendarYear { get; set; }
    public OfficialOrdersGroup Group { get; set; }
    public decimal AmountJpy { get; set; }
    public string Source { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedBy { get; set; }
}

public sealed class OfficialOrdersProjection : SingleStreamProjection<OfficialOrders, Guid>
{
    public OfficialOrdersProjection() => IncludeType<OfficialOrdersPublished>();

    public override OfficialOrders? Evolve(OfficialOrders? snapshot, Guid id, IEvent e) => e.Data is OfficialOrdersPublished x
        ? new OfficialOrders
        {
            Id = id, Version = e.Version, CalendarYear = x.CalendarYear, Group = x.Group, AmountJpy = x.AmountJpy, Source = x.Source,
            RecordedAt = e.Timestamp, RecordedBy = e.UserName,
        }
        : snapshot;
}

public static class OfficialOrdersStreams
{
    private static readonly Guid Namespace = new("0c5b8f0e-2f43-4a55-8a4e-61e3a1c0d7b2");

    public static Guid IdOf(int calendarYear, OfficialOrdersGroup group) => NameBasedGuid.Create(Namespace, $"official-orders/{calendarYear}/{group}");
}

public static class OfficialOrdersEndpoints
{
    /// <summary>Records (or revises) a published figure: 201 the first time for its year and group, 200 for a revision.</summary>
    [ProducesResponseType<OfficialOrdersWritten>(200), ProducesResponseType<OfficialOrdersWritten>(201)]
    [WolverinePost("/api/reports/official-orders", OperationId = "RecordOfficialOrders"), Authorize(Roles = Roles.Admin)]
    public static async Task<IResult> Post(RecordOfficialOrders command, IDocumentSession session, CancellationToken ct)
    {
        var id = OfficialOrdersStreams.IdOf(command.CalendarYear!.Value, command.Group!.Value);
        var stream = await session.Events.FetchForWriting<OfficialOrders>(id, ct);
        var version = (stream.CurrentVersion ?? 0) + 1;
        stream.AppendOne(new OfficialOrdersPublished(command.CalendarYear.Value, command.Group.Value, command.AmountJpy!.Value, command.Source.Trim()));
        var body = new OfficialOrdersWritten(id, version, command.CalendarYear.Value, command.Group.Value);
        return version == 1 ? WriteResults.Created("/api/reports/official-orders", body, version) : WriteResults.Ok(body, version);
    }

    /// <summary>Every published figure on record, by year and group.</summary>
    [ProducesResponseType<OfficialOrdersList>(200)]
    [WolverineGet("/api/reports/official-orders", OperationId = "ListOfficialOrders"), Authorize(Roles = Roles.ReportReaders)]
    public static async Task<IResult> List(HttpContext context, IQuerySession session, CancellationToken ct)
    {
        if (new QueryParameters(context.Request).Problem() is { } problem) return Results.Problem(problem);
        var all = await session.Query<OfficialOrders>().OrderBy(o => o.CalendarYear).ThenBy(o => o.Group).ToListAsync(ct);
        return Results.Ok(new OfficialOrdersList(all));
    }
}

/// <summary>A recorded figure: its stream, the stream's new version, and which year and group it is.</summary>
public sealed record OfficialOrdersWritten(Guid Id, long Version, int CalendarYear, OfficialOrdersGroup Group);

/// <summary>Every published figure on record, by year and group.</summary>
public sealed record OfficialOrdersList(IReadOnlyList<OfficialOrders> Items);
