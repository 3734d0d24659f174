using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using ProjectCases.Api.Tests.Support;
using JasperFx.Events.Daemon;
using ProjectCases.FollowUps;
using ProjectCases.Infrastructure.Marten;
using ProjectCases.Projects;
using ProjectCases.FollowUps.Tasks;
using Wolverine;

namespace ProjectCases.Api.Tests.FollowUps;

/// <summary>Tasks created and closed by what happens, through the real API and the async rules.</summary>
public class FollowUpRulesInAction(ApiFixture fixture) : ApiTest(fixture)
{
    private async Task<JsonElement[]> Tasks(string query)
    {
        await WaitForProjections();
        var result = await As("auditor", s => { s.Get.Url($"/api/follow-ups?{query}"); s.StatusCodeShouldBeOk(); });
        return [.. ReadJson(result).GetProperty("items").EnumerateArray()];
    }

    /// <summary>
    /// Every stored event's type except FollowUpOverdue: those come from the due-date timers (durable scheduled
    /// messages, past due here since the dates are in the past), which WaitForProjections does not wait for, so
    /// they may land at any moment of the test; the rules never write them.
    /// </summary>
    private static async Task<List<string>> EventsOfTheRules(IQuerySession session) =>
        [.. (await session.Events.QueryAllRawEvents().ToListAsync()).Where(e => e.Data is not FollowUpOverdue).Select(e => e.EventTypeName).Order()];

    private static string Summary(JsonElement t) =>
        $"{t.GetProperty("rule").GetString()} {t.GetProperty("status").GetString()} due {t.GetProperty("dueOn").GetString()} for {t.GetProperty("owner").GetString()}";

    [Fact]
    public async Task a_top_sales_visit_asks_for_its_outcome_once_for_all_its_projects_until_it_is_recorded()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        var other = await GivenProjects.Registered(Host, GivenProjects.RailProject("Delhi Metro"));
        var touchpoint = (await project.Post("/touchpoints", ProjectApi.Touchpoint(occurredOn: "2026-05-10", alsoFor: [other]), 201)).GetProperty("touchpointId").GetGuid();

        var open = await Tasks("status=Open");
        Assert.Equal(["record-outcome Open due 2026-05-24 for desk:mlit"], open.Select(Summary));
        Assert.Equal(1, (await project.Read()).GetProperty("openFollowUpCount").GetInt32());
        Assert.Equal("2026-05-24", (await project.Read()).GetProperty("nextFollowUpDueOn").GetString());

        await project.Post($"/touchpoints/{touchpoint}/outcome", new { outcome = "Joint committee agreed", recordedOn = "2026-05-20" });
        Assert.Equal(["record-outcome Done due 2026-05-24 for desk:mlit"], (await Tasks("")).Select(Summary));
        Assert.Equal(0, (await project.Read()).GetProperty("openFollowUpCount").GetInt32());
    }

    [Fact]
    public async Task a_tender_asks_to_confirm_bidders_by_its_deadline_and_an_award_to_a_japanese_firm_asks_for_a_check_in()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        var tender = await project.OpenTender(openedOn: "2026-01-10", deadline: "2026-03-31");
        Assert.Equal(["confirm-bidders Open due 2026-03-31 for desk:mlit"], (await Tasks("")).Select(Summary));

        await project.Award(tender, awardedOn: "2026-04-15");
        Assert.Equal(["confirm-bidders Done due 2026-03-31 for desk:mlit", "post-award-check-in Open due 2026-10-12 for desk:mlit"],
            (await Tasks("")).Select(Summary));
    }

    [Fact]
    public async Task a_failed_tender_cancels_its_task_and_an_mou_asks_for_a_review()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        var tender = await project.OpenTender(openedOn: "2026-01-10", deadline: null);
        await project.Post($"/tenders/{tender}/fail", new { reason = "NoBidders", on = "2026-02-01" });
        await project.Post("/agreements", new { agreementType = "MOU", level = "Political", title = "MOU", parties = new[] { "A", "B" }, signedOn = "2026-02-01" }, 201);
        Assert.Equal(["confirm-bidders Cancelled due 2026-02-09 for desk:mlit", "review-progress Open due 2026-05-02 for desk:mlit"],
            (await Tasks("")).Select(Summary));
    }

    [Fact]
    public async Task a_suspended_project_is_re_reviewed_until_it_resumes()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        await project.Post("/status", new { status = "Suspended", reason = "Sovereign default", effectiveOn = "2026-03-01" });
        Assert.Equal(["re-review-status Open due 2026-05-30 for desk:mlit"], (await Tasks("")).Select(Summary));
        await project.Post("/status", new { status = "Resumed", reason = "IMF programme", effectiveOn = "2026-04-01" });
        Assert.Equal(["re-review-status Cancelled due 2026-05-30 for desk:mlit"], (await Tasks("")).Select(Summary));
    }

    [Fact]
    public async Task a_trouble_case_deadlines_are_tasks_of_the_assigned_officer_closed_when_met()
    {
        var troubles = new TroubleApi(Host);
        var id = await troubles.Reported(await troubles.AwardedProject());
        var created = await Tasks($"troubleId={id}");
        Assert.Equal(["first-response", "resolution"], created.Select(t => t.GetProperty("rule").GetString()!).ToArray());
        Assert.All(created, t => Assert.Equal("desk:hotline", t.GetProperty("owner").GetString()));

        await troubles.Hotline(id, "assign", new { officer = "hotline.sato" });
        await troubles.Hotline(id, "triage", new { priority = "High" });
        var after = await Tasks($"troubleId={id}");
        Assert.Equal(["first-response Done", "resolution Open"], after.Select(t => $"{t.GetProperty("rule").GetString()} {t.GetProperty("status").GetString()}").ToArray());
        Assert.All(after, t => Assert.Equal("hotline.sato", t.GetProperty("owner").GetString()));

        await troubles.Hotline(id, "resolve", new { outcome = "Resolved", summary = "Paid" });
        Assert.All(await Tasks($"troubleId={id}"), t => Assert.Equal("Done", t.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task replaying_the_triggering_event_creates_no_duplicate()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        await project.Post("/touchpoints", ProjectApi.Touchpoint(occurredOn: "2026-05-10"), 201);
        Assert.Single(await Tasks(""));

        await using var session = Store.QuerySession();
        var logged = (await session.Events.FetchStreamAsync(project.Id)).Single(e => e.EventTypeName == "touchpoint_logged");
        using (var scope = Host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(logged); // the same event, delivered again
        }
        Assert.Single(await Tasks(""));
    }

    [Fact]
    public async Task running_the_rules_again_over_every_event_creates_no_duplicate_and_reopens_nothing()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        await project.Post("/touchpoints", ProjectApi.Touchpoint(occurredOn: "2026-05-10"), 201);
        var tender = await project.OpenTender(openedOn: "2026-01-10", deadline: "2026-03-31");
        await project.Award(tender, awardedOn: "2026-04-15");
        var before = (await Tasks("")).Select(Summary).Order().ToList();
        Assert.Equal(3, before.Count);
        await using var session = Store.QuerySession();
        var eventsBefore = await EventsOfTheRules(session);

        // Replays every event from the start of the store through the rules, as after a reset of the subscription.
        await WhileProjectionsPaused(daemon => daemon.RewindSubscriptionAsync("FollowUpRules", CancellationToken.None, sequenceFloor: 0));

        Assert.Equal(before, (await Tasks("")).Select(Summary).Order());
        Assert.Equal(3, await session.Query<FollowUpTask>().CountAsync());
        Assert.Equal(eventsBefore, await EventsOfTheRules(session)); // nothing scheduled, completed or cancelled twice
    }

    [Fact]
    public async Task an_event_the_rules_cannot_handle_is_dead_lettered_the_rules_go_on_and_readiness_names_it()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        long poisoned;
        await using (var session = Store.LightweightSession())
        {
            // Written past the API: a top-sales touchpoint for no project at all, which the rules cannot act on.
            session.Events.Append(project.Id, new TouchpointLogged(project.Id, Guid.NewGuid(), TouchpointKind.TopSales, new DateOnly(2024, 5, 1),
                JapanLevel.Minister, "Minister", null, "Poisoned", null, []));
            await session.SaveChangesAsync();
            poisoned = (await session.Events.FetchStreamAsync(project.Id)).Last().Sequence;
        }
        try
        {
            await project.Post("/touchpoints", ProjectApi.Touchpoint(occurredOn: "2026-05-10"), 201);

            Assert.Single(await Tasks("")); // the touchpoint after the poisoned one has its task: the rules went on
            var ready = await Host.Scenario(s => { s.Get.Url("/health/ready"); s.StatusCodeShouldBe(503); });
            var projections = ReadJson(ready).GetProperty("checks").GetProperty("projections");
            Assert.Equal("Unhealthy", projections.GetProperty("status").GetString());
            var description = projections.GetProperty("description").GetString()!;
            Assert.True(description.Contains($"FollowUpRules:All at sequence {poisoned} "), description);
        }
        finally
        {
            await using var session = Store.LightweightSession();
            session.DeleteWhere<DeadLetterEvent>(_ => true); // for the tests after this one
            await session.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task replaying_a_dead_lettered_event_after_the_fix_carries_out_its_rule_once_and_clears_readiness()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        // As if the rules had failed on the touchpoint (a bug since fixed): skipped, with a dead letter.
        await WhileProjectionsPaused(async daemon =>
        {
            await project.Post("/touchpoints", ProjectApi.Touchpoint(occurredOn: "2026-05-10"), 201);
            await using var session = Store.LightweightSession();
            var logged = (await session.Events.FetchStreamAsync(project.Id)).Last();
            await daemon.RewindSubscriptionAsync("FollowUpRules", CancellationToken.None, sequenceFloor: logged.Sequence);
            session.Store(new DeadLetterEvent
            {
                Id = Guid.NewGuid(), ProjectionName = "FollowUpRules", ShardName = "All", EventSequence = logged.Sequence,
                ExceptionType = "System.InvalidOperationException", ExceptionMessage = "a bug since fixed", Timestamp = DateTimeOffset.UtcNow,
            });
            await session.SaveChangesAsync();
        });
        Assert.Empty(await Tasks(""));
        await Host.Scenario(s => { s.Get.Url("/health/ready"); s.StatusCodeShouldBe(503); });

        await WhileProjectionsPaused(daemon => DeadLetters.ReplayAsync(Store, daemon, CancellationToken.None));

        Assert.Equal(["record-outcome Open due 2026-05-24 for desk:mlit"], (await Tasks("")).Select(Summary));
        Assert.Empty(await DeadLetters.ListAsync(Store, CancellationToken.None));
        await Host.Scenario(s => { s.Get.Url("/health/ready"); s.StatusCodeShouldBeOk(); });
    }
}
