using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Projects;

/// <summary>From discovery to operation: every project write route, asserting the status read model.</summary>
public class RecordingAProjectsLife(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_project_recorded_from_study_to_operation_shows_every_fact_in_its_status()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));

        var study = (await project.Post("/studies", new { studyType = "FeasibilityStudy", startedOn = "2023-04-01", conductedBy = "JICA" }, 201))
            .GetProperty("studyId").GetGuid();
        await project.Post($"/studies/{study}/complete", new { completedOn = "2023-12-20", findings = "Viable" });
        var touchpoint = (await project.Post("/touchpoints", ProjectApi.Touchpoint(), 201)).GetProperty("touchpointId").GetGuid();
        await project.Post($"/touchpoints/{touchpoint}/outcome", new { outcome = "Counterpart agreed to a joint committee", recordedOn = "2024-05-20" });
        await project.Post("/agreements", new { agreementType = "MOC", level = "Political", title = "MOC on high-speed rail", parties = new[] { "MLIT", "Ministry of Railways" }, signedOn = "2024-05-11" }, 201);
        await project.Post("/agreements", new { agreementType = "LoanAgreement", level = "Administrative", title = "L/A tranche 4", parties = new[] { "JICA", "Government of India" }, signedOn = "2024-06-01", tranche = "4" }, 201);
        var tender = await project.OpenTender();
        await project.Post($"/tenders/{tender}/bids", new { bidders = new[] { "Nippon Koei", "Oriental Consultants" }, submittedOn = "2024-09-01" });
        var awardId = await project.Award(tender);
        var failing = await project.OpenTender("Signals package S-1", "2024-07-01", null);
        await project.Post($"/tenders/{failing}/fail", new { reason = "NoBidders", on = "2024-11-01" });
        await project.Post("/awards", new { package = "Rolling stock", winner = (string?)null, japaneseWinner = true, awardType = "PriorityNegotiation", scope = "RollingStock", awardedOn = "2024-12-01" }, 201);
        var final = await project.Post("/status", new { status = "UnderConstruction", reason = "Civil works started", effectiveOn = "2025-01-10" });
        Assert.Equal(14, final.GetProperty("version").GetInt64());

        var status = await project.Read();
        Assert.Equal(14, status.GetProperty("version").GetInt64());
        Assert.Equal("Construction", status.GetProperty("stage").GetString());
        Assert.Equal("UnderConstruction", status.GetProperty("status").GetString());
        Assert.Equal(1, status.GetProperty("touchpointCount").GetInt32());
        Assert.Equal("2024-05-10", status.GetProperty("latestTouchpointOn").GetString());
        Assert.True(status.GetProperty("touchpoints")[0].GetProperty("hasOutcome").GetBoolean());
        Assert.Equal(1, status.GetProperty("studyCount").GetInt32());
        Assert.Equal("2023-12-20", status.GetProperty("studies")[0].GetProperty("completedOn").GetString());
        Assert.Equal(2, status.GetProperty("agreementCount").GetInt32());
        Assert.Equal(1, status.GetProperty("politicalAgreementCount").GetInt32());
        Assert.Equal(1, status.GetProperty("administrativeAgreementCount").GetInt32());
        Assert.Equal(0, status.GetProperty("openTenderCount").GetInt32());
        Assert.Equal(1, status.GetProperty("awardedTenderCount").GetInt32());
        Assert.Equal(1, status.GetProperty("failedTenderCount").GetInt32());
        Assert.Equal(["Nippon Koei", "Oriental Consultants"], status.GetProperty("tenders")[0].GetProperty("japaneseBidders").EnumerateArray().Select(b => b.GetString()!).ToArray());

        var awards = status.GetProperty("awards");
        Assert.Equal(2, awards.GetArrayLength());
        Assert.Equal(awardId, awards[0].GetProperty("awardId").GetGuid());
        Assert.Equal(tender, awards[0].GetProperty("tenderId").GetGuid());
        Assert.Equal("Nippon Koei", awards[0].GetProperty("winner").GetString());
        Assert.True(awards[0].GetProperty("japaneseWinner").GetBoolean());
        Assert.Equal(18_000_000_000m, awards[0].GetProperty("amountJpy").GetDecimal());
        Assert.Equal("USD", awards[0].GetProperty("amount").GetProperty("currency").GetString());
        Assert.Equal("2024-10-15", awards[0].GetProperty("awardedOn").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, awards[1].GetProperty("tenderId").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, awards[1].GetProperty("amountJpy").ValueKind);
        Assert.Equal("2025-01-10", status.GetProperty("lastActivityOn").GetString());
    }

    [Fact]
    public async Task a_touchpoint_for_several_projects_is_the_same_fact_on_each()
    {
        var first = new ProjectApi(Host, await GivenProjects.Registered(Host));
        var second = await GivenProjects.Registered(Host, GivenProjects.RailProject("Delhi Metro Phase 4"));
        var third = await GivenProjects.Registered(Host, GivenProjects.RailProject("Chennai Metro"));

        var logged = await first.Post("/touchpoints", ProjectApi.Touchpoint(alsoFor: [second, third]), 201);
        var touchpointId = logged.GetProperty("touchpointId").GetGuid();

        foreach (var id in new[] { first.Id, second, third })
        {
            Assert.Equal(2, await StreamVersion(id));
            var status = await new ProjectApi(Host, id).Read();
            Assert.Equal(touchpointId, status.GetProperty("touchpoints")[0].GetProperty("touchpointId").GetGuid());
        }
    }

    [Fact]
    public async Task a_touchpoint_naming_an_unknown_project_is_recorded_nowhere()
    {
        var first = new ProjectApi(Host, await GivenProjects.Registered(Host));
        var second = await GivenProjects.Registered(Host, GivenProjects.RailProject("Delhi Metro Phase 4"));
        var unknown = Guid.NewGuid();

        var problem = await first.Post("/touchpoints", ProjectApi.Touchpoint(alsoFor: [second, unknown]), 404);

        Assert.Contains(unknown.ToString(), problem.GetProperty("detail").GetString());
        Assert.Equal(1, await StreamVersion(first.Id));
        Assert.Equal(1, await StreamVersion(second));
    }
}
