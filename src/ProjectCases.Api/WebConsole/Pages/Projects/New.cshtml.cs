using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Projects;
using ProjectCases.Projects.Status;
using ProjectCases.WebConsole.Writes;

namespace ProjectCases.WebConsole.Pages.Projects;

/// <summary>Registers a project (the API's RegisterProject, its validation and decision), then opens its case file.</summary>
[Authorize(Roles = Roles.ProjectWriters)]
public sealed class NewProjectModel(ConsoleWrites writes, Display display) : FormPage(writes)
{
    [BindProperty] public RegisterForm Register { get; set; } = new();

    public IEnumerable<SelectListItem> Sectors => Options<Sector>(display);
    public IEnumerable<SelectListItem> Financings => Options<Financing>(display);

    public void OnGet() => FormKey = Guid.CreateVersion7();

    public async Task<IActionResult> OnPost(CancellationToken ct)
    {
        if (!BoundCleanly(nameof(Register))) return Page();
        var command = Register.ToCommand();
        var id = NewRecordId();
        var outcome = await Writes.StartAsync<ProjectStatus, RegisterProject>(id, User, command,
            () => Task.FromResult(RegisterProjectDecision.Decide(command, id)), ct);
        return Accepted(outcome, nameof(Register)) ? Redirect($"/projects/{id}") : Page();
    }
}

public sealed class RegisterForm
{
    public string? Name { get; set; }
    public string? NameJa { get; set; }
    public string? Country { get; set; }
    public Sector? Sector { get; set; }
    public Financing? Financing { get; set; }
    public string? LeadAgency { get; set; }
    public string? Summary { get; set; }

    public RegisterProject ToCommand() => new(Name ?? "", NameJa, Country?.Trim().ToUpperInvariant() ?? "", Sector, Financing, LeadAgency, Summary);
}
