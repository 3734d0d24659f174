using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ProjectCases.Notifications;

namespace ProjectCases.WebConsole.Pages.Settings;

/// <summary>
/// The signed-in person's notification settings (GET/PUT /api/me/notifications, the endpoints' own methods in-process):
/// the language of the mails and each kind on or off. Every role has settings.
/// </summary>
[Authorize]
public sealed class NotificationsModel(IDocumentStore store, IQuerySession session, IOptions<NotificationOptions> options) : PageModel
{
    /// <summary>The kinds left on (a checked box); the others are stored as off.</summary>
    [BindProperty] public List<NotificationKind> On { get; set; } = [];
    [BindProperty] public string? Language { get; set; }

    public NotificationSettings Settings { get; private set; } = null!;
    public bool Saved { get; private set; }
    public string? Refusal { get; private set; }

    public async Task OnGet([FromQuery] bool saved, CancellationToken ct)
    {
        Settings = await NotificationSettingsEndpoints.Get(User, session, options, ct);
        Saved = saved;
    }

    public async Task<IActionResult> OnPost(CancellationToken ct)
    {
        var command = new ChangeNotificationSettings(Language, [.. Enum.GetValues<NotificationKind>().Except(On)]);
        if (!ModelState.IsValid || ChangeNotificationSettingsEndpoint.Validate(command) is var problem && !ReferenceEquals(problem, Wolverine.Http.WolverineContinue.NoProblems))
        {
            Refusal = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Resources.Text>>()["Form.Invalid"];
            Settings = await NotificationSettingsEndpoints.Get(User, session, options, ct);
            Response.StatusCode = 400;
            return Page();
        }
        await using var write = store.LightweightSession();
        await ChangeNotificationSettingsEndpoint.Put(command, User, write, ct);
        await write.SaveChangesAsync(ct);
        return Redirect("/settings/notifications?saved=true");
    }
}
