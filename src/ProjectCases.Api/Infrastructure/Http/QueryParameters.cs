using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Errors;
using ProjectCases.Infrastructure.Json;
using ProjectCases.Infrastructure.OpenApi;

namespace ProjectCases.Infrastructure.Http;

/// <summary>
/// Reads query-string filters and paging, collecting every bad value so that one 400 names them all.
/// (Wolverine's own binding would silently ignore an unknown enum name.)
/// The parameters a route reads are the ones it knows: <see cref="Problem"/> also refuses every other parameter
/// the request carries, naming it and the known ones, so a misspelt or unsupported filter never silently returns
/// everything. Read every parameter (or <see cref="Allow"/> it) before asking for the problem.
/// On an API endpoint every name read must also be declared on the endpoint (<see cref="QueryAttribute"/>,
/// <see cref="PagedAttribute"/>, ...), with the same bounds: the OpenAPI document is made from those declarations,
/// so a parameter read but not declared is a programming error that fails the endpoint's tests rather than a
/// silent gap in the contract. (The console's Razor Pages reuse these readers with their own query strings, which
/// are not part of the API contract: they are not checked.)
/// </summary>
public sealed class QueryParameters(HttpRequest request)
{
    // Query keys are case-insensitive in ASP.NET Core, so the known names are too. A console page that answers with
    // an endpoint's own result (the report CSVs) is chosen by Razor Pages' `handler` parameter, which is not a filter.
    private readonly HashSet<string> _known = new(
        request.Path.StartsWithSegments("/api") ? [] : ["handler"], StringComparer.OrdinalIgnoreCase);

    // Null off the API (console pages) and without an endpoint: only the /api routes are the contract.
    private readonly Dictionary<string, QuerySpec>? _declared = request.Path.StartsWithSegments("/api")
        && request.HttpContext.GetEndpoint()?.Metadata is { } metadata
            ? metadata.OfType<IDeclaresQuery>().SelectMany(d => d.Parameters).ToDictionary(p => p.Name, StringComparer.Ordinal)
            : null;

    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    /// <summary>
    /// How deep any list may be paged: page × pageSize ≤ this. Keeps every offset far from int overflow (Marten's
    /// paging computes it in int) and PostgreSQL from walking millions of rows for one page; filters reach the rest.
    /// </summary>
    public const int MaxItemsReachable = 10_000_000;

    private readonly List<(string Field, string Message)> _errors = [];

    public string? Text(string name) => Raw(name) is { Length: > 0 } value ? value.Trim() : null;

    /// <summary>Marks parameters as known without reading them (e.g. ones read by the framework).</summary>
    public QueryParameters Allow(params string[] names)
    {
        foreach (var name in names) _known.Add(name);
        return this;
    }

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
        _known.Add(name);
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

    /// <summary>`true` or `false` (any case); absent is false.</summary>
    public bool Bool(string name)
    {
        var text = Text(name);
        if (text is null) return false;
        if (bool.TryParse(text, out var value)) return value;
        _errors.Add((name, "must be true or false."));
        return false;
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

    /// <summary>Records the error and gives the value to carry on with (none: the problem is answered before use).</summary>
    public T? Refuse<T>(string field, string message)
    {
        AddError(field, message);
        return default;
    }

    /// <summary>
    /// The 400 problem naming every bad parameter, or null when all were fine. A parameter the route never read
    /// is unknown to it and refused here.
    /// </summary>
    public ProblemDetails? Problem()
    {
        var known = string.Join(", ", _known.Order(StringComparer.Ordinal));
        foreach (var unknown in request.Query.Keys.Where(key => !_known.Contains(key)))
        {
            _errors.Add((unknown, known.Length == 0
                ? "is not a parameter of this route: it takes none."
                : $"is not a parameter of this route. Known parameters: {known}."));
        }
        return _errors.Count == 0 ? null : FieldErrors.Problem(_errors, jsonPaths: true);
    }
}
