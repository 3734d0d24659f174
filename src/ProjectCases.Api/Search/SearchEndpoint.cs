using Marten;
using Microsoft.AspNetCore.Mvc;
using Marten.Linq.MatchesSql;
using Marten.Pagination;
using Microsoft.AspNetCore.Authorization;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Infrastructure.OpenApi;
using ProjectCases.Troubles.Cases;
using Wolverine.Http;

namespace ProjectCases.Search;

public sealed record SearchHit(string Kind, Guid Id, Guid? ProjectId, string Title, string Snippet);

public static class SearchEndpoint
{
    /// <summary>Who may find what (docs/api.md, "Search"): touchpoints are read in project histories, cases on the hotline.</summary>
    private static readonly Dictionary<SearchKind, string[]> ReadersOf = new()
    {
        [SearchKind.Project] = [Roles.Officer, Roles.Hotline, Roles.Company, Roles.Auditor, Roles.Admin],
        [SearchKind.Touchpoint] = [Roles.Officer, Roles.Auditor, Roles.Admin],
        [SearchKind.Trouble] = [Roles.Hotline, Roles.Company, Roles.Auditor, Roles.Admin],
    };

    /// <summary>
    /// `q` (at least two characters; Japanese matches any substring), `kinds` (comma-separated: project,
    /// touchpoint, trouble; default all the caller may read), `page`, `pageSize`. Ordered by kind, then title.
    /// </summary>
    [Query("q", typeof(string), "The text to find (at least two characters; Japanese matches any substring).", Required = true)]
    [Query("kinds", typeof(string), "Comma-separated kinds to find: project, touchpoint, trouble (default: every kind the caller may read).")]
    [Paged]
    [ProducesResponseType<ListPage<SearchHit>>(200)]
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
            else query.AddError("kinds", $"'{name}' is not a kind. Allowed values: project, touchpoint, trouble.");
        }
        if (query.Problem() is { } problem) return Results.Problem(problem);

        var readable = ReadersOf.Where(r => r.Value.Any(context.User.IsInRole)).Select(r => r.Key);
        var kinds = (asked.Count == 0 ? readable : readable.Where(asked.Contains)).ToArray();
        var company = TroubleAccess.CompanyOf(context.User);

        var grams = SearchText.Bigrams(needle);
        var pattern = SearchText.ContainsPattern(needle);
        IQueryable<SearchEntry> entries = session.Query<SearchEntry>().Where(x => kinds.Contains(x.Kind));
        // The bigram index narrows to candidates; LIKE confirms the bigrams are adjacent and in order.
        entries = company is null
            ? entries.Where(x => x.MatchesSql("d.grams @> ? and d.data ->> 'haystack' like ?", grams, pattern))
            : entries.Where(x => x.MatchesSql("d.company_grams @> ? and d.data ->> 'companyHaystack' like ?", grams, pattern)
                                 && (x.Kind != SearchKind.Trouble || x.Company == company));
        var found = await entries.OrderBy(x => x.Kind).ThenBy(x => x.Title).ThenBy(x => x.Id).ToPagedListAsync(page, pageSize, ct);

        var hits = found.Select(x => new SearchHit(x.Kind.ToString().ToLowerInvariant(), x.Id, x.Kind == SearchKind.Project ? null : x.ProjectId,
            x.Title, SearchText.Snippet(company is null ? x.Texts.Values : x.CompanyTexts.Select(f => x.Texts[f]), needle)));
        return Results.Ok(new ListPage<SearchHit>([.. hits], page, pageSize, found.TotalItemCount));
    }
}
