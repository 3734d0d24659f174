using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProjectCases.Console.Tests.Support;
using ProjectCases.Infrastructure.Postgres;

namespace ProjectCases.Console.Tests.Journeys;

public class AuditorTimeTravel(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    /// <summary>Moves a stream's first events back in recording time, as if recorded days ago (the hash chain does not cover it).</summary>
    private async Task RecordedDaysAgo(Guid streamId, int throughVersion, int days)
    {
        await using var connection = new NpgsqlConnection(Fixture.Services.GetRequiredService<DatabaseConnection>().ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "update projectcases.mt_events set timestamp = timestamp - make_interval(days => @days) where stream_id = @id and version <= @version", connection);
        command.Parameters.AddWithValue("days", days);
        command.Parameters.AddWithValue("id", streamId);
        command.Parameters.AddWithValue("version", (long)throughVersion);
        Assert.Equal(throughVersion, await command.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task an_auditor_sees_the_project_as_it_stood_on_an_earlier_date_and_its_intact_chain()
    {
        var id = await Api.RegisteredProject();
        await Api.Touchpoint(id);
        await RecordedDaysAgo(id, throughVersion: 2, days: 10);
        await Api.Post($"/api/projects/{id}/status", new { status = "Suspended", reason = "Right-of-way dispute", effectiveOn = "2026-11-01" });
        await WaitForProjections(); // the seals are written by the daemon

        await SignInAs("auditor", name: "kato");
        await Open($"/projects/{id}");
        Assert.Contains("改ざん検証：正常", await Page.Locator("[data-testid=chain]").InnerTextAsync());
        Assert.Contains("状況の変更", await Page.Locator("[data-testid=timeline]").InnerTextAsync());
        Assert.Equal("3", await Page.Locator("[data-testid=version]").InnerTextAsync());

        var fiveDaysAgo = TokyoTime.Today(TimeProvider.System).AddDays(-5);
        await Page.Locator("#asOf").FillAsync(fiveDaysAgo.ToString("yyyy-MM-dd"));
        await Filter("この時点の記録を表示");
        Assert.Contains($"{fiveDaysAgo.Year}年{fiveDaysAgo.Month}月{fiveDaysAgo.Day}日 23:59 日本時間 時点の記録を表示しています",
            await Page.Locator("[data-testid=as-of-banner]").InnerTextAsync());
        Assert.Equal("2", await Page.Locator("[data-testid=version]").InnerTextAsync());
        var then = await Page.Locator("[data-testid=timeline]").InnerTextAsync();
        Assert.Contains("トップセールス", then);
        Assert.DoesNotContain("状況の変更", then);
        await AssertAccessible();

        await SwitchToEnglish();
        Assert.Contains("Showing the record as it stood at", await Page.Locator("[data-testid=as-of-banner]").InnerTextAsync());
        Assert.Contains("Tamper check: intact", await Page.Locator("[data-testid=chain]").InnerTextAsync());
        Assert.DoesNotContain("Status changed", await Page.Locator("[data-testid=timeline]").InnerTextAsync());

        await Page.GetByRole(AriaRole.Link, new() { Name = "Full history (every recorded event)" }).ClickAsync();
        await WaitForUrl(url => url.EndsWith("/history", StringComparison.Ordinal));
        var history = await MainText();
        Assert.Contains("project_status_changed", history);
        Assert.Contains("Right-of-way dispute", history);
        await AssertAccessible();
    }
}
