namespace ProjectCases.Projects.Corrections;

/// <summary>A fact as it counts now: recorded at <paramref name="Version"/>, with its corrected values if it was corrected.</summary>
public sealed record CountedFact(long Version, ProjectFact Fact, bool Corrected);

/// <summary>
/// The corrected view of a project stream: its facts in recording order, voided ones left out and corrected
/// ones with their corrected values (still at their original version). Pure; the status projection folds it
/// after a correction, and correction decisions look facts and their dependants up in it.
/// </summary>
public sealed record ProjectRecord(Guid Id, long Version, bool Voided, IReadOnlyList<CountedFact> Facts, IReadOnlySet<long> VoidedVersions)
{
    public static ProjectRecord Of(Guid id, IEnumerable<(long Version, object Data)> events)
    {
        var facts = new List<CountedFact>();
        var voided = new HashSet<long>();
        long last = 0;
        var projectVoided = false;
        foreach (var (version, data) in events)
        {
            last = version;
            switch (data)
            {
                case FactVoided x:
                    facts.RemoveAll(f => f.Version == x.Version);
                    voided.Add(x.Version);
                    break;
                case FactCorrected x when facts.FindIndex(f => f.Version == x.Version) is var index and >= 0:
                    facts[index] = new CountedFact(x.Version, x.Corrected, true);
                    break;
                case ProjectVoided:
                    projectVoided = true;
                    break;
                default:
                    if (ProjectFact.Of(data) is { } fact) facts.Add(new CountedFact(version, fact, false));
                    break;
            }
        }
        return new ProjectRecord(id, last, projectVoided, facts, voided);
    }

    public CountedFact? Find(long version) => Facts.FirstOrDefault(f => f.Version == version);

    /// <summary>
    /// The first counted fact that needs <paramref name="fact"/> to make sense (bids, an award or a failure of a
    /// tender; the outcome of a touchpoint; the completion of a study), in words, or null when none does.
    /// </summary>
    public string? DependantOf(CountedFact fact)
    {
        foreach (var other in Facts.Where(f => f.Version != fact.Version))
        {
            var depends = (fact.Fact.Value, other.Fact.Value) switch
            {
                (TenderOpened t, JapaneseBidsRecorded b) when b.TenderId == t.TenderId => "the Japanese bids",
                (TenderOpened t, ContractAwarded a) when a.TenderId == t.TenderId => "the award",
                (TenderOpened t, TenderFailed f) when f.TenderId == t.TenderId => "the failure",
                (TouchpointLogged t, TouchpointOutcomeRecorded o) when o.TouchpointId == t.TouchpointId => "the outcome",
                (StudyStarted s, StudyCompleted c) when c.StudyId == s.StudyId => "the completion",
                _ => null,
            };
            if (depends is not null) return $"{depends} recorded at version {other.Version}";
        }
        return null;
    }
}
