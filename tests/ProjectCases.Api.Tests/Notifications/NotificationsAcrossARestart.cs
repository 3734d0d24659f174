using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using ProjectCases.Api.Tests.Support;
using ProjectCases.Infrastructure.Postgres;
using ProjectCases.Notifications;

namespace ProjectCases.Api.Tests.Notifications;

/// <summary>The outbox's promise, on a database of its own: what was committed with the event is sent by the next host, once.</summary>
[Collection(NotificationsCollection.Name)]
public class NotificationsAcrossARestart(NotificationsFixture fixture)
{
    [Fact]
    public async Task a_notification_queued_before_a_restart_while_the_mail_server_was_down_is_sent_exactly_once_after_it()
    {
        var database = await fixture.Database("notifications_restart");
        var port = PostgresServer.FreePort(); // nothing listens there yet: every send fails
        var clock = new TestClock();

        Guid caseId;
        await using (var first = await NotificationsFixture.StartHost(database, clock, port))
        {
            var troubles = new TroubleApi(first);
            var project = await troubles.AwardedProject();
            caseId = await troubles.Reported(project);
            var queued = await WaitFor(first, caseId, _ => true);
            Assert.Equal(NotificationStatus.Queued, queued.Status);
        } // stopped: the send message is left in PostgreSQL, unsent

        using var smtp = SimpleSmtpServer.Start(port);
        await using var second = await NotificationsFixture.StartHost(database, clock, port);

        var sent = await WaitFor(second, caseId, n => n.Status == NotificationStatus.Sent);
        Assert.Equal(NotificationsFixture.HotlineDesk, sent.To);
        await second.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30)); // the event went through the triggers again if it had to

        var mail = Assert.Single(NotificationsFixture.Received(smtp));
        Assert.Equal(caseId.ToString(), mail.Headers["X-ProjectCases-Subject"]);
        await using var session = second.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Single(await session.Query<Notification>().Where(n => n.Subject == caseId).ToListAsync());
    }

    private static async Task<Notification> WaitFor(IAlbaHost host, Guid caseId, Func<Notification, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var store = host.Services.GetRequiredService<IDocumentStore>();
        while (true)
        {
            await using (var session = store.QuerySession())
            {
                var found = await session.Query<Notification>().Where(n => n.Subject == caseId && n.Kind == NotificationKind.CaseReported).ToListAsync();
                if (found.Count == 1 && condition(found[0])) return found[0];
            }
            await Task.Delay(100, timeout.Token);
        }
    }
}
