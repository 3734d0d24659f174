using System.Text.Json;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Projects;

/// <summary>Voiding and correcting recorded facts, and voiding a project registered by mistake: new events, never edits.</summary>
public class CorrectingTheRecord(ApiFixture fixture) : ApiTest(fixture)
{
    private async Task<JsonElement> Get(string url, string role = "officer")
    {
        await WaitForProjections();
        return ReadJson(await As(role, s => { s.Get.Url(url); s.StatusCodeShouldBeOk(); }));
    }

    private async Task<decimal> KpiActual(int fiscalYear, string key) =>
        (await Get($"/api/reports/kpi?fiscalYear={fiscalYear}")).GetProperty("indicators").EnumerateArray()
            .Single(i => i.GetProperty("key").GetString() == key).GetProperty("actual").GetDecimal();

    private async Task<decimal> OrdersAmount(int fiscalYear) =>
        (await Get($"/api/reports/orders?from={fiscalYear}&to={fiscalYear}")).GetProperty("totals").GetProperty("amountJpy").GetDecimal();

    private static object AwardFields(decimal amountJpy, string awardedOn = "2024-10-15") => new
    {
        winner = "Nippon Koei", japaneseWinner = true, awardType = "Prime", scope = "Civil",
        amount = new { value = 100_000_000m, currency = "USD" }, amountJpy, awardedOn,
    };

    [Fact]
    public async Task a_corrected_award_changes_status_kpi_and_orders_and_history_keeps_original_and_correction()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        var tender = await project.OpenTender();                                   // version 2
        await project.Award(tender);                                               // version 3: 18 bn yen, FY2024
        Assert.Equal(18_000_000_000m, await OrdersAmount(2024));
        Assert.Equal(18_000_000_000m, await KpiActual(2024, "awards.japaneseWinsAmountJpy"));

        var corrected = await project.Post("/facts/3/correct", new { reason = "Typo: the award was 15 bn yen, in FY2025.", fields = AwardFields(15_000_000_000m, "2025-05-20") });
        Assert.Equal(4, corrected.GetProperty("version").GetInt64());

        Assert.Equal(0, await OrdersAmount(2024));
        Assert.Equal(15_000_000_000m, await OrdersAmount(2025));
        Assert.Equal(0, await KpiActual(2024, "awards.japaneseWinsAmountJpy"));
        Assert.Equal(15_000_000_000m, await KpiActual(2025, "awards.japaneseWinsAmountJpy"));

        var status = await project.Read();
        var award = status.GetProperty("awards").EnumerateArray().Single();
        Assert.Equal(15_000_000_000m, award.GetProperty("amountJpy").GetDecimal());
        Assert.Equal("2025-05-20", award.GetProperty("awardedOn").GetString());
        var correction = status.GetProperty("corrections").EnumerateArray().Single();
        Assert.Equal(3, correction.GetProperty("factVersion").GetInt64());
        Assert.Equal("corrected", correction.GetProperty("kind").GetString());

        // Time travel before the correction shows the original; the history shows both.
        var before = await project.Read("?version=3");
        Assert.Equal(18_000_000_000m, before.GetProperty("awards")[0].GetProperty("amountJpy").GetDecimal());
        var history = (await Get($"/api/projects/{project.Id}/history", "auditor")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["project_registered", "tender_opened", "contract_awarded", "fact_corrected"], history.Select(i => i.GetProperty("type").GetString()!).ToArray());
        Assert.Equal(18_000_000_000m, history[2].GetProperty("data").GetProperty("amountJpy").GetDecimal());
        var data = history[3].GetProperty("data");
        Assert.Equal(3, data.GetProperty("version").GetInt64());
        Assert.Equal(18_000_000_000m, data.GetProperty("original").GetProperty("contractAwarded").GetProperty("amountJpy").GetDecimal());
        Assert.Equal(15_000_000_000m, data.GetProperty("corrected").GetProperty("contractAwarded").GetProperty("amountJpy").GetDecimal());
        Assert.False(string.IsNullOrEmpty(history[3].GetProperty("recordedBy").GetString()));
    }

    [Fact]
    public async Task a_voided_status_change_no_longer_counts_and_a_voided_touchpoint_leaves_the_kpi()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        await project.Post("/touchpoints", ProjectApi.Touchpoint(occurredOn: "2024-05-10"), 201);                        // version 2
        await project.Post("/status", new { status = "Suspended", reason = "Entered on the wrong project.", effectiveOn = "2024-06-01" }); // version 3
        Assert.Equal(1, await KpiActual(2024, "touchpoints.topSales"));
        Assert.Equal("Suspended", (await project.Read()).GetProperty("status").GetString());

        await project.Post("/facts/3/void", new { reason = "Wrong project." });
        await project.Post("/facts/2/void", new { reason = "A test entry." });

        var status = await project.Read();
        Assert.Equal(JsonValueKind.Null, status.GetProperty("status").ValueKind);
        Assert.Equal(0, status.GetProperty("touchpointCount").GetInt32());
        Assert.Equal(0, await KpiActual(2024, "touchpoints.topSales"));
        Assert.Equal("Suspended", (await project.Read("?version=3")).GetProperty("status").GetString());
        // A voided fact stays voided; it can be neither voided nor corrected again.
        await project.Post("/facts/3/void", new { reason = "again" }, 409);
    }

    [Fact]
    public async Task voiding_a_tender_that_has_an_award_is_refused_naming_the_award()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        var tender = await project.OpenTender();
        await project.Award(tender);

        var refused = await project.Post("/facts/2/void", new { reason = "Wrong tender." }, 409);
        Assert.Contains("the award recorded at version 3", refused.GetProperty("detail").GetString());
        await project.Post("/facts/9/void", new { reason = "No such fact." }, 404);
        await project.Post("/facts/1/void", new { reason = "The registration." }, 422);
        await new ProjectApi(Host, project.Id, "hotline").Post("/facts/3/void", new { reason = "Not allowed." }, 403);
        var invalid = await project.Post("/facts/3/correct", new { reason = "Missing fields.", fields = new { winner = "X" } }, 400);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("fields.japaneseWinner", out _));
        Assert.Equal(3, (await project.Read()).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task a_voided_project_disappears_from_lists_and_reports_but_not_from_its_auditors_history()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host, GivenProjects.RailProject("Registered by mistake")));
        await project.Award(await project.OpenTender());
        Assert.Equal(18_000_000_000m, await OrdersAmount(2024));
        Assert.Equal(1, await KpiActual(2024, "tenders.opened"));

        await project.Post("/void", new { reason = "A duplicate of another project." });

        var list = await Get("/api/projects?q=mistake");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.Equal(0, await OrdersAmount(2024));
        Assert.Equal(0, await KpiActual(2024, "tenders.opened"));
        Assert.Equal(0, await KpiActual(2024, "awards.total"));
        var history = (await Get($"/api/projects/{project.Id}/history", "auditor")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("project_voided", history[^1].GetProperty("type").GetString());
        Assert.True((await project.Read()).GetProperty("voided").GetBoolean());
        // Nothing more can be recorded on it.
        await project.Post("/facts/2/void", new { reason = "after the project" }, 409);
        await project.Post("/void", new { reason = "twice" }, 409);
    }
}
