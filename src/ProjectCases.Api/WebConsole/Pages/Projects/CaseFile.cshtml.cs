using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ProjectCases.Audit.Sealing;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Projects.Status;
using ProjectCases.Troubles.Cases;
using ProjectCases.WebConsole.Resources;
using ProjectCases.WebConsole.SignIn;
using ProjectCases.WebConsole.Timeline;

namespace ProjectCases.WebConsole.Pages.Projects;

/// <summary>
/// The project case file: header, every recorded fact in order, time travel (`?asOf=` a date or instant, or
/// `?version=`, read by the API's own code) and, for auditors, the hash-chain check. A company user gets the
/// company view (no timeline, no time travel) of a project it reported a case on, and a 404 page for any other.
/// </summary>
[Authorize(Roles = Roles.ProjectReaders)]
public sealed class CaseFileModel(IQuerySession session, ChainVerifier verifier, TimeProvider clock, Display display, IStringLocalizer<Text> text,
    ProjectCases.Documents.DocumentFiling filing)
    : PageModel
{
    [BindProperty(SupportsGet = true, Name = "asOf")] public string? AsOf { get; set; }
    [BindProperty(SupportsGet = true, Name = "version")] public long? AtVersion { get; set; }

    public ProjectStatus Project { get; private set; } = null!;
    public bool CompanyView { get; private set; }
    public bool TimeTravelling => AsOfInstant is not null || AtVersion is not null;
    public DateTimeOffset? AsOfInstant { get; private set; }
    public string? AsOfError { get; private set; }
    public IReadOnlyList<TimelineLine> Timeline { get; private set; } = [];
    public IReadOnlyList<TroubleCaseView> OwnCases { get; private set; } = [];
    public ChainVerdict? Chain { get; private set; }
    public Documents.DocumentsPanel Documents { get; private set; } = null!;
    public bool MayReadHistory => User.IsAnyOf(Roles.HistoryReaders);
    /// <summary>Officers and admins correct facts of the record as it stands (not of a past view).</summary>
    public bool MayCorrect => !TimeTravelling && !Project.Voided && User.IsAnyOf(Roles.ProjectWriters);

    public async Task<IActionResult> OnGet(Guid id, CancellationToken ct)
    {
        CompanyView = User.IsInRole(Roles.Company);
        if (CompanyView) (AsOf, AtVersion) = (null, null); // time travel is not offered to companies (API.md, company view)
        if (!string.IsNullOrWhiteSpace(AsOf))
        {
            if (GetProjectEndpoint.TryParseAsOf(AsOf.Trim(), out var instant)) AsOfInstant = instant;
            else AsOfError = text["CaseFile.AsOf.Invalid"];
        }
        if (AtVersion is < 1) (AtVersion, AsOfError) = (null, text["CaseFile.Version.Invalid"]);

        var project = TimeTravelling
            ? await GetProjectEndpoint.AsItStoodAsync(id, AsOfInstant, AtVersion, User, session, ct)
            : await GetProjectEndpoint.CurrentAsync(id, User, session, ct);
        if (project is null)
        {
            // A past moment before the project existed is not "not found" when the project exists now.
            if (!TimeTravelling || await GetProjectEndpoint.CurrentAsync(id, User, session, ct) is not { } now) return NotFound();
            (project, AsOfError) = (now, text["CaseFile.AsOf.BeforeRegistration"]);
            (AsOfInstant, AtVersion) = (null, null);
        }
        Project = project;

        if (CompanyView)
        {
            var (own, _) = await ListTroublesEndpoint.QueryAsync(session, User, null, null, null, id, clock.GetUtcNow(), 1, 200, ct);
            OwnCases = own.Items;
            return Page();
        }

        var events = await session.Events.FetchStreamAsync(id, version: AtVersion ?? 0, timestamp: AsOfInstant, token: ct);
        Timeline = ProjectTimeline.Of([.. events], display, showTroubles: User.IsAnyOf(Roles.Hotline + "," + Roles.Auditor));
        if (User.IsAnyOf(Roles.Auditor + "," + Roles.Admin)) Chain = await verifier.VerifyAsync(id, ct);
        Documents = await Pages.Documents.DocumentsPanel.LoadAsync(session, User, ProjectCases.Documents.DocumentOwner.Project, id,
            writable: !TimeTravelling, TempData[Pages.Documents.UploadModel.ErrorKey] as string, filing.MaxBytes, ct);
        return Page();
    }
}
