using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Errors;
using ProjectCases.Infrastructure.Json;
using ProjectCases.Infrastructure.OpenApi;

namespace ProjectCases.Infrastructure.Http;

/// <summary>
/// Reads query-string filters and paging, collecting every bad value so that one 400 names them all.
/// (Wolverine's own binding would silently ignore an unknown enum name.) Every name read must be declared on
/// the endpoint (<see cref="QueryAttribute"/>, <see cref="PagedAttribute"/>, ...), with the same bounds: the
/// OpenAPI document is made from those declarations, so a parameter read but not declared is a programming
/// error that fails the endpoint's tests rather than a silent gap in the contract.
/// </summary>
public sealed class QueryParameters(HttpRequest request)
{
    private readonly Dictionary<string, QuerySpec>? _declared = request.HttpContext.GetEndpoint()?.Metadata
        .OfType<IDeclaresQuery>().SelectMany(d => d.Parameters).ToDictionary(p => p.Name, StringComparer.Ordinal);

    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    /// <summary>
    /// How deep any list may be paged: page × pageSize ≤ this. Keeps every offset far from int overflow (Marten's
    /// paging computes it in int) and PostgreSQL from walking millions of rows for one page; filters reach the rest.
    /// </summary>
    public const int MaxItemsReachable = 10_000_000;

    private readonly List<(string Field, string Message)> _errors = [];

    public string? Text(string name) => Raw(name) is { Length: > 0 } value ? value.Trim() : null;

    private string Raw(string name, long? min = null, long? max = null)
    {
        if (_declared is not null)
        {
            var endpoint = request.HttpContext.GetEndpoint()?.DisplayName;
            if (!_declared.TryGetValue(name, out var spec))
                throw new InvalidOperationException($"{endpoint} reads the query parameter '{name}' without declaring it: add [Query(\"{name}\", ...)] to the endpoint method.");
            if (min is not null && ((spec.Minimum ?? long.MinValue) != min || (spec.Maximum ?? long.MaxValue) != max))
                throw new InvalidOperationException($"{endpoint} reads '{name}' from {min} to {max} but declares {spec.Minimum} to {spec.Maximum}.");
        }
        return request.Query[name].ToString();
    }

    public T? Enum<T>(string name) where T : struct, System.Enum
    {
        // Names only, as in bodies: not numbers ("1", "+1") and not padded (" 1"), so no trimming here.
        if (Raw(name) is not { Length: > 0 } text) return null;
        if (EnumNames.TryParse<T>(text, out var value)) return value;
        _errors.Add((name, EnumNames.NotAllowed<T>(text)));
        return null;
    }

    public int Int(string name, int fallback, int min, int max)
    {
        var text = Raw(name, min, max) is { Length: > 0 } raw ? raw.Trim() : null;
        if (text is null) return fallback;
        if (int.TryParse(text, out var value) && value >= min && value <= max) return value;
        _errors.Add((name, $"must be a whole number from {min} to {max}."));
        return fallback;
    }

    public long Long(string name, long fallback, long min, long max)
    {
        var text = Raw(name, min, max) is { Length: > 0 } raw ? raw.Trim() : null;
        if (text is null) return fallback;
        if (long.TryParse(text, out var value) && value >= min && value <= max) return value;
        _errors.Add((name, $"must be a whole number from {min} to {max}."));
        return fallback;
    }

    public DateOnly? Date(string name)
    {
        var text = Text(name);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date)) return date;
        _errors.Add((name, "must be a date in the form YYYY-MM-DD."));
        return null;
    }

    public Guid? Guid(string name)
    {
        var text = Text(name);
        if (text is null) return null;
        if (System.Guid.TryParse(text, out var id)) return id;
        _errors.Add((name, "must be an id (a UUID)."));
        return null;
    }

    /// <summary>
    /// The one paging rule of every list: `page` from 1, `pageSize` from 1 to <see cref="MaxPageSize"/> (default
    /// <see cref="DefaultPageSize"/>), and page × pageSize at most <see cref="MaxItemsReachable"/>. A bad value is
    /// named in the 400 like any other parameter; the list is not read.
    /// </summary>
    public (int Page, int PageSize) Paging()
    {
        var pageSize = Int("pageSize", DefaultPageSize, 1, MaxPageSize);
        var lastPage = MaxItemsReachable / pageSize;
        var text = Raw("page", 1, MaxItemsReachable) is { Length: > 0 } value ? value.Trim() : null;
        if (text is null) return (1, pageSize);
        if (int.TryParse(text, out var page) && page >= 1 && page <= lastPage) return (page, pageSize);
        _errors.Add(("page", $"must be a whole number from 1 to {lastPage} (page × pageSize may not exceed {MaxItemsReachable})."));
        return (1, pageSize);
    }

    public void AddError(string field, string message) => _errors.Add((field, message));

    /// <summary>The 400 problem naming every bad parameter, or null when all were fine.</summary>
    public ProblemDetails? Problem() => _errors.Count == 0 ? null : FieldErrors.Problem(_errors);
}
