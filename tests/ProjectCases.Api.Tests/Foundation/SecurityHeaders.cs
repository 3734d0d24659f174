using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Foundation;

/// <summary>Issue 22 item 13: every response tells the browser not to sniff, frame or cache it; the one HTML page gets its own policy.</summary>
public class SecurityHeaders(ApiFixture fixture) : ApiTest(fixture)
{
    [Theory]
    [InlineData("officer", "/api/projects", 200), InlineData(null, "/api/projects", 401), InlineData("officer", "/api/nothing-here", 404),
     InlineData(null, "/health/ready", 200), InlineData(null, "/openapi/v1.json", 200)]
    public async Task api_answers_are_not_sniffed_framed_or_cached(string? role, string url, int status)
    {
        var result = await Host.Scenario(s =>
        {
            if (role is not null) s.WithRequestHeader("Authorization", $"Bearer {TokenFor(role)}");
            s.Get.Url(url);
            s.StatusCodeShouldBe(status);
        });
        var headers = result.Context.Response.Headers;
        Assert.Equal("nosniff", headers.XContentTypeOptions.ToString());
        Assert.Equal("no-store", headers.CacheControl.ToString());
        Assert.Equal("DENY", headers.XFrameOptions.ToString());
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", headers.ContentSecurityPolicy.ToString());
        Assert.False(headers.ContainsKey("Server"));
    }

    [Fact]
    public async Task the_api_reference_page_may_run_its_own_script_but_not_be_framed()
    {
        var docs = await Host.Scenario(s => { s.Get.Url("/docs/"); s.StatusCodeShouldBeOk(); });
        var headers = docs.Context.Response.Headers;
        Assert.StartsWith("text/html", docs.Context.Response.ContentType);
        Assert.Equal("nosniff", headers.XContentTypeOptions.ToString());
        Assert.Contains("frame-ancestors 'none'", headers.ContentSecurityPolicy.ToString());
        Assert.Contains("script-src 'self'", headers.ContentSecurityPolicy.ToString());
        Assert.Equal("DENY", headers.XFrameOptions.ToString());
    }

    [Fact]
    public async Task console_pages_may_load_the_services_own_stylesheet_but_run_no_script_and_post_only_to_the_service()
    {
        var page = await Host.Scenario(s => { s.Get.Url("/signin"); s.StatusCodeShouldBeOk(); });
        var policy = page.Context.Response.Headers.ContentSecurityPolicy.ToString();
        Assert.Contains("style-src 'self'", policy); // with the API's "default-src 'none'" the console had no styles at all
        Assert.Contains("script-src 'none'", policy);
        Assert.Contains("form-action 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("no-store", page.Context.Response.Headers.CacheControl.ToString());
    }

    [Fact]
    public void kestrel_does_not_name_itself() =>
        Assert.False(Host.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
}
