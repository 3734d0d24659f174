using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ProjectCases.Api.Tests.Support;
using ProjectCases.Infrastructure.Auth;

namespace ProjectCases.Api.Tests.Hardening;

/// <summary>Issue 22 items 4, 5, 9 and 10, each from its reproduction.</summary>
public class InputRulesScenarios(ApiFixture fixture) : ApiTest(fixture)
{
    // Item 4 ------------------------------------------------------------------------------------------------

    [Fact]
    public async Task a_nul_in_the_search_text_is_a_400_naming_q_and_the_next_60_requests_succeed()
    {
        await GivenProjects.Registered(Host);
        var client = Host.Server.CreateClient();
        for (var i = 0; i < 10; i++) Assert.Equal(200, (await Get(client, "/api/projects?q=Rail", "auditor")).Status);

        var (status, body) = await Get(client, "/api/projects?q=%00", "officer");
        Assert.Equal(400, status);
        Assert.Contains("control characters", Errors(body)["q"]);

        var ordinary = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            Get(client, i % 2 == 0 ? "/api/projects?q=Rail" : "/api/projects", "auditor")));
        Assert.All(ordinary, r => Assert.Equal(200, r.Status));
    }

    [Theory]
    [InlineData("/api/projects", "name")]
    [InlineData("/projects/{id}/touchpoints", "summary")]
    [InlineData("/api/troubles", "details")]
    [InlineData("/troubles/{trouble}/notes", "text")]
    public async Task a_nul_in_a_string_field_is_a_400_naming_the_field_and_changes_nothing(string route, string field)
    {
        var troubles = new TroubleApi(Host);
        var projectId = await troubles.AwardedProject();
        var troubleId = await troubles.Reported(projectId);
        var (url, body) = route switch
        {
            "/api/projects" => (route, Body(GivenProjects.RailProject())),
            "/projects/{id}/touchpoints" => ($"/api/projects/{projectId}/touchpoints", Body(ProjectApi.Touchpoint())),
            "/api/troubles" => (route, Body(TroubleApi.Report(projectId))),
            _ => ($"/api/troubles/{troubleId}/notes", Body(new { text = "Called the employer.", visibility = "Internal" })),
        };
        body[field] = "Before\u0000after";
        await WaitForProjections();
        var events = await EventCount();

        var (status, problem) = await Send(Host.Server.CreateClient(), "POST", url, body.ToJsonString(), route.Contains("trouble") ? "hotline" : "officer");

        Assert.Equal(400, status);
        Assert.Contains("U+0000", Errors(problem)[field]);
        Assert.Equal(events, await EventCount());
    }

    [Fact]
    public async Task tabs_and_line_breaks_are_text_and_other_control_characters_are_not()
    {
        var client = Host.Server.CreateClient();
        var fine = Body(GivenProjects.RailProject());
        fine["summary"] = "Line one\r\nLine two\tindented";
        Assert.Equal(201, (await Send(client, "POST", "/api/projects", fine.ToJsonString(), "officer")).Status);

        var bell = Body(GivenProjects.RailProject());
        bell["summary"] = "Ring\u0007";
        bell["leadAgency"] = "Escape\u001b[31m";
        var (status, problem) = await Send(client, "POST", "/api/projects", bell.ToJsonString(), "officer");
        Assert.Equal(400, status);
        Assert.Equal(["leadAgency", "summary"], Errors(problem).Keys.Order());
    }

    // Item 5 ------------------------------------------------------------------------------------------------

    [Fact]
    public async Task a_body_of_null_is_a_400_on_a_route_with_fields_and_on_one_without()
    {
        var troubles = new TroubleApi(Host);
        var troubleId = await troubles.Reported(await troubles.AwardedProject());
        var client = Host.Server.CreateClient();

        var (status, problem) = await Send(client, "POST", "/api/projects", "null", "officer");
        Assert.Equal(400, status);
        Assert.Contains("not null", Errors(problem)["$"]);

        (status, problem) = await Send(client, "POST", $"/api/troubles/{troubleId}/close", "null", "hotline");
        Assert.Equal(400, status);
        Assert.Contains("takes no fields", Errors(problem)["$"]);
        Assert.Equal(1, await StreamVersion(troubleId));
    }

    // Item 9 ------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("+1")]
    [InlineData(" 1")]
    [InlineData("1")]
    [InlineData(" Rail")]
    [InlineData("Rail,Road")]
    public async Task an_enum_value_that_is_not_a_name_is_refused_in_a_body_and_in_a_query(string sector)
    {
        var client = Host.Server.CreateClient();
        var body = Body(GivenProjects.RailProject());
        body["sector"] = sector;
        var (status, problem) = await Send(client, "POST", "/api/projects", body.ToJsonString(), "officer");
        Assert.Equal(400, status);
        Assert.Contains("Allowed values: Rail, Road, Bridge", Errors(problem)["sector"]);

        (status, problem) = await Get(client, $"/api/projects?sector={Uri.EscapeDataString(sector)}", "officer");
        Assert.Equal(400, status);
        Assert.Contains("Allowed values: Rail, Road, Bridge", Errors(problem)["sector"]);
        Assert.Equal(0, await EventCount());
    }

    [Theory]
    [InlineData("\u202e\u200b")]
    [InlineData("\u200b \u200d")]
    [InlineData("\ufeff")]
    public async Task a_name_of_only_invisible_characters_is_refused(string name)
    {
        var body = Body(GivenProjects.RailProject());
        body["name"] = name;
        var (status, problem) = await Send(Host.Server.CreateClient(), "POST", "/api/projects", body.ToJsonString(), "officer");
        Assert.Equal(400, status);
        Assert.Contains("visible characters", Errors(problem)["name"]);
        Assert.Equal(0, await EventCount());
    }

    [Fact]
    public async Task a_token_without_a_subject_is_refused_with_401_and_records_nothing()
    {
        var token = SignedToken(new Claim(ClaimNames.Role, Roles.Officer), new Claim(ClaimNames.Name, "Nobody"));
        var (status, _) = await Send(Host.Server.CreateClient(), "POST", "/api/projects", Body(GivenProjects.RailProject()).ToJsonString(), token: token);
        Assert.Equal(401, status);
        Assert.Equal(0, await EventCount());
    }

    [Fact]
    public async Task a_company_token_without_a_company_is_refused_with_401()
    {
        var token = SignedToken(new Claim(ClaimNames.Subject, "someone"), new Claim(ClaimNames.Role, Roles.Company));
        Assert.Equal(401, (await Get(Host.Server.CreateClient(), "/api/troubles", token: token)).Status);
    }

    [Fact]
    public async Task a_company_claim_with_surrounding_spaces_is_the_same_company()
    {
        var troubles = new TroubleApi(Host);
        var projectId = await troubles.AwardedProject();
        var client = Host.Server.CreateClient();
        var spaced = TokenFor("company", "  Acme Construction ");

        var (status, created) = await Send(client, "POST", "/api/troubles", Body(TroubleApi.Report(projectId, "Someone Else")).ToJsonString(), token: spaced);
        Assert.Equal(201, status);
        var id = created.GetProperty("id").GetGuid();

        var (readStatus, trouble) = await Get(client, $"/api/troubles/{id}", token: TokenFor("company", "Acme Construction"));
        Assert.Equal(200, readStatus);
        Assert.Equal("Acme Construction", trouble.GetProperty("reporter").GetProperty("company").GetString());
        var (_, list) = await Get(client, "/api/troubles", token: spaced);
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    // Item 10 -----------------------------------------------------------------------------------------------

    [Fact]
    public async Task every_bad_field_is_named_as_the_client_wrote_it_with_what_is_allowed()
    {
        var troubles = new TroubleApi(Host);
        var projectId = await troubles.AwardedProject();
        var body = Body(TroubleApi.Report(projectId));
        body["category"] = "Tsunami";
        body["occurredOn"] = "01/04/2025";
        body["summary"] = 42;
        body["reporter"]!["companyType"] = "2";
        body["amountAtStake"]!["value"] = "4500000";
        body["severity"] = "high";
        body.Remove("details");

        var (status, problem) = await Send(Host.Server.CreateClient(), "POST", "/api/troubles", body.ToJsonString(), "hotline");

        Assert.Equal(400, status);
        var errors = Errors(problem);
        Assert.Equal(["amountAtStake.value", "category", "details", "occurredOn", "reporter.companyType", "severity", "summary"], errors.Keys.Order());
        Assert.Contains("Allowed values: UnpaidFees, LatePayment", errors["category"]);
        Assert.Contains("YYYY-MM-DD", errors["occurredOn"]);
        Assert.Contains("Contractor, Consultant", errors["reporter.companyType"]);
        Assert.Contains("details field is required", errors["details"]);
        Assert.Contains("not a known field", errors["severity"]);
        var text = problem.GetRawText();
        Assert.DoesNotContain("System.", text);
        Assert.DoesNotContain("ProjectCases.", text);
        Assert.Contains("category", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task list_items_are_named_by_their_position()
    {
        var id = await GivenProjects.Registered(Host);
        var body = """{"agreementType":"MOU","level":"Political","title":"MOU on rail","parties":["MLIT",5,null],"signedOn":"2024-03-01"}""";
        var (status, problem) = await Send(Host.Server.CreateClient(), "POST", $"/api/projects/{id}/agreements", body, "officer");
        Assert.Equal(400, status);
        Assert.Contains("parties[1]", Errors(problem).Keys);
        Assert.Equal(1, await StreamVersion(id));
    }

    [Fact]
    public async Task a_refused_body_is_logged_as_a_client_error_without_a_stack_trace()
    {
        using var capture = LogCapture.Start(Host.Services);
        await Send(Host.Server.CreateClient(), "POST", "/api/projects", """{"name":"Port","country":"VN","sector":"+1","financing":"YenLoan"}""", "officer");
        var entries = capture.Entries;
        Assert.Contains(entries, e => e.Message.Contains("Refused the body of POST /api/projects") && e.Level == Microsoft.Extensions.Logging.LogLevel.Information);
        Assert.DoesNotContain(entries, e => e.Exception is not null);
        Assert.DoesNotContain(entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    [Fact]
    public async Task a_500_problem_carries_a_detail_and_the_trace_id()
    {
        var context = new DefaultHttpContext { RequestServices = Host.Services };
        context.Response.Body = new MemoryStream();
        context.Response.StatusCode = 500;
        var problems = Host.Services.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context });
        context.Response.Body.Position = 0;
        var problem = JsonDocument.Parse(context.Response.Body).RootElement;
        Assert.Contains("traceId", problem.GetProperty("detail").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }

    // Helpers -----------------------------------------------------------------------------------------------

    private static System.Text.Json.Nodes.JsonObject Body(object value) =>
        JsonSerializer.SerializeToNode(value, ApiTest.Json)!.AsObject();

    private static Dictionary<string, string> Errors(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => string.Join(" ", e.Value.EnumerateArray().Select(m => m.GetString())));

    private static Task<(int Status, JsonElement Body)> Get(HttpClient client, string url, string? role = null, string? token = null) =>
        Send(client, "GET", url, null, role, token);

    private static async Task<(int Status, JsonElement Body)> Send(HttpClient client, string method, string url, string? body,
        string? role = null, string? token = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? TokenFor(role!));
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static string SignedToken(params Claim[] claims) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = DevelopmentTokens.Issuer,
        Audience = DevelopmentTokens.Audience,
        Subject = new ClaimsIdentity(claims),
        Expires = DateTime.UtcNow.AddHours(1),
        SigningCredentials = new SigningCredentials(DevelopmentTokens.SigningKey, SecurityAlgorithms.HmacSha256),
    });

    private async Task<int> EventCount()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }
}
