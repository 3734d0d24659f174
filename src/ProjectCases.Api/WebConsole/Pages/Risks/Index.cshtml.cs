using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProjectCases.CountryRisks;

namespace ProjectCases.WebConsole.Pages.Risks;

/// <summary>Country risks, open ones first (GET /api/country-risks, the same query), with their affected projects and decisions.</summary>
[Authorize(Roles = ReadCountryRisksEndpoints.Readers)]
public sealed class IndexModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<CountryRiskView> Risks { get; private set; } = [];

    public async Task OnGet(CancellationToken ct) => Risks = (await ReadCountryRisksEndpoints.ReadAsync(session, ct)).Items;
}
