using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ProjectCases.Notifications;

/// <summary>
/// Delivers a queued notification: by SMTP (MailKit) when `Notifications:Smtp:Host` is set, else as an .eml file in
/// `Notifications:PickupDirectory`. The Message-ID derives from the notification's id, so the rare resend after a
/// crash between the SMTP server's acceptance and our commit carries the same id (mail clients fold such duplicates).
/// </summary>
public sealed class MailDelivery(IOptions<NotificationOptions> options, TimeProvider clock)
{
    private NotificationOptions Options => options.Value;

    public bool Configured => !string.IsNullOrWhiteSpace(Options.Smtp.Host) || !string.IsNullOrWhiteSpace(Options.PickupDirectory);

    public string Describe() =>
        !string.IsNullOrWhiteSpace(Options.Smtp.Host) ? $"SMTP {Options.Smtp.Host}:{Options.Smtp.Port}"
        : !string.IsNullOrWhiteSpace(Options.PickupDirectory) ? $"files in {Path.GetFullPath(Options.PickupDirectory)}"
        : "nowhere (no Notifications:Smtp:Host or Notifications:PickupDirectory)";

    public async Task SendAsync(Notification notification, CancellationToken ct)
    {
        var message = Compose(notification);
        if (!string.IsNullOrWhiteSpace(Options.Smtp.Host)) await SendBySmtpAsync(message, Options.Smtp, ct);
        else await WriteToFolderAsync(message, notification, Options.PickupDirectory!, ct);
    }

    public MimeMessage Compose(Notification n)
    {
        var message = new MimeMessage { Subject = n.Title, Date = clock.GetUtcNow(), MessageId = $"{n.Id:N}@projectcases" };
        message.From.Add(MailboxAddress.Parse(Options.From));
        message.To.Add(MailboxAddress.Parse(n.To));
        // For filtering by mail rules, and for tests: what and whom it is about.
        message.Headers.Add("X-ProjectCases-Kind", n.Kind.ToString());
        message.Headers.Add("X-ProjectCases-Subject", n.Subject.ToString());
        message.Body = new TextPart("plain") { Text = n.Body };
        message.Body.Headers.Add("Content-Language", n.Language); // a body header in MIME (MimeMessage keeps Content-* there)
        return message;
    }

    private static async Task SendBySmtpAsync(MimeMessage message, SmtpSettings smtp, CancellationToken ct)
    {
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host!, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true), ct);
        if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    /// <summary>
    /// One file per notification, named by its id: writing it again replaces it rather than adding a copy. Written under
    /// a hidden temporary name and then renamed, so that whoever watches the folder (a mail client, a pickup service, a
    /// test) only ever sees whole messages: reading the .eml while it was still being written failed on a busy machine.
    /// </summary>
    private static async Task WriteToFolderAsync(MimeMessage message, Notification n, string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var name = $"{n.QueuedAt:yyyyMMdd-HHmmss}-{n.Kind}-{n.Id:N}.eml";
        var partial = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            await message.WriteToAsync(partial, ct);
            File.Move(partial, Path.Combine(folder, name), overwrite: true); // a rename within one folder: atomic
        }
        finally
        {
            File.Delete(partial); // only there when writing or renaming failed
        }
    }
}
