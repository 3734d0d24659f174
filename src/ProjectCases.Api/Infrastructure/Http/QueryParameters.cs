using Microsoft.AspNetCore.Mvc;
using ProjectCases.Infrastructure.Errors;
using ProjectCases.Infrastructure.Json;

namespace ProjectCases.Infrastructure.Http;

/// <summary>
/// Reads query-string filters and paging, collecting every bad value so that one 400 names them all.
/// (Wolverine's own binding would silently ignore an unknown enum name.)
/// </summary>
public sealed class QueryParameters(HttpRequest request)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    private readonly List<(string Field, string Message)> _errors = [];

    public string? Text(string name) => request.Query[name].ToString() is { Length: > 0 } value ? value.Trim() : null;

    public T? Enum<T>(string name) where T : struct, System.Enum
    {
        // Names only, as in bodies: not numbers ("1", "+1") and not padded (" 1"), so no trimming here.
        if (request.Query[name].ToString() is not { Length: > 0 } text) return null;
        if (EnumNames.TryParse<T>(text, out var value)) return value;
        _errors.Add((name, EnumNames.NotAllowed<T>(text)));
        return null;
    }

    public int Int(string name, int fallback, int min, int max)
    {
        var text = Text(name);
        if (text is null) return fallback;
        if (int.TryParse(text, out var value) && value >= min && value <= max) return value;
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

    public (int Page, int PageSize) Paging() =>
        (Int("page", 1, 1, int.MaxValue), Int("pageSize", DefaultPageSize, 1, MaxPageSize));

    public void AddError(string field, string message) => _errors.Add((field, message));

    /// <summary>The 400 problem naming every bad parameter, or null when all were fine.</summary>
    public ProblemDetails? Problem() => _errors.Count == 0 ? null : FieldErrors.Problem(_errors);
}
