using System.Text;
using Microsoft.IdentityModel.Tokens;
using ProjectCases.Api.Tests.Support;
using Marten;
using ProjectCases.Infrastructure.Auth;

namespace ProjectCases.Api.Tests.Foundation;

public class Identity(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task without_a_token_the_api_answers_401_with_a_problem()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/api/projects");
            s.StatusCodeShouldBe(401);
            s.ContentTypeShouldBe("application/problem+json");
        });
        Assert.Contains("bearer token", ReadJson(result).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task a_token_signed_with_another_key_is_refused_with_401()
    {
        var foreignKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("some-other-key-that-is-long-enough-for-hmac-sha256!!"));
        var token = DevelopmentTokens.Create("officer", signingKey: foreignKey);
        await Host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", $"Bearer {token}");
            s.Get.Url("/api/projects");
            s.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task an_expired_token_is_refused_with_401()
    {
        var token = DevelopmentTokens.Create("officer", now: DateTime.UtcNow.AddHours(-3), lifetime: TimeSpan.FromHours(1));
        await Host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", $"Bearer {token}");
            s.Get.Url("/api/projects");
            s.StatusCodeShouldBe(401);
        });
    }

    [Theory]
    [InlineData("officer", 201)]
    [InlineData("admin", 201)]
    [InlineData("hotline", 403)]
    [InlineData("auditor", 403)]
    [InlineData("company", 403)]
    public async Task only_officers_and_admins_register_projects(string role, int expected)
    {
        var result = await As(role, s =>
        {
            s.Post.Json(GivenProjects.RailProject()).ToUrl("/api/projects");
            s.StatusCodeShouldBe(expected);
        }, company: role == "company" ? "Acme Construction" : null);
        if (expected == 403) Assert.Equal("Your role is not allowed to do this.", ReadJson(result).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task who_recorded_an_event_comes_from_the_token_not_the_body()
    {
        var created = await As("officer", s =>
        {
            s.Post.Json(GivenProjects.RailProject()).ToUrl("/api/projects");
            s.StatusCodeShouldBe(201);
        }, name: "tanaka.k");
        var id = ReadJson(created).GetProperty("id").GetGuid();

        await using var session = Store.QuerySession();
        var registered = Assert.Single(await session.Events.FetchStreamAsync(id));
        Assert.Equal("tanaka.k", registered.UserName);
    }

    [Fact]
    public async Task health_and_the_api_reference_need_no_token()
    {
        await Host.Scenario(s => { s.Get.Url("/health/live"); s.StatusCodeShouldBeOk(); });
        await Host.Scenario(s => { s.Get.Url("/health/ready"); s.StatusCodeShouldBeOk(); });
        var openApi = await Host.Scenario(s => { s.Get.Url("/openapi/v1.json"); s.StatusCodeShouldBeOk(); });
        Assert.True(ReadJson(openApi).GetProperty("paths").TryGetProperty("/api/projects", out _));
        var docs = await Host.Scenario(s => { s.Get.Url("/docs/"); s.StatusCodeShouldBeOk(); });
        Assert.Contains("ProjectCases API", docs.ReadAsText());
    }
}
