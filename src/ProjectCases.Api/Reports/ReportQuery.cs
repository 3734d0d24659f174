using ProjectCases.Infrastructure.Http;

namespace ProjectCases.Reports;

public static class ReportQuery
{
    /// <summary>A required fiscal year parameter (2024 = April 2024 to March 2025).</summary>
    public static int FiscalYearParameter(this QueryParameters query, string name)
    {
        if (query.Text(name) is null)
        {
            query.AddError(name, $"is required: the fiscal year, e.g. 2024 for 2024-04-01 to 2025-03-31.");
            return 0;
        }
        return query.Int(name, 0, FiscalYear.Earliest, FiscalYear.Latest);
    }
}
