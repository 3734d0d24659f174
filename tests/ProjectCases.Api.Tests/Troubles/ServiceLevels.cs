using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProjectCases.Api.Tests.Support;
using ProjectCases.Troubles.Cases;
using ProjectCases.Troubles.ServiceLevels;
using Wolverine;

namespace ProjectCases.Api.Tests.Troubles;

/// <summary>
/// Deadlines move with the application's clock (a TestClock here). The scheduled checks are
/// durable Wolverine envelopes in PostgreSQL; the tests deliver them by hand at the moment they fall due.
/// </summary>
public class ServiceLevels(ApiFixture fixture) : ApiTest(fixture)
{
    private TroubleApi Api => new(Host);

    private async Task<TroubleCase> Case(Guid id)
    {
        await using var session = Store.QuerySession();
        return (await session.LoadAsync<TroubleCase>(id))!;
    }

    private async Task<string[]> EventTypes(Guid id)
    {
        await using var session = Store.QuerySession();
        return [.. (await session.Events.FetchStreamAsync(id)).Select(e => e.EventTypeName)];
    }

    private async Task Deliver(object message)
    {
        using var scope = Host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(message);
    }

    [Fact]
    public async Task an_unanswered_case_gets_a_first_response_breach_when_due()
    {
        var id = await Api.Reported(await Api.AwardedProject());
        var due = (await Case(id)).FirstResponseDue;

        await Deliver(new CheckFirstResponse(id, due)); // delivered early: nothing yet
        Assert.DoesNotContain("first_response_overdue", await EventTypes(id));

        Fixture.Clock.SetUtcNow(due.AddMinutes(1));
        await Deliver(new CheckFirstResponse(id, due));
        Assert.Equal(["trouble_reported", "first_response_overdue"], await EventTypes(id));

        var (_, queue) = await Api.Get("hotline", "/api/hotline/queue?overdue=true");
        var item = Assert.Single(queue.GetProperty("items").EnumerateArray());
        Assert.True(item.GetProperty("firstResponseOverdue").GetBoolean());
        Assert.True(item.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task a_case_answered_in_time_gets_no_breach()
    {
        var id = await Api.Reported(await Api.AwardedProject());
        var due = (await Case(id)).FirstResponseDue;
        await Api.Hotline(id, "consultations", new { agency = "JICA", note = "Asked JICA's office for the employer's payment plan" });

        Fixture.Clock.SetUtcNow(due.AddHours(1));
        await Deliver(new CheckFirstResponse(id, due));
        Assert.DoesNotContain("first_response_overdue", await EventTypes(id));
    }

    [Fact]
    public async Task triage_moves_the_deadlines_and_the_old_check_does_nothing()
    {
        var id = await Api.Reported(await Api.AwardedProject());
        var before = await Case(id);
        await Api.Hotline(id, "triage", new { priority = "Critical" });
        var after = await Case(id);
        Assert.True(after.ResolutionDue < before.ResolutionDue, "Critical resolves sooner than Medium");

        Fixture.Clock.SetUtcNow(before.ResolutionDue.AddDays(1));
        await Deliver(new CheckResolution(id, before.ResolutionDue)); // the Medium deadline is no longer the case's
        Assert.DoesNotContain("resolution_overdue", await EventTypes(id));
        await Deliver(new CheckResolution(id, after.ResolutionDue));
        Assert.Contains("resolution_overdue", await EventTypes(id));
    }

    [Fact]
    public async Task a_resolved_case_is_not_overdue()
    {
        var id = await Api.Reported(await Api.AwardedProject());
        var due = (await Case(id)).ResolutionDue;
        await Api.Hotline(id, "resolve", new { outcome = "PartiallyResolved", summary = "Half paid" });
        Fixture.Clock.SetUtcNow(due.AddDays(1));
        await Deliver(new CheckResolution(id, due));
        Assert.DoesNotContain("resolution_overdue", await EventTypes(id));
    }

    [Fact]
    public async Task the_checks_are_durable_scheduled_messages_in_postgresql()
    {
        var before = await ScheduledChecks();
        await Api.Reported(await Api.AwardedProject());
        Assert.Equal(before + 2, await ScheduledChecks()); // first response and resolution, persisted: they survive a restart
    }

    private async Task<long> ScheduledChecks()
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(*) from projectcases.wolverine_incoming_envelopes where status = 'Scheduled' and message_type ilike '%.ServiceLevels.Check%'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task the_queue_lists_open_cases_by_priority_then_nearest_deadline()
    {
        var project = await Api.AwardedProject();
        var low = await Api.Reported(project);
        var critical = await Api.Reported(project);
        var medium = await Api.Reported(project);
        var closed = await Api.Reported(project);
        await Api.Hotline(low, "triage", new { priority = "Low" });
        await Api.Hotline(critical, "triage", new { priority = "Critical" });
        await Api.Hotline(critical, "assign", new { officer = "hotline.sato" });
        await Api.Hotline(closed, "resolve", new { outcome = "Resolved", summary = "Done" });
        await Api.Hotline(closed, "close");

        var (_, queue) = await Api.Get("hotline", "/api/hotline/queue");
        Assert.Equal([critical, medium, low], queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToArray());
        var (_, mine) = await Api.Get("hotline", "/api/hotline/queue?assignee=hotline.sato");
        Assert.Equal(critical, Assert.Single(mine.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var (_, lows) = await Api.Get("hotline", "/api/hotline/queue?priority=Low");
        Assert.Equal(low, Assert.Single(lows.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var (status, _) = await Api.Get("hotline", "/api/hotline/queue?priority=Urgent");
        Assert.Equal(400, status);
    }
}
