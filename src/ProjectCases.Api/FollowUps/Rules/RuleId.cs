namespace ProjectCases.FollowUps.Rules;

/// <summary>
/// A follow-up rule's identity; <see cref="Key"/> is what tasks store (FollowUpScheduled.Rule) and what
/// `GET /api/follow-ups?rule=` filters by, so a key never changes once tasks carry it.
/// </summary>
public sealed record RuleId(string Key)
{
    public static readonly RuleId RecordOutcome = new("record-outcome");
    public static readonly RuleId ReviewProgress = new("review-progress");
    public static readonly RuleId ConfirmBidders = new("confirm-bidders");
    public static readonly RuleId PostAwardCheckIn = new("post-award-check-in");
    public static readonly RuleId ReReviewStatus = new("re-review-status");
    public static readonly RuleId FirstResponse = new("first-response");
    public static readonly RuleId Resolution = new("resolution");
    public static readonly RuleId ConfirmRiskState = new("confirm-risk-state");
    public static readonly RuleId InformCompaniesOfRisk = new("inform-companies-of-risk");
    public static readonly RuleId ReviewRiskDecision = new("review-risk-decision");
    /// <summary>Not a rule: a task created by a person (POST /api/follow-ups).</summary>
    public static readonly RuleId Manual = new("manual");

    public override string ToString() => Key;
}
