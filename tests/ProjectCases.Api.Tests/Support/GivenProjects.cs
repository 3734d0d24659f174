namespace ProjectCases.Api.Tests.Support;

/// <summary>Reaches a given state through the real API, as a desk officer would.</summary>
public static class GivenProjects
{
    public static object RailProject(string name = "Mumbai-Ahmedabad High Speed Rail", string country = "IN") => new
    {
        name, nameJa = "ムンバイ・アーメダバード間高速鉄道", country, sector = "Rail", financing = "YenLoan",
        leadAgency = "MLIT", summary = "High-speed rail on the Shinkansen system.",
    };

    public static async Task<Guid> Registered(IAlbaHost host, object? body = null)
    {
        var result = await host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", $"Bearer {ApiTest.TokenFor("officer")}");
            s.Post.Json(body ?? RailProject()).ToUrl("/api/projects");
            s.StatusCodeShouldBe(201);
        });
        return result.ReadAsJson<IdAndVersion>()!.Id;
    }
}

public sealed record IdAndVersion(Guid Id, long Version);
