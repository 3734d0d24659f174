using Marten;
using Marten.Services;
using ProjectCases.Infrastructure.Auth;

namespace ProjectCases.Audit;

/// <summary>
/// Who recorded an event: Marten's user-name column holds the token's subject (Wolverine relays it);
/// the display name (`name` claim) goes with every event of the request as the `recordedByName` header.
/// Stamped on the pending events just before the session commits.
/// </summary>
public sealed class RecordedByName(IHttpContextAccessor http) : DocumentSessionListenerBase
{
    public const string Header = "recordedByName";

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (http.HttpContext?.User.FindFirst(ClaimNames.Name)?.Value is not { Length: > 0 } name) return Task.CompletedTask;
        foreach (var stream in session.PendingChanges.Streams())
            foreach (var e in stream.Events) e.SetHeader(Header, name);
        return Task.CompletedTask;
    }

    public static string? Of(JasperFx.Events.IEvent e) =>
        e.Headers is { } headers && headers.TryGetValue(Header, out var value) ? value?.ToString() : null;
}
