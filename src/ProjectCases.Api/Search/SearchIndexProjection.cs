using JasperFx.Events;
using Marten.Events.Projections;
using ProjectCases.Projects;
using ProjectCases.Troubles;

namespace ProjectCases.Search;

/// <summary>
/// Keeps one <see cref="SearchEntry"/> per project, touchpoint, trouble case and engagement (asynchronously: a search
/// finds what was recorded once the daemon has indexed it, normally well within a second; SearchSetup says why).
/// Pure: every text comes from the events. A touchpoint logged for several projects is the
/// same event on each of their streams: it is one entry (keyed by the touchpoint), on the project it was logged on.
/// </summary>
public sealed class SearchIndexProjection : MultiStreamProjection<SearchEntry, Guid>
{
    public SearchIndexProjection()
    {
        Identity<ProjectRegistered>(e => e.ProjectId);
        Identities<TouchpointLogged>(e => [e.ProjectId, e.TouchpointId]);
        Identity<TouchpointOutcomeRecorded>(e => e.TouchpointId);
        Identity<JapaneseBidsRecorded>(e => e.ProjectId);
        Identity<ContractAwarded>(e => e.ProjectId);
        Identity<TroubleReported>(e => e.TroubleId);
        Identity<TroubleNoteAdded>(e => e.TroubleId);
        Identity<TroubleResolved>(e => e.TroubleId);
        // An engagement is one entry from its own stream (never from the copies on the projects it is linked to).
        Identity<Engagements.EngagementRecorded>(e => e.EngagementId);
        Identity<Engagements.EngagementCorrected>(e => e.EngagementId);
        Identity<Engagements.EngagementVoided>(e => e.EngagementId);
    }

    public override SearchEntry? Evolve(SearchEntry? snapshot, Guid id, IEvent e)
    {
        var entry = snapshot ?? new SearchEntry { Id = id };
        switch (e.Data)
        {
            case ProjectRegistered x:
                entry.Kind = SearchKind.Project;
                entry.ProjectId = x.ProjectId;
                entry.Title = x.NameJa is null ? x.Name : $"{x.Name} / {x.NameJa}";
                entry.Set("name", x.Name, company: true);
                entry.Set("nameJa", x.NameJa, company: true);
                entry.Set("summary", x.Summary);
                entry.Set("leadAgency", x.LeadAgency);
                break;
            case TouchpointLogged x when id == x.ProjectId:
                entry.Set($"counterpart:{NormalisedKey(x.Counterpart)}", x.Counterpart);
                break;
            case TouchpointLogged x:
                // The touchpoint's own entry; only its first recording sets the project it belongs to.
                if (entry.ProjectId is null) entry.ProjectId = x.ProjectIds is [var first, ..] ? first : x.ProjectId;
                entry.Kind = SearchKind.Touchpoint;
                entry.Title = $"{x.Kind} with {x.Counterpart} on {x.OccurredOn}";
                entry.Set("summary", x.Summary);
                entry.Set("counterpart", x.Counterpart);
                entry.Set("location", x.Location);
                entry.Set("outcome", x.Outcome);
                break;
            case TouchpointOutcomeRecorded x:
                entry.Set("outcome", x.Outcome);
                break;
            case JapaneseBidsRecorded x:
                foreach (var bidder in x.Bidders) entry.Set($"bidder:{NormalisedKey(bidder)}", bidder);
                break;
            case ContractAwarded x:
                entry.Set($"winner:{NormalisedKey(x.Winner ?? "")}", x.Winner);
                entry.Set($"package:{x.AwardId}", x.Package);
                break;
            case TroubleReported x:
                entry.Kind = SearchKind.Trouble;
                entry.ProjectId = x.ProjectId;
                entry.Company = x.Reporter.Company;
                entry.Title = x.Summary;
                entry.Set("summary", x.Summary, company: true);
                entry.Set("details", x.Details, company: true);
                break;
            case TroubleNoteAdded x:
                entry.Set($"note:{x.NoteId}", x.Text, company: x.Visibility == NoteVisibility.Shared);
                break;
            case TroubleResolved x:
                entry.Set("resolution", x.Summary, company: true);
                break;
            case Engagements.EngagementRecorded x:
                Engagement(entry, x);
                break;
            case Engagements.EngagementCorrected x when snapshot is not null:
                // Found by its corrected texts only: the original ones are in its history, not in the search.
                entry.Texts.Clear();
                entry.CompanyTexts.Clear();
                Engagement(entry, x.Corrected);
                break;
            case Engagements.EngagementVoided:
                return null; // recorded by mistake: no longer found (Marten deletes the entry)
            default:
                return snapshot;
        }
        return entry.Reindex();
    }

    private static void Engagement(SearchEntry entry, Engagements.EngagementRecorded x)
    {
        entry.Kind = SearchKind.Engagement;
        // The first project it concerns, if any: most engagements concern a whole country partnership.
        entry.ProjectId = x.ProjectIds is [var concerned, ..] ? concerned : null;
        entry.Title = x.Touchpoint is { } tp ? $"{tp.Kind} with {tp.Counterpart} on {tp.OccurredOn}" : $"{x.Agreement!.Title} ({x.Agreement.SignedOn})";
        entry.Set("country", x.Country);
        entry.Set("summary", x.Touchpoint?.Summary);
        entry.Set("counterpart", x.Touchpoint?.Counterpart);
        entry.Set("location", x.Touchpoint?.Location);
        entry.Set("outcome", x.Touchpoint?.Outcome);
        entry.Set("title", x.Agreement?.Title);
        entry.Set("parties", x.Agreement is { } agreement ? string.Join(", ", agreement.Parties) : null);
    }

    private static string NormalisedKey(string text) => SearchText.Normalise(text.Trim());
}
