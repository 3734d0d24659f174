using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace ProjectCases.Notifications;

/// <summary>
/// One person's notification settings, keyed by the token subject. Email is the token's `email` claim at the
/// last PUT (no person directory exists yet), so officers are reachable once they have saved their settings;
/// `Notifications:People` covers those who have not.
/// </summary>
public sealed class NotificationPreferences
{
    public string Id { get; set; } = "";
    public string? Email { get; set; }
    public string Language { get; set; } = Languages.Japanese;
    public List<NotificationKind> Off { get; set; } = [];
}

public sealed record NotificationSettings(string Language, IReadOnlyList<NotificationKind> Off, string? Email);

public sealed record ChangeNotificationSettings(string? Language, List<NotificationKind>? Off);

public static class NotificationSettingsEndpoints
{
    public const string EmailClaim = "email";

    [WolverineGet("/api/me/notifications", OperationId = "GetNotificationSettings"), Authorize]
    public static async Task<NotificationSettings> Get(ClaimsPrincipal user, IQuerySession session, IOptions<NotificationOptions> options, CancellationToken ct)
    {
        var subject = user.Identity!.Name!;
        var stored = await session.LoadAsync<NotificationPreferences>(subject, ct);
        var entry = options.Value.Person(subject);
        return new NotificationSettings(stored?.Language ?? entry?.Language ?? options.Value.DefaultLanguage, stored?.Off ?? [],
            stored?.Email ?? user.FindFirstValue(EmailClaim) ?? entry?.Email);
    }

}

/// <summary>A class of its own: Wolverine applies a class's Validate to each of its endpoints.</summary>
public static class ChangeNotificationSettingsEndpoint
{
    /// <summary>400 for a language other than ja/en (an unknown kind is refused by the JSON reader); replaces both settings.</summary>
    public static ProblemDetails Validate(ChangeNotificationSettings command) =>
        Languages.IsKnown(command.Language)
            ? WolverineContinue.NoProblems
            : new ProblemDetails { Status = 400, Title = "Invalid notification settings", Detail = "language must be \"ja\" or \"en\"." };

    [WolverinePut("/api/me/notifications"), Authorize]
    public static async Task<NotificationSettings> Put(ChangeNotificationSettings command, ClaimsPrincipal user, IDocumentSession session, CancellationToken ct)
    {
        var subject = user.Identity!.Name!;
        var stored = await session.LoadAsync<NotificationPreferences>(subject, ct) ?? new NotificationPreferences { Id = subject };
        stored.Language = command.Language!;
        stored.Off = [.. (command.Off ?? []).Distinct().Order()];
        stored.Email = user.FindFirstValue(NotificationSettingsEndpoints.EmailClaim) ?? stored.Email;
        session.Store(stored);
        return new NotificationSettings(stored.Language, stored.Off, stored.Email);
    }
}
