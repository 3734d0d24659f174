using System.Text.Json.Serialization;

namespace ProjectCases.Search;

public enum SearchKind { Project, Touchpoint, Trouble, Engagement }

/// <summary>
/// One searchable thing (a project, a touchpoint, a trouble case or an engagement of a country partnership), kept by <see cref="SearchIndexProjection"/>.
/// Two views of its text: everything (for the roles that may read all of it), and what a company user may
/// read (a project's company view: its names; the company's own case: summary and shared notes).
/// Haystack and CompanyHaystack are the normalised texts; Grams and CompanyGrams their bigrams, computed from them and
/// stored only in columns with GIN indexes (SearchSetup), not in the JSON, which they would nearly double.
/// </summary>
public sealed class SearchEntry
{
    public Guid Id { get; set; }
    public SearchKind Kind { get; set; }
    public Guid? ProjectId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>For trouble cases: the reporting company (who else may find it); null for everything else.</summary>
    public string? Company { get; set; }

    /// <summary>The searchable texts as written, by field ("name", "summary", "bidder", "note:{id}", ...).</summary>
    public Dictionary<string, string> Texts { get; set; } = [];
    /// <summary>The keys of <see cref="Texts"/> a company user may read.</summary>
    public List<string> CompanyTexts { get; set; } = [];

    public string Haystack { get; set; } = "";
    public string CompanyHaystack { get; set; } = "";
    [JsonIgnore] public string[] Grams => SearchText.Bigrams(Haystack);
    [JsonIgnore] public string[] CompanyGrams => SearchText.Bigrams(CompanyHaystack);

    public void Set(string field, string? text, bool company = false)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        Texts[field] = text;
        if (company && !CompanyTexts.Contains(field)) CompanyTexts.Add(field);
    }

    /// <summary>Recomputes the normalised texts after the texts changed.</summary>
    public SearchEntry Reindex()
    {
        // A separator no query can contain keeps a match from spanning two fields.
        Haystack = string.Join("\n", Texts.Values.Select(SearchText.Normalise));
        CompanyHaystack = string.Join("\n", CompanyTexts.Select(field => SearchText.Normalise(Texts[field])));
        return this;
    }
}
