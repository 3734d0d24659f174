using Marten;
using Microsoft.AspNetCore.Mvc;
using Marten.Linq.MatchesSql;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Infrastructure.OpenApi;
using ProjectCases.Troubles.Cases;
using Wolverine.Http;

namespace ProjectCases.Search;

public sealed record SearchHit(string Kind, Guid Id, Guid? ProjectId, string Title, string Snippet);

/// <summary>A page of hits. `total` is exact up to <see cref="SearchEndpoint.MaxCounted"/>; past it, `totalIsLowerBound` says "at least".</summary>
public sealed record SearchPage(IReadOnlyList<SearchHit> Items, int Page, int PageSize, long Total, bool TotalIsLowerBound);

public static class SearchEndpoint
{
    /// <summary>Who may find what (docs/api.md, "Search"): touchpoints are read in project histories, cases on the hotline.</summary>
    private static readonly Dictionary<SearchKind, string[]> ReadersOf = new()
    {
        [SearchKind.Project] = [Roles.Officer, Roles.Hotline, Roles.Company, Roles.Auditor, Roles.Admin],
        [SearchKind.Touchpoint] = [Roles.Officer, Roles.Auditor, Roles.Admin],
        [SearchKind.Trouble] = [Roles.Hotline, Roles.Company, Roles.Auditor, Roles.Admin],
        [SearchKind.Engagement] = [Roles.Officer, Roles.Auditor, Roles.Admin], // as GET /api/engagements
    };

    /// <summary>
    /// How far matches are counted. Counting every match of a frequent two-character term cost more than the rest of
    /// the search together (docs/search.md); nobody pages through a thousand hits, they refine the query.
    /// </summary>
    public const int MaxCounted = 1000;

    /// <summary>
    /// `q` (at least two characters; Japanese matches any substring), `kinds` (comma-separated: project,
    /// touchpoint, trouble, engagement; default all the caller may read), `page`, `pageSize`. Ordered by title (then id), which
    /// an index serves: a frequent term finds its first page by walking titles, a rare one through the bigram index.
    /// </summary>
    [Query("q", typeof(string), "The text to find (at least two characters; Japanese matches any substring).", Required = true)]
    [Query("kinds", typeof(string), "Comma-separated kinds to find: project, touchpoint, trouble, engagement (default: every kind the caller may read).")]
    [Paged]
    [ProducesResponseType<SearchPage>(200)]
    [WolverineGet("/api/search"), Authorize(Roles = Roles.ProjectReaders)]
    public static async Task<IResult> Get(HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var query = new QueryParameters(context.Request);
        var text = query.Text("q");
        var kindsText = query.Text("kinds");
        var (page, pageSize) = query.Paging();
        var needle = text is null ? "" : SearchText.Normalise(text);
        if (text is null) query.AddError("q", "is required: the text to find.");
        else if (needle.Length < SearchText.MinQueryLength) query.AddError("q", $"must have at least {SearchText.MinQueryLength} characters.");
        var asked = new HashSet<SearchKind>();
        foreach (var name in (kindsText ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!name.Any(char.IsDigit) && Enum.TryParse<SearchKind>(name, ignoreCase: true, out var kind)) asked.Add(kind);
            else query.AddError("kinds", $"'{name}' is not a kind. Allowed values: project, touchpoint, trouble, engagement.");
        }
        if (query.Problem() is { } problem) return Results.Problem(problem);

        var readable = ReadersOf.Where(r => r.Value.Any(context.User.IsInRole)).Select(r => r.Key);
        var kinds = (asked.Count == 0 ? readable : readable.Where(asked.Contains)).ToArray();
        var company = TroubleAccess.CompanyOf(context.User);

        var grams = SearchText.Bigrams(needle);
        var pattern = SearchText.ContainsPattern(needle);
        IQueryable<SearchEntry> entries = session.Query<SearchEntry>().Where(x => kinds.Contains(x.Kind));
        // The bigram index narrows to candidates; LIKE confirms the bigrams are adjacent and in order. A query of one
        // bigram (two characters) needs no confirming: its bigram is present exactly when the text contains it, and
        // without the LIKE PostgreSQL estimates the matches well enough to choose the title walk for frequent terms.
        // (The array is cast to object so that it is one parameter, not MatchesSql's params array.)
        var oneBigram = grams.Length == 1;
        entries = (company, oneBigram) switch
        {
            (null, true) => entries.Where(x => x.MatchesSql("d.grams @> ?", (object)grams)),
            (null, false) => entries.Where(x => x.MatchesSql("d.grams @> ? and d.data ->> 'haystack' like ?", grams, pattern)),
            (_, true) => entries.Where(x => x.MatchesSql("d.company_grams @> ?", (object)grams)),
            (_, false) => entries.Where(x => x.MatchesSql("d.company_grams @> ? and d.data ->> 'companyHaystack' like ?", grams, pattern)),
        };
        if (company is not null) entries = entries.Where(x => x.Kind != SearchKind.Trouble || x.Company == company);
        // Only what a hit shows: an entry's JSON also carries its normalised texts and their bigrams (several times the
        // texts themselves), which a page of 50 large project entries made the bulk of the response time.
        var found = await entries.OrderBy(x => x.Title).ThenBy(x => x.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => new FoundEntry(x.Id, x.Kind, x.ProjectId, x.Title, x.Texts, x.CompanyTexts)).ToListAsync(ct);
        var counted = (await entries.Select(x => x.Id).Take(MaxCounted + 1).ToListAsync(ct)).Count;

        var hits = found.Select(x => new SearchHit(x.Kind.ToString().ToLowerInvariant(), x.Id, x.Kind == SearchKind.Project ? null : x.ProjectId,
            x.Title, SearchText.Snippet(company is null ? x.Texts.Values : x.CompanyTexts.Select(f => x.Texts[f]), needle)));
        return Results.Ok(new SearchPage([.. hits], page, pageSize, Math.Min(counted, MaxCounted), counted > MaxCounted));
    }

    private sealed record FoundEntry(Guid Id, SearchKind Kind, Guid? ProjectId, string Title, Dictionary<string, string> Texts, List<string> CompanyTexts);
}
