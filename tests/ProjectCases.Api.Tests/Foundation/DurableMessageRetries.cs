using System.Net.Sockets;
using JasperFx.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProjectCases.Api.Tests.Support;
using ProjectCases.Infrastructure.Marten;
using Wolverine.Runtime.Handlers;

namespace ProjectCases.Api.Tests.Foundation;

/// <summary>
/// Every durable message (scheduled or published: checks, reminders, notifications) rides out a database restart
/// and a race with another write instead of going to the dead letters, because the rules are one policy over the
/// handler graph rather than a Configure method each handler must remember: the due-date reminder had none and was
/// dead-lettered while PostgreSQL restarted in the cluster test (issue 19). The handlers a subscription invokes
/// inline keep Wolverine's plain behaviour, so that a failure reaches the async daemon, which pauses the shard and
/// resumes from the same event.
/// </summary>
public class DurableMessageRetries(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly Exception DatabaseAway = new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));
    private static readonly Exception Race = new PostgresException("duplicate key value", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation);

    [Fact]
    public void every_durable_message_retries_an_outage_and_a_race_and_the_subscriptions_handlers_leave_both_to_the_daemon()
    {
        var chains = Host.Services.GetRequiredService<HandlerGraph>().Chains
            .Where(c => c.MessageType.Assembly == typeof(EventsToHandlersSubscription).Assembly || EventsToHandlersSubscription.IsHandedOverInline(c.MessageType))
            .ToList();
        var inline = chains.Where(c => EventsToHandlersSubscription.IsHandedOverInline(c.MessageType)).ToList();
        var durable = chains.Except(inline).ToList();

        Assert.Contains(inline, c => c.MessageType.IsGenericType && c.MessageType.GetGenericTypeDefinition() == typeof(IEvent<>));
        Assert.Contains(inline, c => c.MessageType.Name == "NotificationTrigger");
        foreach (var name in new[] { "RemindTaskDue", "CheckFollowUpDue", "CheckFirstResponse", "CheckResolution", "SendNotification" })
            Assert.Contains(durable, c => c.MessageType.Name == name);

        Assert.All(durable, c =>
        {
            Assert.True(Retries(c, DatabaseAway), $"{c.MessageType.Name} would be dead-lettered while the database is away");
            Assert.True(Retries(c, Race), $"{c.MessageType.Name} would be dead-lettered on a race with another write");
        });
        Assert.All(inline, c => Assert.False(Retries(c, DatabaseAway) || Retries(c, Race),
            $"{c.MessageType} is handled inline by a subscription: its failures must reach the daemon unchanged"));
    }

    private static bool Retries(HandlerChain chain, Exception failure) => chain.Failures.Any(rule => rule.Match.Matches(failure));
}
