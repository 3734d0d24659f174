using System.Net;
using System.Text.RegularExpressions;

namespace ProjectCases.Benchmarks;

/// <summary>
/// Issue 20's figure: server time per console page (the project case file and the hotline queue, as HTML), signed
/// in through the development sign-in form (`Console__DevelopmentSignIn`, on for the benchmark's service only) with
/// the cookie sent by hand. One client, one page after another: the latency measured is the server's time plus
/// loopback, an upper bound of the server time.
/// </summary>
public sealed partial class ConsolePages : IDisposable
{
    private readonly HttpClient _http;
    private string _cookies = "";

    private ConsolePages(Uri baseAddress) =>
        // No cookie container: the console's cookie is Secure outside Development, and this talks plain http on loopback.
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// The figures: GET /projects/{id} (the case file with its timeline, as an officer) and GET /hotline (the queue,
    /// as the hotline), warmed up, then <paramref name="samples"/> of each; target p95 under 100 ms.
    /// </summary>
    public static async Task Measure(Uri baseAddress, IReadOnlyList<Guid> projects, int samples, int cases, Results results)
    {
        using var officer = await SignedInAs(baseAddress, "officer");
        using var hotline = await SignedInAs(baseAddress, "hotline");
        await Measurement.Sequential(20, i => officer.Page($"/projects/{projects[(int)(i % projects.Count)]}")); // warm-up
        await Measurement.Sequential(20, _ => hotline.Page("/hotline"));
        var caseFile = await Measurement.Sequential(samples, i => officer.Page($"/projects/{projects[(int)(i * 7 % projects.Count)]}"));
        results.Add("console page /projects/{id} (case file), 1 client", Results.Rate(caseFile.PerSecond, "pages/s"), Results.Latency(caseFile), "",
            "p95 < 100 ms", caseFile.Failures == 0 && caseFile.P95Ms < 100);
        var queue = await Measurement.Sequential(samples, _ => hotline.Page("/hotline"));
        results.Add($"console page /hotline ({cases:N0} cases), 1 client", Results.Rate(queue.PerSecond, "pages/s"), Results.Latency(queue), "",
            "p95 < 100 ms", queue.Failures == 0 && queue.P95Ms < 100);
    }

    /// <summary>Signs in as <paramref name="role"/> on the console's development form (anti-forgery token and cookie included).</summary>
    public static async Task<ConsolePages> SignedInAs(Uri baseAddress, string role)
    {
        var pages = new ConsolePages(baseAddress);
        using var form = await pages.Send(HttpMethod.Get, "/signin");
        var html = await form.Content.ReadAsStringAsync();
        var token = AntiForgeryToken().Match(html) is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException("The sign-in page has no development form: is Console__DevelopmentSignIn on?");
        using var signedIn = await pages.Send(HttpMethod.Post, "/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["role"] = role, ["name"] = $"bench.{role}", ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
        if (signedIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Console sign-in answered {(int)signedIn.StatusCode}.");
        return pages;
    }

    /// <summary>GET of a page: true when it answered 200 with its whole HTML read.</summary>
    public async Task<bool> Page(string path)
    {
        using var response = await Send(HttpMethod.Get, path);
        await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.OK;
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (_cookies.Length > 0) request.Headers.Add("Cookie", _cookies);
        var response = await _http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
        {
            var jar = _cookies.Split("; ", StringSplitOptions.RemoveEmptyEntries).Select(c => c.Split('=', 2)).ToDictionary(c => c[0], c => c[1]);
            foreach (var cookie in set.Select(c => c.Split(';', 2)[0].Split('=', 2))) jar[cookie[0]] = cookie[1];
            _cookies = string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}"));
        }
        return response;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiForgeryToken();

    public void Dispose() => _http.Dispose();
}
