using System.Text;
using Microsoft.Playwright;
using ProjectCases.Console.Tests.Support;

namespace ProjectCases.Console.Tests.Journeys;

/// <summary>Filing documents from the project and case pages, downloading them, and what the company sees.</summary>
public class DocumentFiling(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    private const string Acme = "Acme Construction";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n");

    private ILocator Documents => Page.Locator("[data-testid=documents]");

    private async Task Upload(string title, string fileName, string mimeType, byte[] bytes, bool shared, Func<string, bool> back)
    {
        await Page.Locator("#Upload_Title").FillAsync(title);
        await Page.Locator("#Upload_File").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = mimeType, Buffer = bytes });
        if (shared) await Page.Locator("#Upload_Shared").CheckAsync();
        await Submit("upload", back);
    }

    [Fact]
    public async Task an_officer_files_a_pdf_in_japanese_and_downloads_it_byte_identical()
    {
        var project = await Api.RegisteredProject();
        await SignInAs("officer", name: "tanaka");
        await Open($"/projects/{project}");
        Assert.Contains("文書はまだありません", await Documents.InnerTextAsync());
        await Upload("覚書（MOU）本文", "mou.pdf", "application/pdf", Pdf, shared: false, url => url.EndsWith($"/projects/{project}", StringComparison.Ordinal));
        Assert.Contains("覚書（MOU）本文", await Documents.InnerTextAsync());
        await AssertAccessible();

        var download = await Page.RunAndWaitForDownloadAsync(() => Documents.Locator("a", new() { HasText = "mou.pdf" }).ClickAsync());
        Assert.Equal("mou.pdf", download.SuggestedFilename);
        var saved = await download.PathAsync();
        Assert.Equal(Pdf, await File.ReadAllBytesAsync(saved));

        // Bytes that are not what the file says: the server's reason on the form, nothing filed.
        await Upload("偽のPDF", "fake.pdf", "application/pdf", Encoding.ASCII.GetBytes("just text"), shared: false,
            url => url.EndsWith($"/projects/{project}", StringComparison.Ordinal));
        Assert.Contains("application/pdf", await Page.Locator("[data-testid=form-alert]").InnerTextAsync());
        Assert.DoesNotContain("偽のPDF", await Documents.InnerTextAsync());
    }

    [Fact]
    public async Task the_hotline_shares_one_document_in_english_and_the_company_sees_only_that_one()
    {
        var project = await Api.RegisteredProject();
        await Api.Awarded(project);
        var caseId = await Api.ReportedCase(project, Acme);

        await SignInAs("hotline", name: "kimura");
        await SwitchToEnglish();
        await Open($"/cases/{caseId}");
        Assert.Contains("No documents yet.", await Documents.InnerTextAsync());
        await Upload("Customs notice", "notice.pdf", "application/pdf", Pdf, shared: true, url => url.EndsWith($"/cases/{caseId}", StringComparison.Ordinal));
        await Upload("Internal memo", "memo.txt", "text/plain", Encoding.UTF8.GetBytes("Call the embassy first."), shared: false,
            url => url.EndsWith($"/cases/{caseId}", StringComparison.Ordinal));
        var listed = await Documents.InnerTextAsync();
        Assert.Contains("Customs notice (shared with the company)", listed);
        Assert.Contains("Internal memo", listed);
        await AssertAccessible();

        await SignInAs("company", company: Acme, name: "sato");
        await Open($"/cases/{caseId}");
        listed = await Documents.InnerTextAsync();
        Assert.Contains("Customs notice", listed);
        Assert.DoesNotContain("Internal memo", listed);
        Assert.Equal(0, await Page.Locator("#Upload_Shared").CountAsync()); // a company's own upload is always shared
        await Upload("請求書", "invoice.pdf", "application/pdf", Pdf, shared: false, url => url.EndsWith($"/cases/{caseId}", StringComparison.Ordinal));
        Assert.Contains("請求書", await Documents.InnerTextAsync());
    }
}
