using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;

namespace ProjectCases.Infrastructure.Decisions;

/// <summary>
/// The slim, immutable state one stream type's decisions need, folded from that stream's events by an inline
/// Marten projection (stored with each append; Wolverine's aggregate workflow fetches it for writing in one
/// row). Version is the stream's version: every event of the stream counts, also those the model ignores.
/// </summary>
public interface IWriteModel<TSelf> where TSelf : class, IWriteModel<TSelf>
{
    Guid Id { get; }
    long Version { get; }

    /// <summary>Object-level access: false answers the same 404 as a missing stream (never 403, so ids cannot be probed).</summary>
    bool VisibleTo(ClaimsPrincipal user) => true;

    /// <summary>The 404 for a missing stream, or one the caller may not see.</summary>
    static abstract ProblemDetails NotFound(Guid id);

    /// <summary>
    /// The stream's read models that inline projections rewrite on every append (ProjectStatus beside the project's
    /// write model). An endpoint writing through this model fetches them in the same round trip as the model, so at
    /// commit their projections evolve the fetched documents instead of loading each again (ReadModelsBesideWrites).
    /// </summary>
    static virtual IReadOnlyList<Type> ReadModelsBeside => [];
}
