namespace ProjectCases.Notifications;

/// <summary>
/// Configuration section `Notifications` (docs/notifications.md). Mail goes out by SMTP when `Smtp:Host` is
/// set; otherwise to `PickupDirectory` as .eml files (Development defaults it to `.data/mail`); with neither,
/// nothing is queued and a warning says so at start.
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public bool Enabled { get; set; } = true;
    public string From { get; set; } = "ProjectCases <no-reply@projectcases.invalid>";
    /// <summary>The hotline desk's shared mailbox: told of every new case, and owner of the desk's tasks (`desk:hotline`).</summary>
    public string HotlineDesk { get; set; } = "";
    /// <summary>The hotline lead: told of every service-level breach.</summary>
    public string HotlineLead { get; set; } = "";
    /// <summary>Language for recipients with no preference of their own.</summary>
    public string DefaultLanguage { get; set; } = Languages.Japanese;
    /// <summary>
    /// Addresses of people and desks (token subject or task owner such as `desk:mofa-southeast-asia`, with address
    /// and language) until a person directory exists; a person's own PUT /api/me/notifications takes precedence.
    /// A list, not a map: subjects and desk names contain ':', which configuration keys cannot.
    /// </summary>
    public List<DirectoryEntry> People { get; set; } = [];

    public DirectoryEntry? Person(string subject) => People.FirstOrDefault(p => string.Equals(p.Subject, subject, StringComparison.OrdinalIgnoreCase));
    public SmtpSettings Smtp { get; set; } = new();
    public string? PickupDirectory { get; set; }
    /// <summary>Where links in messages point (the console or API base address); empty: no links.</summary>
    public string BaseUrl { get; set; } = "";
    /// <summary>
    /// Events recorded longer ago than this are not notified: news that old is no longer news. This is what keeps
    /// the first start on a database with history from mailing about past cases, while events recorded during an
    /// outage shorter than this are still notified when the service is back.
    /// </summary>
    public TimeSpan IgnoreEventsOlderThan { get; set; } = TimeSpan.FromHours(24);
}

public sealed class DirectoryEntry
{
    public string Subject { get; set; } = "";
    public string Email { get; set; } = "";
    public string? Language { get; set; }
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>MailKit's SecureSocketOptions: Auto, None, SslOnConnect, StartTls, StartTlsWhenAvailable.</summary>
    public string Security { get; set; } = "Auto";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
