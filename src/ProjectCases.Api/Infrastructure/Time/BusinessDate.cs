using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;

namespace ProjectCases;

/// <summary>How precisely the source gives a business date.</summary>
public enum DatePrecision { Day, Month, FiscalYear }

/// <summary>
/// A business date as precise as its source: a day (2019-11-20), a month (2019-11) or a Japanese fiscal year
/// (FY2019, April 2019 to March 2020). It is stored and shown exactly as given; whatever needs one day
/// (reports, fiscal years, follow-up due dates, ordering) uses <see cref="Start"/>, the period's first day.
/// In JSON (requests, responses, stored events) it is the same text, so events stored as "2024-05-01" before
/// month and fiscal-year dates existed read as day precision without any upcasting.
/// </summary>
[JsonConverter(typeof(BusinessDateJsonConverter)), System.ComponentModel.TypeConverter(typeof(BusinessDateTypeConverter))]
public readonly record struct BusinessDate : IComparable<BusinessDate>
{
    public const string Forms = "a date YYYY-MM-DD, a month YYYY-MM or a Japanese fiscal year FYYYYY (e.g. 2025-04-01, 2025-04, FY2025)";

    private BusinessDate(DateOnly start, DatePrecision precision) => (Start, Precision) = (start, precision);

    /// <summary>The first day of the period: the day itself, the month's 1st, or 1 April of the fiscal year.</summary>
    public DateOnly Start { get; }

    public DatePrecision Precision { get; }

    /// <summary>The last day of the period.</summary>
    public DateOnly End => Precision switch
    {
        DatePrecision.Month => Start.AddMonths(1).AddDays(-1),
        DatePrecision.FiscalYear => Start.AddYears(1).AddDays(-1),
        _ => Start,
    };

    /// <summary>The Japanese fiscal year the period starts in.</summary>
    public int FiscalYear => Start.Month >= 4 ? Start.Year : Start.Year - 1;

    public static BusinessDate Day(DateOnly day) => new(day, DatePrecision.Day);

    public static BusinessDate Month(int year, int month) => new(new DateOnly(year, month, 1), DatePrecision.Month);

    public static BusinessDate OfFiscalYear(int fiscalYear) => new(new DateOnly(fiscalYear, 4, 1), DatePrecision.FiscalYear);

    /// <summary>A day is the precision every client before month dates sent; it converts without loss.</summary>
    public static implicit operator BusinessDate(DateOnly day) => Day(day);

    /// <summary>Exactly the three forms, with four-digit years and two-digit months and days: "2019-5", "FY19" and
    /// "2019-13" are refused rather than guessed at.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out BusinessDate date)
    {
        date = default;
        if (text is null) return false;
        if (text.Length == 6 && text.StartsWith("FY", StringComparison.Ordinal) && Digits(text, 2, 4, out var fy) && fy >= 1)
        {
            date = OfFiscalYear(fy);
            return true;
        }
        if (text.Length == 7 && text[4] == '-' && Digits(text, 0, 4, out var year) && Digits(text, 5, 2, out var month)
            && year >= 1 && month is >= 1 and <= 12)
        {
            date = Month(year, month);
            return true;
        }
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            date = Day(day);
            return true;
        }
        return false;
    }

    public static BusinessDate Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException($"'{text}' is not {Forms}.");

    public override string ToString() => Precision switch
    {
        DatePrecision.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        DatePrecision.FiscalYear => $"FY{Start.Year:0000}",
        _ => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>By start; at the same start the wider period first (FY2019, 2019-04, 2019-04-01).</summary>
    public int CompareTo(BusinessDate other)
    {
        var byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : other.Precision.CompareTo(Precision);
    }

    /// <summary>True only when this period ends before the other begins (nothing to compare with: false). Rules such as
    /// "an award cannot come before its tender" refuse only what is certainly wrong: "2019-05" is not before
    /// "2019-05-20", since the source does not say which day of May it was.</summary>
    public bool EndsBefore(BusinessDate? other) => other is { } o && End < o.Start;

    public static bool operator <(BusinessDate a, BusinessDate b) => a.CompareTo(b) < 0;
    public static bool operator >(BusinessDate a, BusinessDate b) => a.CompareTo(b) > 0;
    public static bool operator <=(BusinessDate a, BusinessDate b) => a.CompareTo(b) <= 0;
    public static bool operator >=(BusinessDate a, BusinessDate b) => a.CompareTo(b) >= 0;

    private static bool Digits(string text, int from, int count, out int value)
    {
        value = 0;
        for (var i = from; i < from + count; i++)
        {
            if (text[i] is < '0' or > '9') return false;
            value = value * 10 + (text[i] - '0');
        }
        return true;
    }
}
