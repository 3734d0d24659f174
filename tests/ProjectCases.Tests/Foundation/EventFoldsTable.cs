using ProjectCases.FollowUps;
using ProjectCases.FollowUps.Tasks;
using ProjectCases.Infrastructure.Marten;
using ProjectCases.Projects;
using ProjectCases.Projects.Status;
using ProjectCases.Troubles;
using ProjectCases.Troubles.Cases;

namespace ProjectCases.Tests.Foundation;

public class EventFoldsTable
{
    private sealed class Tally { public int Count; public string Last = ""; }
    private sealed record Added(int By);
    private sealed record Named(string Name);
    private sealed record Started;
    private sealed record Unrelated;

    private static readonly EventFolds<Tally> Folds = new EventFolds<Tally>()
        .On<Added>((e, t) => t.Count += e.By)
        .On<Named>((e, t) => t.Last = e.Name);

    [Fact]
    public void each_event_is_folded_by_its_own_entry_and_others_change_nothing()
    {
        var tally = new Tally();
        foreach (var e in new object[] { new Added(2), new Named("x"), new Unrelated(), new Added(3) }) Folds.Apply(tally, e);
        Assert.Equal(5, tally.Count);
        Assert.Equal("x", tally.Last);
    }

    [Fact]
    public void the_allow_list_is_the_folded_events_and_the_starting_one()
    {
        var projection = new FollowUpTaskProjection();
        Assert.Equal(
            new[] { typeof(FollowUpScheduled), typeof(FollowUpCompleted), typeof(FollowUpCancelled), typeof(FollowUpRescheduled),
                typeof(FollowUpReassigned), typeof(FollowUpOverdue) }.Order(TypeByName.Instance),
            projection.IncludedEventTypes.Order(TypeByName.Instance));
    }

    [Fact]
    public void the_project_projection_still_hears_the_legacy_trouble_copies_so_its_version_follows_the_stream()
    {
        Assert.Contains(typeof(ProjectRegistered), new ProjectStatusProjection().IncludedEventTypes);
        foreach (var type in new[] { typeof(TroubleReported), typeof(TroubleReopened), typeof(TroubleClosed) })
        {
            Assert.Contains(type, new ProjectStatusProjection().IncludedEventTypes);
            Assert.Contains(type, new TroubleCaseProjection().IncludedEventTypes);
        }
    }

    private sealed class TypeByName : IComparer<Type>
    {
        public static readonly TypeByName Instance = new();
        public int Compare(Type? x, Type? y) => string.CompareOrdinal(x?.FullName, y?.FullName);
    }
}
