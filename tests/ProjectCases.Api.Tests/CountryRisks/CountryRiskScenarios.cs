using System.Text.Json;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.CountryRisks;

/// <summary>A coup, a default or a war in a country, through the real API, the linking on the daemon and the follow-up rules.</summary>
public class CountryRiskScenarios(ApiFixture fixture) : ApiTest(fixture)
{
    private TroubleApi Calls => new(Host);

    /// <summary>Linking runs after commit on the daemon, and the follow-up rules after the links: wait for both rounds.</summary>
    private async Task Settled()
    {
        await WaitForProjections();
        await WaitForProjections();
    }

    private async Task<Guid> Opened(string country, string severity, Guid[]? projectIds = null) =>
        (await Calls.Send("officer", "/api/country-risks", new
        {
            country, kind = "SovereignDefault", observedOn = "2026-04-12", summary = "The government suspended payments on its external debt.",
            severity, projectIds,
        }, 201)).GetProperty("id").GetGuid();

    private async Task<JsonElement> Get(string url, int expected = 200)
    {
        var (status, body) = await Calls.Get("officer", url);
        Assert.Equal(expected, status);
        return body;
    }

    private static object Decision(Guid riskId, string decision, string? reviewOn = "2026-10-01") =>
        new { riskId, decision, reason = "Partner's intent confirmed with the ministry of finance.", decidedOn = "2026-04-20", decidedBy = "Minister", reviewOn };

    private async Task<string[]> Tasks(string rule) =>
        [.. (await Get("/api/follow-ups?pageSize=200")).GetProperty("items").EnumerateArray().Where(t => t.GetProperty("rule").GetString() == rule)
            .Select(t => $"{t.GetProperty("owner").GetString()}: {t.GetProperty("title").GetString()} ({t.GetProperty("status").GetString()})")];

    private static string[] Names(JsonElement risk) =>
        [.. risk.GetProperty("affectedProjects").EnumerateArray().Select(p => p.GetProperty("name").GetString()!)];

    [Fact]
    public async Task a_crisis_links_every_project_of_the_country_tasks_each_desk_informs_the_company_and_holds_closing_until_each_is_decided()
    {
        var airport = new ProjectApi(Host, await GivenProjects.Registered(Host, GivenProjects.RailProject("Bandaranaike Airport Terminal", "LK")));
        await airport.Award(await airport.OpenTender());
        await Calls.Reported(airport.Id, "Taisei Example");
        var port = new ProjectApi(Host, await GivenProjects.Registered(Host, GivenProjects.RailProject("Colombo Port Terminal", "LK")));
        var rail = new ProjectApi(Host, await GivenProjects.Registered(Host, GivenProjects.RailProject("Colombo Light Rail", "LK")));
        var elsewhere = new ProjectApi(Host, await GivenProjects.Registered(Host, GivenProjects.RailProject("Delhi Metro", "IN")));
        await Settled();
        var airportBefore = (await airport.Read()).GetProperty("version").GetInt64();

        var risk = await Opened("LK", "Crisis");
        await Settled();

        Assert.Equal(["Bandaranaike Airport Terminal", "Colombo Light Rail", "Colombo Port Terminal"], Names(await Get($"/api/country-risks/{risk}")));
        Assert.Equal(3, (await Tasks("confirm-risk-state")).Count(t => t.StartsWith("desk:mlit: Confirm the partner's intent and the project's state (sovereign default in LK, Crisis) (Open)")));
        Assert.Equal(["desk:hotline: Inform Taisei Example of the sovereign default in LK (Open)"], await Tasks("inform-companies-of-risk"));
        var openRisks = (await airport.Read()).GetProperty("openRisks");
        Assert.Equal(risk, Assert.Single(openRisks.EnumerateArray()).GetProperty("riskId").GetGuid());
        Assert.Empty((await elsewhere.Read()).GetProperty("risks").EnumerateArray());

        // Decisions move the statuses; one project left undecided blocks closing, by name.
        await airport.Post("/risk-decisions", Decision(risk, "Suspend"), 201);
        await port.Post("/risk-decisions", Decision(risk, "Withdraw", reviewOn: null), 201);
        Assert.Equal("Suspended", (await airport.Read()).GetProperty("status").GetString());
        Assert.Equal("Withdrawn", (await port.Read()).GetProperty("status").GetString());
        var refused = await Calls.Send("officer", $"/api/country-risks/{risk}/close", new { summary = "Debt restructured." }, 409);
        Assert.Contains("Colombo Light Rail", refused.GetProperty("detail").GetString());
        Assert.DoesNotContain("Colombo Port Terminal", refused.GetProperty("detail").GetString());
        Assert.DoesNotContain("Bandaranaike", refused.GetProperty("detail").GetString());

        await rail.Post("/risk-decisions", Decision(risk, "ContinueWithConditions"), 201);
        await Settled();
        Assert.Equal(["desk:mlit: Review the country-risk decision (ContinueWithConditions, 2026-04-20) (Open)", "desk:mlit: Review the country-risk decision (Suspend, 2026-04-20) (Open)"],
            (await Tasks("review-risk-decision")).Order());
        Assert.Equal(3, (await Tasks("confirm-risk-state")).Count(t => t.EndsWith("(Done)")));

        // The board: what is at stake, per project and in total (the sum of the awards).
        var board = await Get($"/api/country-risks/{risk}/board");
        var projects = board.GetProperty("projects").EnumerateArray().ToList();
        var awards = projects.SelectMany(p => p.GetProperty("awards").EnumerateArray()).Sum(a => a.GetProperty("amountJpy").GetDecimal());
        Assert.Equal(18_000_000_000m, awards);
        Assert.Equal(awards, board.GetProperty("totals").GetProperty("amountAtStakeJpy").GetDecimal());
        Assert.Equal(3, board.GetProperty("totals").GetProperty("projects").GetInt32());
        Assert.Equal(1, board.GetProperty("totals").GetProperty("openTroubleCount").GetInt32());
        var airportRow = projects.Single(p => p.GetProperty("projectId").GetGuid() == airport.Id);
        Assert.Equal(("Suspend", "2026-10-01", "Nippon Koei"), (airportRow.GetProperty("decision").GetString(), airportRow.GetProperty("reviewOn").GetString(),
            airportRow.GetProperty("japaneseWinners")[0].GetString()));

        // Time travel: the airport before the risk, and after it.
        var before = await airport.Read($"?version={airportBefore}");
        Assert.Empty(before.GetProperty("risks").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("status").ValueKind);
        var after = await airport.Read($"?version={airportBefore + 3}"); // linked, decided, suspended
        Assert.Equal("Suspend", Assert.Single(after.GetProperty("risks").EnumerateArray()).GetProperty("decision").GetString());
        Assert.Equal("Suspended", after.GetProperty("status").GetString());

        await Calls.Send("officer", $"/api/country-risks/{risk}/close", new { summary = "Debt restructured." }, 200);
        Assert.Empty((await airport.Read()).GetProperty("openRisks").EnumerateArray());
        Assert.Equal("Closed", (await Get($"/api/country-risks/{risk}")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task a_projects_link_to_a_risk_is_recorded_in_the_name_of_the_officer_who_opened_it()
    {
        var rail = await GivenProjects.Registered(Host, GivenProjects.RailProject("Colombo Light Rail", "LK"));
        var opened = ReadJson(await As("officer", s =>
        {
            s.Post.Json(new
            {
                country = "LK", kind = "SovereignDefault", observedOn = "2026-04-12", summary = "The government suspended payments on its external debt.",
                severity = "Crisis",
            }).ToUrl("/api/country-risks");
            s.StatusCodeShouldBe(201);
        }, name: "Yamada Taro"));
        await Settled();

        var history = ReadJson(await As("auditor", s => { s.Get.Url($"/api/projects/{rail}/history"); s.StatusCodeShouldBeOk(); }));
        var items = history.GetProperty("items").EnumerateArray().ToList();
        var linked = items.Single(e => e.GetProperty("type").GetString() == "country_risk_linked");
        Assert.Equal("Yamada Taro", linked.GetProperty("recordedByName").GetString());
        Assert.Equal("Yamada Taro", linked.GetProperty("recordedBy").GetString());
        Assert.Equal(opened.GetProperty("id").GetGuid(), linked.GetProperty("data").GetProperty("riskId").GetGuid());
    }

    [Fact]
    public async Task the_fiscal_year_report_counts_the_risks_observed_the_projects_once_the_money_at_stake_and_the_decisions_taken()
    {
        var airport = new ProjectApi(Host, await GivenProjects.Registered(Host, GivenProjects.RailProject("Bandaranaike Airport Terminal", "LK")));
        await airport.Award(await airport.OpenTender());
        var port = new ProjectApi(Host, await GivenProjects.Registered(Host, GivenProjects.RailProject("Colombo Port Terminal", "LK")));
        var default2026 = await Opened("LK", "Crisis"); // observed 2026-04-12: FY2026
        var unrest = await Opened("LK", "Warning");     // the same projects again: counted once in the year's totals
        await Settled();
        await airport.Post("/risk-decisions", Decision(default2026, "Suspend"), 201);
        await port.Post("/risk-decisions", Decision(default2026, "Withdraw", reviewOn: null), 201);
        var board = await Get($"/api/country-risks/{default2026}/board");

        var report = await Get("/api/reports/country-risks?fiscalYear=2026");

        Assert.Equal(2, report.GetProperty("risksOpened").GetInt32());
        Assert.Equal(2, report.GetProperty("projectsAffected").GetInt32());
        Assert.Equal(board.GetProperty("totals").GetProperty("amountAtStakeJpy").GetDecimal(), report.GetProperty("amountAtStakeJpy").GetDecimal());
        Assert.Equal(18_000_000_000m, report.GetProperty("amountAtStakeJpy").GetDecimal());
        Assert.Equal(["Suspend: 1", "Withdraw: 1"],
            report.GetProperty("decisions").EnumerateArray().Select(d => $"{d.GetProperty("decision").GetString()}: {d.GetProperty("projects").GetInt32()}"));
        Assert.Equal("SovereignDefault", Assert.Single(report.GetProperty("byKind").EnumerateArray()).GetProperty("kind").GetString());
        Assert.Equal([2, 2], report.GetProperty("risks").EnumerateArray().Select(r => r.GetProperty("projectsAffected").GetInt32()));
        _ = unrest;

        var before = await Get("/api/reports/country-risks?fiscalYear=2025");
        Assert.Equal((0, 0, 0), (before.GetProperty("risksOpened").GetInt32(), before.GetProperty("projectsAffected").GetInt32(), before.GetProperty("decisionsTaken").GetInt32()));
        Assert.Equal(400, (await Calls.Get("officer", "/api/reports/country-risks?fiscalYear=2026&country=LK")).Status);
        Assert.Equal(400, (await Calls.Get("officer", "/api/reports/country-risks")).Status);
        Assert.Equal(403, (await Calls.Get("company", "/api/reports/country-risks?fiscalYear=2026", "Acme Construction")).Status);
    }

    [Fact]
    public async Task a_watch_links_nothing_until_an_update_escalates_it_and_named_projects_elsewhere_are_linked_too()
    {
        var local = await GivenProjects.Registered(Host, GivenProjects.RailProject("Yangon Urban Rail", "MM"));
        var supplier = await GivenProjects.Registered(Host, GivenProjects.RailProject("Thilawa Supply Base", "TH"));
        var risk = await Opened("MM", "Watch", [supplier]);
        await Settled();
        Assert.Empty(Names(await Get($"/api/country-risks/{risk}")));

        await Calls.Send("officer", $"/api/country-risks/{risk}/updates", new { observedOn = "2026-04-15", summary = "State of emergency declared.", severity = "Warning" }, 200);
        await Settled();
        Assert.Equal(["Thilawa Supply Base", "Yangon Urban Rail"], Names(await Get($"/api/country-risks/{risk}")));
        await Calls.Send("officer", $"/api/country-risks/{risk}/updates", new { observedOn = "2026-04-16", summary = "Curfew extended.", severity = "Crisis" }, 200);
        await Settled();
        Assert.Equal(2, (await Tasks("confirm-risk-state")).Length); // an escalation links nothing twice
        _ = local;
    }

    [Fact]
    public async Task refusals_change_nothing()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host, GivenProjects.RailProject("Kenitra Atlantic Port", "MA")));
        var unlinked = new ProjectApi(Host, await GivenProjects.Registered(Host, GivenProjects.RailProject("Delhi Metro", "IN")));
        var risk = await Opened("MA", "Warning");
        await Settled();

        var noReview = await project.Post("/risk-decisions", Decision(risk, "Postpone", reviewOn: null), 400);
        Assert.True(noReview.GetProperty("errors").TryGetProperty("reviewOn", out _));
        await project.Post("/risk-decisions", Decision(risk, "Withdraw", reviewOn: "2026-10-01"), 400);
        await unlinked.Post("/risk-decisions", Decision(risk, "Continue"), 409);
        await project.Post("/risk-decisions", Decision(Guid.NewGuid(), "Continue"), 404);
        await Calls.Send("officer", "/api/country-risks", new { country = "MA", kind = "Coup", observedOn = "2026-04-12", summary = "x", severity = "Crisis", projectIds = new[] { Guid.NewGuid() } }, 404);
        await Calls.Send("officer", "/api/country-risks", new { country = "MA", kind = "Earthquake", observedOn = "2026-04-12", summary = "x", severity = "Crisis" }, 400);
        await Calls.Send("hotline", "/api/country-risks", new { country = "MA", kind = "Coup", observedOn = "2026-04-12", summary = "x", severity = "Crisis" }, 403);
        Assert.Equal(JsonValueKind.Null, (await project.Read()).GetProperty("risks")[0].GetProperty("decision").ValueKind); // no refusal recorded anything

        await project.Post("/risk-decisions", Decision(risk, "Postpone"), 201);
        await Calls.Send("officer", $"/api/country-risks/{risk}/close", new { summary = "Over." }, 200);
        await Calls.Send("officer", $"/api/country-risks/{risk}/updates", new { observedOn = "2026-04-15", summary = "Again." }, 409);
        await Calls.Send("officer", $"/api/country-risks/{risk}/close", new { summary = "Over." }, 409);
        await project.Post("/risk-decisions", Decision(risk, "Continue"), 409);
    }

    [Fact]
    public async Task a_company_user_is_refused_every_country_risk_route()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host, GivenProjects.RailProject("Kenitra Atlantic Port", "MA")));
        await project.Award(await project.OpenTender());
        await Calls.Reported(project.Id, "Taisei Example");
        var risk = await Opened("MA", "Crisis");
        await Settled();

        // The views count every company's cases and carry the ministry's calls: not for a company, even one with a case there.
        foreach (var url in new[] { "/api/country-risks", $"/api/country-risks/{risk}", $"/api/country-risks/{risk}/board" })
            Assert.Equal(403, (await Calls.Get("company", url, "Taisei Example")).Status);
        await Calls.Send("company", "/api/country-risks", new { country = "MA", kind = "Coup", observedOn = "2026-04-12", summary = "x", severity = "Crisis" }, 403, "Taisei Example");
        await Calls.Send("company", $"/api/country-risks/{risk}/updates", new { observedOn = "2026-04-15", summary = "Again." }, 403, "Taisei Example");
        await Calls.Send("company", $"/api/country-risks/{risk}/close", new { summary = "Over." }, 403, "Taisei Example");
        await Calls.Send("company", $"/api/projects/{project.Id}/risk-decisions", Decision(risk, "Continue"), 403, "Taisei Example");
        Assert.Equal(JsonValueKind.Null, (await project.Read()).GetProperty("risks")[0].GetProperty("decision").ValueKind);
    }

    [Fact]
    public async Task the_risk_list_shows_each_risk_with_only_its_own_affected_projects_and_their_decisions()
    {
        var vientiane = new ProjectApi(Host, await GivenProjects.Registered(Host, GivenProjects.RailProject("Vientiane Ring Road", "LA")));
        var ulaanbaatar = new ProjectApi(Host, await GivenProjects.Registered(Host, GivenProjects.RailProject("Ulaanbaatar Metro", "MN")));
        var laos = await Opened("LA", "Crisis");
        var mongolia = await Opened("MN", "Warning");
        await Settled();
        await vientiane.Post("/risk-decisions", Decision(laos, "Postpone"), 201);

        var items = (await Get("/api/country-risks")).GetProperty("items").EnumerateArray().ToList();
        JsonElement Affected(Guid risk) => Assert.Single(Assert.Single(items, i => i.GetProperty("id").GetGuid() == risk).GetProperty("affectedProjects").EnumerateArray());
        Assert.Equal(("Vientiane Ring Road", "Postpone"), (Affected(laos).GetProperty("name").GetString(), Affected(laos).GetProperty("decision").GetString()));
        Assert.Equal(("Ulaanbaatar Metro", JsonValueKind.Null), (Affected(mongolia).GetProperty("name").GetString(), Affected(mongolia).GetProperty("decision").ValueKind));
        Assert.Equal(ulaanbaatar.Id, Affected(mongolia).GetProperty("projectId").GetGuid());
        // The single risk's read says the same.
        Assert.Equal(Affected(laos).GetRawText(), Assert.Single((await Get($"/api/country-risks/{laos}")).GetProperty("affectedProjects").EnumerateArray()).GetRawText());
    }
}
