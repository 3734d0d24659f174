using System.Text.Json;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.FollowUps;

/// <summary>Follow-ups v2: one task read on its own, cancelled, reassigned; lists name the project or case.</summary>
public class WorkingWithTasks(ApiFixture fixture) : ApiTest(fixture)
{
    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");

    private async Task<JsonElement> OnlyTaskOf(Guid projectId)
    {
        await WaitForProjections();
        var result = await As("officer", s => { s.Get.Url($"/api/follow-ups?projectId={projectId}"); s.StatusCodeShouldBeOk(); });
        return Assert.Single(ReadJson(result).GetProperty("items").EnumerateArray());
    }

    private async Task<JsonElement> Task(Guid id, string role = "officer") =>
        ReadJson(await As(role, s => { s.Get.Url($"/api/follow-ups/{id}"); s.StatusCodeShouldBeOk(); }));

    private async Task<JsonElement> Post(Guid id, string action, object body, int expected) =>
        ReadJson(await As("officer", s => { s.Post.Json(body).ToUrl($"/api/follow-ups/{id}/{action}"); s.StatusCodeShouldBe(expected); }));

    [Fact]
    public async Task a_task_is_read_with_its_projects_name_then_reassigned_and_cancelled_once()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host, GivenProjects.RailProject("Jakarta MRT North-South")));
        await project.OpenTender(openedOn: Today, deadline: null);
        var listed = await OnlyTaskOf(project.Id);
        Assert.Equal("Jakarta MRT North-South", listed.GetProperty("projectName").GetString());
        var id = listed.GetProperty("id").GetGuid();

        var task = await Task(id);
        Assert.Equal("Jakarta MRT North-South", task.GetProperty("projectName").GetString());
        Assert.Equal("confirm-bidders", task.GetProperty("rule").GetString());

        await Post(id, "reassign", new { owner = "desk:mofa" }, 200);
        Assert.Equal("desk:mofa", (await Task(id)).GetProperty("owner").GetString());
        await Post(id, "reassign", new { owner = "sato.k" }, 200);
        Assert.Equal("sato.k", (await Task(id)).GetProperty("owner").GetString());
        await Post(id, "reassign", new { owner = "sato.k" }, 409);
        var badOwner = await Post(id, "reassign", new { owner = "Desk Of MOFA" }, 400);
        Assert.True(badOwner.GetProperty("errors").TryGetProperty("owner", out _));

        await Post(id, "cancel", new { reason = "The desk decided not to follow this tender." }, 200);
        var cancelled = await Task(id);
        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal("The desk decided not to follow this tender.", cancelled.GetProperty("note").GetString());
        var again = await Post(id, "cancel", new { reason = "again" }, 409);
        Assert.Contains("already cancelled", again.GetProperty("detail").GetString());
        await Post(id, "reassign", new { owner = "desk:mlit" }, 409);
        await Post(id, "cancel", new { }, 400);
    }

    [Fact]
    public async Task an_unknown_task_is_404()
    {
        await As("officer", s => { s.Get.Url($"/api/follow-ups/{Guid.NewGuid()}"); s.StatusCodeShouldBe(404); });
        await As("officer", s => { s.Post.Json(new { reason = "x" }).ToUrl($"/api/follow-ups/{Guid.NewGuid()}/cancel"); s.StatusCodeShouldBe(404); });
    }
}
