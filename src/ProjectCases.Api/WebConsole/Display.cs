using System.Globalization;
using Microsoft.Extensions.Localization;
using ProjectCases.WebConsole.Resources;

namespace ProjectCases.WebConsole;

/// <summary>How the console writes dates, Japan times, amounts and enum values in the current language.</summary>
public sealed class Display(IStringLocalizer<Text> text)
{
    private static bool Japanese => ConsoleCulture.IsJapanese;

    /// <summary>An instant as Japan time, always saying so ("2026年12月03日 09:14 日本時間" / "3 Dec 2026 09:14 Japan time").</summary>
    public string JapanTime(DateTimeOffset instant)
    {
        var tokyo = TimeZoneInfo.ConvertTime(instant, TokyoTime.Zone);
        var pattern = Japanese ? "yyyy年M月d日 HH:mm" : "d MMM yyyy HH:mm";
        return $"{tokyo.ToString(pattern, CultureInfo.CurrentCulture)} {text["JapanTime"]}";
    }

    public string JapanTime(DateTimeOffset? instant) => instant is { } value ? JapanTime(value) : "—";

    /// <summary>The ISO form for a &lt;time datetime&gt; attribute, with the Japan offset.</summary>
    public static string Iso(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TokyoTime.Zone).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    public string Date(DateOnly? date) => date is { } value
        ? value.ToString(Japanese ? "yyyy年M月d日" : "d MMM yyyy", CultureInfo.CurrentCulture)
        : "—";

    /// <summary>A business date at its own precision: a day as above, a month as "2019年5月" / "May 2019", a fiscal year as
    /// "2019年度" / "FY2019" (never widened to a made-up day).</summary>
    public string Date(BusinessDate? date) => date switch
    {
        null => "—",
        { Precision: DatePrecision.Month } month => month.Start.ToString(Japanese ? "yyyy年M月" : "MMM yyyy", CultureInfo.CurrentCulture),
        { Precision: DatePrecision.FiscalYear } year => Japanese ? $"{year.FiscalYear}年度" : $"FY{year.FiscalYear}",
        { } day => Date(day.Start),
    };

    public static string Yen(decimal? amount) => amount is { } value ? "¥" + value.ToString("#,0", CultureInfo.InvariantCulture) : "—";

    public static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>An enum value by its resource key "Type.Value" (e.g. Sector.Rail → 鉄道 / Rail).</summary>
    public string Enum<T>(T? value) where T : struct, System.Enum => value is { } v ? text[$"{typeof(T).Name}.{v}"] : "—";

    public string Enum<T>(T value) where T : struct, System.Enum => text[$"{typeof(T).Name}.{value}"];

    public string Region(string region) => Japanese ? Reports.JapaneseLabels.OfRegion(region) : region;

    public string Text(string key) => text[key];
}
