using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using ProjectCases.Engagements;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Projects;
using ProjectCases.Projects.List;
using ProjectCases.WebConsole.SignIn;
using ProjectCases.WebConsole.Writes;
using EngagementDoc = ProjectCases.Engagements.Engagement;

namespace ProjectCases.WebConsole.Pages.Engagements;

/// <summary>
/// Engagements of the country partnerships (ListEngagementsEndpoint.QueryAsync), filtered by country, ministry and dates,
/// and, for officers and admins, the form that records one (RecordEngagement, through <see cref="ConsoleWrites"/>).
/// </summary>
[Authorize(Roles = ListEngagementsEndpoint.Readers)]
public sealed class IndexModel(ConsoleWrites writes, IQuerySession session, Display display) : FormPage(writes)
{
    [BindProperty(SupportsGet = true, Name = "country")] public string? Country { get; set; }
    [BindProperty(SupportsGet = true, Name = "ministry")] public Ministry? Ministry { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    [BindProperty] public EngagementForm Engagement { get; set; } = new();

    public ListPage<EngagementDoc> Found { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, string> ProjectNames { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<SelectListItem> Projects { get; private set; } = [];
    public bool CanRecord => User.IsAnyOf(Roles.ProjectWriters);
    public IEnumerable<SelectListItem> Kinds => Options<TouchpointKind>(display);
    public IEnumerable<SelectListItem> Levels => Options<JapanLevel>(display);
    public IEnumerable<SelectListItem> AgreementTypes => Options<AgreementType>(display);
    public IEnumerable<SelectListItem> AgreementLevels => Options<AgreementLevel>(display);
    public IEnumerable<SelectListItem> Ministries => Options<Ministry>(display);
    public IEnumerable<SelectListItem> Sectors => Options<Sector>(display);

    public async Task OnGet(CancellationToken ct)
    {
        if (FormKey is null) FormKey = Guid.CreateVersion7();
        await Load(ct);
    }

    public async Task<IActionResult> OnPost(CancellationToken ct)
    {
        if (!CanRecord) return Forbid();
        // The list's `page` filter also binds on a post, where Razor Pages' own route value "page" (the page's name) is no number.
        ModelState.Remove("page");
        var command = Engagement.ToCommand();
        var id = NewRecordId();
        if (BoundCleanly(nameof(Engagement)) && Accepted(await Writes.StartAsync<EngagementDoc, RecordEngagement>(id, User, command,
                (s, token) => RecordEngagementInProcess.DecideAsync(s, command, id, token), ct), nameof(Engagement)))
            return Redirect($"/engagements?country={command.Country.ToUpperInvariant()}");
        PageNumber = 1;
        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        var country = string.IsNullOrWhiteSpace(Country) ? null : Country.Trim().ToUpperInvariant();
        Found = await ListEngagementsEndpoint.QueryAsync(session, new EngagementFilter(country is not null && Countries.IsKnown(country) ? country : null,
            Ministry, From, To), Math.Max(1, PageNumber), QueryParameters.DefaultPageSize, ct);
        var projects = await ListProjectsEndpoint.QueryAsync(session, new ProjectFilter(), 1, QueryParameters.MaxPageSize, ct);
        ProjectNames = projects.Items.ToDictionary(p => p.Id, p => ConsoleCulture.NameOf(p.Name, p.NameJa));
        Projects = [.. projects.Items.Select(p => new SelectListItem(ProjectNames[p.Id], p.Id.ToString(), Engagement.ProjectIds?.Contains(p.Id) == true))];
    }
}

public sealed class EngagementForm
{
    /// <summary>"Touchpoint" or "Agreement": which of the two parts is recorded (the other is ignored).</summary>
    public string Type { get; set; } = "Touchpoint";
    public string? Country { get; set; }
    public Ministry? Ministry { get; set; }
    public Sector? Sector { get; set; }
    public TouchpointPart Touchpoint { get; set; } = new();
    public AgreementPart Agreement { get; set; } = new();
    public List<Guid>? ProjectIds { get; set; }

    /// <summary>The form prefilled with an engagement as it counts now (the console's correction starts from it).</summary>
    public static EngagementForm Of(EngagementDoc e) => new()
    {
        Type = e.Agreement is null ? "Touchpoint" : "Agreement",
        Country = e.Country, Ministry = e.Ministry, Sector = e.Sector,
        Touchpoint = e.Touchpoint is { } t
            ? new TouchpointPart { Kind = t.Kind, OccurredOn = t.OccurredOn, JapanLevel = t.JapanLevel, Counterpart = t.Counterpart, Location = t.Location, Summary = t.Summary, Outcome = t.Outcome }
            : new TouchpointPart(),
        Agreement = e.Agreement is { } a
            ? new AgreementPart { AgreementType = a.AgreementType, Level = a.Level, Title = a.Title, Parties = string.Join("\n", a.Parties), SignedOn = a.SignedOn }
            : new AgreementPart(),
        ProjectIds = [.. e.ProjectIds],
    };

    public RecordEngagement ToCommand() => new(
        Type == "Agreement" ? null : new EngagementTouchpointInput(Touchpoint.Kind, Touchpoint.OccurredOn, Touchpoint.JapanLevel,
            Touchpoint.Counterpart ?? "", Touchpoint.Location, Touchpoint.Summary ?? "", Touchpoint.Outcome),
        Type == "Agreement"
            ? new EngagementAgreementInput(Agreement.AgreementType, Agreement.Level, Agreement.Title ?? "",
                [.. (Agreement.Parties ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)], Agreement.SignedOn)
            : null,
        Country?.Trim().ToUpperInvariant() ?? "", Ministry, Sector, ProjectIds is { Count: > 0 } ids ? ids : null);
}

public sealed class TouchpointPart
{
    public TouchpointKind? Kind { get; set; }
    public DateOnly? OccurredOn { get; set; }
    public JapanLevel? JapanLevel { get; set; }
    public string? Counterpart { get; set; }
    public string? Location { get; set; }
    public string? Summary { get; set; }
    public string? Outcome { get; set; }
}

public sealed class AgreementPart
{
    public AgreementType? AgreementType { get; set; }
    public AgreementLevel? Level { get; set; }
    public string? Title { get; set; }
    /// <summary>One party per line.</summary>
    public string? Parties { get; set; }
    public DateOnly? SignedOn { get; set; }
}
