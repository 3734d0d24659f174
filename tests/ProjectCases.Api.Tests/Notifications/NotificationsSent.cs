using System.Text.Json;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ProjectCases.Api.Tests.Support;
using ProjectCases.FollowUps.Tasks;
using ProjectCases.Notifications;
using ProjectCases.Troubles.Cases;
using ProjectCases.Troubles.ServiceLevels;
using Wolverine;

namespace ProjectCases.Api.Tests.Notifications;

/// <summary>
/// Each trigger, through the real API, the async daemon, Wolverine's outbox and MailKit, into an in-process SMTP
/// server. Tests share the host and never reset it: each looks only at mail about its own case or task.
/// </summary>
[Collection(NotificationsCollection.Name)]
public class NotificationsSent(NotificationsFixture fixture) : IAsyncLifetime
{
    private IAlbaHost Host => fixture.Host;
    private IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();
    private TroubleApi Troubles => new(Host);

    public Task InitializeAsync()
    {
        fixture.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task a_reported_case_mails_the_hotline_desk_once_in_japanese()
    {
        var id = await Troubles.Reported(await Troubles.AwardedProject());

        var mail = Assert.Single(await MailAbout(id, NotificationKind.CaseReported));
        Assert.Equal(NotificationsFixture.HotlineDesk, To(mail));
        Assert.Equal("[ProjectCases] 新しい相談案件: Interim payment certificates unpaid for 7 months", mail.Subject);
        Assert.Contains("報告企業: Acme Construction", mail.TextBody);
        Assert.Equal("ja", mail.Body!.Headers["Content-Language"]);
    }

    [Fact]
    public async Task an_assigned_case_mails_the_officer_in_the_language_they_chose()
    {
        await Settings("officer.mori", "mori@mofa.example.go.jp", new { language = "en", off = Array.Empty<string>() });
        var id = await Troubles.Reported(await Troubles.AwardedProject());

        await Troubles.Hotline(id, "assign", new { officer = "officer.mori" });

        var mail = Assert.Single(await MailAbout(id, NotificationKind.CaseAssigned));
        Assert.Equal("mori@mofa.example.go.jp", To(mail));
        Assert.Equal("[ProjectCases] Case assigned to you: Interim payment certificates unpaid for 7 months", mail.Subject);
        Assert.StartsWith("Dear officer.mori,", mail.TextBody);
    }

    [Fact]
    public async Task an_officer_known_only_from_the_configured_directory_is_mailed_at_that_address_in_its_language()
    {
        var id = await Troubles.Reported(await Troubles.AwardedProject());

        await Troubles.Hotline(id, "assign", new { officer = "officer.ueda" });

        var mail = Assert.Single(await MailAbout(id, NotificationKind.CaseAssigned));
        Assert.Equal("ueda@mofa.example.go.jp", To(mail));
        Assert.StartsWith("[ProjectCases] Case assigned to you", mail.Subject);
    }

    [Fact]
    public async Task a_resolution_mails_the_reporting_contact_in_japanese()
    {
        var report = JsonSerializer.SerializeToElement(TroubleApi.Report(await Troubles.AwardedProject()));
        var body = JsonSerializer.Deserialize<Dictionary<string, object>>(report.GetRawText())!;
        body["reporter"] = new { company = "Acme Construction", companyType = "Contractor", contactName = "Suzuki Ichiro", email = "suzuki@acme.example.co.jp" };
        var id = (await Troubles.Send("hotline", "/api/troubles", body, 201)).GetProperty("id").GetGuid();

        await Troubles.Hotline(id, "resolve", new { outcome = "Resolved", summary = "The employer paid IPCs 12-18 on 1 June." });

        var mail = Assert.Single(await MailAbout(id, NotificationKind.CaseResolved));
        Assert.Equal("suzuki@acme.example.co.jp", To(mail));
        Assert.StartsWith("[ProjectCases] ご相談の案件が解決しました", mail.Subject);
        Assert.Contains("概要: The employer paid IPCs 12-18 on 1 June.", mail.TextBody);
    }

    [Fact]
    public async Task a_country_risk_on_the_project_of_an_open_case_mails_its_reporting_contact()
    {
        var report = JsonSerializer.SerializeToElement(TroubleApi.Report(await Troubles.AwardedProject()));
        var body = JsonSerializer.Deserialize<Dictionary<string, object>>(report.GetRawText())!;
        body["reporter"] = new { company = "Acme Construction", companyType = "Contractor", contactName = "Suzuki Ichiro", email = "suzuki.risk@acme.example.co.jp" };
        var id = (await Troubles.Send("hotline", "/api/troubles", body, 201)).GetProperty("id").GetGuid();
        var (_, trouble) = await Troubles.Get("hotline", $"/api/troubles/{id}");
        var country = (await Troubles.Get("officer", $"/api/projects/{trouble.GetProperty("projectId").GetGuid()}")).Body.GetProperty("country").GetString();

        await Troubles.Send("officer", "/api/country-risks", new
        {
            country, kind = "Conflict", observedOn = "2026-04-12", summary = "Armed conflict near the capital.", severity = "Crisis",
        }, 201);

        var mail = Assert.Single(await MailAbout(id, NotificationKind.CountryRiskOnCase));
        Assert.Equal("suzuki.risk@acme.example.co.jp", To(mail));
        Assert.StartsWith("[ProjectCases] カントリーリスクのお知らせ", mail.Subject);
        Assert.Contains("Armed conflict near the capital.", mail.TextBody);
    }

    [Fact]
    public async Task a_service_level_breach_mails_the_hotline_lead()
    {
        var id = await Troubles.Reported(await Troubles.AwardedProject());
        var due = await FirstResponseDue(id);

        fixture.Clock.SetUtcNow(due.AddMinutes(1));
        await Deliver(new CheckFirstResponse(id, due));

        var mail = Assert.Single(await MailAbout(id, NotificationKind.ServiceLevelBreached));
        Assert.Equal(NotificationsFixture.HotlineLead, To(mail));
        Assert.StartsWith("[ProjectCases] サービスレベル超過（初回対応）", mail.Subject);
    }

    [Fact]
    public async Task a_task_due_tomorrow_mails_its_owner_the_day_before()
    {
        var tomorrow = TokyoTime.Today(fixture.Clock).AddDays(1);
        var id = await CreateTask("Send the minutes to the embassy", tomorrow, owner: "officer.kato");

        var mail = Assert.Single(await MailAbout(id, NotificationKind.TaskDueTomorrow));
        Assert.Equal("kato@mofa.example.go.jp", To(mail));
        Assert.Equal("[ProjectCases] 明日が期限のタスク: Send the minutes to the embassy", mail.Subject);
    }

    [Fact]
    public async Task an_overdue_task_mails_its_owner()
    {
        var today = TokyoTime.Today(fixture.Clock);
        var id = await CreateTask("Confirm the land handover", today, owner: "officer.ueda");

        fixture.Clock.SetUtcNow(TokyoTime.StartOfDay(today.AddDays(1)).AddHours(9));
        await Deliver(new CheckFollowUpDue(id, today));

        var mail = Assert.Single(await MailAbout(id, NotificationKind.TaskOverdue));
        Assert.Equal("ueda@mofa.example.go.jp", To(mail));
        Assert.Equal("[ProjectCases] Task overdue: Confirm the land handover", mail.Subject);
        // Created due today: "due tomorrow" had already passed, so that reminder never went.
        Assert.Empty(await Notifications(id, NotificationKind.TaskDueTomorrow));
    }

    [Fact]
    public async Task a_kind_turned_off_sends_nothing_while_other_kinds_still_go()
    {
        await Settings("officer.hayashi", "hayashi@mofa.example.go.jp", new { language = "ja", off = new[] { "CaseAssigned" } });
        var id = await Troubles.Reported(await Troubles.AwardedProject());

        await Troubles.Hotline(id, "assign", new { officer = "officer.hayashi" });
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30)); // the assignment went through the rules

        Assert.Single(await MailAbout(id, NotificationKind.CaseReported)); // the desk's mail about the same case
        Assert.Empty(await Notifications(id, NotificationKind.CaseAssigned));
        Assert.DoesNotContain(NotificationsFixture.Received(fixture.Smtp), m => To(m) == "hayashi@mofa.example.go.jp");
    }

    [Fact]
    public async Task an_event_handled_again_sends_nothing_more()
    {
        var id = await Troubles.Reported(await Troubles.AwardedProject());
        Assert.Single(await MailAbout(id, NotificationKind.CaseReported));

        IEvent reported;
        await using (var session = Store.QuerySession())
            reported = (await session.Events.FetchStreamAsync(id)).First();
        await Deliver(new NotificationTrigger(reported)); // as after a subscription paused mid-page and resumed

        Assert.Single(await MailAbout(id, NotificationKind.CaseReported));
    }

    [Fact]
    public async Task settings_default_to_japanese_with_everything_on_and_are_replaced_by_a_put()
    {
        var token = NotificationsFixture.TokenWithEmail("officer", "officer.ishii", "ishii@mofa.example.go.jp");
        var before = await Call(token, s => s.Get.Url("/api/me/notifications"), 200);
        Assert.Equal("ja", before.GetProperty("language").GetString());
        Assert.Empty(before.GetProperty("off").EnumerateArray());
        Assert.Equal("ishii@mofa.example.go.jp", before.GetProperty("email").GetString());

        await Call(token, s => s.Put.Json(new { language = "en", off = new[] { "TaskOverdue", "CaseReported" } }).ToUrl("/api/me/notifications"), 200);

        var after = await Call(token, s => s.Get.Url("/api/me/notifications"), 200);
        Assert.Equal("en", after.GetProperty("language").GetString());
        Assert.Equal(["CaseReported", "TaskOverdue"], after.GetProperty("off").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public async Task an_unknown_language_or_kind_is_refused_and_changes_nothing()
    {
        var token = NotificationsFixture.TokenWithEmail("hotline", "hotline.abe", "abe@mofa.example.go.jp");
        var problem = await Call(token, s => s.Put.Json(new { language = "fr", off = Array.Empty<string>() }).ToUrl("/api/me/notifications"), 400);
        Assert.Contains("language", problem.GetProperty("detail").GetString());
        await Call(token, s => s.Put.Json(new { language = "en", off = new[] { "Everything" } }).ToUrl("/api/me/notifications"), 400);

        var settings = await Call(token, s => s.Get.Url("/api/me/notifications"), 200);
        Assert.Equal("ja", settings.GetProperty("language").GetString());
    }

    // --- helpers ---

    private static string To(MimeMessage mail) => Assert.Single(mail.To.Mailboxes).Address;

    /// <summary>
    /// The mail about <paramref name="subject"/> of <paramref name="kind"/>, once every notification of that kind queued
    /// for it has been sent (waits for the first to be queued and all to be sent; then counts what the server got).
    /// </summary>
    private async Task<IReadOnlyList<MimeMessage>> MailAbout(Guid subject, NotificationKind kind)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var queued = await Notifications(subject, kind);
            if (queued.Count > 0 && queued.All(n => n.Status == NotificationStatus.Sent)) break;
            await Task.Delay(100, timeout.Token);
        }
        return [.. NotificationsFixture.Received(fixture.Smtp).Where(m =>
            m.Headers["X-ProjectCases-Subject"] == subject.ToString() && m.Headers["X-ProjectCases-Kind"] == kind.ToString())];
    }

    private async Task<IReadOnlyList<Notification>> Notifications(Guid subject, NotificationKind kind)
    {
        await using var session = Store.QuerySession();
        return await session.Query<Notification>().Where(n => n.Subject == subject && n.Kind == kind).ToListAsync();
    }

    private async Task<DateTimeOffset> FirstResponseDue(Guid id)
    {
        await using var session = Store.QuerySession();
        return (await session.LoadAsync<TroubleCase>(id))!.FirstResponseDue;
    }

    private async Task Deliver(object message)
    {
        using var scope = Host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(message);
    }

    private async Task<Guid> CreateTask(string title, DateOnly dueOn, string owner) =>
        (await Call(ApiTest.TokenFor("officer"), s => s.Post.Json(new { title, dueOn = dueOn.ToString("yyyy-MM-dd"), owner }).ToUrl("/api/follow-ups"), 201))
            .GetProperty("id").GetGuid();

    private Task<JsonElement> Settings(string subject, string email, object body) =>
        Call(NotificationsFixture.TokenWithEmail("officer", subject, email), s => s.Put.Json(body).ToUrl("/api/me/notifications"), 200);

    private async Task<JsonElement> Call(string token, Action<Scenario> configure, int status)
    {
        var result = await Host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", $"Bearer {token}");
            configure(s);
            s.StatusCodeShouldBe(status);
        });
        var text = result.ReadAsText();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }
}
