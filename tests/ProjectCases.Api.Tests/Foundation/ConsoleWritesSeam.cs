using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;
using ProjectCases.Api.Tests.Support;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Projects;
using ProjectCases.Projects.Status;
using ProjectCases.WebConsole.Writes;

namespace ProjectCases.Api.Tests.Foundation;

/// <summary>The console's one write seam: the API's own validation in front of InProcessWrites, and forms that cannot create twice.</summary>
public class ConsoleWritesSeam(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly ClaimsPrincipal Officer = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "console.officer"), new Claim(ClaimTypes.Role, Roles.Officer)], "console", ClaimTypes.Name, ClaimTypes.Role));

    private Task<Infrastructure.Decisions.WriteOutcome> Register(IServiceScope scope, Guid id, RegisterProject command) =>
        scope.ServiceProvider.GetRequiredService<ConsoleWrites>().StartAsync<ProjectStatus, RegisterProject>(id, Officer, command,
            () => Task.FromResult(RegisterProjectDecision.Decide(command, id)), CancellationToken.None);

    [Fact]
    public async Task an_invalid_command_gets_the_apis_field_errors_and_the_form_shows_each_under_its_field()
    {
        using var scope = Host.Services.CreateScope();
        var outcome = await Register(scope, Guid.CreateVersion7(), new RegisterProject("", null, "XX", null, Financing.YenLoan, null, null));

        var problem = Assert.IsType<ValidationProblemDetails>(outcome.Problem);
        Assert.Equal(["country", "name", "sector"], problem.Errors.Keys.Order().ToArray()); // as POST /api/projects answers (Errors.cs)
        Assert.Contains("ISO 3166-1", problem.Errors["country"][0]);
        var form = new ModelStateDictionary();
        scope.ServiceProvider.GetRequiredService<ConsoleWrites>().Show(problem, form, "Register");
        Assert.Contains("ISO 3166-1", form["Register.Country"]!.Errors[0].ErrorMessage);
        Assert.NotNull(form["Register.Sector"]);
        Assert.Equal(0, await ProjectCount());
    }

    [Fact]
    public async Task the_same_form_posted_twice_creates_one_project()
    {
        using var scope = Host.Services.CreateScope();
        var formKey = Guid.CreateVersion7();
        var command = new RegisterProject("Metro Manila Subway", null, "PH", Sector.Rail, Financing.YenLoan, null, null);

        var first = await Register(scope, formKey, command);
        var again = await Register(scope, formKey, command);

        Assert.Equal((true, 1L), (first.Accepted, first.Version!.Value));
        Assert.True(again.Accepted);
        Assert.Null(again.Version); // nothing new was recorded
        Assert.Equal(1, await ProjectCount());
    }

    private async Task<int> ProjectCount()
    {
        await using var session = Store.QuerySession();
        return await Marten.QueryableExtensions.CountAsync(session.Query<ProjectStatus>());
    }
}
