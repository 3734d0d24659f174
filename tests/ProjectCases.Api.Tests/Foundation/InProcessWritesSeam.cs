using System.Security.Claims;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProjectCases.Api.Tests.Support;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Projects;
using ProjectCases.Troubles;
using ProjectCases.Troubles.Handling;

namespace ProjectCases.Api.Tests.Foundation;

/// <summary>
/// The seam a caller without HTTP (the web console) uses: the same write models, decisions and
/// preconditions as the endpoints, with the same outcomes an HTTP caller would see.
/// </summary>
public class InProcessWritesSeam(ApiFixture fixture) : ApiTest(fixture)
{
    private static ClaimsPrincipal User(string role, string name, string? company = null) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role), .. company is null ? Array.Empty<Claim>() : [new Claim(ClaimNames.Company, company)]],
        "console", ClaimTypes.Name, ClaimTypes.Role));

    private async Task<WriteOutcome> Execute<TModel>(Guid id, long? expected, ClaimsPrincipal user, Func<TModel, Decision> decide)
        where TModel : class, IWriteModel<TModel>
    {
        using var scope = Host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<InProcessWrites>().ExecuteAsync(id, expected, user, decide, CancellationToken.None);
    }

    [Fact]
    public async Task a_console_write_runs_the_endpoint_decision_with_its_preconditions_and_records_the_user()
    {
        var id = await GivenProjects.Registered(Host);
        var officer = User(Roles.Officer, "console.officer");
        var suspend = new ChangeProjectStatus(ProjectStatusValue.Suspended, "Budget freeze", new DateOnly(2025, 4, 1));

        var accepted = await Execute<ProjectWriteModel>(id, 1, officer, project => ChangeProjectStatusDecision.Decide(project, suspend));
        Assert.Equal((2L, true), (accepted.Version!.Value, accepted.Accepted));

        var stale = await Execute<ProjectWriteModel>(id, 1, officer, project => ChangeProjectStatusDecision.Decide(project, suspend));
        Assert.Equal(412, stale.Problem!.Status);
        var refused = await Execute<ProjectWriteModel>(id, 2, officer, project => ChangeProjectStatusDecision.Decide(project, suspend));
        Assert.Equal((409, "The project is already Suspended."), (refused.Problem!.Status!.Value, refused.Problem.Detail));
        var missing = await Execute<ProjectWriteModel>(Guid.NewGuid(), null, officer, project => ChangeProjectStatusDecision.Decide(project, suspend));
        Assert.Equal(404, missing.Problem!.Status);

        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(id);
        Assert.Equal(2, events.Count);
        Assert.Equal("console.officer", events[1].UserName);
        Assert.Equal("Suspended", (await new ProjectApi(Host, id).Read()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task a_console_triage_schedules_the_same_durable_checks_and_company_users_cannot_reach_other_cases()
    {
        var troubles = new TroubleApi(Host);
        var id = await troubles.Reported(await troubles.AwardedProject(), company: "Acme Construction");
        var before = await ScheduledChecks();

        var triaged = await Execute<TroubleWriteModel>(id, null, User(Roles.Hotline, "console.hotline"),
            trouble => TriageTroubleDecision.Decide(trouble, new TriageTrouble(Priority.High, null),
                new ServiceDues(trouble.ReportedAt.AddHours(4), trouble.ReportedAt.AddDays(10)), DateTimeOffset.UtcNow));
        Assert.True(triaged.Accepted);
        Assert.Equal(before + 2, await ScheduledChecks());

        var other = await Execute<TroubleWriteModel>(id, null, User(Roles.Company, "dev.company", "Other Engineering"),
            trouble => AcknowledgeResolutionDecision.Decide(trouble, DateTimeOffset.UtcNow));
        Assert.Equal(404, other.Problem!.Status);
    }

    private async Task<long> ScheduledChecks()
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(*) from projectcases.wolverine_incoming_envelopes where status = 'Scheduled' and message_type ilike '%.ServiceLevels.Check%'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
