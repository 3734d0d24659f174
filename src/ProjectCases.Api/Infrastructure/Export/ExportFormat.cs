using ProjectCases.Infrastructure.Http;

namespace ProjectCases.Infrastructure.Export;

/// <summary>A list's rows as a file instead of a JSON page.</summary>
public enum ExportFormat { Csv, Xlsx }

public static class ExportFormats
{
    public const string Csv = "text/csv; charset=utf-8";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// `?format=csv|xlsx` (`json`, or none, is the usual JSON page). Read before <see cref="QueryParameters.Problem"/>, so an
    /// unknown format is named in the same 400 as any other bad filter.
    /// </summary>
    public static ExportFormat? Read(QueryParameters query)
    {
        switch (query.Text("format")?.ToLowerInvariant())
        {
            case null or "json": return null;
            case "csv": return ExportFormat.Csv;
            case "xlsx": return ExportFormat.Xlsx;
            case { } other:
                query.AddError("format", $"'{other}' is not a list format. Allowed values: json, csv, xlsx.");
                return null;
        }
    }
}
