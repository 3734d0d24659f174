using System.Reflection;
using JasperFx.Events;
using ProjectCases.FollowUps.Rules;
using ProjectCases.Infrastructure;

namespace ProjectCases.Tests.FollowUps;

/// <summary>The table is the single declaration: the handlers, the subscription filter and the documentation follow it.</summary>
public class FollowUpRuleTableTests
{
    [Fact]
    public void the_wolverine_entry_points_are_exactly_the_event_types_of_the_table()
    {
        var handled = typeof(FollowUpEventHandler).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == "Handle").Select(m => m.GetParameters()[0].ParameterType.GetGenericArguments()[0]);
        Assert.Equal(FollowUpRules.EventTypes.Select(t => t.Name).Order(), handled.Select(t => t.Name).Order());
    }

    [Fact]
    public void every_rule_opens_tasks_and_has_a_distinct_key()
    {
        Assert.All(FollowUpRules.Table.Rules, rule => Assert.Contains(rule.Reactions, r => r.Opens));
        Assert.Equal(FollowUpRules.Table.Rules.Count, FollowUpRules.Table.Rules.Select(r => r.Id).Distinct().Count());
        Assert.DoesNotContain(RuleId.Manual, FollowUpRules.Table.Rules.Select(r => r.Id));
    }

    [Fact]
    public void the_rules_section_of_the_documentation_is_the_tables_own_description()
    {
        var docs = File.ReadAllText(Path.Combine(SourceCheckout.RootAbove(AppContext.BaseDirectory)!, "docs", "follow-ups.md"));
        var expected = FollowUpRules.Table.Markdown();
        Assert.True(docs.Replace("\r\n", "\n").Contains(expected.Replace("\r\n", "\n")),
            $"docs/follow-ups.md should contain the rules table generated from FollowUpRules.Table:\n{expected}");
    }

    [Fact]
    public void an_event_no_rule_reads_asks_for_nothing() =>
        Assert.Empty(FollowUpRules.For(new Event<ProjectCases.Projects.StudyStarted>(
            new(Guid.NewGuid(), Guid.NewGuid(), ProjectCases.Projects.StudyType.FeasibilityStudy, null, null, null))));
}
