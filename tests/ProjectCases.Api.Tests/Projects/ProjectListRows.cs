using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Projects;

/// <summary>The list selects its row's columns in PostgreSQL; the row still says what the project says.</summary>
public class ProjectListRows(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_list_row_carries_the_same_values_as_the_project_itself()
    {
        var id = await GivenProjects.Registered(Host, new { name = "Jakarta MRT", nameJa = "ジャカルタ都市高速鉄道", country = "ID", sector = "Rail", financing = "YenLoan" });
        var project = new ProjectApi(Host, id);
        await project.Post("/status", new { status = "UnderConstruction", reason = "Works", effectiveOn = "2024-01-01" });
        var detail = await project.Read();

        var list = ReadJson(await As("officer", s => { s.Get.Url("/api/projects"); s.StatusCodeShouldBeOk(); }));
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(
            ["id", "name", "nameJa", "country", "countries", "region", "sector", "financing", "ministry", "stage", "status", "version", "lastActivityOn"],
            row.EnumerateObject().Select(p => p.Name));
        foreach (var field in row.EnumerateObject())
            Assert.Equal(detail.GetProperty(field.Name).ToString(), field.Value.ToString());
        Assert.Equal(("Construction", 2L, "2024-01-01"), (row.GetProperty("stage").GetString(), row.GetProperty("version").GetInt64(), row.GetProperty("lastActivityOn").GetString()));
    }
}
