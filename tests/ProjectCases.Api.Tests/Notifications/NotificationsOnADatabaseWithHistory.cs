using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using ProjectCases.Api.Tests.Support;
using ProjectCases.Notifications;

namespace ProjectCases.Api.Tests.Notifications;

/// <summary>
/// Notifications deployed onto a database that already has history: the past is not mailed, and the first case
/// reported after the start is, however soon after the start it comes.
/// </summary>
[Collection(NotificationsCollection.Name)]
public class NotificationsOnADatabaseWithHistory(NotificationsFixture fixture)
{
    [Fact]
    public async Task a_case_recorded_two_days_before_notifications_were_deployed_is_not_mailed_and_the_first_new_case_is()
    {
        var database = await fixture.Database("notifications_history");
        Guid oldCase;
        await using (var before = await ApiFixture.StartHost(database, new TestClock()))
        {
            var troubles = new TroubleApi(before);
            oldCase = await troubles.Reported(await troubles.AwardedProject());
        }
        // The database as a service without notifications left it two days ago: no notification progress at all.
        await Sql(database, "update projectcases.mt_events set timestamp = timestamp - interval '2 days'",
            $"delete from projectcases.mt_event_progression where name like '{NotificationsSubscription.SubscriptionName}%'");

        await using var after = await NotificationsFixture.StartHost(database, new TestClock(), fixture.Smtp.Configuration.Port);
        var newTroubles = new TroubleApi(after);
        var newCase = await newTroubles.Reported(await newTroubles.AwardedProject());

        var sent = await SentAbout(after, newCase);
        Assert.Equal(NotificationsFixture.HotlineDesk, sent.To);
        await after.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60)); // the old case has been read by now
        await using var session = after.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Empty(await session.Query<Notification>().Where(n => n.Subject == oldCase).ToListAsync());
    }

    private static async Task<Notification> SentAbout(IAlbaHost host, Guid caseId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var store = host.Services.GetRequiredService<IDocumentStore>();
        while (true)
        {
            await using (var session = store.QuerySession())
            {
                var found = await session.Query<Notification>().Where(n => n.Subject == caseId && n.Kind == NotificationKind.CaseReported).ToListAsync();
                if (found is [{ Status: NotificationStatus.Sent } sent]) return sent;
            }
            await Task.Delay(100, timeout.Token);
        }
    }

    private static async Task Sql(string connectionString, params string[] statements)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var statement in statements)
        {
            await using var command = new Npgsql.NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
