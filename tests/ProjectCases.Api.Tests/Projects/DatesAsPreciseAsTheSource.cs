using System.Text.Json;
using Marten;
using ProjectCases.Api.Tests.Support;
using ProjectCases.Projects;

namespace ProjectCases.Api.Tests.Projects;

/// <summary>
/// Business dates as precise as the source (issue 16 item 2): a day, a month or a Japanese fiscal year, stored and
/// shown as given, placed by their first day in reports and follow-ups; a tender may have no known opening.
/// </summary>
public class DatesAsPreciseAsTheSource(ApiFixture fixture) : ApiTest(fixture)
{
    private async Task<JsonElement> Get(string url, string role = "officer") =>
        ReadJson(await As(role, s => { s.Get.Url(url); s.StatusCodeShouldBeOk(); }));

    private async Task<Dictionary<string, decimal>> Kpi(int fiscalYear)
    {
        await WaitForProjections();
        return (await Get($"/api/reports/kpi?fiscalYear={fiscalYear}")).GetProperty("indicators").EnumerateArray()
            .ToDictionary(i => i.GetProperty("key").GetString()!, i => i.GetProperty("actual").GetDecimal());
    }

    [Fact]
    public async Task month_dates_fall_in_the_fiscal_year_of_their_first_day_on_both_sides_of_april_1()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        await project.Post("/touchpoints", ProjectApi.Touchpoint("Seminar", "2019-03"), 201);          // March 2019: FY2018
        await project.Post("/touchpoints", ProjectApi.Touchpoint("Mission", "2019-04"), 201);          // April 2019: FY2019
        await project.Post("/touchpoints", ProjectApi.Touchpoint("PolicyDialogue", "FY2019"), 201);    // placed at 2019-04-01: FY2019
        var march = await project.OpenTender("Civil C-1", openedOn: "2018-12", deadline: null);
        await project.Award(march, awardedOn: "2019-03");                                              // FY2018, ¥18bn
        var april = await project.OpenTender("Civil C-2", openedOn: "2019-01", deadline: null);
        await project.Award(april, awardedOn: "2019-04");                                              // FY2019, ¥18bn

        var fy2018 = await Kpi(2018);
        Assert.Equal((1, 1, 0, 1), (fy2018["touchpoints.total"], fy2018["touchpoints.seminars"], fy2018["touchpoints.missions"], fy2018["awards.total"]));
        var fy2019 = await Kpi(2019);
        Assert.Equal((2, 1, 1, 1), (fy2019["touchpoints.total"], fy2019["touchpoints.missions"], fy2019["touchpoints.policyDialogues"], fy2019["awards.total"]));

        var orders = await Get("/api/reports/orders?from=2018&to=2019");
        Assert.Equal([(2018, 18_000_000_000m), (2019, 18_000_000_000m)], orders.GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("fiscalYear").GetInt32(), r.GetProperty("amountJpy").GetDecimal())));
    }

    [Fact]
    public async Task correcting_a_month_across_april_1_moves_the_fact_to_the_next_fiscal_year_and_keeps_both_in_the_history()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        await project.Post("/touchpoints", ProjectApi.Touchpoint("Seminar", "2019-03"), 201); // version 2, FY2018
        Assert.Equal(1, (await Kpi(2018))["touchpoints.seminars"]);

        await project.Post("/facts/2/correct", new { reason = "The source says April.", fields = ProjectApi.Touchpoint("Seminar", "2019-04") });
        Assert.Equal((0, 1), ((await Kpi(2018))["touchpoints.seminars"], (await Kpi(2019))["touchpoints.seminars"]));
        Assert.Equal("2019-04", (await project.Read()).GetProperty("touchpoints")[0].GetProperty("occurredOn").GetString());
        var history = (await Get($"/api/projects/{project.Id}/history", "auditor")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("2019-03", history[1].GetProperty("data").GetProperty("occurredOn").GetString());
    }

    [Fact]
    public async Task a_fiscal_year_date_is_shown_as_given_and_placed_at_april_1_for_follow_ups()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        await project.Post("/touchpoints", ProjectApi.Touchpoint("TopSales", "FY2019"), 201);

        var status = await project.Read();
        Assert.Equal("FY2019", status.GetProperty("touchpoints")[0].GetProperty("occurredOn").GetString());
        Assert.Equal("FY2019", status.GetProperty("latestTouchpointOn").GetString());
        Assert.Equal("2019-04-01", status.GetProperty("lastActivityOn").GetString()); // a day, for sorting and filtering

        await WaitForProjections();
        var task = (await Get($"/api/follow-ups?projectId={project.Id}", "auditor")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal("2019-04-15", task.GetProperty("dueOn").GetString()); // the outcome is due 14 days after the period's first day
    }

    [Fact]
    public async Task a_month_reads_back_as_a_month_in_the_status_the_history_and_the_list()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        await project.Post("/touchpoints", ProjectApi.Touchpoint("Seminar", "2019-05"), 201);
        await project.Post("/agreements", new { agreementType = "MOC", level = "Administrative", title = "MOC on rail", parties = new[] { "MLIT", "MoR" }, signedOn = "2019-05-20" }, 201);
        var tender = await project.OpenTender("Signals", openedOn: "2019-06", deadline: "2019-06-30");
        await project.Award(tender, awardedOn: "2019-06"); // the same month as the opening: not "before" it
        await project.Post("/status", new { status = "UnderConstruction", reason = "Works began", effectiveOn = "FY2020" });

        var status = await project.Read();
        Assert.Equal("2019-05", status.GetProperty("touchpoints")[0].GetProperty("occurredOn").GetString());
        Assert.Equal("2019-05-20", status.GetProperty("latestAgreementOn").GetString()); // day precision unchanged
        Assert.Equal("2019-06", status.GetProperty("tenders")[0].GetProperty("openedOn").GetString());
        Assert.Equal("2019-06", status.GetProperty("awards")[0].GetProperty("awardedOn").GetString());
        Assert.Equal("FY2020", status.GetProperty("statusEffectiveOn").GetString());

        var history = (await Get($"/api/projects/{project.Id}/history", "auditor")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("2019-05", history[1].GetProperty("data").GetProperty("occurredOn").GetString());
        Assert.Equal("FY2020", history[^1].GetProperty("data").GetProperty("effectiveOn").GetString());

        // Stored as the same text: what the event store holds reads back at the precision given.
        await using var session = Store.QuerySession();
        var stored = (await session.Events.FetchStreamAsync(project.Id)).Select(e => e.Data).OfType<TouchpointLogged>().Single();
        Assert.Equal((DatePrecision.Month, new DateOnly(2019, 5, 1)), (stored.OccurredOn.Precision, stored.OccurredOn.Start));
    }

    [Fact]
    public async Task a_tender_with_no_known_opening_is_accepted_and_shown_without_one()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        var tenderId = (await project.Post("/tenders", new { package = "Passenger terminal", tenderType = "Unknown" }, 201)).GetProperty("tenderId").GetGuid();
        await project.Post($"/tenders/{tenderId}/bids", new { bidders = new[] { "Taisei" }, submittedOn = "2023-01" });
        await project.Award(tenderId, awardedOn: "2023-06");

        var tender = (await project.Read()).GetProperty("tenders")[0];
        Assert.Equal(JsonValueKind.Null, tender.GetProperty("openedOn").ValueKind);
        Assert.Equal("Awarded", tender.GetProperty("state").GetString());
        var fy2022 = await Kpi(2022);
        Assert.Equal((0, 1), (fy2022["tenders.opened"], fy2022["tenders.withJapaneseBidders"])); // no opening to count; the bids count
    }

    [Theory]
    [InlineData("occurredOn", "2019-13")]
    [InlineData("occurredOn", "FY19")]
    [InlineData("occurredOn", "2019-5")]
    [InlineData("occurredOn", "2019-02-30")]
    [InlineData("occurredOn", "fy2019")]
    public async Task a_date_in_none_of_the_three_forms_is_refused_naming_the_field(string field, string value)
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        var body = new Dictionary<string, object?>
        {
            ["kind"] = "Seminar", [field] = value, ["japanLevel"] = "Official", ["counterpart"] = "Ministry of Railways", ["summary"] = "Seminar.",
        };
        var problem = await project.Post("/touchpoints", body, 400);
        var message = problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
        Assert.Contains(value, message);
        Assert.Contains("YYYY-MM-DD", message);
        Assert.Equal(1, (await project.Read()).GetProperty("version").GetInt64()); // nothing recorded
    }

    [Fact]
    public async Task a_month_or_fiscal_year_far_in_the_future_is_out_of_range_like_a_day()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        var problem = await project.Post("/touchpoints", ProjectApi.Touchpoint("Seminar", "FY2205"), 400);
        Assert.Contains("FY2205 is out of range", problem.GetProperty("errors").GetProperty("occurredOn")[0].GetString());
    }
}
