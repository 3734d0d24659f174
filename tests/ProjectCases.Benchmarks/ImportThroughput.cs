using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using ProjectCases.Imports;
using ProjectCases.Infrastructure.Auth;
using static ProjectCases.Benchmarks.Results;

namespace ProjectCases.Benchmarks;

/// <summary>
/// `--import [rows]` (issue 17: at least 500 rows/s): one workbook of <c>rows</c> rows — a tenth projects, the rest touchpoints,
/// agreements and awards on them — sent to POST /api/imports as a dry run, for real, and again (all already recorded).
/// </summary>
public static class ImportThroughput
{
    public const int DefaultRows = 10_000;
    public const double Target = 500;

    public static byte[] Workbook(int rows)
    {
        var projects = Math.Max(1, rows / 10);
        var others = rows - projects;
        var touchpoints = others * 6 / 10;
        var agreements = others * 2 / 10;
        var awards = others - touchpoints - agreements;
        string Key(int n) => $"bench-{n % projects}";
        var sheets = new List<(string, IEnumerable<IReadOnlyList<string?>>)>
        {
            ("Projects", Rows(["key", "name", "country", "sector", "financing", "ministry"], projects,
                n => [$"bench-{n}", $"Imported project {n}", new[] { "VN", "IN", "PH", "ID", "TH" }[n % 5], "Rail", "YenLoan", "MLIT"])),
            ("Touchpoints", Rows(["project", "kind", "occurredOn", "japanLevel", "counterpart", "summary"], touchpoints,
                n => [Key(n), "Seminar", $"2025-{n % 12 + 1:00}-{n % 28 + 1:00}", "SeniorOfficial", "Ministry of Transport", $"Seminar {n} on railway safety"])),
            ("Agreements", Rows(["project", "agreementType", "level", "title", "parties", "signedOn"], agreements,
                n => [Key(n), "MOC", "Administrative", $"Memorandum {n}", "Japan; Partner", $"FY{2015 + n % 10}"])),
            ("Awards", Rows(["project", "package", "winner", "japaneseWinner", "awardType", "scope", "awardedOn"], awards,
                n => [Key(n), $"Package {n}", "Example Corporation", n % 2 == 0 ? "true" : "false", "Prime", "Civil", $"2024-{n % 12 + 1:00}"])),
        };
        using var output = new MemoryStream();
        ProjectCases.Imports.Workbook.Write(output, sheets);
        return output.ToArray();
    }

    private static IEnumerable<IReadOnlyList<string?>> Rows(string?[] header, int count, Func<int, string?[]> row) =>
        [header, .. Enumerable.Range(0, count).Select(row)];

    public static async Task Measure(Uri baseAddress, int rows, Results results)
    {
        var file = Workbook(rows);
        Console.WriteLine($"Workbook: {rows:N0} rows, {file.Length / 1024.0:N0} KiB");
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(30) };
        var token = DevelopmentTokens.Create(Roles.Officer, name: "bench.import");
        foreach (var (label, dryRun) in new[] { ("dry run", true), ("real run", false), ("second run (all already recorded)", false) })
        {
            using var form = new MultipartFormDataContent();
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue(ImportEndpoints.XlsxType);
            form.Add(content, "file", "bench.xlsx");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/imports?dryRun={(dryRun ? "true" : "false")}") { Content = form };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var clock = Stopwatch.StartNew();
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            clock.Stop();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Import {label}: {(int)response.StatusCode} {body}");
            var report = JsonDocument.Parse(body).RootElement;
            var perSecond = rows / clock.Elapsed.TotalSeconds;
            Console.WriteLine($"  {label}: {clock.Elapsed.TotalSeconds:0.0} s, {perSecond:N0} rows/s (recorded {report.GetProperty("recorded").GetInt32()}, " +
                $"refused {report.GetProperty("refused").GetInt32()}, already recorded {report.GetProperty("alreadyRecorded").GetInt32()})");
            results.Add($"import of {rows:N0} rows, {label}", Rate(perSecond, "rows/s"), $"{clock.Elapsed.TotalSeconds:0.0} s",
                target: dryRun || label.StartsWith("second") ? "" : $"≥ {Target} rows/s", met: dryRun || label.StartsWith("second") ? null : perSecond >= Target);
        }
    }
}
