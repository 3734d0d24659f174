using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using Marten;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace ProjectCases.Notifications;

/// <summary>
/// Sends one queued notification and marks it sent, in one transaction with the message's completion. A
/// notification already marked sent is not sent again (a redelivered message). An unreachable or busy mail server
/// is retried, first within seconds, then over hours (the message stays in PostgreSQL, across restarts); a
/// permanent refusal (5xx, e.g. an unknown mailbox) goes to the dead letters at once.
/// </summary>
public static class SendNotificationHandler
{
    public static void Configure(HandlerChain chain)
    {
        chain.OnException<SmtpCommandException>(e => (int)e.StatusCode >= 500).MoveToErrorQueue();
        chain.OnException<SocketException>().Or<IOException>().Or<TimeoutException>().Or<SmtpCommandException>().Or<SmtpProtocolException>()
            .Or<ServiceNotConnectedException>().Or<ServiceNotAuthenticatedException>()
            .RetryWithCooldown(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30))
            .Then.ScheduleRetry(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6));
        // The database away or a race: DurableMessageFailures, applied to every durable message (WolverineSetup), after these rules.
    }

    public static async Task Handle(SendNotification message, IDocumentSession session, MailDelivery delivery, TimeProvider clock, CancellationToken ct)
    {
        var notification = await session.LoadAsync<Notification>(message.NotificationId, ct);
        if (notification is not { Status: NotificationStatus.Queued }) return;
        await delivery.SendAsync(notification, ct);
        notification.Status = NotificationStatus.Sent;
        notification.SentAt = clock.GetUtcNow();
        session.Store(notification);
    }
}
