using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using ProjectCases.Engagements;
using ProjectCases.Engagements.Corrections;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Projects.List;
using ProjectCases.WebConsole.SignIn;
using ProjectCases.WebConsole.Writes;
using EngagementDoc = ProjectCases.Engagements.Engagement;

namespace ProjectCases.WebConsole.Pages.Engagements;

/// <summary>
/// One engagement as it counts now, with its history (recording, corrections, void: who, when, why), and for officers
/// and admins the forms that void it (a reason) or correct it (the recording form, prefilled, and a reason). Both run
/// the API's decisions (EngagementCorrectionDecisions, through EngagementCorrectionsInProcess) via <see cref="ConsoleWrites"/>.
/// </summary>
[Authorize(Roles = ListEngagementsEndpoint.Readers)]
public sealed class DetailModel(ConsoleWrites writes, IQuerySession session) : FormPage(writes)
{
    [BindProperty] public EngagementVoidForm Void { get; set; } = new();
    [BindProperty] public EngagementForm Engagement { get; set; } = new();
    [BindProperty] public string? CorrectionReason { get; set; }

    public EngagementDoc Current { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, string> ProjectNames { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<SelectListItem> Projects { get; private set; } = [];
    public bool MayCorrect => User.IsAnyOf(Roles.ProjectWriters) && !Current.Voided;

    public async Task<IActionResult> OnGet(Guid id, CancellationToken ct)
    {
        if (!await Load(id, ct)) return NotFound();
        Engagement = EngagementForm.Of(Current);
        return Page();
    }

    public async Task<IActionResult> OnPostVoid(Guid id, CancellationToken ct)
    {
        if (!User.IsAnyOf(Roles.ProjectWriters)) return Forbid();
        var command = new VoidEngagement(Void.Reason ?? "");
        if (BoundCleanly(nameof(Void)) && Accepted(await Writes.ExecuteAsync<EngagementWriteModel, VoidEngagement>(id, FormVersion, User, command,
                (s, engagement, token) => EngagementCorrectionsInProcess.VoidAsync(s, engagement, command, token), ct), nameof(Void)))
            return Redirect($"/engagements/{id}");
        if (!await Load(id, ct)) return NotFound();
        Engagement = EngagementForm.Of(Current);
        return Page();
    }

    public async Task<IActionResult> OnPostCorrect(Guid id, CancellationToken ct)
    {
        if (!User.IsAnyOf(Roles.ProjectWriters)) return Forbid();
        var command = new CorrectEngagement(CorrectionReason ?? "", Engagement.ToCommand());
        if (BoundCleanly(nameof(Engagement)) && Accepted(await Writes.ExecuteAsync<EngagementWriteModel, CorrectEngagement>(id, FormVersion, User, command,
                (s, engagement, token) => EngagementCorrectionsInProcess.CorrectAsync(s, engagement, command, token), ct), nameof(Engagement)))
            return Redirect($"/engagements/{id}");
        // The API names the corrected fields `fields.touchpoint.occurredOn`; the form's are Engagement.Touchpoint.OccurredOn.
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Engagement.Fields.", StringComparison.Ordinal)).ToList())
        {
            foreach (var error in ModelState[key]!.Errors) ModelState.AddModelError("Engagement." + key["Engagement.Fields.".Length..], error.ErrorMessage);
            ModelState.Remove(key);
        }
        if (ModelState.TryGetValue("Engagement.Reason", out var reason))
            foreach (var error in reason.Errors.ToList()) ModelState.AddModelError(nameof(CorrectionReason), error.ErrorMessage);
        return await Load(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> Load(Guid id, CancellationToken ct)
    {
        if (await session.LoadAsync<EngagementDoc>(id, ct) is not { } engagement) return false;
        Current = engagement;
        if (PostedForm is null) FormVersion = engagement.Version;
        var projects = await ListProjectsEndpoint.QueryAsync(session, new ProjectFilter(), 1, QueryParameters.MaxPageSize, ct);
        ProjectNames = projects.Items.ToDictionary(p => p.Id, p => ConsoleCulture.NameOf(p.Name, p.NameJa));
        var chosen = PostedForm is null ? engagement.ProjectIds : Engagement.ProjectIds ?? [];
        Projects = [.. projects.Items.Select(p => new SelectListItem(ProjectNames[p.Id], p.Id.ToString(), chosen.Contains(p.Id)))];
        return true;
    }
}

public sealed class EngagementVoidForm
{
    public string? Reason { get; set; }
}
