namespace ProjectCases.WebConsole;

/// <summary>A filter drop-down over an enum's values, labelled in the current language.</summary>
public sealed record EnumSelect(string Name, string Label, Type EnumType, string? Selected)
{
    public static EnumSelect For<T>(string name, string label, T? selected) where T : struct, Enum =>
        new(name, label, typeof(T), selected?.ToString());
}

/// <summary>Previous / next links that keep the other query parameters.</summary>
public sealed record Pager(int Page, int PageCount, string? PreviousUrl, string? NextUrl)
{
    public static Pager Of(int page, int pageSize, long total, HttpRequest request)
    {
        var pageCount = (int)Math.Max(1, (total + pageSize - 1) / pageSize);
        string Url(int target)
        {
            var query = request.Query.Where(pair => pair.Key != "page")
                .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string?>(pair.Key, value)))
                .Append(new KeyValuePair<string, string?>("page", target.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return request.Path + QueryString.Create(query);
        }
        return new Pager(page, pageCount, page > 1 ? Url(page - 1) : null, page < pageCount ? Url(page + 1) : null);
    }
}

/// <summary>
/// "CSV" / "Excel" links of a list page: the page's own URL with its current filters (not its page number), answered by
/// the page's `export` handler with every matching row (<see cref="Infrastructure.Export.ListExport"/>).
/// </summary>
public sealed record ExportLinks(string CsvUrl, string XlsxUrl)
{
    public static ExportLinks Of(HttpRequest request)
    {
        string Url(string format)
        {
            var query = request.Query.Where(pair => pair.Key is not ("page" or "handler" or "format"))
                .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string?>(pair.Key, value)))
                .Where(pair => !string.IsNullOrEmpty(pair.Value))
                .Prepend(new KeyValuePair<string, string?>("format", format))
                .Prepend(new KeyValuePair<string, string?>("handler", "export"));
            return request.Path + QueryString.Create(query);
        }
        return new ExportLinks(Url("csv"), Url("xlsx"));
    }
}
