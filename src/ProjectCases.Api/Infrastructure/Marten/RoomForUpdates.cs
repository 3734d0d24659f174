using Marten;
using Weasel.Postgresql.Tables;

namespace ProjectCases.Infrastructure.Marten;

public static class RoomForUpdates
{
    /// <summary>
    /// For documents rewritten by most writes (a project's status and write model, its search entry): pages filled to
    /// 70 % leave room for the new row version on the same page, so PostgreSQL can update in place (a HOT update) when no
    /// indexed column changed (a touchpoint changes none of them), instead of adding a new entry to every index of the
    /// table — for the search entries, hundreds of bigrams in a GIN index per write (docs/benchmarks/README.md).
    /// </summary>
    public static MartenRegistry.DocumentMappingExpression<T> LeaveRoomForUpdates<T>(this MartenRegistry.DocumentMappingExpression<T> document) =>
        document.StorageParameter(StorageParameterNames.FillFactor, 70);
}
