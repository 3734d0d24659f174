using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Errors;
using ProjectCases.Projects;
using ProjectCases.Projects.List;
using ProjectCases.Projects.Status;
using ProjectCases.Troubles;
using ProjectCases.Troubles.Cases;
using ProjectCases.Troubles.ServiceLevels;
using ProjectCases.WebConsole.Pages.Projects;
using ProjectCases.WebConsole.Writes;

namespace ProjectCases.WebConsole.Pages.Cases;

/// <summary>
/// Reports a trouble case (the API's ReportTrouble: validation, the "only after award" decision, Medium service levels
/// until triage and their scheduled checks). A company reports as itself, never as a company typed in the form; it
/// picks the project from the company view of the catalogue. The hotline may report for a company by name.
/// </summary>
[Authorize(Roles = Roles.Company + "," + Roles.Hotline)]
public sealed class ReportModel(ConsoleWrites writes, IQuerySession session, TimeProvider clock, ServiceLevelClock levels, Display display)
    : FormPage(writes)
{
    [BindProperty] public ReportForm Report { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "projectId")] public Guid? PreselectedProject { get; set; }

    public bool ForCompany => TroubleAccess.CompanyOf(User) is not null;
    public IReadOnlyList<SelectListItem> Projects { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Companies { get; private set; } = [];
    public IEnumerable<SelectListItem> Categories => Options<TroubleCategory>(display);
    public IEnumerable<SelectListItem> CompanyTypes => Options<CompanyType>(display);

    public async Task OnGet(CancellationToken ct)
    {
        Report.ProjectId ??= PreselectedProject;
        FormKey = Guid.CreateVersion7();
        await LoadProjects(ct);
    }

    public async Task<IActionResult> OnPost(CancellationToken ct)
    {
        if (BoundCleanly(nameof(Report)))
        {
            var command = Report.ToCommand();
            // As the endpoint: the company of the signed-in user, or (hotline) the one named.
            if (TroubleAccess.CompanyOf(User) is null && string.IsNullOrWhiteSpace(Report.Reporter.Company))
            {
                Report.Reporter.Company = await OrganisationChoices.NameAsync(session, Report.Reporter.OrganisationId, ct);
                command = Report.ToCommand();
            }
            var company = TroubleAccess.CompanyOf(User) ?? command.Reporter.Company;
            // As the endpoint: the organisation picked (hotline) or the one the company's token names.
            var refused = await ReportTroubleEndpoint.ValidateAsync(command, User, session, ct);
            var organisation = await ReportTroubleEndpoint.LoadReporterAsync(command, User, session, ct);
            var (id, now) = (NewRecordId(), clock.GetUtcNow());
            var outcome = refused.Status is not null ? new Infrastructure.Decisions.WriteOutcome(null, refused)
                : string.IsNullOrWhiteSpace(company)
                ? new Infrastructure.Decisions.WriteOutcome(null, FieldErrors.Problem([("reporter.company", "is required.")], jsonPaths: true))
                : await Writes.StartAsync<TroubleCase, ReportTrouble>(id, User, command, async () =>
                    ReportTroubleDecision.Decide(await session.LoadAsync<ProjectStatus>(command.ProjectId!.Value, ct), command.ProjectId!.Value,
                        command, company, id, now, levels.Dues(now, Priority.Medium), organisation.Id), ct);
            if (Accepted(outcome, nameof(Report))) return Redirect($"/cases/{id}");
        }
        await LoadProjects(ct);
        return Page();
    }

    private async Task LoadProjects(CancellationToken ct)
    {
        Companies = await OrganisationChoices.CompaniesAsync(session, Report.Reporter.OrganisationId, ct);
        string Name(string name, string? nameJa) => ConsoleCulture.IsJapanese && nameJa is not null ? nameJa : name;
        Projects = TroubleAccess.CompanyOf(User) is { } company
            ? [.. (await ListProjectsEndpoint.QueryForCompanyAsync(session, company, new ProjectFilter(), 1, 500, ct)).Items
                .Select(p => new SelectListItem($"{Name(p.Name, p.NameJa)} ({p.Country})", p.Id.ToString()))]
            : [.. (await ListProjectsEndpoint.QueryAsync(session, new ProjectFilter(), 1, 500, ct)).Items
                .Select(p => new SelectListItem($"{Name(p.Name, p.NameJa)} ({p.Country})", p.Id.ToString()))];
    }
}

public sealed class ReporterForm
{
    public string? Company { get; set; }
    public Guid? OrganisationId { get; set; }
    public CompanyType? CompanyType { get; set; }
    public string? ContactName { get; set; }
    public string? Email { get; set; }
}

public sealed class ReportForm
{
    public Guid? ProjectId { get; set; }
    public TroubleCategory? Category { get; set; }
    public string? Summary { get; set; }
    public string? Details { get; set; }
    public DateOnly? OccurredOn { get; set; }
    public ReporterForm Reporter { get; set; } = new();
    public MoneyForm AmountAtStake { get; set; } = new();

    public ReportTrouble ToCommand() => new(ProjectId, Category, Summary ?? "", Details ?? "", OccurredOn,
        new ReporterInput(Reporter.Company, Reporter.CompanyType, Reporter.ContactName, Reporter.Email, Reporter.OrganisationId), AmountAtStake.ToInput());
}
