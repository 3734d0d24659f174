using System.Text;
using JasperFx.Events;

namespace ProjectCases.FollowUps.Rules;

/// <summary>
/// The follow-up rules as one table: each rule names its task and, per event type, what that event does to
/// it (with a sentence for the documentation). From this table alone come the subscription's event filter
/// (<see cref="EventTypes"/>), the dispatch (<see cref="For"/>) and the rules section of docs/follow-ups.md
/// (<see cref="Markdown"/>, checked by a test).
/// </summary>
public sealed class FollowUpRuleTable
{
    private readonly List<Rule> _rules = [];

    public Rule Add(RuleId id, string task, string owner, string due)
    {
        var rule = new Rule(this, id, task, owner, due);
        _rules.Add(rule);
        return rule;
    }

    public IReadOnlyList<Rule> Rules => _rules;

    /// <summary>The event types any rule reads, in table order: the subscription's allow-list.</summary>
    public IReadOnlyList<Type> EventTypes => [.. _rules.SelectMany(r => r.Reactions).Select(x => x.EventType).Distinct()];

    /// <summary>What <paramref name="e"/> asks of the tasks, rule by rule in table order. Pure.</summary>
    public IReadOnlyList<FollowUpAction> For(IEvent e) =>
        [.. _rules.SelectMany(r => r.Reactions).Where(x => x.EventType == e.EventType).Select(x => x.Act(e)).OfType<FollowUpAction>()];

    public string Markdown()
    {
        var text = new StringBuilder()
            .AppendLine("| task (rule key) | opened by | owner | due | then |")
            .AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var rule in _rules)
        {
            string Lines(bool opens) => string.Join("; ", rule.Reactions.Where(x => x.Opens == opens).Select(x => $"`{x.EventType.Name}`{(x.Doc.Length == 0 ? "" : " " + x.Doc)}"));
            var then = Lines(opens: false);
            text.AppendLine($"| {rule.Task} (`{rule.Id.Key}`) | {Lines(opens: true)} | {rule.Owner} | {rule.Due} | {(then.Length == 0 ? "— (manual)" : then)} |");
        }
        return text.ToString();
    }

    public sealed record Reaction(Type EventType, bool Opens, string Doc, Func<IEvent, FollowUpAction?> Act);

    public sealed class Rule(FollowUpRuleTable table, RuleId id, string task, string owner, string due)
    {
        private readonly List<Reaction> _reactions = [];
        public RuleId Id => id;
        public string Task => task;
        public string Owner => owner;
        public string Due => due;
        public IReadOnlyList<Reaction> Reactions => _reactions;

        /// <summary>An event that may open a task of this rule (null: not this time).</summary>
        public Rule OpensOn<T>(string when, Func<IEvent<T>, OpenTask?> open) where T : notnull => On(true, when, open);

        /// <summary>An event that completes, cancels, moves or reassigns this rule's open tasks (null: not this time).</summary>
        public Rule Then<T>(string what, Func<IEvent<T>, FollowUpAction?> act) where T : notnull => On(false, what, act);

        public FollowUpRuleTable And => table;

        private Rule On<T>(bool opens, string doc, Func<IEvent<T>, FollowUpAction?> act) where T : notnull
        {
            _reactions.Add(new Reaction(typeof(T), opens, doc, e => act((IEvent<T>)e)));
            return this;
        }
    }
}
