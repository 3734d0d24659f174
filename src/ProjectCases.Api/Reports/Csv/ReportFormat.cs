using ProjectCases.Infrastructure.Http;

namespace ProjectCases.Reports.Csv;

public enum ReportFormat { Json, Csv }

public static class ReportFormats
{
    /// <summary>`?format=csv|json` wins; otherwise CSV when the Accept header asks for text/csv, else JSON.</summary>
    public static ReportFormat Read(HttpRequest request, QueryParameters query)
    {
        switch (query.Text("format")?.ToLowerInvariant())
        {
            case "csv": return ReportFormat.Csv;
            case "json": return ReportFormat.Json;
            case { } other:
                query.AddError("format", $"'{other}' is not a report format. Allowed values: csv, json.");
                return ReportFormat.Json;
        }
        var accept = request.GetTypedHeaders().Accept;
        return accept.Any(type => type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
            ? ReportFormat.Csv
            : ReportFormat.Json;
    }
}
