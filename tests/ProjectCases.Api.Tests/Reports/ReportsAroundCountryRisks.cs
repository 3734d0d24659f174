using System.Text.Json;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Reports;

/// <summary>
/// The KPI and orders reports with `countryRisk=include|exclude|isolate` (issue 18 item 5): the projects under a risk
/// that is open at the end of the year counted are left out or counted alone, and the two halves add up to the whole.
/// </summary>
public class ReportsAroundCountryRisks(ApiFixture fixture) : ApiTest(fixture)
{
    private TroubleApi Calls => new(Host);

    private async Task<JsonElement> Get(string url, int expected = 200)
    {
        await WaitForProjections();
        await WaitForProjections(); // linking runs on the daemon after the risk's commit
        var (status, body) = await Calls.Get("officer", url);
        Assert.Equal(expected, status);
        return body;
    }

    private async Task<Dictionary<string, decimal>> Kpi(string countryRisk) =>
        (await Get($"/api/reports/kpi?fiscalYear=2026&countryRisk={countryRisk}")).GetProperty("indicators").EnumerateArray()
            .ToDictionary(i => i.GetProperty("key").GetString()!, i => i.GetProperty("actual").GetDecimal());

    private async Task<(int Awards, decimal AmountJpy, string[] Rows)> Orders(string query)
    {
        var report = await Get($"/api/reports/orders?from=2025&to=2026&{query}");
        var totals = report.GetProperty("totals");
        return (totals.GetProperty("awards").GetInt32(), totals.GetProperty("amountJpy").GetDecimal(),
            [.. report.GetProperty("rows").EnumerateArray().Select(r => $"{r.GetProperty("year").GetInt32()} {r.GetProperty("region").GetString()}: {r.GetProperty("awards").GetInt32()}")]);
    }

    /// <summary>Colombo (Sri Lanka) and Delhi (India) with activity in FY2025 and FY2026, a dialogue with Viet Nam, and a default in Sri Lanka observed in FY2026.</summary>
    private async Task<(ProjectApi Colombo, Guid Risk)> GivenADefaultInSriLankaAndAProjectElsewhere()
    {
        var colombo = new ProjectApi(Host, await GivenProjects.Registered(Host, GivenProjects.RailProject("Colombo Light Rail", "LK")));
        var delhi = new ProjectApi(Host, await GivenProjects.Registered(Host, GivenProjects.RailProject("Delhi Metro", "IN")));
        await colombo.Post("/touchpoints", ProjectApi.Touchpoint(occurredOn: "2026-05-10"), 201);
        await colombo.Award(await colombo.OpenTender("Civil package C-1", "2025-06-01", "2025-09-30"), awardedOn: "2025-10-15");
        await colombo.Award(await colombo.OpenTender("Civil package C-2", "2026-06-01", "2026-09-30"), awardedOn: "2026-10-15");
        await delhi.Post("/touchpoints", ProjectApi.Touchpoint(occurredOn: "2026-05-11"), 201);
        await delhi.Post("/touchpoints", ProjectApi.Touchpoint("Seminar", "2026-07-01"), 201);
        await delhi.Award(await delhi.OpenTender("Signalling S-1", "2026-06-01", "2026-09-30"), japaneseWinner: false, awardedOn: "2026-11-20");
        await Calls.Send("officer", "/api/engagements", Engagements.RecordingEngagements.Dialogue("2026-08-20", country: "VN"), 201);
        var risk = (await Calls.Send("officer", "/api/country-risks", new
        {
            country = "LK", kind = "SovereignDefault", observedOn = "2026-04-12", summary = "The government suspended payments on its external debt.",
            severity = "Crisis",
        }, 201)).GetProperty("id").GetGuid();
        return (colombo, risk);
    }

    [Fact]
    public async Task excluding_and_isolating_projects_under_an_open_risk_split_the_kpi_in_two_halves_that_add_up_to_the_whole()
    {
        await GivenADefaultInSriLankaAndAProjectElsewhere();

        var include = await Kpi("include");
        var exclude = await Kpi("exclude");
        var isolate = await Kpi("isolate");

        // Colombo alone: one top-sales touchpoint, one tender, one Japanese win; the dialogue is no project and stays with the rest.
        Assert.Equal((1m, 0m, 1m, 1m, 18_000_000_000m), (isolate["touchpoints.total"], isolate["touchpoints.policyDialogues"], isolate["tenders.opened"],
            isolate["awards.japaneseWins"], isolate["awards.japaneseWinsAmountJpy"]));
        Assert.Equal((3m, 1m, 1m, 0m), (exclude["touchpoints.total"], exclude["touchpoints.policyDialogues"], exclude["awards.total"], exclude["awards.japaneseWins"]));
        Assert.Equal(4m, include["touchpoints.total"]);
        Assert.NotEmpty(isolate);
        foreach (var (key, actual) in exclude) Assert.True(actual + isolate[key] == include[key], $"{key}: {actual} + {isolate[key]} ≠ {include[key]}");
        // A split report sums projects, and the hotline is one desk for all of them: it has no hotline lines.
        Assert.DoesNotContain(exclude.Keys, key => key.StartsWith("hotline."));
        Assert.Contains("hotline.received", include.Keys);

        var report = await Get("/api/reports/kpi?fiscalYear=2026&countryRisk=isolate");
        Assert.Equal("Isolate", report.GetProperty("countryRisk").GetString());
        // The risk was observed in FY2026: the year before knows nothing of it.
        Assert.Equal(0m, (await Get("/api/reports/kpi?fiscalYear=2025&countryRisk=isolate")).GetProperty("indicators").EnumerateArray()
            .Single(i => i.GetProperty("key").GetString() == "awards.total").GetProperty("actual").GetDecimal());
    }

    [Fact]
    public async Task the_orders_report_leaves_out_or_isolates_each_years_projects_under_a_risk_open_at_that_years_end()
    {
        await GivenADefaultInSriLankaAndAProjectElsewhere();

        var include = await Orders("countryRisk=include");
        var exclude = await Orders("countryRisk=exclude");
        var isolate = await Orders("countryRisk=isolate");

        var unsaid = await Orders("");
        Assert.Equal((include.Awards, include.AmountJpy), (unsaid.Awards, unsaid.AmountJpy));
        Assert.Equal(include.Rows, unsaid.Rows);
        Assert.Equal(["2025 South Asia: 1", "2026 South Asia: 2"], include.Rows);
        // Colombo's FY2025 award predates the default: it stays in; its FY2026 award is isolated.
        Assert.Equal((1, 18_000_000_000m), (isolate.Awards, isolate.AmountJpy));
        Assert.Equal(["2026 South Asia: 1"], isolate.Rows);
        Assert.Equal(["2025 South Asia: 1", "2026 South Asia: 1"], exclude.Rows);
        Assert.Equal(include.Awards, exclude.Awards + isolate.Awards);
        Assert.Equal(include.AmountJpy, exclude.AmountJpy + isolate.AmountJpy);
    }

    [Fact]
    public async Task a_risk_closed_before_the_years_end_no_longer_excludes_its_projects()
    {
        var (colombo, risk) = await GivenADefaultInSriLankaAndAProjectElsewhere();
        Assert.Equal(1m, (await Kpi("isolate"))["awards.total"]);

        await WaitForProjections();
        await WaitForProjections();
        await colombo.Post("/risk-decisions", new
        {
            riskId = risk, decision = "Continue", reason = "Debt restructuring agreed; the partner confirms the project.", decidedOn = "2026-11-01",
            decidedBy = "Minister", reviewOn = "2027-01-15",
        }, 201);
        Fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero));
        await Calls.Send("officer", $"/api/country-risks/{risk}/close", new { summary = "Debt restructured." }, 200);

        Assert.Equal(0m, (await Kpi("isolate"))["awards.total"]);
        Assert.Equal(2m, (await Kpi("exclude"))["awards.total"]);
        Assert.Equal(0, (await Orders("countryRisk=isolate")).Awards);
        Assert.Equal(3, (await Orders("countryRisk=exclude")).Awards);
    }

    [Theory]
    [InlineData("/api/reports/kpi?fiscalYear=2026&countryRisk=only")]
    [InlineData("/api/reports/orders?from=2025&to=2026&countryRisk=2")]
    [InlineData("/api/reports/orders?from=2025&to=2026&countryRisk=exclude&countryRisk=isolate")]
    public async Task an_unknown_country_risk_choice_is_refused_naming_the_parameter(string url)
    {
        var (status, body) = await Calls.Get("officer", url);
        Assert.Equal(400, status);
        Assert.Contains("countryRisk", body.GetRawText());
    }
}
