using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using ProjectCases.CountryRisks;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Projects.List;
using ProjectCases.WebConsole.Writes;

namespace ProjectCases.WebConsole.Pages.Risks;

/// <summary>
/// Raise a country risk (POST /api/country-risks): the same validation, the endpoint's check that every named project
/// exists, and its decision; at Warning or Crisis the country's projects are linked right after (CountryRiskLinking).
/// </summary>
[Authorize(Roles = Roles.ProjectWriters)]
public sealed class NewModel(ConsoleWrites writes, IQuerySession session, Display display) : FormPage(writes)
{
    [BindProperty] public RiskForm Risk { get; set; } = new();

    public IEnumerable<SelectListItem> Kinds => Options<CountryRiskKind>(display);
    public IEnumerable<SelectListItem> Severities => Options<CountryRiskSeverity>(display);
    public IReadOnlyList<SelectListItem> Projects { get; private set; } = [];

    public async Task OnGet(CancellationToken ct)
    {
        FormKey = Guid.CreateVersion7();
        await LoadProjects(ct);
    }

    public async Task<IActionResult> OnPost(CancellationToken ct)
    {
        await LoadProjects(ct);
        if (!BoundCleanly(nameof(Risk))) return Page();
        var command = Risk.ToCommand();
        var id = NewRecordId();
        // The endpoint's own check that every named project exists (404 naming the missing ones), after the field checks.
        if (Writes.Validate(command) is null
            && await OpenCountryRiskEndpoint.ValidateAsync(command, session, ct) is var missing && !ReferenceEquals(missing, Wolverine.Http.WolverineContinue.NoProblems))
        {
            Accepted(new WriteOutcome(null, missing), nameof(Risk)); // shows the refusal on the form
            return Page();
        }
        var outcome = await Writes.StartAsync<CountryRisk, OpenCountryRisk>(id, User, command,
            () => Task.FromResult(OpenCountryRiskDecision.Decide(command, id)), ct);
        return Accepted(outcome, nameof(Risk)) ? Redirect($"/risks/{id}") : Page();
    }

    private async Task LoadProjects(CancellationToken ct)
    {
        var all = await ListProjectsEndpoint.QueryAsync(session, new ProjectFilter(), 1, 200, ct);
        Projects = [.. all.Items.Select(p => new SelectListItem(
            $"{ConsoleCulture.NameOf(p.Name, p.NameJa)} ({p.Country})", p.Id.ToString(), Risk.ProjectIds?.Contains(p.Id) == true))];
    }
}

public sealed class RiskForm
{
    public string? Country { get; set; }
    public CountryRiskKind? Kind { get; set; }
    public DateOnly? ObservedOn { get; set; }
    public string? Summary { get; set; }
    public CountryRiskSeverity? Severity { get; set; }
    public List<Guid>? ProjectIds { get; set; }

    public OpenCountryRisk ToCommand() => new(Country?.Trim().ToUpperInvariant() ?? "", Kind, ObservedOn, Summary ?? "", Severity,
        ProjectIds is { Count: > 0 } named ? named : null);
}
