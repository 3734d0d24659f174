using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Troubles;

/// <summary>Company B must learn nothing about company A's cases, nor change them, on any route.</summary>
public class Confidentiality(ApiFixture fixture) : ApiTest(fixture)
{
    private const string A = "Acme Construction", B = "Bravo Engineering";
    private TroubleApi Api => new(Host);

    [Fact]
    public async Task company_b_gets_404_or_nothing_for_company_a_cases_and_appends_nothing()
    {
        var projectA = await Api.AwardedProject("Project A");
        var projectB = await Api.AwardedProject("Project B");
        var caseA = await Api.Reported(projectA, A, asRole: "company");
        var caseB = await Api.Reported(projectB, B, asRole: "company");
        await Api.Hotline(caseA, "notes", new { text = "Internal: employer's CFO is unreliable", visibility = "Internal" });
        await Api.Hotline(caseA, "assign", new { officer = "hotline.yamada" });
        await Api.Hotline(caseA, "consultations", new { agency = "MOFA", note = "Sensitive diplomatic angle" });
        await Api.Hotline(caseA, "resolve", new { outcome = "Resolved", summary = "Paid" });
        var versionA = await StreamVersion(caseA);

        foreach (var (action, body) in new (string, object?)[]
                 {
                     ("notes", new { text = "peek" }), ("acknowledge", null), ("reopen", new { reason = "x" }),
                     ("triage", new { priority = "Low" }), ("assign", new { officer = "x" }), ("close", null),
                 })
        {
            var status = action is "triage" or "assign" or "close" ? 403 : 404; // role check comes first for hotline-only routes
            await Api.Company(B, caseA, action, body, status);
        }
        Assert.Equal(versionA, await StreamVersion(caseA));

        Assert.Equal(404, (await Api.Get("company", $"/api/troubles/{caseA}", B)).Status);
        // Projects are read through the company view (catalogue fields and B's own cases: none here), never A's cases.
        var (projectAStatus, projectASeen) = await Api.Get("company", $"/api/projects/{projectA}", B);
        Assert.Equal((200, 0), (projectAStatus, projectASeen.GetProperty("ownTroubleCount").GetInt32()));
        Assert.DoesNotContain(caseA.ToString(), projectASeen.GetRawText());
        Assert.Equal(200, (await Api.Get("company", $"/api/projects/{projectB}", B)).Status);
        await Api.Send("company", "/api/troubles", TroubleApi.Report(projectA, company: A), 201, B); // reporting is allowed on any awarded project...
        var (_, bList) = await Api.Get("company", "/api/troubles", B);
        Assert.Equal(2, bList.GetProperty("total").GetInt64()); // ...but the report is B's own, filed under B, and A's case stays invisible
        Assert.All(bList.GetProperty("items").EnumerateArray(), item => Assert.Equal(B, item.GetProperty("reporter").GetProperty("company").GetString()));
        var (_, filtered) = await Api.Get("company", $"/api/troubles?projectId={projectA}&status=Resolved", B);
        Assert.Equal(0, filtered.GetProperty("total").GetInt64());
        Assert.Equal(403, (await Api.Get("company", "/api/hotline/queue", B)).Status);
        var (listStatus, projects) = await Api.Get("company", "/api/projects", B);
        Assert.Equal(200, listStatus);
        Assert.DoesNotContain(caseA.ToString(), projects.GetRawText());
    }

    [Fact]
    public async Task the_reporting_company_never_sees_internal_notes_assignments_or_consultations()
    {
        var caseA = await Api.Reported(await Api.AwardedProject(), A, asRole: "company");
        await Api.Hotline(caseA, "notes", new { text = "Internal: employer's CFO is unreliable", visibility = "Internal" });
        await Api.Hotline(caseA, "notes", new { text = "We have contacted the embassy", visibility = "Shared" });
        await Api.Hotline(caseA, "assign", new { officer = "hotline.yamada" });
        await Api.Hotline(caseA, "consultations", new { agency = "MOFA", note = "Sensitive diplomatic angle" });
        await Api.Company(A, caseA, "notes", new { text = "Thank you", visibility = "Internal" });

        var (status, seen) = await Api.Get("company", $"/api/troubles/{caseA}", A);
        Assert.Equal(200, status);
        var text = seen.GetRawText();
        Assert.DoesNotContain("CFO is unreliable", text);
        Assert.DoesNotContain("hotline.yamada", text);
        Assert.DoesNotContain("Sensitive diplomatic angle", text);
        Assert.Equal(["Reported", "Note", "CompanyNote"], seen.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("type").GetString()!).ToArray());
        var (_, list) = await Api.Get("company", "/api/troubles", A);
        Assert.DoesNotContain("CFO is unreliable", list.GetRawText());

        var (_, hotlineView) = await Api.Get("auditor", $"/api/troubles/{caseA}");
        Assert.Contains("CFO is unreliable", hotlineView.GetRawText());
        Assert.Contains("hotline.yamada", hotlineView.GetRawText());
    }

    [Fact]
    public async Task a_company_reports_as_itself_whatever_the_body_says()
    {
        var id = await Api.Reported(await Api.AwardedProject(), company: "Someone Else Inc", asRole: "company");
        var (_, seen) = await Api.Get("hotline", $"/api/troubles/{id}");
        Assert.Equal("Someone Else Inc", seen.GetProperty("reporter").GetProperty("company").GetString());

        var own = (await Api.Send("company", "/api/troubles", TroubleApi.Report(await Api.AwardedProject("Other"), company: "Forged Co"), 201, A))
            .GetProperty("id").GetGuid();
        var (_, ownCase) = await Api.Get("hotline", $"/api/troubles/{own}");
        Assert.Equal(A, ownCase.GetProperty("reporter").GetProperty("company").GetString());
    }
}
