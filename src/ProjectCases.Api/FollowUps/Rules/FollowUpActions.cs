namespace ProjectCases.FollowUps.Rules;

/// <summary>What a rule asks for. Tasks are found again by (rule, subject); a new task's id derives from Key.</summary>
public abstract record FollowUpAction(RuleId Rule, Guid Subject);

/// <summary>FactOn: the business date of the fact that asks for the task (null for hotline tasks), checked against the horizon.</summary>
public sealed record OpenTask(RuleId Rule, Guid Subject, string Key, string Title, DateOnly DueOn, string Owner, Guid? ProjectId, Guid? TroubleId,
    DateOnly? FactOn = null)
    : FollowUpAction(Rule, Subject);

public sealed record CloseTasks(RuleId Rule, Guid Subject, bool Cancel, string Reason) : FollowUpAction(Rule, Subject);

public sealed record MoveTasks(RuleId Rule, Guid Subject, DateOnly DueOn, string Reason) : FollowUpAction(Rule, Subject);

public sealed record ReassignTasks(RuleId Rule, Guid Subject, string Owner) : FollowUpAction(Rule, Subject);
