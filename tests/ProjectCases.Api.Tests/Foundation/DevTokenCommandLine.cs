using System.Diagnostics;
using Microsoft.IdentityModel.JsonWebTokens;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Foundation;

/// <summary>The documented `dev-token` verb, run as a real process on the built application.</summary>
public class DevTokenCommandLine(ApiFixture fixture) : ApiTest(fixture)
{
    [Theory]
    [InlineData("officer")]
    [InlineData("hotline")]
    [InlineData("auditor")]
    [InlineData("admin")]
    public async Task prints_only_a_token_that_the_service_accepts(string role)
    {
        var (exitCode, stdout) = await Run("dev-token", role);
        Assert.Equal(0, exitCode);
        var token = stdout.Trim();
        Assert.DoesNotContain('\n', token);
        Assert.Equal(role, new JsonWebToken(token).Claims.Single(c => c.Type == "role").Value);

        await Host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", $"Bearer {token}");
            s.Get.Url("/health/live");
            s.StatusCodeShouldBeOk();
        });
        var expected = role == "officer" || role == "admin" ? 201 : 403;
        await Host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", $"Bearer {token}");
            s.Post.Json(GivenProjects.RailProject()).ToUrl("/api/projects");
            s.StatusCodeShouldBe(expected);
        });
    }

    [Fact]
    public async Task a_company_token_carries_the_company_claim()
    {
        var (exitCode, stdout) = await Run("dev-token", "company", "--company", "Acme Construction", "--name", "sato");
        Assert.Equal(0, exitCode);
        var claims = new JsonWebToken(stdout.Trim()).Claims.ToList();
        Assert.Equal("Acme Construction", claims.Single(c => c.Type == "company").Value);
        Assert.Equal("sato", claims.Single(c => c.Type == "sub").Value);
    }

    [Fact]
    public async Task an_unknown_role_fails_and_prints_nothing_on_stdout()
    {
        var (exitCode, stdout) = await Run("dev-token", "wizard");
        Assert.NotEqual(0, exitCode);
        Assert.Equal("", stdout.Trim());
    }

    private static async Task<(int ExitCode, string Stdout)> Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ProjectCases.Api.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout);
    }
}
