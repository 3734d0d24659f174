namespace ProjectCases.Notifications;

public enum NotificationStatus { Queued, Sent }

/// <summary>
/// A notification as queued and sent: the guard against sending twice (its id derives from cause, kind and
/// address) and the record of what went out. Text is rendered when queued, from the facts of that moment.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; set; }
    public NotificationKind Kind { get; set; }
    public string Key { get; set; } = "";
    /// <summary>The case or task it is about.</summary>
    public Guid Subject { get; set; }
    public string To { get; set; } = "";
    public string Language { get; set; } = Languages.Japanese;
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public NotificationStatus Status { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}

/// <summary>The durable message (Wolverine's outbox, then a durable local queue) whose handler sends the mail.</summary>
public sealed record SendNotification(Guid NotificationId);
