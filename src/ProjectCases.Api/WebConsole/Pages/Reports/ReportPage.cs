using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProjectCases.Reports;

namespace ProjectCases.WebConsole.Pages.Reports;

/// <summary>The fiscal year a report page shows: the one asked for, else the current one in Tokyo.</summary>
public abstract class ReportPage(TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "fiscalYear")] public int? AskedYear { get; set; }

    /// <summary>The clock the page reads "today" from.</summary>
    protected TimeProvider Clock { get; } = clock;

    public int Year => AskedYear is >= FiscalYear.Earliest and <= FiscalYear.Latest ? AskedYear.Value : FiscalYear.Of(TokyoTime.Today(Clock));
}
