using Deque.AxeCore.Playwright;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;

namespace ProjectCases.Console.Tests.Support;

/// <summary>
/// Base of every browser journey: the shared application and browser, all data reset before each test, a
/// fresh browser context (no cookies) at 1280 px, and the real API for giving state.
/// </summary>
[Collection(ConsoleCollection.Name)]
public abstract class ConsoleTest(ConsoleFixture fixture) : IAsyncLifetime
{
    private IBrowserContext? _context;

    protected ConsoleFixture Fixture => fixture;
    protected IPage Page { get; private set; } = null!;
    protected ApiClient Api { get; private set; } = null!;
    protected IDocumentStore Store => fixture.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        fixture.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        await WaitForProjections();
        await ResetData();
        _context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            // The browser's own zone and language must not matter: the console shows Japan time, in Japanese first.
            TimezoneId = "UTC",
            Locale = "en-US",
        });
        // Generous: a page waits on the server, which shares two cores with PostgreSQL and the build (10 s timed out in CI).
        _context.SetDefaultTimeout(30_000);
        Page = await _context.NewPageAsync();
        Api = new ApiClient(fixture.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        if (_context is not null) await _context.CloseAsync();
    }

    private async Task ResetData()
    {
        for (var attempt = 1; ; attempt++)
        {
            try { await fixture.Host.ResetAllMartenDataAsync(); return; }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.DeadlockDetected && attempt < 3) { }
        }
    }

    /// <summary>Async projections (queue order, follow-ups, reports, seals) caught up with every event so far.</summary>
    protected async Task WaitForProjections()
    {
        await using (var session = Store.QuerySession())
            if (!await session.Events.QueryAllRawEvents().AnyAsync()) return;
        await fixture.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Signs in on the development sign-in page, as a person would.</summary>
    protected async Task SignInAs(string role, string? company = null, string? name = null)
    {
        var response = await Page.GotoAsync("/signin", new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        if (response is { Ok: false }) Assert.Fail($"/signin answered {response.Status}: {await Page.ContentAsync()}");
        await Page.Locator("#role").SelectOptionAsync(role);
        if (company is not null) await Page.Locator("#company").FillAsync(company);
        if (name is not null) await Page.Locator("#name").FillAsync(name);
        await Page.Locator("form.form button[type=submit]").ClickAsync();
        await WaitForUrl(url => !url.Contains("/signin", StringComparison.Ordinal));
    }

    protected async Task SwitchToEnglish()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Page.WaitForSelectorAsync("html[lang=en]");
    }

    /// <summary>Submits the filter form and waits for the page it leads to.</summary>
    protected async Task Filter(string buttonName)
    {
        var before = Page.Url;
        await Page.GetByRole(AriaRole.Button, new() { Name = buttonName, Exact = true }).ClickAsync();
        await WaitForUrl(url => url != before);
    }

    /// <summary>
    /// Waits for a navigation to reach <paramref name="arrived"/> and its document to be parsed. (Headless chromium
    /// here did not always fire "load" after a form post, so Playwright's default wait is not used.)
    /// </summary>
    protected Task WaitForUrl(Func<string, bool> arrived) =>
        Page.WaitForURLAsync(arrived, new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });

    /// <summary>The write form marked data-testid="{name}-form".</summary>
    protected ILocator Form(string name) => Page.Locator($"[data-testid={name}-form]");

    /// <summary>
    /// Submits a write form and waits for the page its post answers (the record after post/redirect/get, or the form
    /// again with the refusal); then checks where it arrived, showing the page when that is not <paramref name="arrived"/>.
    /// </summary>
    protected Task Submit(string form, Func<string, bool> arrived) =>
        Navigate(() => Form(form).Locator("button[type=submit]").ClickAsync(), arrived, form);

    /// <summary>Follows the link named <paramref name="name"/> and waits for the page it leads to.</summary>
    protected Task Follow(string name, Func<string, bool> arrived) =>
        Navigate(() => Page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync(), arrived, name);

    protected async Task Navigate(Func<Task> action, Func<string, bool> arrived, string what)
    {
        // The current document is marked; the next page is a new document without the mark (even at the same address).
        // Not Playwright's navigation waits: headless chromium here did not always report them (see WaitForUrl).
        await Page.EvaluateAsync("document.documentElement.dataset.beforeNavigation = 'yes'");
        await action();
        await WaitUntil("document.readyState !== 'loading' && document.documentElement.dataset.beforeNavigation !== 'yes'", what);
        Assert.True(arrived(Page.Url), $"{what}: arrived at {Page.Url}: {await MainText()}");
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds in the page. Polled from here, not with WaitForFunction: that
    /// evaluates strings inside the page, which the console's content policy (no script) forbids.
    /// </summary>
    protected async Task WaitUntil(string condition, string what)
    {
        for (var attempt = 0; attempt < 400; attempt++)
        {
            try
            {
                if (await Page.EvaluateAsync<bool>(condition)) return;
            }
            catch (PlaywrightException) { } // the document is being replaced: ask the next one
            await Task.Delay(25);
        }
        Assert.Fail($"{what}: still waiting for {condition} at {Page.Url}");
    }

    protected async Task Open(string path)
    {
        var response = await Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.NotNull(response);
    }

    protected async Task<string> MainText() => await Page.Locator("main").InnerTextAsync();

    /// <summary>No serious or critical accessibility violation on the current page (axe-core).</summary>
    protected async Task AssertAccessible()
    {
        var result = await Page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{Page.Url}: " + string.Join("; ",
            serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html).Take(3))}")));
    }
}
