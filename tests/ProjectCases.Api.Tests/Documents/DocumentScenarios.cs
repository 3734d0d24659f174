using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using ProjectCases.Api.Tests.Support;
using ProjectCases.Documents.Storage;

namespace ProjectCases.Api.Tests.Documents;

public class DocumentScenarios(ApiFixture fixture) : ApiTest(fixture)
{
    private Task<IScenarioResult> Upload(string role, string url, HttpContent form, int expected, string? company = null) =>
        As(role, s => { s.Post.Url(url); s.Body(form); s.StatusCodeShouldBe(expected); }, company);

    private Task<IScenarioResult> Download(Guid documentId, string role = "officer", int expected = 200, string? company = null) =>
        As(role, s => { s.Get.Url($"/api/documents/{documentId}"); s.StatusCodeShouldBe(expected); }, company);

    private static byte[] Bytes(IScenarioResult result)
    {
        using var copy = new MemoryStream();
        result.Context.Response.Body.CopyTo(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task an_uploaded_pdf_is_in_the_history_with_its_hash_and_downloads_byte_identical()
    {
        var project = await GivenProjects.Registered(Host);
        var result = await Upload("officer", $"/api/projects/{project}/documents", Uploads.Form(Uploads.Pdf, "MOU 2024.pdf"), 201);

        var filed = ReadJson(result);
        var documentId = filed.GetProperty("documentId").GetGuid();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Uploads.Pdf));
        Assert.Equal(sha256, filed.GetProperty("sha256").GetString());
        Assert.Equal(Uploads.Pdf.Length, filed.GetProperty("size").GetInt64());
        Assert.Equal("application/pdf", filed.GetProperty("contentType").GetString());
        Assert.Equal(2, filed.GetProperty("version").GetInt64());
        Assert.Equal($"/api/documents/{documentId}", result.Context.Response.Headers.Location.ToString());

        var history = ReadJson(await As("auditor", s => s.Get.Url($"/api/projects/{project}/history")));
        var attached = history.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("type").GetString() == "document_attached");
        Assert.Equal(sha256, attached.GetProperty("data").GetProperty("sha256").GetString());
        Assert.Equal("MOU 2024.pdf", attached.GetProperty("data").GetProperty("fileName").GetString());
        Assert.Equal(Uploads.Pdf.Length, attached.GetProperty("data").GetProperty("size").GetInt64());

        var download = await Download(documentId, "auditor");
        Assert.Equal(Uploads.Pdf, Bytes(download));
        Assert.Equal("application/pdf", download.Context.Response.ContentType);
        var disposition = ContentDispositionHeaderValue.Parse(download.Context.Response.Headers.ContentDisposition.ToString());
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("MOU 2024.pdf", disposition.FileNameStar ?? disposition.FileName!.Trim('"'));

        var list = ReadJson(await As("officer", s => s.Get.Url($"/api/projects/{project}/documents")));
        var listed = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("MOU text", listed.GetProperty("title").GetString());
        Assert.Equal(documentId, listed.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task a_file_larger_than_every_buffer_is_stored_in_chunks_and_comes_back_identical()
    {
        var project = await GivenProjects.Registered(Host);
        const long size = 5L * PostgresDocumentContentStore.ChunkBytes + 12345; // six chunks, the last one partial
        var form = Uploads.Form(new StreamContent(new GeneratedFile(size)), "survey.pdf", "application/pdf", "Survey");
        var documentId = ReadJson(await Upload("officer", $"/api/projects/{project}/documents", form, 201)).GetProperty("documentId").GetGuid();

        await using (var connection = new NpgsqlConnection(Fixture.ConnectionString))
        {
            await connection.OpenAsync();
            await using var chunks = new NpgsqlCommand("select count(*), max(length(data)) from projectcases.document_chunks where document_id = @id", connection);
            chunks.Parameters.AddWithValue("id", documentId);
            await using var reader = await chunks.ExecuteReaderAsync();
            await reader.ReadAsync();
            Assert.Equal(6, reader.GetInt64(0));
            Assert.Equal(PostgresDocumentContentStore.ChunkBytes, reader.GetInt32(1));
        }

        var bytes = Bytes(await Download(documentId));
        Assert.Equal(size, bytes.LongLength);
        Assert.True(bytes.Select((b, i) => b == GeneratedFile.ByteAt(i)).All(same => same), "the downloaded bytes differ from the uploaded ones");
    }

    [Fact]
    public async Task a_file_over_the_limit_is_refused_with_413_and_nothing_is_recorded()
    {
        var project = await GivenProjects.Registered(Host);
        const long size = 25L * 1024 * 1024 + 1;
        // Sent without a length (as a stream of unknown size), so that the limit must be enforced while streaming.
        var file = new StreamContent(new GeneratedFile(size));
        var form = Uploads.Form(file, "big.pdf", "application/pdf", "Too big");
        var result = await As("officer", s =>
        {
            s.Post.Url($"/api/projects/{project}/documents");
            s.ConfigureHttpContext(c => { c.Request.ContentType = form.Headers.ContentType!.ToString(); c.Request.Body = form.ReadAsStream(); });
            s.StatusCodeShouldBe(413);
        });
        Assert.Contains("26214400", ReadJson(result).GetProperty("detail").GetString());
        Assert.Equal(1, await StreamVersion(project));
        Assert.Equal(0, await OrphanChunks());
    }

    [Fact]
    public async Task bytes_that_do_not_match_the_declared_type_are_refused_with_415()
    {
        var project = await GivenProjects.Registered(Host);
        var url = $"/api/projects/{project}/documents";
        await Upload("officer", url, Uploads.Form(Uploads.Png, "scan.pdf", "application/pdf"), 415);
        await Upload("officer", url, Uploads.Form(Uploads.Pdf, "photo.png", "image/png"), 415);
        await Upload("officer", url, Uploads.Form([0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0], "tool.exe", "application/x-msdownload"), 415);
        await Upload("officer", url, Uploads.Form([0x50, 0x4B, 0x03, 0x04, 0, 0xFF, 0xFE], "notes.txt", "text/plain"), 415);
        await Upload("officer", url, Uploads.Form("言葉\u0000"u8.ToArray(), "notes.txt", "text/plain"), 415);
        Assert.Equal(1, await StreamVersion(project));
        Assert.Equal(0, await OrphanChunks());

        // The same checks let through what is what it says, including a type known only by its extension.
        await Upload("officer", url, Uploads.Form(Uploads.Png, "site photo.png", "image/png"), 201);
        await Upload("officer", url, Uploads.Form("議事録 minutes\r\n"u8.ToArray(), "議事録.txt", null), 201);
        await Upload("officer", url, Uploads.Form("PK\u0003\u0004rest"u8.ToArray(), "list.xlsx", "application/octet-stream"), 201);
    }

    [Fact]
    public async Task company_users_see_only_the_shared_documents_of_their_own_cases()
    {
        var troubles = new TroubleApi(Host);
        var project = await troubles.AwardedProject();
        var acme = await troubles.Reported(project, "Acme Construction");
        var url = $"/api/troubles/{acme}/documents";
        var shared = ReadJson(await Upload("hotline", url, Uploads.Form(Uploads.Pdf, "notice.pdf", title: "Customs notice", fields: ("shared", "true")), 201))
            .GetProperty("documentId").GetGuid();
        var internalOnly = ReadJson(await Upload("hotline", url, Uploads.Form(Uploads.Pdf, "memo.pdf", title: "Internal memo"), 201))
            .GetProperty("documentId").GetGuid();
        var byCompany = ReadJson(await Upload("company", url, Uploads.Form(Uploads.Pdf, "invoice.pdf", title: "Unpaid invoice"), 201, "Acme Construction"))
            .GetProperty("documentId").GetGuid();

        Assert.Equal(Uploads.Pdf, Bytes(await Download(shared, "company", company: "Acme Construction")));
        Assert.Equal(Uploads.Pdf, Bytes(await Download(byCompany, "company", company: "Acme Construction")));
        await Download(internalOnly, "company", 404, "Acme Construction");
        var listed = ReadJson(await As("company", s => s.Get.Url(url), "Acme Construction"));
        Assert.Equal(["Customs notice", "Unpaid invoice"], listed.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("title").GetString()));

        // Another company: not even the shared ones, and it cannot upload to the case either.
        await Download(shared, "company", 404, "Other Corp");
        await As("company", s => { s.Get.Url(url); s.StatusCodeShouldBe(404); }, "Other Corp");
        await Upload("company", url, Uploads.Form(Uploads.Pdf), 404, "Other Corp");
        // Nor a project's documents, nor an officer the case is not assigned to.
        var projectDocument = ReadJson(await Upload("officer", $"/api/projects/{project}/documents", Uploads.Form(Uploads.Pdf), 201)).GetProperty("documentId").GetGuid();
        await Download(projectDocument, "company", 404, "Acme Construction");
        await Download(shared, "officer", 404);
        Assert.Equal(Uploads.Pdf, Bytes(await Download(internalOnly, "hotline")));
    }

    [Fact]
    public async Task a_document_whose_bytes_are_changed_in_the_database_breaks_the_verification()
    {
        var project = await GivenProjects.Registered(Host);
        var documentId = ReadJson(await Upload("officer", $"/api/projects/{project}/documents", Uploads.Form(Uploads.Pdf), 201)).GetProperty("documentId").GetGuid();
        await WaitForProjections(); // sealed by the daemon after commit
        var verify = $"/api/projects/{project}/history/verify";
        Assert.True(ReadJson(await As("auditor", s => s.Get.Url(verify))).GetProperty("valid").GetBoolean());

        await using (var connection = new NpgsqlConnection(Fixture.ConnectionString))
        {
            await connection.OpenAsync();
            await using var tamper = new NpgsqlCommand("update projectcases.document_chunks set data = overlay(data placing '\\x58'::bytea from 10) where document_id = @id", connection);
            tamper.Parameters.AddWithValue("id", documentId);
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }

        var verdict = ReadJson(await As("auditor", s => s.Get.Url(verify)));
        Assert.False(verdict.GetProperty("valid").GetBoolean());
        Assert.Equal(2, verdict.GetProperty("brokenAtVersion").GetInt64());
        Assert.Equal(documentId, verdict.GetProperty("brokenDocumentId").GetGuid());
    }

    [Fact]
    public async Task a_document_can_belong_to_a_touchpoint_but_not_to_another_kind_of_fact()
    {
        var project = new ProjectApi(Host, await GivenProjects.Registered(Host));
        await project.Post("/touchpoints", ProjectApi.Touchpoint(), 201); // version 2
        var url = $"/api/projects/{project.Id}/documents";
        var filed = ReadJson(await Upload("officer", url, Uploads.Form(Uploads.Pdf, fields: ("factVersion", "2")), 201));
        var listed = ReadJson(await As("officer", s => s.Get.Url(url))).GetProperty("items")[0];
        Assert.Equal(2, listed.GetProperty("factVersion").GetInt64());
        Assert.Equal(3, filed.GetProperty("version").GetInt64());

        Assert.Contains("project registered", ReadJson(await Upload("officer", url, Uploads.Form(Uploads.Pdf, fields: ("factVersion", "1")), 422)).GetProperty("detail").GetString());
        await Upload("officer", url, Uploads.Form(Uploads.Pdf, fields: ("factVersion", "99")), 422);
        Assert.Equal(0, await OrphanChunks());
    }

    public static TheoryData<string, string> BadForms => new()
    {
        { "no file", "file" },
        { "no title", "title" },
        { "unknown field", "colour" },
        { "shared on a project", "shared" },
        { "factVersion not a number", "factVersion" },
        { "title too long", "title" },
    };

    [Theory, MemberData(nameof(BadForms))]
    public async Task a_malformed_form_is_a_400_naming_the_field_and_records_nothing(string situation, string field)
    {
        var project = await GivenProjects.Registered(Host);
        var form = situation switch
        {
            "no file" => Uploads.Form(null, title: ""),
            "no title" => Uploads.Form(Uploads.Pdf, title: null),
            "unknown field" => Uploads.Form(Uploads.Pdf, fields: ("colour", "red")),
            "shared on a project" => Uploads.Form(Uploads.Pdf, fields: ("shared", "true")),
            "factVersion not a number" => Uploads.Form(Uploads.Pdf, fields: ("factVersion", "two")),
            _ => Uploads.Form(Uploads.Pdf, title: new string('x', 301)),
        };
        var problem = ReadJson(await Upload("officer", $"/api/projects/{project}/documents", form, 400));
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(1, await StreamVersion(project));
        Assert.Equal(0, await OrphanChunks());
    }

    [Fact]
    public async Task what_a_client_gets_wrong_in_the_body_is_never_a_500()
    {
        var project = await GivenProjects.Registered(Host);
        var url = $"/api/projects/{project}/documents";
        await Upload("officer", url, new StringContent("{\"title\":\"x\"}", Encoding.UTF8, "application/json"), 415);
        var noBoundary = new ByteArrayContent(Uploads.Pdf);
        noBoundary.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data");
        await Upload("officer", url, noBoundary, 400);
        var truncated = new ByteArrayContent(Encoding.ASCII.GetBytes("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7 and no end"));
        truncated.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        await Upload("officer", url, truncated, 400);
        var hugeName = new ByteArrayContent(Encoding.ASCII.GetBytes($"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{new string('a', 40_000)}.pdf\"\r\n\r\n%PDF-1.7\r\n--b--\r\n"));
        hugeName.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        await Upload("officer", url, hugeName, 400);
        Assert.Equal(1, await StreamVersion(project));
    }

    [Fact]
    public async Task a_file_name_with_a_path_is_kept_as_its_last_segment_only()
    {
        var project = await GivenProjects.Registered(Host);
        // Written by hand: HttpClient refuses to send such a name.
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes("--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nMOU\r\n" +
            "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"..\\..\\windows/sys\u0007tem32/..\\evil<>|.pdf\"\r\n" +
            "Content-Type: application/pdf\r\n\r\n%PDF-1.7\r\n--b--\r\n"));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        var documentId = ReadJson(await Upload("officer", $"/api/projects/{project}/documents", body, 201)).GetProperty("documentId").GetGuid();
        var listed = ReadJson(await As("officer", s => s.Get.Url($"/api/projects/{project}/documents"))).GetProperty("items")[0];
        Assert.Equal("evil.pdf", listed.GetProperty("fileName").GetString());
        Assert.Equal(documentId, listed.GetProperty("id").GetGuid());
    }

    [Theory]
    [InlineData("hotline", 403)]
    [InlineData("auditor", 403)]
    [InlineData("company", 403)]
    public async Task only_writers_of_a_project_upload_to_it(string role, int expected)
    {
        var project = await GivenProjects.Registered(Host);
        await Upload(role, $"/api/projects/{project}/documents", Uploads.Form(Uploads.Pdf), expected, role == "company" ? "Acme" : null);
    }

    [Fact]
    public async Task uploads_to_a_missing_project_or_a_closed_case_are_refused()
    {
        await Upload("officer", $"/api/projects/{Guid.NewGuid()}/documents", Uploads.Form(Uploads.Pdf), 404);
        await Download(Guid.NewGuid(), expected: 404);
        var troubles = new TroubleApi(Host);
        var trouble = await troubles.Reported(await troubles.AwardedProject());
        await troubles.Hotline(trouble, "resolve", new { outcome = "Resolved", summary = "Paid in full" });
        await troubles.Hotline(trouble, "close");
        await Upload("hotline", $"/api/troubles/{trouble}/documents", Uploads.Form(Uploads.Pdf), 409);
    }

    /// <summary>
    /// Stored chunks that belong to no filed document, beyond those of earlier tests (the data reset removes documents,
    /// not chunks): what a refused upload must not leave behind.
    /// </summary>
    private async Task<long> OrphanChunks() => await CountOrphans() - _orphansBefore;

    private long _orphansBefore;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _orphansBefore = await CountOrphans();
    }

    private async Task<long> CountOrphans()
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from projectcases.document_chunks c " +
            "where not exists (select 1 from projectcases.mt_doc_documentinfo d where d.id = c.document_id)", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
