using Microsoft.AspNetCore.Mvc;

namespace ProjectCases.WebConsole;

/// <summary>A horizontal bar chart drawn on the server as SVG (no script, no style attribute: CSP-friendly).</summary>
public sealed record BarChart(string Id, string Title, IReadOnlyList<Bar> Bars)
{
    public const int Width = 640, LabelWidth = 220, BarHeight = 22, Gap = 8, ValueWidth = 110;

    public int Height => Math.Max(1, Bars.Count) * (BarHeight + Gap) + Gap;

    public decimal Max => Bars.Count == 0 ? 0 : Bars.Max(b => b.Value);

    /// <summary>The bar's length in the drawing; 0 when every value is 0.</summary>
    public int LengthOf(Bar bar) =>
        Max <= 0 ? 0 : (int)Math.Round(bar.Value / Max * (Width - LabelWidth - ValueWidth - Gap), MidpointRounding.AwayFromZero);
}

public sealed record Bar(string Label, decimal Value, string ValueLabel, bool Highlight = false);

/// <summary>Lets a page handler answer with an API endpoint's own IResult (the reports' CSV), unchanged.</summary>
public sealed class EndpointResult(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
}
