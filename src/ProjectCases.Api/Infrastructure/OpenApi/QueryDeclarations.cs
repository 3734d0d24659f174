using ProjectCases.Infrastructure.Http;
using ProjectCases.Reports;

namespace ProjectCases.Infrastructure.OpenApi;

/// <summary>
/// One query-string parameter a GET endpoint reads: the single declaration that both
/// <see cref="QueryParameters"/> (which refuses to read an undeclared name) and the OpenAPI document use,
/// so the description cannot drift from the reader.
/// </summary>
public sealed record QuerySpec(string Name, Type Type, string Description, bool Required = false, long? Minimum = null, long? Maximum = null,
    IReadOnlyList<string>? AllowedValues = null, int? MaxLength = null);

/// <summary>Endpoint metadata (an attribute on the endpoint method) that declares query parameters.</summary>
public interface IDeclaresQuery
{
    IEnumerable<QuerySpec> Parameters { get; }
}

/// <summary>
/// `[Query("sector", typeof(Sector), "...")]` on an endpoint method: the endpoint reads this parameter through
/// <see cref="QueryParameters"/>. Types: string, Guid, DateOnly, int, long, bool or an enum (sent by name).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class QueryAttribute(string name, Type type, string description) : Attribute, IDeclaresQuery
{
    public bool Required { get; set; }
    /// <summary>Inclusive bounds of a number; long.MinValue / long.MaxValue mean none (attributes take no nullables).</summary>
    public long Minimum { get; set; } = long.MinValue;
    public long Maximum { get; set; } = long.MaxValue;
    /// <summary>The values a string parameter allows, when it is a closed list that is not a C# enum.</summary>
    public string[]? Values { get; set; }

    public IEnumerable<QuerySpec> Parameters =>
    [
        new(name, type, description, Required, Minimum == long.MinValue ? null : Minimum, Maximum == long.MaxValue ? null : Maximum, Values),
    ];
}

/// <summary>`page` and `pageSize`, the one paging rule of every list (<see cref="QueryParameters.Paging"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PagedAttribute : Attribute, IDeclaresQuery
{
    public IEnumerable<QuerySpec> Parameters =>
    [
        new("page", typeof(int), $"The page, from 1 (page × pageSize at most {QueryParameters.MaxItemsReachable}).", Minimum: 1,
            Maximum: QueryParameters.MaxItemsReachable),
        new("pageSize", typeof(int), $"Items per page (default {QueryParameters.DefaultPageSize}).", Minimum: 1, Maximum: QueryParameters.MaxPageSize),
    ];
}

/// <summary>A required fiscal year (<see cref="ReportQuery.FiscalYearParameter"/>): 2024 = 2024-04-01 to 2025-03-31.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class FiscalYearQueryAttribute(string name = "fiscalYear", string description = "The fiscal year, e.g. 2024 for 2024-04-01 to 2025-03-31.")
    : Attribute, IDeclaresQuery
{
    public IEnumerable<QuerySpec> Parameters =>
        [new(name, typeof(int), description, Required: true, Minimum: FiscalYear.Earliest, Maximum: FiscalYear.Latest)];
}

/// <summary>`format=json|csv` of the reports (<see cref="Reports.Csv.ReportFormats.Read"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReportFormatQueryAttribute : Attribute, IDeclaresQuery
{
    public IEnumerable<QuerySpec> Parameters =>
        [new("format", typeof(string), "json or csv; without it, CSV when the Accept header asks for text/csv, else JSON.", AllowedValues: ["json", "csv"])];
}

/// <summary>
/// Marks a write that checks `If-Match` itself (writes with a <c>[WriteAggregate]</c> are found without it).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AcceptsIfMatchAttribute : Attribute;

/// <summary>The endpoint answers a file's bytes (described as application/octet-stream), not JSON.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FileResponseAttribute : Attribute;
