using System.Globalization;
using System.Text;

namespace ProjectCases.Benchmarks;

/// <summary>One line of the results table: the figure, its measurement, and the issue's target for it.</summary>
public sealed record ResultLine(string Figure, string Value, string Latency, string Ratio, string Target, string Verdict);

public sealed class Results
{
    private readonly List<ResultLine> _lines = [];
    public IReadOnlyList<ResultLine> Lines => _lines;

    public void Add(string figure, string value, string latency = "", string ratio = "", string target = "", bool? met = null)
    {
        var line = new ResultLine(figure, value, latency, ratio, target, met switch { true => "met", false => "MISSED", null => "" });
        _lines.Add(line);
        Console.WriteLine($"  {line.Figure,-44} {line.Value,14} {line.Latency,-34} {line.Ratio,-14} {line.Verdict}");
    }

    public static string Rate(double perSecond, string unit) => $"{perSecond.ToString("N0", CultureInfo.InvariantCulture)} {unit}";

    public static string Latency(Measurement m) =>
        $"p50 {m.P50Ms:0.0} / p95 {m.P95Ms:0.0} / p99 {m.P99Ms:0.0} ms" + (m.Failures > 0 ? $", {m.Failures} errors" : "");

    public string Table()
    {
        var text = new StringBuilder("| figure | value | latency | ratio to raw ceiling | target | |\n| --- | --- | --- | --- | --- | --- |\n");
        foreach (var l in _lines) text.AppendLine($"| {l.Figure} | {l.Value} | {l.Latency} | {l.Ratio} | {l.Target} | {l.Verdict} |");
        return text.ToString();
    }
}
