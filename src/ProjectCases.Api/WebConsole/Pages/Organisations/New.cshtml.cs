using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Organisations;
using ProjectCases.WebConsole.Writes;

namespace ProjectCases.WebConsole.Pages.Organisations;

/// <summary>
/// Registers an organisation: the API's command, validation and checks against the record (RegisterOrganisationEndpoint.ValidateAsync:
/// members on record, no duplicate name in either script, the refusal naming the existing one), then its decision.
/// </summary>
[Authorize(Roles = OrganisationReferences.Writers)]
public sealed class NewOrganisationModel(ConsoleWrites writes, Display display, IQuerySession session) : FormPage(writes)
{
    [BindProperty] public OrganisationForm Register { get; set; } = new();

    public IEnumerable<SelectListItem> Kinds => Options<OrganisationKind>(display);
    public IReadOnlyList<Organisation> Companies { get; private set; } = [];

    public Guid? ExistingId { get; private set; }

    public async Task OnGet(CancellationToken ct)
    {
        FormKey = Guid.CreateVersion7();
        await LoadCompanies(ct);
    }

    public async Task<IActionResult> OnPost(CancellationToken ct)
    {
        await LoadCompanies(ct);
        if (!BoundCleanly(nameof(Register))) return Page();
        var command = Register.ToCommand();
        if (Writes.Validate(command) is null && await RegisterOrganisationEndpoint.ValidateAsync(command, session, ct) is { Status: not null } refused)
        {
            ExistingId = refused.Extensions.TryGetValue("existingId", out var existing) ? existing as Guid? : null;
            Accepted(new WriteOutcome(null, refused), nameof(Register));
            return Page();
        }
        var id = NewRecordId();
        var outcome = await Writes.StartAsync<Organisation, RegisterOrganisation>(id, User, command,
            () => Task.FromResult(RegisterOrganisationDecision.Decide(command, id)), ct);
        return Accepted(outcome, nameof(Register)) ? Redirect($"/organisations/{id}") : Page();
    }

    private async Task LoadCompanies(CancellationToken ct) =>
        Companies = await session.Query<Organisation>().Where(o => o.Kind == OrganisationKind.Company).OrderBy(o => o.NameKey).Take(500).ToListAsync(ct);
}

public sealed class OrganisationForm
{
    public string? Name { get; set; }
    public string? NameJa { get; set; }
    public OrganisationKind? Kind { get; set; }
    public string? Country { get; set; }
    public List<Guid> Members { get; set; } = [];

    public RegisterOrganisation ToCommand() => new(Name ?? "", NameJa, Kind, Country?.Trim().ToUpperInvariant() ?? "", Members.Count == 0 ? null : Members);
}
