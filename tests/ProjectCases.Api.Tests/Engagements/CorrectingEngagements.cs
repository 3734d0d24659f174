using System.Text.Json;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Engagements;

/// <summary>Engagements are voided or corrected with new events, never edits (issue 16 item 1 applied to item 4).</summary>
public class CorrectingEngagements(ApiFixture fixture) : ApiTest(fixture)
{
    private Task<Guid> IctProject(string name) =>
        GivenProjects.Registered(Host, new { name, country = "VN", sector = "ICT", financing = "JICT", ministry = "MIC" });

    private async Task<Guid> Recorded(object body)
    {
        var result = await As("officer", s => { s.Post.Json(body).ToUrl("/api/engagements"); s.StatusCodeShouldBe(201); });
        return ReadJson(result).GetProperty("engagementId").GetGuid();
    }

    private async Task<decimal> PolicyDialogues(int fiscalYear, string scope = "")
    {
        await WaitForProjections();
        var result = await As("auditor", s => { s.Get.Url($"/api/reports/kpi?fiscalYear={fiscalYear}{scope}"); s.StatusCodeShouldBeOk(); });
        return ReadJson(result).GetProperty("indicators").EnumerateArray()
            .Single(i => i.GetProperty("key").GetString() == "touchpoints.policyDialogues").GetProperty("actual").GetDecimal();
    }

    private async Task<JsonElement> Get(string url, string role = "auditor")
    {
        var result = await As(role, s => { s.Get.Url(url); s.StatusCodeShouldBeOk(); });
        return ReadJson(result);
    }

    private async Task<IScenarioResult> Post(string url, object body, int status, string role = "officer", string? name = null, string? ifMatch = null) =>
        await As(role, s =>
        {
            s.Post.Json(body).ToUrl(url);
            if (ifMatch is not null) s.WithRequestHeader("If-Match", ifMatch);
            s.StatusCodeShouldBe(status);
        }, name: name);

    private async Task<IReadOnlyList<string>> HistoryTypes(Guid projectId) =>
        [.. (await Get($"/api/projects/{projectId}/history")).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("type").GetString()!)];

    [Fact]
    public async Task a_corrected_date_moves_the_engagement_to_another_fiscal_year_and_the_history_keeps_the_original_and_the_correction()
    {
        var cable = await IctProject("Submarine cable");
        var id = await Recorded(RecordingEngagements.Dialogue(occurredOn: "2023-05-10", projectIds: [cable]));
        Assert.Equal(1, await PolicyDialogues(2023));
        Assert.Equal(0, await PolicyDialogues(2022));

        var result = await Post($"/api/engagements/{id}/correct", new
        {
            reason = "The dialogue took place in November 2022, not May 2023.",
            fields = RecordingEngagements.Dialogue(occurredOn: "2022-11-20", projectIds: [cable]),
        }, 200, name: "yamada");
        Assert.Equal(2, ReadJson(result).GetProperty("version").GetInt64());
        Assert.Equal("\"2\"", result.Context.Response.Headers.ETag.ToString());

        Assert.Equal(0, await PolicyDialogues(2023));
        Assert.Equal(1, await PolicyDialogues(2022));
        Assert.Equal(1, await PolicyDialogues(2022, "&ministry=MIC"));

        var engagement = await Get($"/api/engagements/{id}");
        Assert.Equal(("2022-11-20", 2022, false), (engagement.GetProperty("on").GetString(), engagement.GetProperty("fiscalYear").GetInt32(), engagement.GetProperty("voided").GetBoolean()));
        var history = engagement.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["recorded", "corrected"], history.Select(h => h.GetProperty("kind").GetString()));
        Assert.Equal(("dev.officer", "2023-05-10"), (history[0].GetProperty("by").GetString(), history[0].GetProperty("values").GetProperty("touchpoint").GetProperty("occurredOn").GetString()));
        Assert.Equal(("yamada", "2022-11-20"), (history[1].GetProperty("by").GetString(), history[1].GetProperty("values").GetProperty("touchpoint").GetProperty("occurredOn").GetString()));
        Assert.Contains("November 2022", history[1].GetProperty("reason").GetString());
        Assert.True(history[1].GetProperty("at").GetDateTimeOffset() >= history[0].GetProperty("at").GetDateTimeOffset());

        // The linked project shows the corrected date (its last activity moves back with it), at its own stream's version.
        var project = await new ProjectApi(Host, cable).Read();
        Assert.Equal("2022-11-20", Assert.Single(project.GetProperty("engagements").EnumerateArray()).GetProperty("on").GetString());
        Assert.Equal("2022-11-20", project.GetProperty("lastActivityOn").GetString());
        Assert.Equal(3, project.GetProperty("version").GetInt64());
        Assert.Equal(3, await StreamVersion(cable));
        Assert.Equal(["project_registered", "engagement_linked", "engagement_link_corrected"], await HistoryTypes(cable));
        // Time travel to before the correction shows the project as it stood: the original date.
        var before = await new ProjectApi(Host, cable).Read("?version=2");
        Assert.Equal("2023-05-10", Assert.Single(before.GetProperty("engagements").EnumerateArray()).GetProperty("on").GetString());
    }

    [Fact]
    public async Task a_voided_engagement_leaves_the_kpi_the_list_the_search_and_the_linked_projects_but_stays_readable()
    {
        var cable = await IctProject("Submarine cable");
        var dataCentre = await IctProject("Data centre");
        var id = await Recorded(RecordingEngagements.Dialogue(projectIds: [cable, dataCentre]));
        Assert.Equal(1, await PolicyDialogues(2022));
        await WaitForProjections(); // the search index is built by the async daemon
        Assert.Equal(1, (await Get("/api/search?q=submarine&kinds=engagement", "officer")).GetProperty("total").GetInt32());

        var voided = await Post($"/api/engagements/{id}/void", new { reason = "Recorded twice" }, 200, ifMatch: "\"1\"");
        Assert.Equal(2, ReadJson(voided).GetProperty("version").GetInt64());

        Assert.Equal(0, await PolicyDialogues(2022));
        Assert.Equal(0, await PolicyDialogues(2022, "&ministry=MIC&sector=ICT"));
        Assert.Equal(0, (await Get("/api/engagements")).GetProperty("total").GetInt64());
        await WaitForProjections();
        Assert.Equal(0, (await Get("/api/search?q=submarine&kinds=engagement", "officer")).GetProperty("total").GetInt32());
        var engagement = await Get($"/api/engagements/{id}");
        Assert.Equal((true, "Recorded twice"), (engagement.GetProperty("voided").GetBoolean(), engagement.GetProperty("voidReason").GetString()));
        Assert.Equal(["recorded", "voided"], engagement.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()));

        foreach (var projectId in new[] { cable, dataCentre })
        {
            var project = await new ProjectApi(Host, projectId).Read();
            Assert.Empty(project.GetProperty("engagements").EnumerateArray());
            Assert.Equal(project.GetProperty("registeredOn").GetString(), project.GetProperty("lastActivityOn").GetString()); // no dialogue on 2022-11-20 any more
            Assert.Equal(3, project.GetProperty("version").GetInt64());
            Assert.Equal(["project_registered", "engagement_linked", "engagement_unlinked"], await HistoryTypes(projectId));
        }

        var again = ReadJson(await Post($"/api/engagements/{id}/void", new { reason = "Again" }, 409));
        Assert.Contains("already voided", again.GetProperty("detail").GetString());
        await Post($"/api/engagements/{id}/correct", new { reason = "Too late", fields = RecordingEngagements.Dialogue(occurredOn: "2022-11-21") }, 409);
        Assert.Equal(2, await StreamVersion(id));
    }

    [Fact]
    public async Task correcting_the_linked_projects_moves_the_engagement_from_one_projects_record_to_the_other()
    {
        var cable = await IctProject("Submarine cable");
        var dataCentre = await IctProject("Data centre");
        var id = await Recorded(RecordingEngagements.Dialogue(projectIds: [cable]));

        await Post($"/api/engagements/{id}/correct", new { reason = "Wrong project", fields = RecordingEngagements.Dialogue(projectIds: [dataCentre]) }, 200);

        Assert.Empty((await new ProjectApi(Host, cable).Read()).GetProperty("engagements").EnumerateArray());
        Assert.Equal(id, Assert.Single((await new ProjectApi(Host, dataCentre).Read()).GetProperty("engagements").EnumerateArray()).GetProperty("engagementId").GetGuid());
        Assert.Equal(["project_registered", "engagement_linked", "engagement_unlinked"], await HistoryTypes(cable));
        Assert.Equal(["project_registered", "engagement_linked"], await HistoryTypes(dataCentre));
        Assert.Empty((await Get($"/api/engagements?projectId={cable}")).GetProperty("items").EnumerateArray());
        Assert.Single((await Get($"/api/engagements?projectId={dataCentre}")).GetProperty("items").EnumerateArray());
        Assert.Equal(1, await PolicyDialogues(2022)); // still counted once
    }

    [Fact]
    public async Task only_officers_and_admins_correct_and_bad_requests_change_nothing()
    {
        var cable = await IctProject("Submarine cable");
        var id = await Recorded(RecordingEngagements.Dialogue(projectIds: [cable]));
        var url = $"/api/engagements/{id}";
        var good = new { reason = "Wrong date", fields = RecordingEngagements.Dialogue(occurredOn: "2022-11-21", projectIds: [cable]) };

        await Post($"{url}/void", new { reason = "x" }, 403, role: "auditor");
        await Post($"{url}/void", new { reason = "x" }, 403, role: "hotline");
        await As("company", s => { s.Post.Json(new { reason = "x" }).ToUrl($"{url}/void"); s.StatusCodeShouldBe(403); }, company: "Acme");
        await Post($"{url}/correct", good, 403, role: "auditor");
        await As("company", s => { s.Get.Url(url); s.StatusCodeShouldBe(403); }, company: "Acme");

        Assert.True(ReadJson(await Post($"{url}/void", new { reason = "" }, 400)).GetProperty("errors").TryGetProperty("reason", out _));
        await Post($"{url}/void", new { }, 400);
        Assert.True(ReadJson(await Post($"{url}/correct", new { reason = "x" }, 400)).GetProperty("errors").TryGetProperty("fields", out _));
        var nested = ReadJson(await Post($"{url}/correct", new
        {
            reason = "x",
            fields = new { touchpoint = new { kind = "Seminar", japanLevel = "Official", counterpart = "x", summary = "x" }, country = "VN", ministry = "MIC" },
        }, 400));
        Assert.True(nested.GetProperty("errors").TryGetProperty("fields.touchpoint.occurredOn", out _));
        var both = ReadJson(await Post($"{url}/correct", new { reason = "x", fields = new { country = "VN", ministry = "MIC" } }, 400));
        Assert.True(both.GetProperty("errors").TryGetProperty("fields.touchpoint", out _));
        await Post($"{url}/correct", new { reason = "x", fields = RecordingEngagements.Dialogue(country: "XX") }, 400);
        await Post($"{url}/correct", new { reason = "x", fields = RecordingEngagements.Dialogue(ministry: "Treasury") }, 400);
        var missing = Guid.NewGuid();
        Assert.Contains(missing.ToString(), ReadJson(await Post($"{url}/correct", new { reason = "x", fields = RecordingEngagements.Dialogue(projectIds: [missing]) }, 404))
            .GetProperty("detail").GetString());
        await Post($"{url}/correct", new { reason = "x", fields = RecordingEngagements.Dialogue(projectIds: [cable]) }, 422); // the same values
        await Post($"{url}/correct", good, 412, ifMatch: "\"7\"");
        await Post($"/api/engagements/{Guid.NewGuid()}/void", new { reason = "x" }, 404);
        await Post($"/api/engagements/{Guid.NewGuid()}/correct", good, 404);
        await As("auditor", s => { s.Get.Url($"/api/engagements/{Guid.NewGuid()}"); s.StatusCodeShouldBe(404); });

        Assert.Equal(1, await StreamVersion(id));
        Assert.Equal(2, await StreamVersion(cable));
        Assert.Equal("2022-11-20", (await Get(url)).GetProperty("on").GetString());

        // An admin may, with the version it read.
        await Post($"{url}/correct", good, 200, role: "admin", ifMatch: "\"1\"");
        Assert.Equal("2022-11-21", (await Get(url)).GetProperty("on").GetString());
    }

    [Fact]
    public async Task correcting_a_projects_own_fact_keeps_its_engagements_and_country_risks()
    {
        var project = new ProjectApi(Host, await IctProject("Submarine cable"));
        var engagement = await Recorded(RecordingEngagements.Dialogue(projectIds: [project.Id]));
        var risk = ReadJson(await Post("/api/country-risks", new
        {
            country = "VN", kind = "SovereignDefault", observedOn = "2026-04-12", summary = "Payments on external debt suspended.",
            severity = "Crisis", projectIds = new[] { project.Id },
        }, 201)).GetProperty("id").GetGuid();
        await WaitForProjections();
        await WaitForProjections(); // the link is appended by the daemon after the risk is committed
        var touchpoint = (await project.Post("/touchpoints", ProjectApi.Touchpoint(occurredOn: "2022-12-01"), 201)).GetProperty("version").GetInt64();

        await project.Post($"/facts/{touchpoint}/void", new { reason = "Logged on the wrong project" });

        var read = await project.Read();
        Assert.Equal(0, read.GetProperty("touchpointCount").GetInt32());
        Assert.Equal(engagement, Assert.Single(read.GetProperty("engagements").EnumerateArray()).GetProperty("engagementId").GetGuid());
        Assert.Equal(risk, Assert.Single(read.GetProperty("risks").EnumerateArray()).GetProperty("riskId").GetGuid());
        // The decisions still know the link: a continue-or-withdraw call on the risk is accepted.
        await project.Post("/risk-decisions", new
        {
            riskId = risk, decision = "Suspend", reason = "Partner's intent confirmed.", decidedOn = "2026-04-20", decidedBy = "Minister", reviewOn = "2026-10-01",
        }, 201);
    }
}
