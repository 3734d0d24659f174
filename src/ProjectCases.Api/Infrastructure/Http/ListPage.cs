namespace ProjectCases.Infrastructure.Http;

/// <summary>The shape of every list in API.md.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);
