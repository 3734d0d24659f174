using System.Security.Claims;
using Marten;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Projects;
using ProjectCases.Projects.Status;

namespace ProjectCases.Imports;

/// <summary>
/// Where an import row's decision is written: batched (<see cref="ImportBatch"/>, one SaveChanges for many rows) or row by row
/// (<see cref="RowByRowWrites"/>, the single writes' own InProcessWrites). The runner's steps for a row are the same with either.
/// </summary>
public interface IRowWrites
{
    /// <summary>Starts project <paramref name="id"/> with the decision's events.</summary>
    Task<WriteOutcome> StartAsync(Guid id, Func<IDocumentSession, CancellationToken, Task<Decision>> decide, CancellationToken ct);

    /// <summary>Decides on project <paramref name="id"/> fetched for writing (404 when missing or not visible) and appends the events.</summary>
    Task<WriteOutcome> ExecuteAsync(Guid id, Func<IDocumentSession, ProjectWriteModel, CancellationToken, Task<Decision>> decide, CancellationToken ct);
}

/// <summary>Each row its own session and SaveChanges in the caller's transaction, exactly as the single writes do it.</summary>
public sealed class RowByRowWrites(InProcessWrites inTransaction, ClaimsPrincipal user) : IRowWrites
{
    public Task<WriteOutcome> StartAsync(Guid id, Func<IDocumentSession, CancellationToken, Task<Decision>> decide, CancellationToken ct) =>
        inTransaction.StartAsync<ProjectStatus>(id, user, decide, ct);

    public Task<WriteOutcome> ExecuteAsync(Guid id, Func<IDocumentSession, ProjectWriteModel, CancellationToken, Task<Decision>> decide, CancellationToken ct) =>
        inTransaction.ExecuteAsync(id, null, user, decide, ct);
}
