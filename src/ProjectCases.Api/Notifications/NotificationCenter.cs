using Marten;
using Microsoft.Extensions.Options;
using ProjectCases.FollowUps.Rules;
using ProjectCases.FollowUps.Tasks;
using ProjectCases.Infrastructure;
using ProjectCases.Troubles.Cases;
using Wolverine;

namespace ProjectCases.Notifications;

/// <summary>
/// Turns a request into a queued notification: loads the facts, resolves the address and the recipient's
/// preferences, and (unless that kind is off, or it was queued already) stores the Notification and publishes
/// SendNotification in the caller's transaction, so both commit together with the trigger's progress or not at all.
/// </summary>
public sealed class NotificationCenter(IOptions<NotificationOptions> options, MailDelivery delivery, TimeProvider clock, ILogger<NotificationCenter> logger)
{
    private static readonly Guid Namespace = new("3f1d2c4b-8a7e-4e5f-9b0c-1d2e3f4a5b6c");

    private NotificationOptions Options => options.Value;

    /// <summary>Enabled and with somewhere to deliver to; otherwise nothing is queued at all.</summary>
    public bool Active => Options.Enabled && delivery.Configured;

    public bool Enabled => Options.Enabled;

    public static Guid IdFor(NotificationKind kind, string key, string address) =>
        NameBasedGuid.Create(Namespace, $"{kind}:{key}:{address.Trim().ToLowerInvariant()}");

    public async Task QueueAsync(NotificationRequest request, IDocumentSession session, IMessageBus bus, CancellationToken ct)
    {
        var facts = await FactsAsync(request, session, ct);
        if (facts is null) return; // the case or task is gone (a reset test database); nothing to say
        var (subjectOfAddress, address) = request.To switch
        {
            Addressee.HotlineDesk => ((string?)null, (string?)Options.HotlineDesk),
            Addressee.HotlineLead => (null, Options.HotlineLead),
            Addressee.CaseReporter => (null, facts.Reporter),
            Addressee.AssignedOfficer => (request.Officer, null),
            _ => (facts.Owner, null),
        };
        var recipient = await RecipientAsync(subjectOfAddress, address, session, ct);
        if (recipient is null)
        {
            logger.LogWarning("No address for the {Kind} notification to {Addressee} {Who} about {Subject}: not sent", request.Kind, request.To, subjectOfAddress, request.Subject);
            return;
        }
        if (recipient.Off.Contains(request.Kind)) return;

        var id = IdFor(request.Kind, request.Key, recipient.Email);
        if (await session.LoadAsync<Notification>(id, ct) is not null) return; // the cause was delivered again: queued already
        var text = NotificationTemplates.Render(request.Kind, recipient.Language, facts.Mail with { Deadline = request.Deadline });
        session.Insert(new Notification
        {
            Id = id, Kind = request.Kind, Key = request.Key, Subject = request.Subject, To = recipient.Email, Language = recipient.Language,
            Title = text.Title, Body = text.Body, Status = NotificationStatus.Queued, QueuedAt = clock.GetUtcNow(),
        });
        await bus.PublishAsync(new SendNotification(id));
    }

    private sealed record Recipient(string Email, string Language, IReadOnlyCollection<NotificationKind> Off);

    /// <summary>A person by token subject (their saved settings, else the configured directory), or an address (whoever saved it).</summary>
    private async Task<Recipient?> RecipientAsync(string? subject, string? address, IDocumentSession session, CancellationToken ct)
    {
        DirectoryEntry? entry = null;
        NotificationPreferences? saved = null;
        if (subject is not null)
        {
            if (subject == FollowUpRules.HotlineDesk) address = Options.HotlineDesk;
            else
            {
                saved = await session.LoadAsync<NotificationPreferences>(subject, ct);
                entry = Options.Person(subject);
                address = saved?.Email ?? entry?.Email;
            }
        }
        if (string.IsNullOrWhiteSpace(address)) return null;
        saved ??= await session.Query<NotificationPreferences>().Where(p => p.Email == address).FirstOrDefaultAsync(ct);
        var language = saved?.Language ?? entry?.Language ?? Options.DefaultLanguage;
        return new Recipient(address.Trim(), Languages.IsKnown(language) ? language : Languages.Japanese, saved?.Off ?? []);
    }

    private sealed record Facts(MailFacts Mail, string? Reporter = null, string? Owner = null);

    private async Task<Facts?> FactsAsync(NotificationRequest request, IDocumentSession session, CancellationToken ct)
    {
        if (request.Kind is NotificationKind.TaskDueTomorrow or NotificationKind.TaskOverdue)
        {
            var task = await session.LoadAsync<FollowUpTask>(request.Subject, ct);
            return task is null ? null
                : new Facts(new MailFacts(task.Id, task.Title, DueOn: task.DueOn, Link: Link(task.TroubleId is { } t ? $"/api/troubles/{t}" : null)), Owner: task.Owner);
        }
        var trouble = await session.LoadAsync<TroubleCase>(request.Subject, ct);
        if (trouble is null) return null;
        return new Facts(new MailFacts(trouble.Id, trouble.Summary, trouble.Reporter.Company, request.Officer ?? trouble.Assignee, trouble.Outcome?.ToString(),
            trouble.ResolutionSummary, DueAt: request.DueAt, Link: Link($"/api/troubles/{trouble.Id}"), Risk: request.Risk), Reporter: trouble.Reporter.Email);
    }

    private string? Link(string? path) => path is null || string.IsNullOrWhiteSpace(Options.BaseUrl) ? null : Options.BaseUrl.TrimEnd('/') + path;
}
