using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Projects;

/// <summary>Every refusal says why in its detail and leaves the stream as it was.</summary>
public class ProjectRefusals(ApiFixture fixture) : ApiTest(fixture)
{
    private async Task<(ProjectApi Project, long Version)> Given(Func<ProjectApi, Task>? arrange = null)
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        if (arrange is not null) await arrange(project);
        return (project, await StreamVersion(project.Id));
    }

    private async Task Refused(ProjectApi project, long version, string path, object body, int status, string detail)
    {
        var problem = await project.Post(path, body, status);
        Assert.Contains(detail, problem.GetProperty("detail").GetString());
        Assert.Equal(version, await StreamVersion(project.Id));
    }

    [Fact]
    public async Task bids_on_a_closed_tender_conflict()
    {
        Guid tender = default;
        var (project, version) = await Given(async p => { tender = await p.OpenTender(); await p.Award(tender); });
        await Refused(project, version, $"/tenders/{tender}/bids", new { bidders = new[] { "JGC" }, submittedOn = "2024-09-01" }, 409,
            "Cannot record bids: the tender 'Civil package C-4' is already awarded.");
    }

    [Fact]
    public async Task a_second_award_conflicts()
    {
        Guid tender = default;
        var (project, version) = await Given(async p => { tender = await p.OpenTender(); await p.Award(tender); });
        await Refused(project, version, $"/tenders/{tender}/award", new { winner = "X", japaneseWinner = false, awardType = "Prime", scope = "Civil", awardedOn = "2024-10-20" },
            409, "already awarded");
    }

    [Fact]
    public async Task an_award_after_failure_conflicts()
    {
        Guid tender = default;
        var (project, version) = await Given(async p => { tender = await p.OpenTender(); await p.Post($"/tenders/{tender}/fail", new { reason = "Cancelled", on = "2024-07-01" }); });
        await Refused(project, version, $"/tenders/{tender}/award", new { winner = "X", japaneseWinner = false, awardType = "Prime", scope = "Civil", awardedOn = "2024-10-20" },
            409, "already failed");
    }

    [Fact]
    public async Task an_unknown_tender_is_not_found()
    {
        var (project, version) = await Given();
        await Refused(project, version, $"/tenders/{Guid.NewGuid()}/fail", new { reason = "Cancelled", on = "2024-07-01" }, 404, "has no tender");
    }

    [Fact]
    public async Task completing_a_study_twice_conflicts_and_an_unknown_study_is_not_found()
    {
        Guid study = default;
        var (project, version) = await Given(async p =>
        {
            study = (await p.Post("/studies", new { studyType = "PreparatorySurvey", startedOn = "2023-04-01" }, 201)).GetProperty("studyId").GetGuid();
            await p.Post($"/studies/{study}/complete", new { completedOn = "2023-10-01" });
        });
        await Refused(project, version, $"/studies/{study}/complete", new { completedOn = "2023-11-01" }, 409, "already completed on 2023-10-01");
        await Refused(project, version, $"/studies/{Guid.NewGuid()}/complete", new { completedOn = "2023-11-01" }, 404, "has no study");
    }

    [Fact]
    public async Task resuming_a_project_that_is_not_interrupted_conflicts_and_nothing_follows_withdrawal()
    {
        var (project, version) = await Given(p => p.Post("/status", new { status = "UnderConstruction", reason = "Works", effectiveOn = "2024-01-01" }));
        await Refused(project, version, "/status", new { status = "Resumed", reason = "?", effectiveOn = "2024-02-01" }, 409,
            "Only a suspended, postponed or on-hold project can be resumed; this one is UnderConstruction.");

        await project.Post("/status", new { status = "Withdrawn", reason = "Cancelled by partner", effectiveOn = "2024-03-01" });
        await Refused(project, version + 1, "/status", new { status = "UnderStudy", reason = "Revived", effectiveOn = "2024-04-01" }, 409,
            "withdrawn; its status can no longer change");
    }

    [Fact]
    public async Task money_must_be_a_positive_amount_in_an_iso_currency_with_its_yen_value()
    {
        var (project, version) = await Given();
        var problem = await project.Post("/awards", new
        {
            package = "Depot", winner = "X", japaneseWinner = true, awardType = "Prime", scope = "Civil",
            amount = new { value = -5m, currency = "YEN" }, amountJpy = 100m, awardedOn = "2024-01-01",
        }, 400);
        var errors = problem.GetProperty("errors");
        Assert.Contains("greater than 0", errors.GetProperty("amount.value")[0].GetString());
        Assert.Contains("'YEN' is not an ISO 4217 currency code", errors.GetProperty("amount.currency")[0].GetString());

        var half = await project.Post("/awards", new
        {
            package = "Depot", winner = "X", japaneseWinner = true, awardType = "Prime", scope = "Civil",
            amount = new { value = 5m, currency = "USD" }, awardedOn = "2024-01-01",
        }, 400);
        Assert.Contains("give amount and amountJpy together", half.GetProperty("errors").GetProperty("amountJpy")[0].GetString());
        Assert.Equal(version, await StreamVersion(project.Id));
    }

    [Fact]
    public async Task dates_far_in_the_future_and_deadlines_before_opening_are_refused()
    {
        var (project, version) = await Given();
        var future = await project.Post("/touchpoints", ProjectApi.Touchpoint(occurredOn: "2205-05-10"), 400);
        Assert.Contains("2205-05-10 is out of range", future.GetProperty("errors").GetProperty("occurredOn")[0].GetString());

        var deadline = await project.Post("/tenders", new { package = "P", tenderType = "ICB", openedOn = "2024-06-01", deadline = "2024-05-01" }, 400);
        Assert.Contains("cannot be before the opening", deadline.GetProperty("errors").GetProperty("deadline")[0].GetString());

        var badDate = await project.Post("/studies", new { studyType = "FeasibilityStudy", startedOn = "2024-13-45" }, 400);
        Assert.Equal(400, badDate.GetProperty("status").GetInt32());
        Assert.Equal(version, await StreamVersion(project.Id));
    }

    [Fact]
    public async Task an_unknown_enum_value_lists_the_allowed_values()
    {
        var (project, version) = await Given();
        var problem = await project.Post("/touchpoints", new { kind = "Banquet", occurredOn = "2024-05-10", japanLevel = "Minister", counterpart = "X", summary = "Y" }, 400);
        Assert.Contains("Allowed values: TopSales, PolicyDialogue", problem.GetProperty("detail").GetString());
        Assert.Equal(version, await StreamVersion(project.Id));
    }

    [Fact]
    public async Task a_stale_if_match_on_a_lifecycle_write_is_412()
    {
        var (project, version) = await Given(p => p.Post("/touchpoints", ProjectApi.Touchpoint(), 201));
        var problem = await project.Send($"/api/projects/{project.Id}/agreements",
            new { agreementType = "MOU", level = "Political", title = "MOU", parties = new[] { "A", "B" }, signedOn = "2024-05-11" }, 412, ifMatch: "\"1\"");
        Assert.Contains("is at version 2", problem.GetProperty("detail").GetString());
        Assert.Equal(version, await StreamVersion(project.Id));
    }

    [Fact]
    public async Task writes_on_an_unknown_project_are_404_and_other_roles_are_403()
    {
        var unknown = new ProjectApi(Host, Guid.NewGuid());
        await unknown.Post("/touchpoints", ProjectApi.Touchpoint(), 404);

        var project = new ProjectApi(Host, await GivenProjects.Registered(Host), role: "hotline");
        await project.Post("/touchpoints", ProjectApi.Touchpoint(), 403);
        var auditor = new ProjectApi(Host, project.Id, role: "auditor");
        await auditor.Post("/status", new { status = "UnderStudy", reason = "x", effectiveOn = "2024-01-01" }, 403);
        Assert.Equal(1, await StreamVersion(project.Id));
    }
}
