using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace ProjectCases.Engagements;

public static class GetEngagementEndpoint
{
    /// <summary>
    /// One engagement as it counts now (its corrected values), with `voided`/`voidReason` and its `history` (the recording
    /// and each correction or void: who, when, why, the values). A voided one still answers here: its record stays readable.
    /// </summary>
    [ProducesResponseType<Engagement>(200)]
    [WolverineGet("/api/engagements/{id}", OperationId = "GetEngagement"), Authorize(Roles = ListEngagementsEndpoint.Readers)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Engagement>(id, ct) is { } engagement
            ? Results.Ok(engagement)
            : Results.Problem(EngagementWriteModel.NotFound(id));
}
