using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;

namespace ProjectCases.Infrastructure.Decisions;

/// <summary>What must hold before any decision on an existing stream runs, for HTTP and in-process callers alike.</summary>
public static class WritePrecondition
{
    /// <summary>404 for a missing stream or one the user may not see; 412 when the caller's expected version is stale; else null.</summary>
    public static ProblemDetails? Check<T>(T? model, Guid id, ClaimsPrincipal user, long? expectedVersion) where T : class, IWriteModel<T>
    {
        if (model is null || !model.VisibleTo(user)) return T.NotFound(id);
        if (expectedVersion is { } expected && expected != model.Version)
            return new ProblemDetails
            {
                Status = 412, Title = "Stale version",
                Detail = $"If-Match names version {expected}, but the record is at version {model.Version}; read it again and retry.",
            };
        return null;
    }
}
