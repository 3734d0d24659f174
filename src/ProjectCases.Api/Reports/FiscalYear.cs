namespace ProjectCases.Reports;

/// <summary>
/// Japan's fiscal year: FY2022 runs from 2022-04-01 to 2023-03-31. Business dates decide the year;
/// instants (hotline) are first turned into their Tokyo calendar day.
/// </summary>
public static class FiscalYear
{
    /// <summary>The years a report accepts: the record starts long after 2000, and nothing is planned past 2100.</summary>
    public const int Earliest = 2000, Latest = 2100;

    public static int Of(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    /// <summary>A month or fiscal-year date counts in the year of its first day.</summary>
    public static int Of(BusinessDate date) => date.FiscalYear;

    public static int Of(DateTimeOffset instant) => Of(TokyoTime.DateOf(instant));

    public static DateOnly FirstDay(int fiscalYear) => new(fiscalYear, 4, 1);

    public static DateOnly LastDay(int fiscalYear) => new(fiscalYear + 1, 3, 31);
}
